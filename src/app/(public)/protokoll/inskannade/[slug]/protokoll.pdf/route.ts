import { findPublicHistoricalOrganisation } from "@/modules/historical";
import { getDb } from "@/server/db";
import { redirectOr404 } from "@/app/(public)/old-addresses";

/** The old /protokoll/inskannade/<slug>/protokoll.pdf: 308 to the organisation's address when public; else 404. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return redirectOr404(
    req,
    `/protokoll/inskannade/${encodeURIComponent(slug)}/protokoll.pdf`,
    () => findPublicHistoricalOrganisation(getDb(), slug),
    "Protokollet finns inte.",
  );
}
