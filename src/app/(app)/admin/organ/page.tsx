import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listOrganisationSettings } from "@/modules/administration";
import { bodyKindLabel } from "@/domain/vocabulary";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { DataTable } from "@/ui/data-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organ" };

const link = "text-[var(--color-brand)] underline underline-offset-2";

export default async function BodiesPage() {
  const user = await requireUser("/admin/organ");
  if (!authorizeGlobal(user, "admin.manageBodies").ok) notFound();
  const organisations = await listOrganisationSettings(getDb());
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className={link}>
          Administration
        </Link>{" "}
        › Organ
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Organ</h1>
      {organisations.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.id}`} className="mt-6">
          <h2 id={`org-${o.id}`} className="text-2xl font-semibold">
            {o.name}
          </h2>
          <p className="mt-2 flex flex-wrap gap-4">
            <Link
              href={`/admin/organ/ny?organisation=${o.id}`}
              className="inline-block rounded bg-[var(--color-brand)] px-3 py-1.5 font-semibold text-white"
            >
              Nytt organ<span className="sr-only"> i {o.name}</span>
            </Link>
            <Link href={`/admin/organisation?id=${o.id}`} className={link}>
              Organisationens uppgifter och anslagets text<span className="sr-only"> för {o.name}</span>
            </Link>
          </p>
          {o.bodies.length === 0 ? (
            <p className="mt-2">Organisationen har inga organ ännu.</p>
          ) : (
            <DataTable
              caption={`Organ i ${o.name}`}
              rows={o.bodies}
              rowKey={(b) => b.id}
              columns={[
                {
                  header: "Namn",
                  cell: (b) => (
                    <Link href={`/admin/organ/${b.slug}`} className={link}>
                      {b.name}
                    </Link>
                  ),
                },
                { header: "Slag", cell: (b) => bodyKindLabel[b.kind] },
                { header: "Genitiv", cell: (b) => b.genitiveName },
                { header: "Platser", cell: (b) => b.seatCount },
                { header: "Rapporterar till", cell: (b) => b.parentName ?? "–" },
              ]}
            />
          )}
        </section>
      ))}
    </>
  );
}
