// OParl Body list: the organisations (kommun, kommunalförbund) on this system.
import { serveOpenData, listBodiesResponse } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => listBodiesResponse(r));
}
