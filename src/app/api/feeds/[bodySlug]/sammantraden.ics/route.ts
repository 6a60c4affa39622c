// iCalendar feed of one organ's sammanträdesdagar: date, time and place of every meeting.
import { meetingCalendarResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ bodySlug: string }> }) {
  const { bodySlug } = await params;
  return serveOpenData(req, (r) => meetingCalendarResponse(r, bodySlug), { bodySlug });
}
