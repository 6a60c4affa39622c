// OParl Body list: the organisations (kommun, kommunalförbund) on this system.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { listBodiesResponse } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => listBodiesResponse(r));
}
