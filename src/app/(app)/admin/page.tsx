import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listBodies, listUsers } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await requireUser("/admin");
  if (!authorizeGlobal(user, "admin.manageUsers").ok) notFound();
  const [users, bodies] = await Promise.all([listUsers(getDb()), listBodies(getDb())]);
  const admins = users.filter((u) => u.isAdmin).length;
  return (
    <>
      <h1 className="text-3xl font-semibold">Administration</h1>
      <nav aria-label="Administration" className="mt-4">
        <ul className="flex flex-wrap gap-3">
          <li>
            <Link
              href="/admin/anvandare"
              className="inline-block rounded border border-[var(--color-brand)] bg-[var(--color-brand)] px-3 py-1.5 font-semibold text-white"
            >
              Användare
            </Link>
          </li>
          <li>
            <Link
              href="/admin/organ"
              className="inline-block rounded border border-[var(--color-brand)] px-3 py-1.5 text-[var(--color-brand)]"
            >
              Organ
            </Link>
          </li>
          <li>
            <Link
              href="/admin/organisation"
              className="inline-block rounded border border-[var(--color-brand)] px-3 py-1.5 text-[var(--color-brand)]"
            >
              Organisationen och anslaget
            </Link>
          </li>
          <li>
            <Link
              href="/admin/personer"
              className="inline-block rounded border border-[var(--color-brand)] px-3 py-1.5 text-[var(--color-brand)]"
            >
              Personer
            </Link>
          </li>
          {bodies.map((b) => (
            <li key={b.id}>
              <Link
                href={`/admin/organ/${b.slug}`}
                className="inline-block rounded border border-[var(--color-brand)] px-3 py-1.5 text-[var(--color-brand)]"
              >
                Ledamöter i {b.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="rubrik-anvandare" className="mt-8">
        <h2 id="rubrik-anvandare" className="text-2xl font-semibold">
          Användare
        </h2>
        <p className="mt-2">
          {users.length} användare, varav {admins === 1 ? "1 administratör" : `${admins} administratörer`}.{" "}
          <Link href="/admin/anvandare" className="text-[var(--color-brand)] underline underline-offset-2">
            Skapa användare, byt lösenord och ge roller i organ
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="rubrik-organ" className="mt-8">
        <h2 id="rubrik-organ" className="text-2xl font-semibold">
          Ledamöter och ersättare
        </h2>
        {bodies.length === 0 ? (
          <p className="mt-2">Det finns inga organ ännu.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {bodies.map((b) => (
              <li key={b.id}>
                <Link
                  href={`/admin/organ/${b.slug}`}
                  className="text-[var(--color-brand)] underline underline-offset-2"
                >
                  {b.name}
                </Link>{" "}
                ({b.organisationName}): {b.membershipCount === 1 ? "1 uppdrag" : `${b.membershipCount} uppdrag`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
