// The old address of the anslag feed: to the only organisation's feed, or which feeds there are.
import { noticeFeedResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => noticeFeedResponse(r, null));
}
