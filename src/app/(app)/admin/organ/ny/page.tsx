import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPage, BodyForm, findOrganisationSettings, requireAdminPage } from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Nytt organ" };

type Props = { searchParams: Promise<{ organisation?: string }> };

export default async function NewBodyPage({ searchParams }: Props) {
  await requireAdminPage("/admin/organ/ny", "admin.manageBodies");
  const found = await findOrganisationSettings(getDb(), (await searchParams).organisation);
  if (!found) notFound();
  const { organisation } = found;
  return (
    <AdminPage
      trail={[{ href: "/admin/organ", label: "Organ" }]}
      here="Nytt organ"
      title={`Nytt organ i ${organisation.name}`}
    >
      <BodyForm organisationId={organisation.id} otherBodies={organisation.bodies} />
    </AdminPage>
  );
}
