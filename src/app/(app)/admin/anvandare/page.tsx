import {
  AdminSection,
  CreateUserForm,
  UsersTable,
  adminPage,
  listOrganisations,
  listUnlinkedPeople,
  listUsers,
} from "@/modules/administration";
import { getDb } from "@/server/db";

const page = adminPage(
  { path: "/admin/anvandare", title: "Användare", permission: "admin.manageUsers" },
  async (organisationId) => {
    const db = getDb();
    const [users, people, organisations] = await Promise.all([
      listUsers(db, organisationId),
      listUnlinkedPeople(db, organisationId),
      listOrganisations(db, organisationId),
    ]);
    return (
      <>
        <UsersTable users={users} />
        <AdminSection id="rubrik-ny" title="Ny användare">
          <CreateUserForm people={people} organisations={organisations} />
        </AdminSection>
      </>
    );
  },
);

export const metadata = page.metadata;
export default page.Page;
