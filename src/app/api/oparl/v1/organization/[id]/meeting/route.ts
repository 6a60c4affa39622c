// OParl Meeting list of one organ: justerade meetings only.
import { serveOpenData, listOrganizationMeetings } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => listOrganizationMeetings(r, id), { id });
}
