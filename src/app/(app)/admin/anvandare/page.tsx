import type { Metadata } from "next";
import {
  AdminPage,
  AdminSection,
  CreateUserForm,
  UsersTable,
  listOrganisations,
  listUnlinkedPeople,
  listUsers,
  requireAdminPage,
} from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Användare" };

export default async function UsersPage() {
  await requireAdminPage("/admin/anvandare", "admin.manageUsers");
  const db = getDb();
  const [users, people, organisations] = await Promise.all([
    listUsers(db),
    listUnlinkedPeople(db),
    listOrganisations(db),
  ]);
  return (
    <AdminPage here="Användare" title="Användare">
      <UsersTable users={users} />
      <AdminSection id="rubrik-ny" title="Ny användare">
        <CreateUserForm people={people} organisations={organisations} />
      </AdminSection>
    </AdminPage>
  );
}
