import { describe, expect, it } from "vitest";
import { absenceOpen, suggestSubstitutes, type SeatHolder } from "./substitutes.rules";

const member = (id: string, represents: string): SeatHolder => ({
  personId: id,
  name: `Ledamot ${id}`,
  role: "MEMBER",
  represents,
  callOrder: null,
});
const sub = (id: string, represents: string, callOrder: number | null): SeatHolder => ({
  personId: id,
  name: `Ersättare ${id}`,
  role: "SUBSTITUTE",
  represents,
  callOrder,
});

// A small fullmäktige: two S, one M, one C ledamot; ersättare S (order 2 and 1), M (3), V (4), and
// one S without a set order.
const SEATS: SeatHolder[] = [
  member("s1", "S"),
  member("s2", "S"),
  member("m1", "M"),
  member("c1", "C"),
  sub("es-b", "S", 2),
  sub("es-a", "S", 1),
  sub("em", "M", 3),
  sub("ev", "V", 4),
  sub("es-none", "S", null),
];

type Row = {
  name: string;
  absent: string[];
  called?: { personId: string; replacesPersonId: string | null }[];
  seats?: SeatHolder[];
  want: [string, string | null, string][];
};

const TABLE: Row[] = [
  { name: "nobody absent", absent: [], want: [] },
  {
    name: "one S ledamot: the S ersättare with the lowest order",
    absent: ["s1"],
    want: [["s1", "es-a", "SAME_REPRESENTS"]],
  },
  {
    name: "two S ledamöter: the S ersättare in order",
    absent: ["s1", "s2"],
    want: [
      ["s1", "es-a", "SAME_REPRESENTS"],
      ["s2", "es-b", "SAME_REPRESENTS"],
    ],
  },
  {
    name: "an ersättare without a set order comes after those with one",
    absent: ["s1", "s2"],
    called: [{ personId: "es-a", replacesPersonId: null }],
    want: [
      ["s1", "es-b", "SAME_REPRESENTS"],
      ["s2", "es-none", "SAME_REPRESENTS"],
    ],
  },
  {
    name: "C has no ersättare: the lowest order of the others",
    absent: ["c1"],
    want: [["c1", "es-a", "OTHER_REPRESENTS"]],
  },
  {
    name: "same party first for everyone, then the others: C does not take S's ersättare",
    absent: ["c1", "s1", "s2", "m1"],
    seats: SEATS.filter((s) => s.personId !== "es-none"),
    want: [
      ["s1", "es-a", "SAME_REPRESENTS"],
      ["s2", "es-b", "SAME_REPRESENTS"],
      ["m1", "em", "SAME_REPRESENTS"],
      ["c1", "ev", "OTHER_REPRESENTS"],
    ],
  },
  {
    name: "an ersättare with förhinder is not suggested",
    absent: ["s1", "es-a"],
    want: [["s1", "es-b", "SAME_REPRESENTS"]],
  },
  {
    name: "represents compared without case and spaces",
    absent: ["m1"],
    seats: [member("m1", " Vimmerby kommun"), sub("x", "Kinda kommun", 1), sub("y", "vimmerby KOMMUN ", 5)],
    want: [["m1", "y", "SAME_REPRESENTS"]],
  },
  {
    name: "already serving in the seat: that ersättare, nobody else",
    absent: ["s1"],
    called: [{ personId: "es-b", replacesPersonId: "s1" }],
    want: [["s1", "es-b", "ALREADY_CALLED"]],
  },
  {
    name: "already serving elsewhere: not free",
    absent: ["m1"],
    called: [{ personId: "em", replacesPersonId: "x" }],
    want: [["m1", "es-a", "OTHER_REPRESENTS"]],
  },
  {
    name: "no free ersättare at all",
    absent: ["s1", "s2"],
    seats: [member("s1", "S"), member("s2", "S"), sub("e", "S", 1)],
    want: [
      ["s1", "e", "SAME_REPRESENTS"],
      ["s2", null, "NONE"],
    ],
  },
  {
    name: "an absent person who is not a ledamot of the body gets no suggestion",
    absent: ["stranger"],
    want: [],
  },
];

describe("suggestSubstitutes (ersättarordning)", () => {
  it.each(TABLE)("$name", ({ absent, called = [], seats = SEATS, want }) => {
    const got = suggestSubstitutes({ seats, absentPersonIds: absent, alreadyCalled: called });
    expect(got.map((g) => [g.absent.personId, g.substitute?.personId ?? null, g.basis])).toEqual(want);
  });

  it("says in Swedish whom to call and why", () => {
    const [same] = suggestSubstitutes({ seats: SEATS, absentPersonIds: ["s1"], alreadyCalled: [] });
    expect(same!.message).toBe("Kalla in Ersättare es-a (S, nr 1 i ersättarordningen) för Ledamot s1.");
    const [other] = suggestSubstitutes({ seats: SEATS, absentPersonIds: ["c1"], alreadyCalled: [] });
    expect(other!.message).toBe(
      "Ingen ersättare för C är ledig. Kalla in Ersättare es-a (S, nr 1 i ersättarordningen) för Ledamot c1.",
    );
    const [none] = suggestSubstitutes({
      seats: [member("s1", "S")],
      absentPersonIds: ["s1"],
      alreadyCalled: [],
    });
    expect(none!.message).toBe("Det finns ingen ledig ersättare att kalla in för Ledamot s1.");
    const [serving] = suggestSubstitutes({
      seats: SEATS,
      absentPersonIds: ["s1"],
      alreadyCalled: [{ personId: "es-b", replacesPersonId: "s1" }],
    });
    expect(serving!.message).toBe("Ersättare es-b tjänstgör redan i stället för Ledamot s1.");
  });
});

describe("absenceOpen (until the meeting starts)", () => {
  // 2021-11-18 10:00 in Stockholm is 09:00 UTC (winter time).
  const meeting = { date: "2021-11-18", startTime: "10:00" };
  it.each([
    ["the day before", "2021-11-17T20:00:00Z", "2021-11-17", meeting, true],
    ["the day, before the start", "2021-11-18T08:59:00Z", "2021-11-18", meeting, true],
    ["the day, at the start", "2021-11-18T09:00:00Z", "2021-11-18", meeting, false],
    ["the day after", "2021-11-19T08:00:00Z", "2021-11-19", meeting, false],
    ["the day, no start time", "2021-11-18T20:00:00Z", "2021-11-18", { ...meeting, startTime: null }, true],
    [
      "summer time: 10:00 is 08:00 UTC",
      "2021-06-10T08:00:00Z",
      "2021-06-10",
      { date: "2021-06-10", startTime: "10:00" },
      false,
    ],
  ] as const)("%s", (_name, instant, today, m, want) => {
    expect(absenceOpen(m, new Date(instant), today)).toBe(want);
  });
});
