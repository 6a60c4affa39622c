import { findHistoricalPdf, historicalPdfResponse } from "@/modules/historical";
import { getDb } from "@/server/db";

/**
 * The scanned PDF of a public historical protocol, byte for byte as registered (it was justerat
 * on paper: Paragraf neither signs nor seals it). 404 for one registered as not public.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const pdf = await findHistoricalPdf(getDb(), slug, true);
  // A removed registration must not linger in a shared cache for long.
  return historicalPdfResponse(req, pdf, "public, max-age=0, s-maxage=60, stale-while-revalidate=60");
}
