import { findHistoricalPdf, historicalPdfResponse } from "@/modules/historical";
import { getDb } from "@/server/db";
import { routeOrganisation } from "@/app/(public)/[org]/organisation";

/**
 * The scanned PDF of a public historical protocol of the organisation, byte for byte as
 * registered (it was justerat on paper: Paragraf neither signs nor seals it). 404 for one
 * registered as not public, or another organisation's.
 */
export async function GET(req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  const pdf = organisation && (await findHistoricalPdf(getDb(), (await params).slug, true, organisation.id));
  // A removed registration must not linger in a shared cache for long.
  return historicalPdfResponse(req, pdf, "public, max-age=0, s-maxage=60, stale-while-revalidate=60");
}
