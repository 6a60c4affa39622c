import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AdminPage,
  OrganisationForm,
  adminLink,
  findOrganisationSettings,
  requireAdminPage,
} from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Organisationens uppgifter" };

type Props = { searchParams: Promise<{ id?: string }> };

export default async function OrganisationPage({ searchParams }: Props) {
  await requireAdminPage("/admin/organisation", "admin.manageOrganisation");
  const found = await findOrganisationSettings(getDb(), (await searchParams).id);
  if (!found) notFound();
  const { organisation, others } = found;
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
              <Link href={`/admin/organisation?id=${o.id}`} className={adminLink}>
                {o.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <OrganisationForm organisation={organisation} />
    </AdminPage>
  );
}
