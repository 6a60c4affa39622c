import { describe, expect, it } from "vitest";
import type { MeetingStatus, NoticeDTO } from "@/domain/protocol/protocol.types";
import {
  adjustmentDeadline,
  appealPeriodEnd,
  checkDeadlines,
  earliestTakeDownDate,
  latestNoticeForMeeting,
  noticeDeadline,
  type DeadlineRulesInput,
} from "./deadlines.rules";

describe("adjustmentDeadline: 14 days after the meeting (5 kap. 69 § KL)", () => {
  it.each([
    // meeting, last day, ends on
    ["2021-11-18", "2021-12-02", "2021-12-02"], // the seed: a Thursday
    ["2021-12-10", "2021-12-24", "2021-12-27"], // julafton (Friday) → juldagen, annandag are Sat, Sun → Monday
    ["2023-12-17", "2023-12-31", "2024-01-02"], // nyårsafton (Sunday) → nyårsdagen → Tuesday
    ["2024-03-15", "2024-03-29", "2024-04-02"], // långfredagen → Easter → annandag påsk → Tuesday
    ["2024-06-07", "2024-06-21", "2024-06-24"], // midsommarafton → Monday
    ["2024-04-25", "2024-05-09", "2024-05-10"], // Kristi himmelsfärdsdag → Friday
    ["2022-01-10", "2022-01-24", "2022-01-24"], // ordinary Monday
  ])("meeting %s → %s, ends %s", (meeting, lastDay, endsOn) => {
    expect(adjustmentDeadline(meeting)).toMatchObject({ lastDay, endsOn });
  });
});

describe("noticeDeadline: the second day after justering (8 kap. 12 § KL)", () => {
  it.each([
    ["2021-12-15", "2021-12-17", "2021-12-17"], // justerat Wednesday, posted Friday at the latest
    ["2021-12-02", "2021-12-04", "2021-12-06"], // Saturday → Monday
    ["2024-12-22", "2024-12-24", "2024-12-27"], // julafton → juldagen → annandag → Friday
    ["2024-06-19", "2024-06-21", "2024-06-24"], // midsommarafton
  ])("justerat %s → %s, ends %s", (adjustedOn, lastDay, endsOn) => {
    expect(noticeDeadline(adjustedOn)).toMatchObject({ lastDay, endsOn });
  });

  it.each([
    ["2021-11-18", "2021-12-06"], // the seed: justering by Thu 2 Dec, notice by Sat 4 Dec → Mon 6 Dec
    ["2022-01-10", "2022-01-26"],
    ["2024-06-05", "2024-06-24"], // 19 Jun + 2 = midsommarafton → Monday
  ])("meeting %s, justering date unknown → notice by %s at the latest", (meeting, latest) => {
    expect(latestNoticeForMeeting(meeting)).toBe(latest);
  });
});

describe("appealPeriodEnd and earliestTakeDownDate: three weeks from posting (13 kap. 5 § KL, lag 1930:173)", () => {
  it.each([
    // posted, last day, ends on, why moved
    ["2021-12-17", "2022-01-07", "2022-01-07", null], // the seed: the seed's take-down date
    ["2023-12-04", "2023-12-25", "2023-12-27", "juldagen"], // Christmas Day → annandag jul → Wednesday
    ["2024-12-03", "2024-12-24", "2024-12-27", "julafton"], // julafton (Tuesday) → Friday
    ["2024-12-10", "2024-12-31", "2025-01-02", "nyårsafton"], // nyårsafton → nyårsdagen → Thursday
    ["2022-12-11", "2023-01-01", "2023-01-02", "nyårsdagen"], // New Year's Day (a Sunday) → Monday
    ["2024-03-08", "2024-03-29", "2024-04-02", "långfredagen"], // Easter
    ["2025-03-31", "2025-04-21", "2025-04-22", "annandag påsk"],
    ["2024-05-31", "2024-06-21", "2024-06-24", "midsommarafton"], // midsommar
    ["2026-05-30", "2026-06-20", "2026-06-22", "midsommardagen"],
    ["2022-05-14", "2022-06-04", "2022-06-07", "lördag"], // Sat → Sun → Mon 6 June nationaldagen → Tuesday
    ["2021-12-16", "2022-01-06", "2022-01-07", "trettondedag jul"],
  ])("posted %s → last day %s, ends %s (%s)", (posted, lastDay, endsOn, movedBecause) => {
    expect(appealPeriodEnd(posted)).toEqual({ lastDay, endsOn, movedBecause });
    expect(earliestTakeDownDate(posted)).toBe(endsOn);
  });
});

const notice = (postedOn: string, takeDownOn: string, storagePlace = "Itsam"): NoticeDTO => ({
  postedOn,
  takeDownOn,
  storagePlace,
});

const SEED_NOTICE = notice("2021-12-17", "2022-01-07");

const input = (
  meeting: Partial<DeadlineRulesInput["meeting"]>,
  notice: NoticeDTO | null,
  now: string,
): DeadlineRulesInput => ({
  meeting: {
    date: "2021-11-18",
    status: "DRAFT" as MeetingStatus,
    adjustmentDate: "2021-11-25",
    adjustmentPlace: "Itsam, Åtvidaberg",
    adjustedOn: null,
    ...meeting,
  },
  notice,
  now,
});

/** A justerat meeting: justerat on `adjustedOn`, the rest as in `input`. */
const adjusted = (adjustedOn: string, notice: NoticeDTO | null, now: string) =>
  input({ status: "ADJUSTED", adjustedOn }, notice, now);

const codes = (i: DeadlineRulesInput) => checkDeadlines(i).map((f) => `${f.code}:${f.field}`);

describe("checkDeadlines", () => {
  it.each([
    ["a draft within the 14 days", input({}, null, "2021-11-25"), []],
    ["a draft on the last day", input({}, null, "2021-12-02"), []],
    ["a draft one day late", input({}, null, "2021-12-03"), ["ADJUSTMENT_OVERDUE:meeting.adjustedOn"]],
    [
      "a draft whose deadline is julafton: not overdue until after the Monday",
      input({ date: "2021-12-10", adjustmentDate: "2021-12-20" }, null, "2021-12-27"),
      [],
    ],
    [
      "a draft whose deadline is julafton, the Tuesday after",
      input({ date: "2021-12-10", adjustmentDate: "2021-12-20" }, null, "2021-12-28"),
      ["ADJUSTMENT_OVERDUE:meeting.adjustedOn"],
    ],
    [
      "justering planned too late",
      input({ adjustmentDate: "2021-12-03" }, null, "2021-11-20"),
      ["ADJUSTMENT_PLANNED_LATE:meeting.adjustmentDate"],
    ],
    [
      "justering time missing",
      input({ adjustmentDate: null }, null, "2021-11-20"),
      ["ADJUSTMENT_TIME_MISSING:meeting.adjustmentDate"],
    ],
    [
      "justering place missing",
      input({ adjustmentPlace: " " }, null, "2021-11-20"),
      ["ADJUSTMENT_TIME_MISSING:meeting.adjustmentPlace"],
    ],
    [
      "justerat in time, posted on the second day, down when the appeal period ends (24 Dec is julafton → 27 Dec)",
      adjusted("2021-12-01", notice("2021-12-03", "2021-12-27"), "2022-01-10"),
      [],
    ],
    [
      "justerat late (now does not matter once justerat)",
      adjusted("2021-12-03", null, "2021-12-04"),
      ["ADJUSTMENT_LATE:meeting.adjustedOn"],
    ],
    [
      "justerat before the meeting",
      adjusted("2021-11-17", null, "2021-11-18"),
      ["ADJUSTMENT_BEFORE_MEETING:meeting.adjustedOn"],
    ],
    [
      "justerat, notice not posted yet, still in time",
      adjusted("2021-12-02", null, "2021-12-06"), // Sat 4 → Mon 6
      [],
    ],
    ["justerat, notice overdue", adjusted("2021-12-02", null, "2021-12-07"), ["NOTICE_OVERDUE:notice"]],
    [
      "posted three days after justering, the third day a Monday after a Saturday deadline: in time",
      adjusted("2021-12-02", notice("2021-12-06", "2021-12-27"), "2021-12-30"),
      [],
    ],
    [
      "posted too long after justering",
      adjusted("2021-12-01", notice("2021-12-06", "2021-12-27"), "2021-12-30"),
      ["NOTICE_LATE:notice.postedOn"],
    ],
    [
      "posted before justering",
      adjusted("2021-12-01", notice("2021-11-30", "2021-12-21"), "2021-12-30"),
      ["NOTICE_BEFORE_ADJUSTMENT:notice.postedOn"],
    ],
    [
      "the seed: posted 29 days after the meeting with no justering date → late either way",
      input({ adjustmentDate: null, adjustmentPlace: null }, SEED_NOTICE, "2021-11-18"),
      ["ADJUSTMENT_TIME_MISSING:meeting.adjustmentDate", "NOTICE_LATE:notice.postedOn"],
    ],
    [
      "the seed a month later: the draft is also overdue",
      input({ adjustmentDate: null, adjustmentPlace: null }, SEED_NOTICE, "2021-12-17"),
      [
        "ADJUSTMENT_TIME_MISSING:meeting.adjustmentDate",
        "ADJUSTMENT_OVERDUE:meeting.adjustedOn",
        "NOTICE_LATE:notice.postedOn",
      ],
    ],
    [
      "posted on the latest possible day with no justering date",
      input({ status: "ADJUSTED" }, notice("2021-12-06", "2021-12-27"), "2021-12-30"),
      ["ADJUSTED_ON_MISSING:meeting.adjustedOn"],
    ],
    [
      "taken down on julafton, before the appeal period has ended",
      adjusted("2021-12-01", notice("2021-12-03", "2021-12-24"), "2022-01-10"),
      ["NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn"],
    ],
    [
      "take-down moved past Christmas",
      input(
        { status: "ADJUSTED", date: "2023-11-20", adjustmentDate: "2023-12-01", adjustedOn: "2023-12-01" },
        notice("2023-12-04", "2023-12-26", "Kansliet"),
        "2024-01-10",
      ),
      ["NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn"],
    ],
    [
      "take-down after Christmas is fine",
      input(
        { status: "ADJUSTED", date: "2023-11-20", adjustmentDate: "2023-12-01", adjustedOn: "2023-12-01" },
        notice("2023-12-04", "2023-12-27", "Kansliet"),
        "2024-01-10",
      ),
      [],
    ],
    [
      "take-down before posting",
      adjusted("2021-12-01", notice("2021-12-02", "2021-12-01"), "2021-12-03"),
      ["NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn"],
    ],
    [
      "no storage place",
      adjusted("2021-12-01", notice("2021-12-02", "2021-12-23", ""), "2021-12-03"),
      ["NOTICE_STORAGE_MISSING:notice.storagePlace"],
    ],
    [
      "an invalid date stops the other checks",
      input({ adjustedOn: "2021-12-32" }, SEED_NOTICE, "2021-12-03"),
      ["DATE_INVALID:meeting.adjustedOn"],
    ],
  ] as const)("%s", (_label, i, expected) => {
    expect(codes(i)).toEqual(expected);
  });

  it("explains the seed's late notice in Swedish, with the dates", () => {
    const [, late] = checkDeadlines(input({ adjustmentDate: null, adjustmentPlace: null }, SEED_NOTICE, "2021-11-18"));
    expect(late?.message).toBe(
      "Anslaget sattes upp 2021-12-17, 29 dagar efter sammanträdet. Protokollet ska justeras senast 2021-12-02 (5 kap. 69 § kommunallagen) och justeringen tillkännages senast andra dagen därefter (8 kap. 12 § kommunallagen), alltså senast 2021-12-06. Ange justeringsdatum och kontrollera vilken frist som överskreds.",
    );
  });

  it("names the holiday that moved a deadline", () => {
    const [finding] = checkDeadlines(
      input(
        { status: "ADJUSTED", date: "2023-11-20", adjustmentDate: "2023-12-01", adjustedOn: "2023-12-01" },
        notice("2023-12-04", "2023-12-26", "Kansliet"),
        "2024-01-10",
      ),
    );
    expect(finding?.message).toBe(
      "Anslaget tas ned 2023-12-26, men tiden för överklagande löper till och med 2023-12-27 (2023-12-25 är juldagen): tre veckor från 2023-12-04 (13 kap. 5 § kommunallagen). Låt anslaget sitta kvar till och med 2023-12-27.",
    );
  });

  it("refuses a malformed now", () => {
    expect(() => checkDeadlines(input({}, null, "idag"))).toThrow(RangeError);
  });
});

// Every comparison at its boundary day, both sides: an off-by-one in any deadline (isAfter
// written as "not before", a state left out of a list) fails here.
describe("checkDeadlines at each boundary day", () => {
  it.each([
    ["justering planned on the last day (2 Dec)", input({ adjustmentDate: "2021-12-02" }, null, "2021-11-20"), []],
    [
      "justering planned the day after the last day",
      input({ adjustmentDate: "2021-12-03" }, null, "2021-11-20"),
      ["ADJUSTMENT_PLANNED_LATE:meeting.adjustmentDate"],
    ],
    ["justerat on the meeting day", adjusted("2021-11-18", null, "2021-11-18"), []],
    ["justerat on the last day", adjusted("2021-12-02", null, "2021-12-02"), []],
    ["waiting for justering, on the last day", input({ status: "READY_FOR_ADJUSTMENT" }, null, "2021-12-02"), []],
    [
      "waiting for justering, a day late",
      input({ status: "READY_FOR_ADJUSTMENT" }, null, "2021-12-03"),
      ["ADJUSTMENT_OVERDUE:meeting.adjustedOn"],
    ],
    [
      "justerat without a date",
      input({ status: "ADJUSTED" }, null, "2021-11-20"),
      ["ADJUSTED_ON_MISSING:meeting.adjustedOn"],
    ],
    ["justerat, no notice yet, on the last day (Fri 3 Dec)", adjusted("2021-12-01", null, "2021-12-03"), []],
    [
      "justerat, no notice yet, a day late (Sat 4 Dec)",
      adjusted("2021-12-01", null, "2021-12-04"),
      ["NOTICE_OVERDUE:notice"],
    ],
    ["posted on the day of justering", adjusted("2021-12-01", notice("2021-12-01", "2021-12-22"), "2021-12-30"), []],
    [
      "posted on the second day after justering",
      adjusted("2021-12-01", notice("2021-12-03", "2021-12-27"), "2021-12-30"),
      [],
    ],
    [
      "posted on the third day after justering (a Saturday)",
      adjusted("2021-12-01", notice("2021-12-04", "2021-12-27"), "2021-12-30"),
      ["NOTICE_LATE:notice.postedOn"],
    ],
    [
      "no justering date: posted on the meeting day",
      input({ status: "ADJUSTED" }, notice("2021-11-18", "2021-12-09"), "2021-12-30"),
      ["ADJUSTED_ON_MISSING:meeting.adjustedOn"],
    ],
    [
      "no justering date: posted the day before the meeting",
      input({ status: "ADJUSTED" }, notice("2021-11-17", "2021-12-08"), "2021-12-30"),
      ["ADJUSTED_ON_MISSING:meeting.adjustedOn", "NOTICE_BEFORE_ADJUSTMENT:notice.postedOn"],
    ],
    [
      "no justering date: posted a day after the latest day",
      input({ status: "ADJUSTED" }, notice("2021-12-07", "2021-12-28"), "2021-12-30"),
      ["ADJUSTED_ON_MISSING:meeting.adjustedOn", "NOTICE_LATE:notice.postedOn"],
    ],
    [
      "taken down on the last day of the appeal period",
      adjusted("2021-12-01", notice("2021-12-01", "2021-12-22"), "2022-01-10"),
      [],
    ],
    [
      "taken down the day before",
      adjusted("2021-12-01", notice("2021-12-01", "2021-12-21"), "2022-01-10"),
      ["NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn"],
    ],
    [
      "a storage place of blanks",
      adjusted("2021-12-01", notice("2021-12-01", "2021-12-22", "  "), "2021-12-03"),
      ["NOTICE_STORAGE_MISSING:notice.storagePlace"],
    ],
  ] as const)("%s", (_label, i, expected) => {
    expect(codes(i)).toEqual(expected);
  });

  it.each([
    ["meeting.date", input({ date: "2021-02-30" }, null, "2021-12-03")],
    ["meeting.adjustmentDate", input({ adjustmentDate: "25/11" }, null, "2021-12-03")],
    ["meeting.adjustedOn", input({ adjustedOn: "2021-13-01" }, null, "2021-12-03")],
    ["notice.postedOn", input({}, notice("igår", "2022-01-07"), "2021-12-03")],
    ["notice.takeDownOn", input({}, notice("2021-12-17", "2022-1-7"), "2021-12-03")],
  ] as const)("an invalid %s is named, in Swedish, and stops the rest", (field, i) => {
    const findings = checkDeadlines(i);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "DATE_INVALID", severity: "error", field, paragraphNumber: null });
    expect(findings[0]!.message).toMatch(/^Datumet ".+" är ogiltigt\. Ange det som ÅÅÅÅ-MM-DD\.$/);
  });
});

// Each finding's severity and whole Swedish sentence: the dates it names are the point of it
// (a wrong day in the message is as misleading as a wrong rule), and a finding demoted from error
// to warning would let a late protocol through.
describe("checkDeadlines: severity and message of every finding", () => {
  it.each([
    [
      input({ adjustmentDate: null }, null, "2021-11-20"),
      "ADJUSTMENT_TIME_MISSING",
      "warning",
      "Justeringens plats och tid saknas. Ange när och var protokollet justeras, senast 2021-12-02.",
    ],
    [
      input({ adjustmentDate: "2021-12-03" }, null, "2021-11-20"),
      "ADJUSTMENT_PLANNED_LATE",
      "error",
      "Justeringen är planerad till 2021-12-03, men protokollet ska justeras senast 14 dagar efter sammanträdet, dvs. senast 2021-12-02 (5 kap. 69 § kommunallagen). Välj ett tidigare datum.",
    ],
    [
      adjusted("2021-11-17", null, "2021-11-18"),
      "ADJUSTMENT_BEFORE_MEETING",
      "error",
      "Justeringsdatumet 2021-11-17 ligger före sammanträdet 2021-11-18. Rätta datumet.",
    ],
    [
      adjusted("2021-12-03", null, "2021-12-04"),
      "ADJUSTMENT_LATE",
      "error",
      "Protokollet justerades 2021-12-03, 15 dagar efter sammanträdet. Det skulle ha justerats senast 2021-12-02 (5 kap. 69 § kommunallagen). Kontrollera datumet; stämmer det, notera förseningen.",
    ],
    [
      input({}, null, "2021-12-03"),
      "ADJUSTMENT_OVERDUE",
      "error",
      "Protokollet är inte justerat. Det skulle ha justerats senast 2021-12-02 (5 kap. 69 § kommunallagen). Justera det snarast.",
    ],
    [
      input({ status: "ADJUSTED" }, null, "2021-11-20"),
      "ADJUSTED_ON_MISSING",
      "warning",
      "Protokollet står som justerat men justeringsdatum saknas. Ange datumet då protokollet justerades, så att fristen för anslaget kan kontrolleras.",
    ],
    [
      adjusted("2021-12-02", null, "2021-12-07"),
      "NOTICE_OVERDUE",
      "error",
      "Justeringen har inte tillkännagetts. Anslaget skulle ha satts upp senast 2021-12-06 (2021-12-04 är lördag), andra dagen efter justeringen (8 kap. 12 § kommunallagen). Sätt upp anslaget snarast.",
    ],
    [
      adjusted("2021-12-01", notice("2021-11-30", "2021-12-21"), "2021-12-30"),
      "NOTICE_BEFORE_ADJUSTMENT",
      "error",
      "Anslaget är daterat 2021-11-30, före justeringen 2021-12-01. Justeringen kan tillkännages först när protokollet är justerat; rätta datumet.",
    ],
    [
      adjusted("2021-12-01", notice("2021-12-06", "2021-12-27"), "2021-12-30"),
      "NOTICE_LATE",
      "error",
      "Anslaget sattes upp 2021-12-06, men justeringen (2021-12-01) ska tillkännages senast andra dagen efter, dvs. senast 2021-12-03 (8 kap. 12 § kommunallagen). Kontrollera datumen.",
    ],
    [
      input({ status: "READY_FOR_ADJUSTMENT" }, notice("2021-11-17", "2021-12-08"), "2021-11-20"),
      "NOTICE_BEFORE_ADJUSTMENT",
      "error",
      "Anslaget är daterat 2021-11-17, före sammanträdet 2021-11-18. Rätta datumet.",
    ],
    [
      adjusted("2021-12-01", notice("2021-12-01", "2021-12-21"), "2022-01-10"),
      "NOTICE_TAKEN_DOWN_EARLY",
      "error",
      "Anslaget tas ned 2021-12-21, men tiden för överklagande löper till och med 2021-12-22: tre veckor från 2021-12-01 (13 kap. 5 § kommunallagen). Låt anslaget sitta kvar till och med 2021-12-22.",
    ],
    [
      adjusted("2021-12-01", notice("2021-12-01", "2021-12-22", " "), "2021-12-03"),
      "NOTICE_STORAGE_MISSING",
      "error",
      "Anslaget anger inte var protokollet förvaras. Fyll i förvaringsplats (8 kap. 12 § kommunallagen).",
    ],
  ] as const)("%#: %s", (i, code, severity, message) => {
    expect(checkDeadlines(i).map(({ code, severity, message }) => ({ code, severity, message }))).toEqual([
      { code, severity, message },
    ]);
  });

  it("names the field and the value of an invalid now", () => {
    expect(() => checkDeadlines(input({}, null, "idag"))).toThrow('now must be an ISO date, got "idag"');
  });
});
