import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeopleTable, listPeople } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Personer" };

export default async function PeoplePage() {
  const user = await requireUser("/admin/personer");
  if (!authorizeGlobal(user, "admin.managePeople").ok) notFound();
  const organisations = await listPeople(getDb());
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        › Personer
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Personer</h1>
      <p className="mt-2">
        Byt namn på en person, slå ihop en dubblett med rätt person eller ta bort en person som inte används. Protokoll
        som skickats till justering visar alltid namnen som de signerades.
      </p>
      {organisations.map((o) => (
        <section key={o.id} aria-labelledby={`personer-${o.id}`} className="mt-6">
          <h2 id={`personer-${o.id}`} className="text-2xl font-semibold">
            {o.name}
          </h2>
          <PeopleTable organisation={o} />
        </section>
      ))}
    </>
  );
}
