// OParl Meeting list of one organ: justerade meetings only.
import { serveOpenData } from "@/modules/opendata/opendata.http";
import { listOrganizationMeetings } from "@/modules/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => listOrganizationMeetings(r, id), { id });
}
