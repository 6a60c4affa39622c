// The Atom feed of notices (anslag) and the iCalendar feed of a body's sammanträdesdagar.
import { listPublicNotices } from "@/modules/publication/public.queries";
import { now as clockNow } from "@/server/clock";
import { buildNoticeFeed } from "./atom";
import { buildCalendar, stableUid } from "./ical";
import { CORS_HEADERS, type OpenDataRequest } from "./opendata.http";
import { listMeetingSchedule } from "./opendata.queries";

function textResponse(body: string, contentType: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": contentType,
      ...CORS_HEADERS,
      "cache-control": status === 200 ? "public, max-age=300" : "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export async function noticeFeedResponse(r: OpenDataRequest, now = clockNow()): Promise<Response> {
  const notices = await listPublicNotices(r.db, 100);
  return textResponse(buildNoticeFeed(notices, r.baseUrl, now), "application/atom+xml; charset=utf-8");
}

export async function meetingCalendarResponse(r: OpenDataRequest, bodySlug: string): Promise<Response> {
  const { bodies, meetings } = await listMeetingSchedule(r.db, bodySlug);
  const first = bodies[0];
  if (!first) return textResponse("Organet finns inte.", "text/plain; charset=utf-8", 404);
  // Slugs are unique within an organisation only; name the organisation when the slug is shared.
  const shared = new Set(bodies.map((b) => b.organisationName)).size > 1;
  const host = new URL(r.baseUrl).host;
  const calendar = buildCalendar({
    productId: "-//Paragraf//Sammanträdesdagar//SV",
    name: shared ? `Sammanträden: ${first.name}` : `Sammanträden: ${first.name} (${first.organisationName})`,
    description: `Sammanträdesdagar för ${bodies.map((b) => `${b.name}, ${b.organisationName}`).join("; ")}`,
    events: meetings.map((m) => ({
      uid: stableUid(host, `meeting/${m.id}`),
      stamp: new Date(m.updatedAt),
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      summary: shared ? `Sammanträde: ${m.bodyName} (${m.organisationName})` : `Sammanträde: ${m.bodyName}`,
      location: m.place,
      // Only a justerat protocol has a public page to link to.
      url: m.isPublic ? `${r.baseUrl}/protokoll/${encodeURIComponent(m.slug)}` : null,
    })),
  });
  return textResponse(calendar, "text/calendar; charset=utf-8");
}
