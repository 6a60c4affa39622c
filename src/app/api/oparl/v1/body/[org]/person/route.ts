// OParl Person list of a Body: elected members and people named in justerade protokoll (name only).
import { serveOpenData, listBodyPersons } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => listBodyPersons(r, org), { org });
}
