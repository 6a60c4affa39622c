// The Atom feed of an organisation's anslag and the iCalendar feed of one of its bodies'
// sammanträdesdagar: /api/feeds/<org>/anslag.atom and /api/feeds/<org>/<body>/sammantraden.ics.
// Each enters the organisation of its address before reading (issue 19.1). The addresses from
// before there were several organisations (/api/feeds/anslag.atom, /api/feeds/<body>/…) lead to
// the only organisation's feed, and where there are several, say which feeds there are.
import { now as clockNow } from "@/server/clock";
import { asPlatform } from "@/server/tenancy";
import { enterPublicOrganisation, listPublicOrganisations } from "@/server/public-organisation";
import { buildNoticeFeed } from "./atom";
import { buildCalendar, stableUid } from "./ical";
import { CORS_HEADERS, type OpenDataRequest } from "./opendata.http";
import { findMeetingSchedule, listFeedNotices, listOrganisationsWithBody } from "./opendata.queries";
import { publicLinks } from "./public-links";

const TEXT = "text/plain; charset=utf-8";

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

/** An old feed address: to the only organisation's feed (the query kept), else a list of the feeds. */
async function oldFeedAddress(
  r: OpenDataRequest,
  feedOf: (organisationSlug: string) => string,
  candidates: (slugs: string[]) => Promise<string[]>,
  what: string,
): Promise<Response> {
  const organisations = await listPublicOrganisations();
  const sole = organisations.length === 1 ? organisations[0]! : null;
  if (sole) {
    const headers = { location: `${feedOf(sole.slug)}${r.url.search}`, ...CORS_HEADERS };
    return new Response(null, { status: 308, headers: { ...headers, "cache-control": "public, max-age=300" } });
  }
  const having = new Set(await candidates(organisations.map((o) => o.slug)));
  const feeds = organisations.filter((o) => having.has(o.slug)).map((o) => `${o.name}: ${feedOf(o.slug)}`);
  if (feeds.length === 0) return textResponse(`${what} finns inte.`, TEXT, 404);
  return textResponse(
    [`${what} finns per organisation. Använd adressen till organisationens flöde:`, ...feeds].join("\n"),
    TEXT,
    404,
  );
}

/** The organisation's anslag; `organisationSlug` null for the old address. */
export async function noticeFeedResponse(
  r: OpenDataRequest,
  organisationSlug: string | null,
  now = clockNow(),
): Promise<Response> {
  const links = publicLinks(r.baseUrl);
  if (organisationSlug === null)
    return oldFeedAddress(r, links.noticeFeed, async (slugs) => slugs, "Anslagstavlans flöde");
  const organisation = await enterPublicOrganisation(organisationSlug);
  if (!organisation) return textResponse("Organisationen finns inte.", TEXT, 404);
  const notices = await listFeedNotices(r.db, organisation, 100);
  return textResponse(buildNoticeFeed(organisation, notices, r.baseUrl, now), "application/atom+xml; charset=utf-8");
}

/** One body's sammanträdesdagar; `organisationSlug` null for the old address. */
export async function meetingCalendarResponse(
  r: OpenDataRequest,
  organisationSlug: string | null,
  bodySlug: string,
): Promise<Response> {
  const links = publicLinks(r.baseUrl);
  if (organisationSlug === null) {
    const having = async () => (await asPlatform(() => listOrganisationsWithBody(r.db, bodySlug))).map((o) => o.slug);
    return oldFeedAddress(r, (org) => links.meetingCalendar(org, bodySlug), having, "Organets kalender");
  }
  const organisation = await enterPublicOrganisation(organisationSlug);
  const schedule = organisation && (await findMeetingSchedule(r.db, organisation, bodySlug));
  if (!organisation || !schedule) return textResponse("Organet finns inte.", TEXT, 404);
  const host = new URL(r.baseUrl).host;
  const calendar = buildCalendar({
    productId: "-//Paragraf//Sammanträdesdagar//SV",
    name: `Sammanträden: ${schedule.bodyName} (${schedule.organisationName})`,
    description: `Sammanträdesdagar för ${schedule.bodyName}, ${schedule.organisationName}`,
    events: schedule.meetings.map((m) => ({
      // The same UID as before the per-organisation address: a calendar keeps its events.
      uid: stableUid(host, `meeting/${m.id}`),
      stamp: new Date(m.updatedAt),
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      summary: `Sammanträde: ${schedule.bodyName}`,
      location: m.place,
      // Only a justerat protocol has a public page to link to.
      url: m.isPublic ? links.protocol(organisation.slug, m.slug) : null,
    })),
  });
  return textResponse(calendar, "text/calendar; charset=utf-8");
}
