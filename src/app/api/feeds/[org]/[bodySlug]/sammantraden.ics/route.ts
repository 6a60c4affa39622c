// iCalendar feed of one organ's sammanträdesdagar: date, time and place of every meeting.
import { meetingCalendarResponse, serveOpenData } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string; bodySlug: string }> }) {
  const { org, bodySlug } = await params;
  return serveOpenData(req, (r) => meetingCalendarResponse(r, org, bodySlug), { org, bodySlug });
}
