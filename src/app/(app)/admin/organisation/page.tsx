import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganisationForm, listOrganisationSettings } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisationens uppgifter" };

type Props = { searchParams: Promise<{ id?: string }> };

export default async function OrganisationPage({ searchParams }: Props) {
  const user = await requireUser("/admin/organisation");
  if (!authorizeGlobal(user, "admin.manageOrganisation").ok) notFound();
  const wanted = (await searchParams).id;
  const organisations = await listOrganisationSettings(getDb());
  const organisation = organisations.find((o) => o.id === wanted) ?? organisations[0];
  if (!organisation) notFound();
  const others = organisations.filter((o) => o.id !== organisation.id);
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        › Organisationens uppgifter
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">Organisationens uppgifter: {organisation.name}</h1>
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
              <Link href={`/admin/organisation?id=${o.id}`} className="text-[var(--color-brand)] underline">
                {o.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <OrganisationForm organisation={organisation} />
    </>
  );
}
