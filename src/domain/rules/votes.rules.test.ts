// Votes as recorded (issue 14 point 5): who votes in a §, totals-only votes, unset choices,
// frånvarande / deltar ej.
import { describe, expect, it } from "vitest";
import { attendanceRow as row } from "@/domain/protocol/attendance.fixture";
import type { AttendanceDTO, BallotChoice, VoteDTO } from "@/domain/protocol/protocol.types";
import { computeParticipation } from "./attendance.rules";
import { checkParagraphDecisions, outcomeFromTally, voteTally, type DecisionRulesInput } from "./decisions.rules";

// The seed's shape: Forsberg §§ 59-62, Segerstéen serving for Forsberg §§ 62-67.
const ATTENDANCE: AttendanceDTO[] = [
  row("kall", "CHAIR"),
  row("oscarsson", "MEMBER"),
  row("forsberg", "MEMBER", { ranges: [{ from: 59, to: 62 }] }),
  row("hagstrom", "MEMBER"),
  row("segersteen", "SERVING_SUBSTITUTE", { ranges: [{ from: 62, to: 67 }], replacesPersonId: "forsberg" }),
  row("remmerfelt", "OTHER", { title: "förbundsdirektör" }),
];
const PARAGRAPHS = [61, 62, 63].map((number) => ({ number, recusals: [] }));

describe("computeParticipation: voters per §", () => {
  const byNumber = (n: number) =>
    computeParticipation({ body: { seatCount: 4 }, attendance: ATTENDANCE, paragraphs: PARAGRAPHS }).find(
      (p) => p.paragraphNumber === n,
    )!;
  it("a ledamot present without a substitute for them votes", () => {
    expect(byNumber(61).voters.map((v) => v.personId)).toEqual(["kall", "oscarsson", "forsberg", "hagstrom"]);
  });
  it("a ledamot replaced in that § gets no vote: the serving ersättare has the seat", () => {
    const p62 = byNumber(62);
    expect(p62.participants.map((v) => v.personId)).toContain("forsberg");
    expect(p62.voters.map((v) => v.personId)).toEqual(["kall", "oscarsson", "hagstrom", "segersteen"]);
    expect(p62.voters).toHaveLength(p62.seats);
  });
  it("after the ledamot left, the ersättare serves alone", () => {
    expect(byNumber(63).voters.map((v) => v.personId)).toEqual(["kall", "oscarsson", "hagstrom", "segersteen"]);
  });
  it("a jävig ledamot does not vote", () => {
    const [p] = computeParticipation({
      body: { seatCount: 4 },
      attendance: ATTENDANCE,
      paragraphs: [{ number: 61, recusals: [{ personId: "oscarsson", name: "OSCARSSON", reason: "jäv" }] }],
    });
    expect(p!.voters.map((v) => v.personId)).toEqual(["kall", "forsberg", "hagstrom"]);
  });
});

const VOTERS = ["kall", "oscarsson", "hagstrom", "segersteen"];
const vote = (extra: Partial<VoteDTO>): VoteDTO => ({
  question: "bifall (ja) mot avslag (nej)",
  ballots: [],
  counts: null,
  result: "",
  outcome: "JA",
  ...extra,
});
const ballots = (spec: Record<string, BallotChoice | null>) =>
  Object.entries(spec).map(([personId, choice]) => ({ personId, name: personId.toUpperCase(), choice }));
const input = (...votes: VoteDTO[]): DecisionRulesInput => ({
  paragraph: {
    number: 62,
    decision: { intro: "Direktionen beslutar att bifalla förslaget.", clauses: [] },
    motions: [],
    propositions: ["Ordföranden ställer proposition och finner bifall."],
    votes,
    reservations: [],
    notes: [],
  },
  participantIds: new Set([...VOTERS, "forsberg"]),
  voterIds: new Set(VOTERS),
  presentPersonIds: new Set([...VOTERS, "forsberg"]),
  chairPersonId: "kall",
});
const findings = (i: DecisionRulesInput) => checkParagraphDecisions(i).map((f) => `${f.code}:${f.field}`);

describe("votes by name", () => {
  it("frånvarande and deltar ej are choices that count for neither side", () => {
    const v = vote({
      ballots: ballots({ kall: "JA", oscarsson: "JA", hagstrom: "FRANVARANDE", segersteen: "DELTAR_EJ" }),
      result: "Med 2 ja-röster mot 0 nej-röster beslutar direktionen att bifalla förslaget.",
    });
    expect(voteTally(v)).toEqual({ ja: 2, nej: 0, avstar: 0 });
    expect(findings(input(v))).toEqual([]);
  });
  it("an unset ballot is an error naming the voter, in Swedish", () => {
    const result = checkParagraphDecisions(
      input(vote({ ballots: ballots({ kall: "JA", oscarsson: null, hagstrom: "JA", segersteen: null }) })),
    );
    const unset = result.find((f) => f.code === "VOTE_BALLOT_UNSET")!;
    expect(unset.severity).toBe("error");
    expect(unset.message).toBe(
      "Omröstningen i § 62 saknar val för OSCARSSON, SEGERSTEEN. Ange ja, nej, avstår, frånvarande eller deltar ej för var och en.",
    );
  });
  it("a ledamot whose seat a serving ersättare takes may not vote", () => {
    const result = checkParagraphDecisions(
      input(
        vote({ ballots: ballots({ kall: "JA", oscarsson: "JA", hagstrom: "JA", segersteen: "NEJ", forsberg: "NEJ" }) }),
      ),
    );
    const wrong = result.find((f) => f.code === "VOTER_NOT_PARTICIPANT")!;
    expect(wrong.message).toContain("en tjänstgörande ersättare har FORSBERGs plats i paragrafen");
  });
  it("two votes in one § are checked each on its own field", () => {
    const order = vote({ ballots: ballots({ kall: "JA", oscarsson: "JA", hagstrom: "NEJ", segersteen: "NEJ" }) });
    const main = vote({ ballots: ballots({ kall: "JA", oscarsson: "NEJ", hagstrom: "NEJ", segersteen: "NEJ" }) });
    expect(findings(input(order, main))).toEqual(["VOTE_OUTCOME_MISMATCH:votes[1]"]);
  });
});

describe("votes with totals only", () => {
  it.each([
    ["totals within the 4 serving seats", { ja: 2, nej: 1, avstar: 1 }, "JA", "Med 2 ja mot 1 nej, 1 avstår.", []],
    ["more votes than serving seats", { ja: 3, nej: 2, avstar: 0 }, "JA", "", ["VOTE_COUNTS_EXCEED_SEATS:votes[0]"]],
    ["an outcome against the totals", { ja: 1, nej: 3, avstar: 0 }, "JA", "", ["VOTE_OUTCOME_MISMATCH:votes[0]"]],
    ["lottning without a tie", { ja: 3, nej: 1, avstar: 0 }, "LOTTNING", "", ["VOTE_OUTCOME_MISMATCH:votes[0]"]],
    ["a tie: the chair's casting vote is not known, either side stands", { ja: 2, nej: 2, avstar: 0 }, "NEJ", "", []],
    [
      "a result text that differs from the totals",
      { ja: 2, nej: 1, avstar: 0 },
      "JA",
      "Med 3 ja mot 1 nej",
      ["VOTE_TALLY_MISMATCH:votes[0]"],
    ],
  ] as const)("%s", (_, counts, outcome, result, expected) => {
    expect(findings(input(vote({ counts: { ...counts }, outcome, result })))).toEqual(expected);
  });
  it("names no missing ballots (the protocol has no names)", () => {
    expect(findings(input(vote({ counts: { ja: 3, nej: 1, avstar: 0 } })))).toEqual([]);
  });
  it("refuses totals together with ballots", () => {
    const v = vote({ counts: { ja: 1, nej: 0, avstar: 0 }, ballots: ballots({ kall: "JA" }) });
    expect(findings(input(v))).toContain("VOTE_COUNTS_WITH_BALLOTS:votes[0]");
  });
  it("outcomeFromTally: majority, else the chair's choice if known", () => {
    expect(outcomeFromTally({ ja: 9, nej: 4, avstar: 2 }, null)).toBe("JA");
    expect(outcomeFromTally({ ja: 2, nej: 2, avstar: 0 }, null)).toBeNull();
    expect(outcomeFromTally({ ja: 2, nej: 2, avstar: 0 }, "NEJ")).toBe("NEJ");
  });
});
