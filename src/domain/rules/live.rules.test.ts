import { describe, expect, it } from "vitest";
import { checkAttendance } from "./attendance.rules";
import { replayLive, substituteCandidates, type LiveEventData, type LiveInput, type LiveSeat } from "./live.rules";

const member = (id: string, position: LiveSeat["position"] = null, represents = "S"): LiveSeat => ({
  personId: id,
  name: `Ledamot ${id}`,
  role: "MEMBER",
  position,
  represents,
  callOrder: null,
});
const sub = (id: string, callOrder: number, represents = "S"): LiveSeat => ({
  personId: id,
  name: `Ersättare ${id}`,
  role: "SUBSTITUTE",
  position: null,
  represents,
  callOrder,
});

// Five ledamöter (quorum 3), three ersättare; §§ 59-63.
const SEATS = [
  member("a", "CHAIR"),
  member("b"),
  member("c", null, "M"),
  member("d"),
  member("e"),
  sub("x", 1),
  sub("y", 2, "M"),
  sub("z", 3),
];
const PARAGRAPHS = [59, 60, 61, 62, 63].map((number) => ({ id: `p${number}`, number }));

/** 14:00 Swedish winter time plus `minutes`. */
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 10, 13, minutes));

function input(events: LiveEventData[]): LiveInput {
  return {
    seats: SEATS,
    paragraphs: PARAGRAPHS,
    seatCount: 5,
    events: events.map((data, i) => ({ seq: i + 1, at: at(i), data })),
  };
}
const roll = (...present: string[]): LiveEventData[] =>
  present.map((personId) => ({ type: "roll", personId, present: true }));
const go = (number: number): LiveEventData => ({ type: "current", paragraphId: `p${number}` });

/** "a CHAIR ; b MEMBER 59-60 …" — each row as role, ranges, replaces, times. */
function rows(events: LiveEventData[]) {
  return replayLive(input(events)).attendance.map((r) =>
    [
      r.personId,
      r.role,
      r.ranges.map((x) => (x.from === x.to ? `${x.from}` : `${x.from}-${x.to}`)).join(",") || "alla",
      r.replacesPersonId ? `för ${r.replacesPersonId}` : "",
      r.arrivalTime ? `kom ${r.arrivalTime}` : "",
      r.departureTime ? `gick ${r.departureTime}` : "",
    ]
      .filter(Boolean)
      .join(" "),
  );
}

describe("attendance ranges from the live log", () => {
  // The rows of those present for the whole meeting: a, b and c; and all five ledamöter.
  const THREE = ["a CHAIR alla", "b MEMBER alla", "c MEMBER alla"];
  const FIVE = [...THREE, "d MEMBER alla", "e MEMBER alla"];
  const cases: { name: string; events: LiveEventData[]; want: string[] }[] = [
    {
      name: "roll call only: everyone present for the whole meeting, an absent ledamot, ersättare not there omitted",
      events: [...roll("a", "b", "c", "d"), { type: "roll", personId: "e", present: false }],
      want: [...THREE, "d MEMBER alla", "e ABSENT alla"],
    },
    {
      name: "a conflicting roll call mark: the later tap wins",
      events: [...roll("a", "b", "c", "d", "e"), { type: "roll", personId: "e", present: false }],
      want: [...THREE, "d MEMBER alla", "e ABSENT alla"],
    },
    {
      name: "arrival during the current §: present from that §, with the clock time",
      events: [...roll("a", "b", "c", "d"), go(60), go(61), { type: "arrive", personId: "e" }],
      want: [...THREE, "d MEMBER alla", "e MEMBER 61-63 kom 14:06"],
    },
    {
      name: "a person who leaves and comes back (an ersättare): two ranges, first arrival, last departure",
      events: [
        ...roll("a", "b", "c", "d", "e"),
        { type: "arrive", personId: "x" },
        go(60),
        { type: "depart", personId: "x" },
        go(61),
        go(62),
        { type: "arrive", personId: "x" },
        go(63),
        { type: "depart", personId: "x" },
      ],
      want: [...FIVE, "x SUBSTITUTE 59,62 kom 14:05 gick 14:12"],
    },
    {
      name: "a ledamot who leaves: present until the § before the departure",
      events: [...roll("a", "b", "c", "d", "e"), go(60), go(61), { type: "depart", personId: "d" }],
      want: [...THREE, "d MEMBER 59-60 gick 14:07", "e MEMBER alla"],
    },
    {
      name: "an ersättare serving two different members in turn",
      events: [
        ...roll("a", "b", "c", "x"),
        { type: "substitute", personId: "x", forPersonId: "d" },
        go(60),
        { type: "arrive", personId: "d" },
        { type: "substitute", personId: "x", forPersonId: "e" },
        go(61),
        go(62),
        { type: "arrive", personId: "e" },
      ],
      want: [
        ...THREE,
        "d MEMBER 60-63 kom 14:06",
        "e MEMBER 62-63 kom 14:10",
        "x SERVING_SUBSTITUTE 59 för d",
        "x SERVING_SUBSTITUTE 60-61 för e",
        "x SUBSTITUTE 62-63",
      ],
    },
    {
      name: "jäv for one § with an ersättare stepping in for that § only",
      events: [
        ...roll("a", "b", "c", "d", "e", "y"),
        go(60),
        go(61),
        { type: "recuse", personId: "c", paragraphId: "p61", recused: true, reason: "Styrelseledamot i bolaget" },
        { type: "substitute", personId: "y", forPersonId: "c" },
        go(62),
      ],
      want: [...FIVE, "y SUBSTITUTE 59-60,62-63", "y SERVING_SUBSTITUTE 61 för c"],
    },
    {
      name: "a roll call mark taken back before anything happened leaves no range",
      events: [...roll("a", "b", "c", "d", "e", "z"), { type: "roll", personId: "z", present: false }],
      want: FIVE,
    },
  ];
  it.each(cases)("$name", ({ events, want }) => {
    expect(rows(events)).toEqual(want);
  });
});

describe("serving count, quorum and who serves", () => {
  it("jäv with an ersättare: the seat stays taken, the jävige is not among the voters of that § only", () => {
    const state = replayLive(
      input([
        ...roll("a", "b", "c", "d", "e", "y"),
        go(61),
        { type: "recuse", personId: "c", paragraphId: "p61", recused: true, reason: "" },
        { type: "substitute", personId: "y", forPersonId: "c" },
      ]),
    );
    const p61 = state.perParagraph.find((p) => p.number === 61)!;
    expect(p61.seats).toBe(5);
    expect(p61.participation.voters.map((v) => v.personId)).toEqual(["a", "b", "d", "e", "y"]);
    expect(state.perParagraph.find((p) => p.number === 62)!.participation.voters.map((v) => v.personId)).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
    expect(state.status.get("c")).toEqual({ kind: "recused", reason: "" });
    expect(state.status.get("y")).toEqual({ kind: "serving", forPersonId: "c" });
    expect(state.recusals.get("p61")).toEqual([{ personId: "c", name: "Ledamot c", reason: "" }]);
    // What the protocol gets passes the attendance rules.
    const findings = checkAttendance({
      body: { seatCount: 5 },
      attendance: state.attendance,
      paragraphs: PARAGRAPHS.map((p) => ({ number: p.number, recusals: state.recusals.get(p.id) ?? [] })),
    });
    expect(findings).toEqual([]);
  });

  it("quorum is lost when too few serve, and comes back with an arrival", () => {
    const state = replayLive(input([...roll("a", "b"), go(60), { type: "arrive", personId: "c" }]));
    expect(state.quorumMinimum).toBe(3);
    expect(state.perParagraph.map((p) => [p.number, p.seats, p.quorum])).toEqual([
      [59, 2, false],
      [60, 3, true],
      [61, 3, true],
      [62, 3, true],
      [63, 3, true],
    ]);
    expect(state.currentIndex).toBe(1);
  });

  it("a withdrawn jäv is no jäv; a later ersättare for the same seat replaces the first", () => {
    const state = replayLive(
      input([
        ...roll("a", "b", "c", "x", "y"),
        { type: "recuse", personId: "b", paragraphId: "p59", recused: true, reason: "" },
        { type: "recuse", personId: "b", paragraphId: "p59", recused: false, reason: "" },
        { type: "substitute", personId: "x", forPersonId: "d" },
        { type: "substitute", personId: "y", forPersonId: "d" },
      ]),
    );
    expect(state.recusals.get("p59")).toEqual([]);
    expect(state.status.get("x")).toEqual({ kind: "present" });
    expect(state.status.get("y")).toEqual({ kind: "serving", forPersonId: "d" });
    expect(state.perParagraph[0]!.seats).toBe(4);
  });

  it("offers the free ersättare of the same party first, then the body's order", () => {
    const i = input(roll("a", "b", "c", "d", "e", "x", "y", "z"));
    const state = replayLive(i);
    expect(substituteCandidates(i, state, "c").map((s) => s.personId)).toEqual(["y", "x", "z"]);
    expect(substituteCandidates(i, state, "b").map((s) => s.personId)).toEqual(["x", "z", "y"]);
  });

  it("the end of the meeting is in the log", () => {
    expect(replayLive(input([...roll("a"), { type: "close" }])).closed).toBe(true);
  });
});
