import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateUserForm, UsersTable, listOrganisations, listUnlinkedPeople, listUsers } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Användare" };

export default async function UsersPage() {
  const user = await requireUser("/admin/anvandare");
  if (!authorizeGlobal(user, "admin.manageUsers").ok) notFound();
  const db = getDb();
  const [users, people, organisations] = await Promise.all([
    listUsers(db),
    listUnlinkedPeople(db),
    listOrganisations(db),
  ]);
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        › Användare
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Användare</h1>
      <UsersTable users={users} />
      <section aria-labelledby="rubrik-ny" className="mt-10">
        <h2 id="rubrik-ny" className="text-2xl font-semibold">
          Ny användare
        </h2>
        <CreateUserForm people={people} organisations={organisations} />
      </section>
    </>
  );
}
