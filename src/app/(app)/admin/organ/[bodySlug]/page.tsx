import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  AddMembershipForm,
  AdminPage,
  AdminSection,
  BodyForm,
  MembershipTable,
  SubstituteOrder,
  findBodyDetail,
  findBodyMemberships,
  requireAdminPage,
} from "@/modules/administration";
import { suggestTerm } from "@/domain/rules/admin.rules";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Ledamöter och ersättare" };

type Props = { params: Promise<{ bodySlug: string }>; searchParams: Promise<{ skapat?: string }> };

export default async function BodyMembershipsPage({ params, searchParams }: Props) {
  const { bodySlug } = await params;
  await requireAdminPage(`/admin/organ/${bodySlug}`, "admin.manageUsers");
  const [body, detail] = await Promise.all([findBodyMemberships(getDb(), bodySlug), findBodyDetail(getDb(), bodySlug)]);
  if (!body || !detail) notFound();
  return (
    <AdminPage
      here={body.name}
      title={`Ledamöter och ersättare: ${body.name}`}
      notice={(await searchParams).skapat === "1" && "Organet är skapat. Lägg till ledamöter och ersättare nedan."}
    >
      <p className="mt-2 text-[var(--color-muted)]">
        {detail.organisationName}. Organet har {detail.seatCount} platser för ledamöter; beslutsförheten räknas på dem.
      </p>
      <AdminSection id="rubrik-organet" title="Organets uppgifter" className="mt-8">
        <BodyForm organisationId={detail.organisationId} body={detail} otherBodies={detail.otherBodies} />
      </AdminSection>
      <AdminSection id="rubrik-ersattarordning" title="Ersättarordning">
        <p className="mt-2">Ersättarna kallas in i den här ordningen (1 först).</p>
        <SubstituteOrder body={detail} />
      </AdminSection>
      <h2 className="mt-10 text-2xl font-semibold">Uppdrag</h2>
      <MembershipTable body={body} />
      <AdminSection id="rubrik-nytt" title="Nytt uppdrag">
        <AddMembershipForm body={body} defaultTerm={suggestTerm(body.memberships, today())} />
      </AdminSection>
    </AdminPage>
  );
}
