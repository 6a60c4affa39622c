// OParl AgendaItem: one § of a justerat meeting.
import { serveOpenData, getAgendaItem } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  return serveOpenData(req, (r) => getAgendaItem(r, slug, number), { slug, number });
}
