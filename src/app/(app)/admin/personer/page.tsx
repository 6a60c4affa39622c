import { OrganisationSections, PeopleTable, adminPage, listPeople } from "@/modules/administration";
import { getDb } from "@/server/db";

const page = adminPage({ path: "/admin/personer", title: "Personer", permission: "admin.managePeople" }, async () => {
  const organisations = await listPeople(getDb());
  return (
    <>
      <p className="mt-2">
        Byt namn på en person, slå ihop en dubblett med rätt person eller ta bort en person som inte används. Protokoll
        som skickats till justering visar alltid namnen som de signerades.
      </p>
      <OrganisationSections organisations={organisations} idPrefix="personer">
        {(o) => <PeopleTable organisation={o} />}
      </OrganisationSections>
    </>
  );
});

export const metadata = page.metadata;
export default page.Page;
