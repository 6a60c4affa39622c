// Atom feed of the anslagstavla: one entry per notice of a justerat protocol.
import { noticeFeedResponse } from "@/modules/publication/opendata/feeds.handlers";
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => noticeFeedResponse(r));
}
