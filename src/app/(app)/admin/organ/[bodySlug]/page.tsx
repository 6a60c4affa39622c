import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AddMembershipForm,
  BodyForm,
  BodyLayoutForm,
  MembershipTable,
  SubstituteOrder,
  findBodyDetail,
  findBodyMemberships,
} from "@/modules/administration";
import { suggestTerm } from "@/domain/rules/admin.rules";
import { authorizeGlobal } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ledamöter och ersättare" };

type Props = { params: Promise<{ bodySlug: string }>; searchParams: Promise<{ skapat?: string }> };

export default async function BodyMembershipsPage({ params, searchParams }: Props) {
  const { bodySlug } = await params;
  const user = await requireUser(`/admin/organ/${bodySlug}`);
  if (!authorizeGlobal(user, "admin.manageUsers").ok) notFound();
  const [body, detail] = await Promise.all([findBodyMemberships(getDb(), bodySlug), findBodyDetail(getDb(), bodySlug)]);
  if (!body || !detail) notFound();
  const justCreated = (await searchParams).skapat === "1";
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        › {body.name}
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Ledamöter och ersättare: {body.name}</h1>
      <p className="mt-2 text-[var(--color-muted)]">
        {body.organisationName}. Organet har {body.seatCount} platser för ledamöter; beslutsförheten räknas på dem.
      </p>
      {justCreated && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 p-2 text-green-900">
          Organet är skapat. Lägg till ledamöter och ersättare nedan.
        </p>
      )}
      <section aria-labelledby="rubrik-organet" className="mt-8">
        <h2 id="rubrik-organet" className="text-2xl font-semibold">
          Organets uppgifter
        </h2>
        <BodyForm organisationId={detail.organisationId} body={detail} otherBodies={detail.otherBodies} />
      </section>
      <section aria-labelledby="rubrik-ersattarordning" className="mt-10">
        <h2 id="rubrik-ersattarordning" className="text-2xl font-semibold">
          Ersättarordning
        </h2>
        <p className="mt-2">Ersättarna kallas in i den här ordningen (1 först).</p>
        <SubstituteOrder body={detail} />
      </section>
      <h2 className="mt-10 text-2xl font-semibold">Uppdrag</h2>
      <MembershipTable body={body} />
      <section aria-labelledby="rubrik-nytt" className="mt-10">
        <h2 id="rubrik-nytt" className="text-2xl font-semibold">
          Nytt uppdrag
        </h2>
        <AddMembershipForm body={body} defaultTerm={suggestTerm(body.memberships, today())} />
      </section>
      <section aria-labelledby="rubrik-uppstallning" className="mt-10">
        <h2 id="rubrik-uppstallning" className="text-2xl font-semibold">
          Protokollets uppställning
        </h2>
        <BodyLayoutForm body={body} />
      </section>
    </>
  );
}
