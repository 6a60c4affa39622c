import type { Metadata } from "next";
import { findOrganisationOfCode } from "@/modules/publication";
import { queryValue } from "@/domain/publication/public.rules";
import { getDb } from "@/server/db";
import { OrganisationList, redirectIfFound, redirectToSoleOrganisation, searchOf } from "@/app/(public)/old-addresses";

export const metadata: Metadata = { title: "Verifiera protokoll" };

export const dynamic = "force-dynamic";

/**
 * The old /verifiera: with one organisation, its /<org>/verifiera (308, ?kod= kept); with several,
 * ?kod=… leads to the organisation of the protocol the code points out, and otherwise (no code,
 * or one that points out none) the list of the organisations' verification pages.
 */
export default async function OldVerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  await redirectToSoleOrganisation("/verifiera", searchOf(sp));
  const code = queryValue(sp.kod, 80);
  if (code) await redirectIfFound("/verifiera", () => findOrganisationOfCode(getDb(), code), searchOf(sp));
  return (
    <>
      {code && (
        <p role="status" className="mb-4 max-w-xl rounded border-2 border-red-700 bg-red-50 p-4 font-semibold">
          Koden stämmer inte med något justerat protokoll.
        </p>
      )}
      <OrganisationList
        title="Verifiera protokoll"
        intro="Protokollen verifieras hos den organisation som justerade dem. Välj organisation:"
        path="/verifiera"
      />
    </>
  );
}
