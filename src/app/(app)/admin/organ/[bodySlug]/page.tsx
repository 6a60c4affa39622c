import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddMembershipForm, BodyLayoutForm, MembershipTable, findBodyMemberships } from "@/modules/administration";
import { suggestTerm } from "@/domain/rules/admin.rules";
import { authorizeGlobal } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ledamöter och ersättare" };

type Props = { params: Promise<{ bodySlug: string }> };

export default async function BodyMembershipsPage({ params }: Props) {
  const { bodySlug } = await params;
  const user = await requireUser(`/admin/organ/${bodySlug}`);
  if (!authorizeGlobal(user, "admin.manageUsers").ok) notFound();
  const body = await findBodyMemberships(getDb(), bodySlug);
  if (!body) notFound();
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
