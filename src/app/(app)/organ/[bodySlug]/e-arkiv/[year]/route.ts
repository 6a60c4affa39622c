import { bodyYearEarkivResponse } from "@/modules/earkiv";
import { clientAddress } from "@/server/client-address";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

export const dynamic = "force-dynamic";

/** Every justerat protocol of the body from that year, one e-arkiv package (SIP) each, in one zip; audited. */
export async function GET(req: Request, { params }: { params: Promise<{ bodySlug: string; year: string }> }) {
  const { bodySlug, year } = await params;
  return bodyYearEarkivResponse(getDb(), await getCurrentUser(), clientAddress(req.headers), bodySlug, year);
}
