// The old address of a body's calendar, /api/feeds/<body>/sammantraden.ics (the segment is the
// body's slug): to the only organisation's calendar of that body, or which calendars there are.
import { meetingCalendarResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: bodySlug } = await params;
  return serveOpenData(req, (r) => meetingCalendarResponse(r, null, bodySlug), { bodySlug });
}
