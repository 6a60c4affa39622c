// OParl AgendaItem: one § of a justerat meeting.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getAgendaItem } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  return serveOpenData(req, (r) => getAgendaItem(r, slug, number), { slug, number });
}
