import { describe, expect, it } from "vitest";
import { checkSummons, isKungorelseShown, summonsDeadlines, type SummonsCheckInput } from "./summons.rules";

// Fullmäktige meets Thursday 2021-11-18: the kungörelse must be up by Thursday 2021-11-11.
const KF = { meetingDate: "2021-11-18", bodyKind: "FULLMAKTIGE" as const, leadDays: 7 };
const DIR = { meetingDate: "2021-11-18", bodyKind: "DIREKTION" as const, leadDays: 10 };

describe("summonsDeadlines", () => {
  it.each([
    // meetingDate, kind, leadDays → summonsBy, kungorelseBy
    ["2021-11-18", "FULLMAKTIGE", 7, "2021-11-11", "2021-11-11"],
    ["2021-11-18", "FULLMAKTIGE", 14, "2021-11-04", "2021-11-11"],
    ["2021-11-18", "FULLMAKTIGE", 3, "2021-11-15", "2021-11-11"],
    ["2021-11-18", "DIREKTION", 10, "2021-11-08", null],
    ["2021-11-18", "NAMND", 0, "2021-11-18", null],
    // Across a month and a year; a holiday does not move a limit counted backwards.
    ["2022-01-05", "FULLMAKTIGE", 7, "2021-12-29", "2021-12-29"],
    ["2024-03-07", "FULLMAKTIGE", 7, "2024-02-29", "2024-02-29"],
    ["2021-12-31", "FULLMAKTIGE", 7, "2021-12-24", "2021-12-24"],
    ["2021-06-02", "STYRELSE", 7, "2021-05-26", null],
  ] as const)("%s %s, %i days → kallelse by %s, kungörelse by %s", (meetingDate, bodyKind, leadDays, s, k) => {
    expect(summonsDeadlines({ meetingDate, bodyKind, leadDays })).toEqual({ summonsBy: s, kungorelseBy: k });
  });

  it("refuses a date that is not one and a negative lead time", () => {
    expect(() => summonsDeadlines({ ...KF, meetingDate: "2021-02-30" })).toThrow(RangeError);
    expect(() => summonsDeadlines({ ...KF, leadDays: -1 })).toThrow(RangeError);
    expect(() => summonsDeadlines({ ...KF, leadDays: 1.5 })).toThrow(RangeError);
  });
});

const codes = (input: SummonsCheckInput) => checkSummons(input).map((f) => f.code);

describe("checkSummons", () => {
  it.each([
    // kind, sentOn, today → codes
    ["KF sent on the last day", KF, "2021-11-11", "2021-11-11", []],
    ["KF sent early", KF, "2021-10-30", "2021-11-18", []],
    ["KF sent a day late", KF, "2021-11-12", "2021-11-12", ["SUMMONS_LATE", "KUNGORELSE_LATE"]],
    ["KF not sent, before the last day", KF, null, "2021-11-10", []],
    ["KF not sent, on the last day", KF, null, "2021-11-11", []],
    ["KF not sent, after the last day", KF, null, "2021-11-12", ["SUMMONS_OVERDUE", "KUNGORELSE_OVERDUE"]],
    ["KF not sent, on the meeting day", KF, null, "2021-11-18", ["SUMMONS_OVERDUE", "KUNGORELSE_OVERDUE"]],
    ["KF not sent, meeting passed", KF, null, "2021-11-19", []],
    ["KF lead 3 days, sent 5 days before", { ...KF, leadDays: 3 }, "2021-11-13", "2021-11-13", ["KUNGORELSE_LATE"]],
    ["Direktion sent on the last day", DIR, "2021-11-08", "2021-11-08", []],
    ["Direktion sent late", DIR, "2021-11-09", "2021-11-20", ["SUMMONS_LATE"]],
    ["Direktion not sent, overdue", DIR, null, "2021-11-09", ["SUMMONS_OVERDUE"]],
  ] as const)("%s → %j", (_name, base, sentOn, today, expected) => {
    expect(codes({ ...base, sentOn, today })).toEqual(expected);
  });

  it("says in Swedish what was late and names 5 kap. 53 § kommunallagen for the kungörelse", () => {
    const [summons, kungorelse] = checkSummons({ ...KF, sentOn: "2021-11-13", today: "2021-11-13" });
    expect(summons).toMatchObject({ severity: "warning", field: "meeting.summonsSentAt", paragraphNumber: null });
    expect(summons!.message).toBe(
      "Kallelsen skickades 2021-11-13, efter sista dagen 2021-11-11 (7 dagar före sammanträdet enligt organets arbetsordning eller reglemente).",
    );
    expect(kungorelse!.message).toContain("5 kap. 53 § kommunallagen");
    expect(kungorelse!.message).toContain("senast 2021-11-11");
    const [overdue] = checkSummons({ ...DIR, leadDays: 1, sentOn: null, today: "2021-11-18" });
    expect(overdue!.message).toContain("1 dag före sammanträdet");
  });
});

describe("isKungorelseShown", () => {
  it.each([
    // kind, sentOn, today → shown
    ["FULLMAKTIGE", "2021-11-05", "2021-11-04", false], // not before it was sent
    ["FULLMAKTIGE", "2021-11-05", "2021-11-05", true],
    ["FULLMAKTIGE", "2021-11-05", "2021-11-18", true], // the meeting day itself
    ["FULLMAKTIGE", "2021-11-05", "2021-11-19", false], // the meeting day has passed
    ["FULLMAKTIGE", "2021-11-15", "2021-11-16", true], // late, but shown
    ["FULLMAKTIGE", null, "2021-11-10", false],
    ["DIREKTION", "2021-11-05", "2021-11-10", false], // no kungörelse for a direktion
    ["NAMND", "2021-11-05", "2021-11-10", false],
  ] as const)("%s sent %s, today %s → %s", (bodyKind, sentOn, today, shown) => {
    expect(isKungorelseShown({ bodyKind, meetingDate: "2021-11-18", sentOn, today })).toBe(shown);
  });
});
