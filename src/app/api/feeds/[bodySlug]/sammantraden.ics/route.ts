// iCalendar feed of one organ's sammanträdesdagar: date, time and place of every meeting.
import { meetingCalendarResponse } from "@/modules/publication/opendata/feeds.handlers";
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ bodySlug: string }> }) {
  const { bodySlug } = await params;
  return serveOpenData(req, (r) => meetingCalendarResponse(r, bodySlug), { bodySlug });
}
