// Where open data links to (issue 19.1): the organisation's own public pages, /<org>/anslagstavla
// and /<org>/protokoll/<slug>, and the organisation's feeds under /api/feeds/<org>/. Every link the
// feeds and OParl put in front of a reader is built here, from the organisation's slug. Pure.

export function publicLinks(baseUrl: string) {
  const site = baseUrl.replace(/\/+$/, "");
  const seg = encodeURIComponent;
  const feeds = (organisationSlug: string) => `${site}/api/feeds/${seg(organisationSlug)}`;
  return {
    site,
    /** The organisation's anslagstavla. */
    noticeBoard: (organisationSlug: string) => `${site}/${seg(organisationSlug)}/anslagstavla`,
    /** A justerat protocol's public page. */
    protocol: (organisationSlug: string, meetingSlug: string) =>
      `${site}/${seg(organisationSlug)}/protokoll/${seg(meetingSlug)}`,
    /** The Atom feed of the organisation's anslag. */
    noticeFeed: (organisationSlug: string) => `${feeds(organisationSlug)}/anslag.atom`,
    /** The iCalendar feed of one of its bodies' sammanträdesdagar. */
    meetingCalendar: (organisationSlug: string, bodySlug: string) =>
      `${feeds(organisationSlug)}/${seg(bodySlug)}/sammantraden.ics`,
  };
}

export type PublicLinks = ReturnType<typeof publicLinks>;
