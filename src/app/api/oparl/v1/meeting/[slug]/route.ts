// OParl Meeting: a justerat meeting with its §§ as AgendaItems; 404 for drafts.
import { serveOpenData, getMeeting } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return serveOpenData(req, (r) => getMeeting(r, slug), { slug });
}
