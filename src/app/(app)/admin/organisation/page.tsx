import type { Metadata } from "next";
import { AdminPage, OrganisationForm, requireOrganisationPage } from "@/modules/administration";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Organisationens uppgifter" };

type Props = { searchParams: Promise<{ id?: string }> };

export default async function OrganisationPage({ searchParams }: Props) {
  const { organisation, others } = await requireOrganisationPage(
    "/admin/organisation",
    "admin.manageOrganisation",
    (await searchParams).id,
  );
  return (
    <AdminPage here="Organisationens uppgifter" title={`Organisationens uppgifter: ${organisation.name}`}>
      <p className="mt-2">
        Uppgifterna skrivs in i anslaget när ett protokoll justeras. Ett protokoll som redan är justerat behåller sitt
        anslag.
      </p>
      {others.length > 0 && (
        <p className="mt-2">
          Andra organisationer:{" "}
          {others.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ", "}
              <TextLink href={`/admin/organisation?id=${o.id}`}>{o.name}</TextLink>
            </span>
          ))}
        </p>
      )}
      <OrganisationForm organisation={organisation} />
    </AdminPage>
  );
}
