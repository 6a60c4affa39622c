import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { buildCalendar, escapeText, foldLine, stableUid, utcDateTime, type CalendarEvent } from "./ical";

const octets = (s: string) => Buffer.byteLength(s, "utf8");

/** Undo RFC 5545 folding: CRLF followed by one space or tab joins the lines. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("escapeText", () => {
  itMaps("%j → %j", escapeText, [
    ["Zoom", "Zoom"],
    ["Stadshuset, sal 2; plan 3", "Stadshuset\\, sal 2\\; plan 3"],
    ["C:\\protokoll", "C:\\\\protokoll"],
    ["rad ett\nrad två", "rad ett\\nrad två"],
    ["rad ett\r\nrad två\rrad tre", "rad ett\\nrad två\\nrad tre"],
    ["Ärende: å, ä; ö\\", "Ärende: å\\, ä\\; ö\\\\"],
  ]);
});

describe("foldLine", () => {
  it.each([
    ["ASCII, exactly 75 octets", `SUMMARY:${"a".repeat(67)}`],
    ["ASCII, 76 octets", `SUMMARY:${"a".repeat(68)}`],
    ["ASCII, 200 octets", `DESCRIPTION:${"x".repeat(188)}`],
    ["two-octet letters across the boundary", `SUMMARY:${"å".repeat(60)}`],
    ["mixed Swedish text", `LOCATION:${"Sammanträdesrummet på Östra Storgatan, Åtvidaberg; ".repeat(4)}`],
    ["odd offset before multi-byte text", `SUMMARY:a${"äö".repeat(50)}`],
    ["four-octet characters", `SUMMARY:${"𝄞".repeat(30)}`],
  ])("%s: lines of at most 75 octets, no character split, unfolds to the original", (_name, line) => {
    const folded = foldLine(line);
    const lines = folded.split("\r\n");
    for (const [i, l] of lines.entries()) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(" ")).toBe(true);
      // A split inside a UTF-8 sequence would leave a lone surrogate or U+FFFD on decoding.
      expect(Buffer.from(l, "utf8").toString("utf8")).toBe(l);
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(unfold(folded)).toBe(line);
    if (octets(line) <= 75) expect(folded).toBe(line);
  });

  it("fills lines to the limit: 75 octets first, 74 + the space after", () => {
    const lines = foldLine(`X:${"a".repeat(200)}`).split("\r\n");
    expect(lines.map(octets)).toEqual([75, 75, 54]); // 202 octets: 75 + 74 + 53, plus two spaces
  });

  it("moves a two-octet letter that would straddle octet 75 to the next line", () => {
    // 74 ASCII octets, then "å" (2 octets) would end at octet 76.
    const [first, second] = foldLine(`${"a".repeat(74)}åb`).split("\r\n");
    expect(first).toBe("a".repeat(74));
    expect(second).toBe(" åb");
  });
});

describe("stableUid", () => {
  it("is a version 5 UUID, stable for the same input and different for another", () => {
    const uid = stableUid("paragraf.example.se", "meeting/seed-direktionen-2021-11-18");
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUid("paragraf.example.se", "meeting/seed-direktionen-2021-11-18")).toBe(uid);
    expect(stableUid("paragraf.example.se", "meeting/other")).not.toBe(uid);
  });
});

describe("utcDateTime", () => {
  it("writes a UTC DATE-TIME", () => {
    expect(utcDateTime(new Date("2021-12-16T14:03:07.123Z"))).toBe("20211216T140307Z");
  });
});

describe("buildCalendar", () => {
  const event = (fields: Partial<CalendarEvent> = {}): CalendarEvent => ({
    uid: "2f1c0c8e-0d7a-5b8e-9a51-0c2b4e3f6a7d",
    stamp: new Date("2021-11-01T08:00:00Z"),
    date: "2021-11-18",
    startTime: "10:00",
    endTime: "12:00",
    summary: "Sammanträde: Direktionen",
    location: "Zoom",
    url: null,
    ...fields,
  });
  const calendar = (events: CalendarEvent[]) =>
    buildCalendar({
      productId: "-//Paragraf//Sammanträdesdagar//SV",
      name: "Sammanträden: Direktionen (Itsam)",
      events,
    });

  it("uses CRLF everywhere and ends with one", () => {
    const text = calendar([event()]);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has the calendar frame and the Stockholm VTIMEZONE", () => {
    const lines = unfold(calendar([])).split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Paragraf//Sammanträdesdagar//SV",
      "CALSCALE:GREGORIAN",
    ]);
    expect(lines).toContain("TZID:Europe/Stockholm");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(0);
  });

  it.each([
    [
      "a meeting with start and end",
      {},
      ["DTSTART;TZID=Europe/Stockholm:20211118T100000", "DTEND;TZID=Europe/Stockholm:20211118T120000"],
    ],
    ["a meeting with a start only", { endTime: null }, ["DTSTART;TZID=Europe/Stockholm:20211118T100000"]],
    [
      "a day without times",
      { startTime: null, endTime: null },
      ["DTSTART;VALUE=DATE:20211118", "DTEND;VALUE=DATE:20211119"],
    ],
    [
      "a meeting past midnight",
      { startTime: "22:00", endTime: "01:30" },
      ["DTSTART;TZID=Europe/Stockholm:20211118T220000", "DTEND;TZID=Europe/Stockholm:20211119T013000"],
    ],
    [
      "a time that is not HH:MM",
      { startTime: "10.00", endTime: "12.00" },
      ["DTSTART;VALUE=DATE:20211118", "DTEND;VALUE=DATE:20211119"],
    ],
  ])("writes %s", (_name, fields, expected) => {
    const lines = unfold(calendar([event(fields)])).split("\r\n");
    const when = lines.filter((l) => l.startsWith("DTSTART") || l.startsWith("DTEND"));
    // The VTIMEZONE's own DTSTARTs come first.
    expect(when.slice(2)).toEqual(expected);
  });

  it("escapes and folds Swedish text in SUMMARY and LOCATION", () => {
    const text = calendar([
      event({
        summary: "Sammanträde: Kommunstyrelsens arbetsutskott, Östra Göinge; extra",
        location: "Sammanträdesrummet Åsen, Kommunhuset, Storgatan 1; 3 tr\nIngång från gården",
        url: "https://paragraf.example.se/protokoll/direktionen-2021-11-18",
      }),
    ]);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = unfold(text).split("\r\n");
    expect(lines).toContain("SUMMARY:Sammanträde: Kommunstyrelsens arbetsutskott\\, Östra Göinge\\; extra");
    expect(lines).toContain(
      "LOCATION:Sammanträdesrummet Åsen\\, Kommunhuset\\, Storgatan 1\\; 3 tr\\nIngång från gården",
    );
    expect(lines).toContain("URL:https://paragraf.example.se/protokoll/direktionen-2021-11-18");
    expect(lines).toContain("UID:2f1c0c8e-0d7a-5b8e-9a51-0c2b4e3f6a7d");
    expect(lines).toContain("DTSTAMP:20211101T080000Z");
  });

  it("writes one VEVENT per meeting", () => {
    const text = unfold(calendar([event(), event({ uid: "b", date: "2021-12-09" })]));
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text.match(/END:VEVENT/g)).toHaveLength(2);
  });
});
