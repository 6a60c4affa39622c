import type { Metadata } from "next";
import { AdminPage, BodyForm, requireOrganisationPage } from "@/modules/administration";

export const metadata: Metadata = { title: "Nytt organ" };

type Props = { searchParams: Promise<{ organisation?: string }> };

export default async function NewBodyPage({ searchParams }: Props) {
  const { organisation } = await requireOrganisationPage(
    "/admin/organ/ny",
    "admin.manageBodies",
    (await searchParams).organisation,
  );
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
