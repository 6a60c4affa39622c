// OParl Organization: one organ.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getOrganization } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getOrganization(r, id), { id });
}
