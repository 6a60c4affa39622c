import { describe, expect, it } from "vitest";
import { checkNoticeChange, noticeEditWindow, type NoticeChangeInput, type NoticeChangeResult } from "./notice.rules";

// Justerat Wednesday 2021-12-15: posted the same day, down when the appeal period ends
// (2022-01-05). The notice must go up by Friday 2021-12-17 (8 kap. 12 § KL).
const AUTO = { postedOn: "2021-12-15", takeDownOn: "2022-01-05" };

const change = (
  requested: { postedOn?: string; takeDownOn?: string | null },
  {
    today = "2021-12-15",
    current = AUTO,
    adjustedOn = "2021-12-15",
  }: { today?: string; current?: typeof AUTO; adjustedOn?: string } = {},
): NoticeChangeInput => ({
  adjustedOn,
  current,
  requested: {
    postedOn: requested.postedOn ?? current.postedOn,
    takeDownOn: requested.takeDownOn === undefined ? current.takeDownOn : requested.takeDownOn,
  },
  today,
});

// Justerat and posted Thursday 2021-12-02: the second day after is a Saturday, so the notice may
// go up until Monday 2021-12-06 (lag 1930:173).
const JUSTERAT_THURSDAY = {
  adjustedOn: "2021-12-02",
  current: { postedOn: "2021-12-02", takeDownOn: "2021-12-23" },
  today: "2021-12-02",
};

/** "ok posted→down (changed)" or "CODE:field message" for each refusal. */
function summary(r: NoticeChangeResult): string[] {
  if (r.ok) return [`ok ${r.notice.postedOn}→${r.notice.takeDownOn}${r.changed ? "" : " (unchanged)"}`];
  return r.findings.map((f) => `${f.code}:${f.field} ${f.message}`);
}

describe("checkNoticeChange: allowed changes", () => {
  it.each([
    [
      "postpone posting to the last allowed day; empty take-down = end of appeal from the new date",
      change({ postedOn: "2021-12-17", takeDownOn: null }),
      "ok 2021-12-17→2022-01-07",
    ],
    [
      "postpone posting by one day; 6 Jan (trettondedag jul) moves the appeal end to 7 Jan",
      change({ postedOn: "2021-12-16", takeDownOn: null }),
      "ok 2021-12-16→2022-01-07",
    ],
    ["a later take-down date", change({ takeDownOn: "2022-01-14" }), "ok 2021-12-15→2022-01-14"],
    [
      "take-down exactly at the end of the appeal period",
      change({ takeDownOn: "2022-01-05" }, { current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" } }),
      "ok 2021-12-15→2022-01-05",
    ],
    [
      "empty take-down brings an extended notice back to the default",
      change({ takeDownOn: null }, { current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" } }),
      "ok 2021-12-15→2022-01-05",
    ],
    [
      "up since an earlier day: the take-down date can still be put later",
      change({ takeDownOn: "2022-01-10" }, { today: "2021-12-20" }),
      "ok 2021-12-15→2022-01-10",
    ],
    [
      "on the take-down day itself the notice is still up and can be extended",
      change({ takeDownOn: "2022-01-12" }, { today: "2022-01-05" }),
      "ok 2021-12-15→2022-01-12",
    ],
    [
      "a notice planned for a later day can be brought forward to today",
      change(
        { postedOn: "2021-12-16", takeDownOn: null },
        { today: "2021-12-16", current: { postedOn: "2021-12-17", takeDownOn: "2022-01-07" } },
      ),
      "ok 2021-12-16→2022-01-07",
    ],
    [
      "deadline on a Saturday moves to Monday (lag 1930:173): posting on Monday is in time",
      change({ postedOn: "2021-12-06", takeDownOn: null }, JUSTERAT_THURSDAY),
      "ok 2021-12-06→2021-12-27",
    ],
    ["the same dates again", change({}), "ok 2021-12-15→2022-01-05 (unchanged)"],
  ])("%s", (_label, input, expected) => {
    expect(summary(checkNoticeChange(input))).toEqual([expected]);
  });
});

describe("checkNoticeChange: refusals, one Swedish sentence naming the allowed date", () => {
  it.each([
    [
      "posting before the justering",
      change({ postedOn: "2021-12-14" }),
      "NOTICE_BEFORE_ADJUSTMENT:notice.postedOn Anslaget kan sättas upp tidigast 2021-12-15, den dag protokollet justerades.",
    ],
    [
      "posting after the second day after justering (8 kap. 12 § KL)",
      change({ postedOn: "2021-12-18", takeDownOn: null }),
      "NOTICE_LATE:notice.postedOn Anslaget ska enligt 8 kap. 12 § kommunallagen sättas upp senast andra dagen efter justeringen, alltså senast 2021-12-17.",
    ],
    [
      "posting after a deadline moved past a weekend names both days",
      change({ postedOn: "2021-12-07", takeDownOn: null }, JUSTERAT_THURSDAY),
      "NOTICE_LATE:notice.postedOn Anslaget ska enligt 8 kap. 12 § kommunallagen sättas upp senast andra dagen efter justeringen, alltså senast 2021-12-06 (2021-12-04 är lördag).",
    ],
    [
      "backdating a notice that is not up yet",
      change(
        { postedOn: "2021-12-15" },
        { today: "2021-12-16", current: { postedOn: "2021-12-17", takeDownOn: "2022-01-07" } },
      ),
      "NOTICE_BACKDATED:notice.postedOn Anslaget kan inte sättas upp bakåt i tiden: välj tidigast 2021-12-16, dagens datum.",
    ],
    [
      "before the justering and before today: today is what is allowed",
      change(
        { postedOn: "2021-12-14" },
        { today: "2021-12-16", current: { postedOn: "2021-12-17", takeDownOn: "2022-01-07" } },
      ),
      "NOTICE_BACKDATED:notice.postedOn Anslaget kan inte sättas upp bakåt i tiden: välj tidigast 2021-12-16, dagens datum.",
    ],
    [
      "moving the posting date of a notice up since an earlier day",
      change({ postedOn: "2021-12-17", takeDownOn: null }, { today: "2021-12-16" }),
      "NOTICE_ALREADY_POSTED:notice.postedOn Anslaget har suttit uppe sedan 2021-12-15, och det datumet kan inte ändras i efterhand.",
    ],
    [
      "take-down before the appeal period has ended",
      change({ takeDownOn: "2022-01-04" }),
      "NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn Anslaget får tas ned tidigast 2022-01-05, när tiden för överklagande har gått ut.",
    ],
    [
      "a later posting date moves the earliest take-down with it",
      change({ postedOn: "2021-12-17", takeDownOn: "2022-01-05" }),
      "NOTICE_TAKEN_DOWN_EARLY:notice.takeDownOn Anslaget får tas ned tidigast 2022-01-07, när tiden för överklagande har gått ut.",
    ],
    [
      "take-down in the past, though after the appeal period",
      change(
        { takeDownOn: "2022-01-06" },
        { today: "2022-01-07", current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" } },
      ),
      "NOTICE_BACKDATED:notice.takeDownOn Anslaget kan inte tas ned bakåt i tiden: välj tidigast 2022-01-07, dagens datum.",
    ],
    [
      "empty take-down whose default lies in the past",
      change(
        { takeDownOn: null },
        { today: "2022-01-07", current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" } },
      ),
      "NOTICE_BACKDATED:notice.takeDownOn Anslaget kan inte tas ned bakåt i tiden: välj tidigast 2022-01-07, dagens datum.",
    ],
    [
      "a notice that has come down",
      change({ takeDownOn: "2022-01-20" }, { today: "2022-01-06" }),
      "NOTICE_ALREADY_DOWN:notice Anslaget togs ned 2022-01-05 och kan inte längre ändras.",
    ],
    [
      "a refused posting date is the only finding (the take-down bound depends on it)",
      change({ postedOn: "2021-12-20", takeDownOn: "2021-12-01" }),
      "NOTICE_LATE:notice.postedOn Anslaget ska enligt 8 kap. 12 § kommunallagen sättas upp senast andra dagen efter justeringen, alltså senast 2021-12-17.",
    ],
  ])("%s", (_label, input, expected) => {
    expect(summary(checkNoticeChange(input))).toEqual([expected]);
  });

  it("refuses malformed dates as a programming error (the schema checks user input)", () => {
    expect(() => checkNoticeChange(change({ postedOn: "2021-12-32" }))).toThrow(RangeError);
    expect(() => checkNoticeChange(change({}, { today: "idag" }))).toThrow(RangeError);
  });
});

describe("noticeEditWindow: what the form offers", () => {
  it.each([
    [
      "on the justering day",
      { adjustedOn: "2021-12-15", current: AUTO, today: "2021-12-15" },
      {
        isTakenDown: false,
        canMovePosting: true,
        earliestPosting: "2021-12-15",
        latestPosting: "2021-12-17",
        earliestTakeDown: "2022-01-05",
      },
    ],
    [
      "the day after, not posted yet",
      { adjustedOn: "2021-12-15", current: { postedOn: "2021-12-17", takeDownOn: "2022-01-07" }, today: "2021-12-16" },
      {
        isTakenDown: false,
        canMovePosting: true,
        earliestPosting: "2021-12-16",
        latestPosting: "2021-12-17",
        earliestTakeDown: "2022-01-07",
      },
    ],
    [
      "up since an earlier day",
      { adjustedOn: "2021-12-15", current: AUTO, today: "2021-12-20" },
      {
        isTakenDown: false,
        canMovePosting: false,
        earliestPosting: "2021-12-15",
        latestPosting: "2021-12-15",
        earliestTakeDown: "2022-01-05",
      },
    ],
    [
      "extended past the appeal period: no earlier than today",
      { adjustedOn: "2021-12-15", current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" }, today: "2022-01-10" },
      {
        isTakenDown: false,
        canMovePosting: false,
        earliestPosting: "2021-12-15",
        latestPosting: "2021-12-15",
        earliestTakeDown: "2022-01-10",
      },
    ],
    [
      "taken down",
      { adjustedOn: "2021-12-15", current: AUTO, today: "2022-01-06" },
      {
        isTakenDown: true,
        canMovePosting: false,
        earliestPosting: "2021-12-15",
        latestPosting: "2021-12-15",
        earliestTakeDown: "2022-01-06",
      },
    ],
  ])("%s", (_label, input, expected) => {
    expect(noticeEditWindow(input)).toEqual(expected);
  });
});

describe("checkNoticeChange: every refusal is an error that stops the change", () => {
  it.each([
    change({ postedOn: "2021-12-14" }),
    change({ postedOn: "2021-12-18", takeDownOn: null }),
    change(
      { postedOn: "2021-12-15" },
      { today: "2021-12-16", current: { postedOn: "2021-12-17", takeDownOn: "2022-01-07" } },
    ),
    change({ postedOn: "2021-12-17", takeDownOn: null }, { today: "2021-12-16" }),
    change({ takeDownOn: "2022-01-04" }),
    change(
      { takeDownOn: "2022-01-06" },
      { today: "2022-01-07", current: { postedOn: "2021-12-15", takeDownOn: "2022-01-14" } },
    ),
    change({ takeDownOn: "2022-01-20" }, { today: "2022-01-06" }),
  ])("%#", (input) => {
    const result = checkNoticeChange(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.findings.map((f) => [f.severity, f.paragraphNumber])).toEqual([["error", null]]);
  });

  it.each([
    ["requestedPostedOn", change({ postedOn: "2021-12-32" }), '"2021-12-32"'],
    ["requestedTakeDownOn", change({ takeDownOn: "2022-1-5" }), '"2022-1-5"'],
    ["today", change({}, { today: "idag" }), '"idag"'],
    ["adjustedOn", change({}, { adjustedOn: "15/12" }), '"15/12"'],
    ["postedOn", change({}, { current: { postedOn: "x", takeDownOn: "2022-01-05" } }), '"x"'],
    ["takeDownOn", change({}, { current: { postedOn: "2021-12-15", takeDownOn: "y" } }), '"y"'],
  ])("names a malformed %s (a programming error) in the exception", (name, input, value) => {
    expect(() => checkNoticeChange(input)).toThrow(`${name} must be an ISO date, got ${value}`);
  });

  it("noticeEditWindow checks its dates too", () => {
    expect(() => noticeEditWindow({ adjustedOn: "2021-12-15", current: AUTO, today: "2021-13-01" })).toThrow(
      'today must be an ISO date, got "2021-13-01"',
    );
    expect(() =>
      noticeEditWindow({ adjustedOn: "2021-12-15", current: { ...AUTO, takeDownOn: "z" }, today: "2021-12-15" }),
    ).toThrow('takeDownOn must be an ISO date, got "z"');
  });
});
