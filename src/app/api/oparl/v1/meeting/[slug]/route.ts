// OParl Meeting: a justerat meeting with its §§ as AgendaItems; 404 for drafts.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getMeeting } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return serveOpenData(req, (r) => getMeeting(r, slug), { slug });
}
