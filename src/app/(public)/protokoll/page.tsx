import type { Metadata } from "next";
import { OrganisationList, redirectToSoleOrganisation, searchOf } from "@/app/(public)/old-addresses";

export const metadata: Metadata = {
  title: "Protokoll",
  description: "Arkiv med justerade protokoll, per organisation.",
};

export const dynamic = "force-dynamic";

/**
 * The old /protokoll (the archive and its search): with one organisation, its /<org>/protokoll
 * with the same query (308); with several, the list of their archives.
 */
export default async function OldArchivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await redirectToSoleOrganisation("/protokoll", searchOf(await searchParams));
  return (
    <OrganisationList
      title="Protokoll"
      intro="Varje organisation har sitt eget arkiv med justerade protokoll. Välj organisation:"
      path="/protokoll"
    />
  );
}
