import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrganisationList, redirectToSoleOrganisation, searchOf } from "@/app/(public)/old-addresses";

export const metadata: Metadata = {
  title: "Anslagstavla",
  description: "Anslagstavlorna: justerade protokoll som är anslagna och hur man överklagar, per organisation.",
};

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The old /anslagstavla[/…]: with one organisation, its /<org>/anslagstavla[/…] (308); with
 * several, the list of their anslagstavlor (/anslagstavla/<anything> is then a 404).
 */
export default async function OldNoticeBoardPage({ params, searchParams }: Props) {
  const { rest } = await params;
  const path = `/anslagstavla${rest ? `/${rest.map(encodeURIComponent).join("/")}` : ""}`;
  await redirectToSoleOrganisation(path, searchOf(await searchParams));
  if (rest) notFound();
  return (
    <OrganisationList
      title="Anslagstavla"
      intro="Varje organisation har sin egen anslagstavla. Välj organisation:"
      path="/anslagstavla"
    />
  );
}
