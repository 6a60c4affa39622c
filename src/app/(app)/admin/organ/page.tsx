import Link from "next/link";
import { OrganisationSections, adminPage, listOrganisationSettings } from "@/modules/administration";
import { bodyKindLabel } from "@/domain/vocabulary";
import { getDb } from "@/server/db";
import { DataTable } from "@/ui/data-table";
import { TextLink } from "@/ui/text-link";

const page = adminPage({ path: "/admin/organ", title: "Organ", permission: "admin.manageBodies" }, async () => {
  const organisations = await listOrganisationSettings(getDb());
  return (
    <OrganisationSections organisations={organisations} idPrefix="org">
      {(o) => (
        <>
          <p className="mt-2 flex flex-wrap gap-4">
            <Link
              href={`/admin/organ/ny?organisation=${o.id}`}
              className="inline-block rounded bg-[var(--color-brand)] px-3 py-1.5 font-semibold text-white"
            >
              Nytt organ<span className="sr-only"> i {o.name}</span>
            </Link>
            <TextLink href={`/admin/organisation?id=${o.id}`}>
              Organisationens uppgifter och anslagets text<span className="sr-only"> för {o.name}</span>
            </TextLink>
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
                  cell: (b) => <TextLink href={`/admin/organ/${b.slug}`}>{b.name}</TextLink>,
                },
                { header: "Slag", cell: (b) => bodyKindLabel[b.kind] },
                { header: "Genitiv", cell: (b) => b.genitiveName },
                { header: "Platser", cell: (b) => b.seatCount },
                { header: "Rapporterar till", cell: (b) => b.parentName ?? "–" },
              ]}
            />
          )}
        </>
      )}
    </OrganisationSections>
  );
});

export const metadata = page.metadata;
export default page.Page;
