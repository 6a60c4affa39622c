import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateOrganisationForm, listOrganisationsOnPlatform } from "@/modules/administration";
import { organisationKindLabel } from "@/domain/vocabulary";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { DataTable } from "@/ui/data-table";

export const metadata: Metadata = { title: "Organisationer på plattformen" };

// The platform admin's page (issue 19.1): every organisation of the installation and a form for a
// new one with its first admin. Nothing of an organisation's content is shown here.
export default async function PlatformPage() {
  const user = await requireUser("/plattform");
  if (!authorizeGlobal(user, "platform.manageOrganisations").ok) notFound();
  const organisations = await listOrganisationsOnPlatform(getDb());
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold">Organisationer på plattformen</h1>
      <DataTable
        caption="Organisationer"
        rows={organisations}
        rowKey={(o) => o.id}
        columns={[
          { header: "Namn", cell: (o) => o.name },
          { header: "Slag", cell: (o) => organisationKindLabel[o.kind] },
          { header: "Publik adress", cell: (o) => `/${o.slug}/anslagstavla` },
          { header: "Organ", cell: (o) => o._count.bodies },
          { header: "Användare", cell: (o) => o._count.users },
        ]}
      />
      <section aria-labelledby="rubrik-ny-organisation" className="mt-10">
        <h2 id="rubrik-ny-organisation" className="mb-4 text-2xl font-semibold">
          Ny organisation
        </h2>
        <CreateOrganisationForm />
      </section>
    </>
  );
}
