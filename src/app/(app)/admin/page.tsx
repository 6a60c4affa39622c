import type { Metadata } from "next";
import Link from "next/link";
import { AdminSection, listBodies, listUsers, requireAdminPage } from "@/modules/administration";
import { getDb } from "@/server/db";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Administration" };

/** The admin pages; the first is this page's main task. */
const SECTIONS = [
  { href: "/admin/anvandare", label: "Användare" },
  { href: "/admin/organ", label: "Organ" },
  { href: "/admin/organisation", label: "Organisationen och anslaget" },
  { href: "/admin/personer", label: "Personer" },
  { href: "/admin/logg", label: "Händelselogg" },
].map((s) => ({ key: s.href, ...s }));

const tab = "inline-block rounded border border-[var(--color-brand)] px-3 py-1.5";

export default async function AdminHomePage() {
  const { organisationId } = await requireAdminPage("/admin", "admin.manageUsers");
  const [users, bodies] = await Promise.all([listUsers(getDb(), organisationId), listBodies(getDb(), organisationId)]);
  const admins = users.filter((u) => u.isAdmin).length;
  return (
    <>
      <h1 className="text-3xl font-semibold">Administration</h1>
      <nav aria-label="Administration" className="mt-4">
        <ul className="flex flex-wrap gap-3">
          {[
            ...SECTIONS,
            ...bodies.map((b) => ({ key: b.id, href: `/admin/organ/${b.slug}`, label: `Ledamöter i ${b.name}` })),
          ].map((l, i) => (
            <li key={l.key}>
              <Link
                href={l.href}
                className={`${tab} ${i === 0 ? "bg-[var(--color-brand)] font-semibold text-white" : "text-[var(--color-brand)]"}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <AdminSection id="rubrik-anvandare" title="Användare" className="mt-8">
        <p className="mt-2">
          {users.length} användare, varav {admins === 1 ? "1 administratör" : `${admins} administratörer`}.{" "}
          <TextLink href="/admin/anvandare">Skapa användare, byt lösenord och ge roller i organ</TextLink>.
        </p>
      </AdminSection>

      <AdminSection id="rubrik-organ" title="Ledamöter och ersättare" className="mt-8">
        {bodies.length === 0 ? (
          <p className="mt-2">Det finns inga organ ännu.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {bodies.map((b) => (
              <li key={b.id}>
                <TextLink href={`/admin/organ/${b.slug}`}>{b.name}</TextLink> ({b.organisationName}):{" "}
                {b.membershipCount === 1 ? "1 uppdrag" : `${b.membershipCount} uppdrag`}
              </li>
            ))}
          </ul>
        )}
      </AdminSection>
    </>
  );
}
