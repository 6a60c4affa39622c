// Atom feed of an organisation's anslagstavla: one entry per notice of a justerat protocol.
import { noticeFeedResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => noticeFeedResponse(r, org), { org });
}
