// OParl Body: one organisation.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getBody } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => getBody(r, org), { org });
}
