// OParl Membership list of a Body: the seats in its organ.
import { serveOpenData, listBodyMemberships } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => listBodyMemberships(r, org), { org });
}
