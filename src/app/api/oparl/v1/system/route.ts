// OParl System: the entry point of the API.
import { serveOpenData, getSystem } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  return serveOpenData(req, (r) => getSystem(r));
}
