// iCalendar (RFC 5545) for sammanträdesdagar, written by hand: CRLF line ends, TEXT escaping, and
// lines folded at 75 octets of UTF-8 without splitting a character (å, ä, ö are two octets each).
// Times are local Swedish times with TZID=Europe/Stockholm and the zone's VTIMEZONE, so calendars
// show 10:00 as 10:00 in winter and in summer. Pure.
import { createHash } from "node:crypto";
import { addDays, isIsoDate, type IsoDate } from "@/lib/iso-date";
import { isClockTime } from "@/lib/stockholm-time";

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const octets = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * Folds one content line (RFC 5545 3.1): no line longer than 75 octets, continuation lines start
 * with a space. Splits between characters (code points), never inside one.
 */
export function foldLine(line: string): string {
  if (octets(line) <= MAX_OCTETS) return line;
  const lines: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const n = octets(char);
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    const limit = lines.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (size + n > limit) {
      lines.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += n;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

/** A stable UID for an event (RFC 7986 5.3 recommends a UUID): a name-based, SHA-1 UUID. */
export function stableUid(namespace: string, name: string): string {
  const hex = createHash("sha1").update(`${namespace}\n${name}`).digest("hex").slice(0, 32).split("");
  hex[12] = "5"; // version 5 (name-based, SHA-1)
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const compactDate = (date: IsoDate) => date.replace(/-/g, "");
const compactTime = (time: string) => `${time.replace(":", "")}00`;

/** An instant as a UTC DATE-TIME ("20211118T090000Z"). */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

export interface CalendarEvent {
  uid: string;
  /** When this event's information was last changed. */
  stamp: Date;
  date: IsoDate;
  /** "HH:MM" local Swedish time, or null for an all-day entry. */
  startTime: string | null;
  endTime: string | null;
  summary: string;
  location: string | null;
  url: string | null;
}

export interface Calendar {
  /** "-//Paragraf//Sammanträdesdagar//SV" */
  productId: string;
  name: string;
  description?: string;
  events: CalendarEvent[];
}

// Europe/Stockholm since 1996: CEST from the last Sunday of March 02:00 to the last Sunday of
// October 03:00 local time (the EU rule).
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(e: CalendarEvent): string[] {
  if (!isIsoDate(e.date)) throw new RangeError(`Ogiltigt datum "${e.date}" i kalendern.`);
  const start = e.startTime && isClockTime(e.startTime) ? e.startTime : null;
  const end = start && e.endTime && isClockTime(e.endTime) ? e.endTime : null;
  const when = start
    ? [
        `DTSTART;TZID=Europe/Stockholm:${compactDate(e.date)}T${compactTime(start)}`,
        // A meeting that goes on past midnight ends the next day.
        ...(end
          ? [
              `DTEND;TZID=Europe/Stockholm:${compactDate(end >= start ? e.date : addDays(e.date, 1))}T${compactTime(end)}`,
            ]
          : []),
      ]
    : [`DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`];
  return [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${utcDateTime(e.stamp)}`,
    ...when,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

export function buildCalendar(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.productId}`,
    "CALSCALE:GREGORIAN",
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    "X-WR-TIMEZONE:Europe/Stockholm",
    ...VTIMEZONE,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
