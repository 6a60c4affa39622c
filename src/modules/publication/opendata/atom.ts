// Atom 1.0 (RFC 4287) written by hand: a small, fixed document, so a library would add more than it
// saves. Everything that comes from data goes through escapeXml. Pure.
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { appealPeriodEnd } from "@/domain/rules/deadlines.rules";
import { stockholmDateTime } from "@/lib/stockholm-time";
import type { FeedNotice } from "./opendata.queries";
import { publicLinks } from "./public-links";

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF and CR; lone surrogates;
// U+FFFE and U+FFFF). They cannot be escaped, only left out.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML content and in attribute values quoted with " or '. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface AtomEntry {
  /** A permanent, unique IRI. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  published?: string;
  link: string;
  summary: string;
  categories?: { term: string; label?: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL (rel="self"). */
  selfUrl: string;
  /** The page the feed mirrors (rel="alternate"). */
  alternateUrl?: string;
  authorName: string;
  /** xml:lang of the feed. */
  lang: string;
  entries: AtomEntry[];
  /** `updated` when there are no entries to take it from. */
  emptyUpdated: string;
}

const tag = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${escapeXml(type)}"` : ""}/>`;

function entryXml(e: AtomEntry): string {
  return [
    "  <entry>",
    `    ${tag("id", e.id)}`,
    `    <title type="text">${escapeXml(e.title)}</title>`,
    `    ${tag("updated", e.updated)}`,
    ...(e.published ? [`    ${tag("published", e.published)}`] : []),
    `    ${link("alternate", e.link, "text/html")}`,
    ...(e.categories ?? []).map(
      (c) => `    <category term="${escapeXml(c.term)}"${c.label ? ` label="${escapeXml(c.label)}"` : ""}/>`,
    ),
    `    <summary type="text">${escapeXml(e.summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** The feed's `updated`: the latest entry's, compared as instants. */
function latestUpdated(entries: readonly AtomEntry[], fallback: string): string {
  let best: { text: string; at: number } | null = null;
  for (const e of entries) {
    const at = Date.parse(e.updated);
    if (best === null || at > best.at) best = { text: e.updated, at };
  }
  return best?.text ?? fallback;
}

export function buildAtomFeed(feed: AtomFeed): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  ${tag("id", feed.id)}`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  ${tag("updated", latestUpdated(feed.entries, feed.emptyUpdated))}`,
    `  ${link("self", feed.selfUrl, "application/atom+xml")}`,
    ...(feed.alternateUrl ? [`  ${link("alternate", feed.alternateUrl, "text/html")}`] : []),
    `  <author>${tag("name", feed.authorName)}</author>`,
    `  <generator>Paragraf</generator>`,
    ...feed.entries.map(entryXml),
    `</feed>`,
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The anslagstavla as a feed: one entry per public notice
// ---------------------------------------------------------------------------------------------

/**
 * One anslag. The entry's id is the address the protocol was first published under
 * (/protokoll/<slug>, which still leads to it): an Atom id never changes, or every reader would
 * show the anslag again as new. Its link is the organisation's page of the protocol.
 */
export function noticeEntry(n: FeedNotice, baseUrl: string, organisationSlug: string): AtomEntry {
  const links = publicLinks(baseUrl);
  const meetingDate = formatLongDate(n.meetingDate);
  return {
    id: `${links.site}/protokoll/${encodeURIComponent(n.slug)}`,
    title: `Anslag: ${n.bodyName} ${meetingDate}`,
    updated: n.updatedAt,
    published: stockholmDateTime(n.postedOn, "00:00"),
    link: links.protocol(organisationSlug, n.slug),
    categories: [{ term: n.organisationName }, { term: n.bodyName }],
    summary: [
      `Protokoll från ${n.organisationName}, ${n.bodyName}, sammanträde ${meetingDate}.`,
      ...(n.adjustedOn ? [`Justerat: ${n.adjustedOn}.`] : []),
      `Anslaget: ${n.postedOn}.`,
      `Tas ned: ${n.takeDownOn}.`,
      `Sista dag att överklaga (laglighetsprövning, 13 kap. 5 § kommunallagen): ${appealPeriodEnd(n.postedOn).endsOn}.`,
      `Förvaringsplats för protokollet: ${n.storagePlace}.`,
    ].join("\n"),
  };
}

/** The organisation's anslagstavla as a feed. */
export function buildNoticeFeed(
  organisation: { slug: string; name: string },
  notices: readonly FeedNotice[],
  baseUrl: string,
  now: Date,
): string {
  const links = publicLinks(baseUrl);
  const self = links.noticeFeed(organisation.slug);
  return buildAtomFeed({
    id: self,
    title: `Anslagstavla: justerade protokoll, ${organisation.name}`,
    subtitle: "Tillkännagivanden om justerade protokoll (8 kap. 12 § kommunallagen)",
    selfUrl: self,
    alternateUrl: links.noticeBoard(organisation.slug),
    authorName: organisation.name,
    lang: "sv",
    entries: notices.map((n) => noticeEntry(n, baseUrl, organisation.slug)),
    emptyUpdated: now.toISOString(),
  });
}
