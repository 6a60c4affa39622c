// OParl Body: one organisation.
import { serveOpenData, getBody } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => getBody(r, org), { org });
}
