// OParl System: the entry point of the API.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getSystem } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => getSystem(r));
}
