// OParl System: the entry point of the API.
import { serveOpenData } from "@/modules/opendata/opendata.http";
import { getSystem } from "@/modules/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => getSystem(r));
}
