import { meetingEarkivResponse } from "@/modules/earkiv";
import { clientAddress } from "@/server/client-address";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

export const dynamic = "force-dynamic";

/** The e-arkiv package (SIP, zip) of a justerat protocol, for the body's secretary; audited. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return meetingEarkivResponse(getDb(), await getCurrentUser(), clientAddress(req.headers), slug);
}
