// OParl Organization list of a Body: its organ (direktion, nämnder, utskott).
import { serveOpenData, listBodyOrganizations } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => listBodyOrganizations(r, org), { org });
}
