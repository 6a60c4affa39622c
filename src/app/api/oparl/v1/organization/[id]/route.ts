// OParl Organization: one organ.
import { serveOpenData, getOrganization } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getOrganization(r, id), { id });
}
