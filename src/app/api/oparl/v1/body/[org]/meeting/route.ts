// OParl Meeting list of a Body: justerade meetings only.
import { serveOpenData, listBodyMeetings } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => listBodyMeetings(r, org), { org });
}
