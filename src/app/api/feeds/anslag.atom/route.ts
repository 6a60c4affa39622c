// Atom feed of the anslagstavla: one entry per notice of a justerat protocol.
import { noticeFeedResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => noticeFeedResponse(r));
}
