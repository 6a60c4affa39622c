import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BodyForm, listOrganisationSettings } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nytt organ" };

type Props = { searchParams: Promise<{ organisation?: string }> };

export default async function NewBodyPage({ searchParams }: Props) {
  const user = await requireUser("/admin/organ/ny");
  if (!authorizeGlobal(user, "admin.manageBodies").ok) notFound();
  const wanted = (await searchParams).organisation;
  const organisations = await listOrganisationSettings(getDb());
  const organisation = organisations.find((o) => o.id === wanted) ?? organisations[0];
  if (!organisation) notFound();
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/admin/organ" className="text-[var(--color-brand)] underline underline-offset-2">
          Organ
        </Link>{" "}
        › Nytt organ
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Nytt organ i {organisation.name}</h1>
      <BodyForm organisationId={organisation.id} otherBodies={organisation.bodies} />
    </>
  );
}
