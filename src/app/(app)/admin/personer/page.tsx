import type { Metadata } from "next";
import { AdminPage, OrganisationSections, PeopleTable, listPeople, requireAdminPage } from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Personer" };

export default async function PeoplePage() {
  await requireAdminPage("/admin/personer", "admin.managePeople");
  const organisations = await listPeople(getDb());
  return (
    <AdminPage here="Personer" title="Personer">
      <p className="mt-2">
        Byt namn på en person, slå ihop en dubblett med rätt person eller ta bort en person som inte används. Protokoll
        som skickats till justering visar alltid namnen som de signerades.
      </p>
      <OrganisationSections organisations={organisations} idPrefix="personer">
        {(o) => <PeopleTable organisation={o} />}
      </OrganisationSections>
    </AdminPage>
  );
}
