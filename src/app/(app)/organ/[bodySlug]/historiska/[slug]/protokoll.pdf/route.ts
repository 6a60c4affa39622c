import { findHistoricalPdf, historicalPdfResponse } from "@/modules/historical";
import { authorizeHistorical } from "@/server/authz";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/** The scanned PDF in the workspace, public or not, for those who may read the body's records. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const pdf = user ? await findHistoricalPdf(getDb(), slug, false) : null;
  const allowed = pdf && authorizeHistorical(user, "historical.read", pdf.bodyId).ok;
  return historicalPdfResponse(req, allowed ? pdf : null, "private, no-store");
}
