import { describe, expect, it } from "vitest";
import { attendanceRow as row } from "./attendance.fixture";
import {
  checkAttendance,
  computeParticipation,
  hasQuorum,
  quorumMinimum,
  type AttendanceRulesInput,
} from "./attendance.rules";

type Recusals = Readonly<Record<number, readonly string[]>>;

const paragraphs = (from: number, to: number, recusals: Recusals = {}) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i).map((number) => ({
    number,
    recusals: (recusals[number] ?? []).map((personId) => ({ personId, name: personId.toUpperCase(), reason: "jäv" })),
  }));

const input = (
  rows: string[],
  options: {
    readonly seatCount?: number;
    readonly from?: number;
    readonly to?: number;
    readonly recusals?: Recusals;
  } = {},
): AttendanceRulesInput => ({
  body: { seatCount: options.seatCount ?? 6 },
  attendance: rows.map(row),
  paragraphs: paragraphs(options.from ?? 59, options.to ?? 67, options.recusals),
});

/** The seed's Beslutande and Ersättare, as the original lists them. */
const SEED_ROWS = [
  "kall:CHAIR",
  "oscarsson:MEMBER",
  "forsberg:MEMBER:59-62",
  "hagstrom:MEMBER",
  "magnusson:SERVING_SUBSTITUTE",
  "malgeryd:SERVING_SUBSTITUTE",
  "segersteen:SUBSTITUTE:59-62",
  "segersteen:SERVING_SUBSTITUTE:62-67:forsberg",
  "remmerfelt:OTHER",
  "rkarlsson:OTHER:59",
];

const codesOf = (i: AttendanceRulesInput) =>
  checkAttendance(i).map((f) => `${f.code}@${f.paragraphNumber ?? "-"}:${f.field}`);

describe("hasQuorum: more than half of the seats", () => {
  it.each([
    [6, 4, true],
    [6, 3, false], // exactly half is not enough
    [7, 4, true],
    [7, 3, false],
    [5, 3, true],
    [1, 1, true],
    [6, 0, false],
  ])("%i seats, %i taking part → %s", (seatCount, seats, expected) => {
    expect(hasQuorum(seats, seatCount)).toBe(expected);
    expect(seats >= quorumMinimum(seatCount)).toBe(expected);
  });
});

describe("computeParticipation", () => {
  it("the seed: Forsberg and Segerstéen both sit in § 62, the seat is counted once", () => {
    const byNumber = new Map(computeParticipation(input(SEED_ROWS)).map((p) => [p.paragraphNumber, p]));
    const ids = (n: number) => byNumber.get(n)?.participants.map((p) => p.personId);
    expect(ids(59)).toEqual(["kall", "oscarsson", "forsberg", "hagstrom", "magnusson", "malgeryd"]);
    expect(ids(62)).toEqual(["kall", "oscarsson", "forsberg", "hagstrom", "magnusson", "malgeryd", "segersteen"]);
    expect(ids(63)).toEqual(["kall", "oscarsson", "hagstrom", "magnusson", "malgeryd", "segersteen"]);
    expect(byNumber.get(62)?.seats).toBe(6);
    expect(byNumber.get(59)?.presentPersonIds).toContain("rkarlsson");
    expect(byNumber.get(60)?.presentPersonIds).not.toContain("rkarlsson");
    expect(byNumber.get(59)?.chairPersonId).toBe("kall");
  });

  it.each([
    // rows, recusals, §, expected participants, seats, chair
    [["a:CHAIR", "b:MEMBER", "c:MEMBER"], { 60: ["b"] }, 60, ["a", "c"], 2, "a"],
    [["a:CHAIR", "v:VICE_CHAIR", "c:MEMBER"], { 60: ["a"] }, 60, ["v", "c"], 2, "v"], // vice chair presides
    [["a:CHAIR", "s:SUBSTITUTE", "o:OTHER"], {}, 60, ["a"], 1, "a"], // non-serving people do not take part
    [["a:MEMBER", "s:SERVING_SUBSTITUTE::a"], {}, 60, ["a", "s"], 1, null],
    [["a:MEMBER:59", "s:SERVING_SUBSTITUTE:60-67:a"], {}, 60, ["s"], 1, null],
  ] as const)("%j with jäv %j: § %i → %j, %i seats", (rows, recusals, n, ids, seats, chair) => {
    const p = computeParticipation(input([...rows], { recusals })).find((x) => x.paragraphNumber === n);
    expect(p?.participants.map((x) => x.personId)).toEqual(ids);
    expect(p?.seats).toBe(seats);
    expect(p?.chairPersonId).toBe(chair);
  });
});

describe("checkAttendance", () => {
  it.each([
    ["a full board, whole meeting", ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "e:MEMBER", "f:MEMBER"], {}, []],
    ["4 of 6 is a quorum", ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER"], {}, []],
    [
      "3 of 6 is not: one finding naming the §§ (issue 14, point 11)",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-60"],
      { to: 62 },
      ["QUORUM@-:attendance"],
    ],
    [
      "jäv takes a member below quorum in that § only",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER"],
      { to: 61, recusals: { 60: ["d"] } },
      ["QUORUM@60:attendance"],
    ],
    ["a serving substitute restores the quorum", ["a:CHAIR", "b:MEMBER", "c:MEMBER", "s:SERVING_SUBSTITUTE"], {}, []],
    [
      "non-serving substitutes and officials do not count",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "s:SUBSTITUTE", "o:OTHER"],
      { to: 59 },
      ["QUORUM@59:attendance"],
    ],
    [
      "an absent ledamot does not count for quorum (issue 14, point 4)",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:ABSENT", "e:ABSENT"],
      { to: 59 },
      ["QUORUM@59:attendance"],
    ],
    [
      "an absent ledamot replaced by a serving ersättare: the seat is taken, no overlap",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:ABSENT", "s:SERVING_SUBSTITUTE::d"],
      {},
      [],
    ],
    [
      "an absent ledamot replaced for some §§ only",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:ABSENT", "s:SERVING_SUBSTITUTE:62-67:d"],
      { seatCount: 7 },
      ["QUORUM@-:attendance"],
    ],
    [
      "an absent ledamot with §§: absence is for the whole meeting",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "e:ABSENT:59-60"],
      {},
      ["ABSENT_WITH_PRESENCE@-:attendance[4]"],
    ],
    [
      "a ledamot listed both as absent and as present",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "d:ABSENT"],
      {},
      ["ABSENT_AND_PRESENT@-:attendance[4]"],
    ],
    [
      "jäv recorded for an absent ledamot: not in the attendance",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "e:ABSENT"],
      { to: 60, recusals: { 60: ["e"] } },
      ["RECUSAL_NOT_PRESENT@60:recusals[0]"],
    ],
    ["odd seat count: 4 of 7 is enough", ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER"], { seatCount: 7 }, []],
    [
      "more deciding than seats",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "s:SERVING_SUBSTITUTE"],
      { seatCount: 3, to: 59 },
      ["OVER_SEATS@59:attendance"],
    ],
    [
      "a substitute serving while the member replaced is present (the seed's § 62)",
      SEED_ROWS,
      {},
      ["SUBSTITUTE_WITH_MEMBER_PRESENT@62:attendance[7]"],
    ],
    [
      "a clean swap between §§ is fine",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-61", "s:SERVING_SUBSTITUTE:62-67:d"],
      {},
      [],
    ],
    [
      "the replaced member being jävig in that § is fine",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "s:SERVING_SUBSTITUTE:60:d"],
      { recusals: { 60: ["d"] } },
      [],
    ],
    [
      "a member who left and came back",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-60,63-67", "e:MEMBER"],
      {},
      ["MEMBER_RETURNED@63:attendance[3]"],
    ],
    [
      "leaving for jäv and coming back is allowed (ranges exclude the §)",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-60,62-67", "e:MEMBER"],
      { recusals: { 61: ["d"] } },
      [],
    ],
    [
      "leaving for jäv and coming back is allowed (ranges cover the §)",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "e:MEMBER"],
      { recusals: { 61: ["d"], 62: ["d"] } },
      [],
    ],
    [
      "jäv explains only part of the absence",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59,62-67", "e:MEMBER"],
      { recusals: { 61: ["d"] } },
      ["MEMBER_RETURNED@62:attendance[3]"],
    ],
    [
      "a member who arrives late or leaves early is fine",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:61-67", "e:MEMBER:59-64"],
      {},
      [],
    ],
    [
      "a substitute may step in twice (not a member)",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "s:SERVING_SUBSTITUTE:59-60,63-64"],
      {},
      [],
    ],
    [
      "ranges outside the meeting's §§",
      ["a:CHAIR", "b:MEMBER:59-70", "c:MEMBER:55,59-67", "d:MEMBER", "o:OTHER:58-59"],
      {},
      [
        "RANGE_OUTSIDE_MEETING@-:attendance[1]",
        "RANGE_OUTSIDE_MEETING@-:attendance[2]",
        "RANGE_OUTSIDE_MEETING@-:attendance[4]",
      ],
    ],
    [
      "a backwards range",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:62-59"],
      { to: 62 },
      ["RANGE_INVALID@-:attendance[3]", "QUORUM@-:attendance"],
    ],
    [
      "one person deciding twice in the same §",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-62", "d:SERVING_SUBSTITUTE:62-67"],
      {},
      ["DOUBLE_SEAT@62:attendance[4]"],
    ],
    [
      "jäv for someone who is not in the attendance list",
      ["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER"],
      { to: 60, recusals: { 60: ["x"] } },
      ["RECUSAL_NOT_PRESENT@60:recusals[0]"],
    ],
  ] as const)("%s", (_label, rows, options, expected) => {
    expect(codesOf(input([...rows], options))).toEqual(expected);
  });

  it("messages are Swedish and name the people and §§", () => {
    const findings = checkAttendance(
      input(["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER:59-60,63-67", "e:MEMBER", "x:MEMBER:59-70"]),
    );
    expect(findings.map((f) => f.message)).toEqual([
      "X står som närvarande i §§ 68-70, som inte finns i protokollet (§§ 59-67). Rätta paragrafintervallet.",
      "D lämnade sammanträdet efter § 60 och deltar igen från § 63. En ledamot som avbrutit sin tjänstgöring får återinträda bara efter jäv. Ange jäv för §§ 61-62 eller rätta närvaron.",
    ]);
    const seed = checkAttendance(input(SEED_ROWS))[0];
    expect(seed?.message).toBe(
      "I § 62 står SEGERSTEEN som tjänstgörande ersättare för FORSBERG, som också deltar i paragrafen. En ersättare tjänstgör bara i stället för en frånvarande ledamot, och byten sker mellan ärenden. Rätta paragrafintervallen så att de inte överlappar.",
    );
    expect(checkAttendance(input(["a:CHAIR", "b:MEMBER", "c:MEMBER"], { to: 59 }))[0]?.message).toBe(
      "I § 59 deltar bara 3 av 6 ledamöter. Organet får besluta bara när mer än hälften av ledamöterna är närvarande, här minst 4. Kontrollera närvaron och jäv för paragrafen.",
    );
    // The same count in several §§ is one finding; a different count is another.
    expect(
      checkAttendance(input(["a:CHAIR", "b:MEMBER", "c:MEMBER:59-63,66-67"], { to: 67 }))
        .filter((f) => f.code === "QUORUM")
        .map((f) => [f.paragraphNumber, f.message]),
    ).toEqual([
      [
        null,
        "I §§ 59-63, 66-67 deltar bara 3 av 6 ledamöter. Organet får besluta bara när mer än hälften av ledamöterna är närvarande, här minst 4. Kontrollera närvaron och jäv för paragraferna.",
      ],
      [
        null,
        "I §§ 64-65 deltar bara 2 av 6 ledamöter. Organet får besluta bara när mer än hälften av ledamöterna är närvarande, här minst 4. Kontrollera närvaron och jäv för paragraferna.",
      ],
    ]);
  });
});

describe("an absent ledamot (issue 14, point 4)", () => {
  it("takes part in no § and is not present in any", () => {
    const [first] = computeParticipation(input(["a:CHAIR", "d:ABSENT", "s:SERVING_SUBSTITUTE::d"], { to: 59 }));
    expect(first!.participants.map((p) => p.personId)).toEqual(["a", "s"]);
    expect(first!.presentPersonIds).toEqual(["a", "s"]);
    expect(first!.seats).toBe(2);
  });

  it("gets Swedish messages that say what to do", () => {
    const withTimes = { ...row("e:ABSENT"), arrivalTime: "14:10" };
    const findings = checkAttendance({
      ...input(["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER", "d:ABSENT", "e:ABSENT:59-60"]),
    }).concat(checkAttendance({ ...input(["a:CHAIR", "b:MEMBER", "c:MEMBER", "d:MEMBER"]), attendance: [withTimes] }));
    expect(findings.map((f) => f.message).filter((m) => m.includes("frånvarande"))).toEqual([
      "D står både som frånvarande och som ledamot. Ta bort den rad som inte stämmer.",
      "E står som frånvarande men med närvaro i §§ 59-60. En frånvarande ledamot var inte med på sammanträdet; kom eller gick ledamoten under mötet, ange rollen ledamot med paragraferna och tiderna.",
      "E står som frånvarande men med tider. En frånvarande ledamot var inte med på sammanträdet; kom eller gick ledamoten under mötet, ange rollen ledamot med paragraferna och tiderna.",
    ]);
  });
});
