import { describe, expect, it } from "vitest";
import type { BallotChoice, MotionDTO, ParagraphDTO, ReservationDTO, VoteDTO } from "@/domain/protocol/protocol.types";
import {
  checkParagraphDecisions,
  outcomeFromBallots,
  parseTallyFromText,
  splitVoteQuestion,
  tallyBallots,
  type DecisionRulesInput,
} from "./decisions.rules";

/** "a:JA b:NEJ c:AVSTAR" → ballots. */
const ballots = (spec: string) =>
  spec
    .split(" ")
    .filter(Boolean)
    .map((part) => {
      const [personId = "", choice = "JA"] = part.split(":");
      return { personId, name: personId.toUpperCase(), choice: choice as BallotChoice };
    });

describe("tallyBallots and outcomeFromBallots", () => {
  it.each([
    // ballots, chair, tally, outcome
    ["a:JA b:JA c:NEJ", "a", { ja: 2, nej: 1, avstar: 0 }, "JA"],
    ["a:NEJ b:NEJ c:JA d:AVSTAR", "a", { ja: 1, nej: 2, avstar: 1 }, "NEJ"],
    ["a:JA b:NEJ", "a", { ja: 1, nej: 1, avstar: 0 }, "JA"], // tie: the chair's casting vote
    ["a:NEJ b:JA c:NEJ d:JA", "a", { ja: 2, nej: 2, avstar: 0 }, "NEJ"],
    ["a:AVSTAR b:JA c:NEJ", "a", { ja: 1, nej: 1, avstar: 1 }, null], // chair abstained: undecidable
    ["b:JA c:NEJ", null, { ja: 1, nej: 1, avstar: 0 }, null],
    ["a:AVSTAR b:AVSTAR", "a", { ja: 0, nej: 0, avstar: 2 }, null],
    ["", "a", { ja: 0, nej: 0, avstar: 0 }, null],
  ] as const)("%j, chair %s → %j, %s", (spec, chair, tally, outcome) => {
    expect(tallyBallots(ballots(spec))).toEqual(tally);
    expect(outcomeFromBallots(ballots(spec), chair)).toBe(outcome);
  });
});

describe("parseTallyFromText", () => {
  it.each([
    [
      "Med 4 ja-röster mot 2 nej-röster och 1 som avstår beslutar direktionen enligt ordförandens förslag.",
      { ja: 4, nej: 2, avstar: 1 },
    ],
    ["4 ja, 3 nej", { ja: 4, nej: 3 }],
    ["Omröstningen utfaller med 5 nej mot 2 ja. 2 ledamöter avstår.", { ja: 2, nej: 5, avstar: 2 }],
    ["Direktionen beslutar enligt ordförandens förslag.", {}],
    ["Jacob Käll (ja), Annicki Oscarsson (nej)", {}], // no numbers, no totals
  ])("%j → %j", (text, expected) => {
    expect(parseTallyFromText(text)).toEqual(expected);
  });
});

describe("splitVoteQuestion", () => {
  it.each([
    [
      "bifall till ordförandens förslag (ja) mot Joakim Magnussons yrkande (nej)",
      { ja: "bifall till ordförandens förslag", nej: "Joakim Magnussons yrkande" },
    ],
    [
      "Den som vill avslå Annicki Oscarssons yrkande röstar nej (nej)",
      { ja: null, nej: "Den som vill avslå Annicki Oscarssons yrkande röstar nej" },
    ],
    ["Bifall eller avslag", { ja: null, nej: null }],
  ])("%j", (question, expected) => {
    expect(splitVoteQuestion(question)).toEqual(expected);
  });
});

const motion = (personId: string, text: string, extra: Partial<MotionDTO> = {}): MotionDTO => ({
  personId,
  name: personId === "kall" ? "Jacob Käll" : personId === "magnusson" ? "Joakim Magnusson" : personId.toUpperCase(),
  kind: "BIFALL",
  text,
  amendsIndex: null,
  withdrawn: false,
  ...extra,
});

const vote = (spec: string, outcome: VoteDTO["outcome"], extra: Partial<VoteDTO> = {}): VoteDTO => ({
  question: "bifall till ordförandens förslag (ja) mot Joakim Magnussons yrkande (nej)",
  ballots: ballots(spec),
  counts: null,
  result: "",
  outcome,
  ...extra,
});

const reservation = (personId: string): ReservationDTO => ({ personId, name: personId.toUpperCase(), reasons: null });

const PARTICIPANTS = ["kall", "oscarsson", "forsberg", "hagstrom", "magnusson", "malgeryd"];
const ALL_JA = "kall:JA oscarsson:JA forsberg:JA hagstrom:NEJ magnusson:NEJ malgeryd:AVSTAR";

const CHAIR_TEXT = "att anta budget för år 2022 jämte plan för 2022-2024";
const MAGNUSSON_TEXT = "Att återremittera budgeten till förbundsdirektören för ny beredning.";

const input = (paragraph: Partial<DecisionRulesInput["paragraph"]>, present: string[] = []): DecisionRulesInput => ({
  paragraph: {
    number: 62,
    decision: { intro: "Direktionen beslutar:", clauses: [`${CHAIR_TEXT},`] },
    motions: [],
    propositions: [],
    votes: [],
    reservations: [],
    notes: [],
    ...paragraph,
  } satisfies Pick<
    ParagraphDTO,
    "number" | "decision" | "motions" | "propositions" | "votes" | "reservations" | "notes"
  >,
  participantIds: new Set(PARTICIPANTS),
  voterIds: new Set(PARTICIPANTS),
  presentPersonIds: new Set([...PARTICIPANTS, ...present]),
  chairPersonId: "kall",
});

const PROPOSITION = [
  "Ordföranden ställer proposition på förslagen och finner att direktionen bifaller ordförandens förslag.",
];
const MOTIONS = [motion("kall", CHAIR_TEXT), motion("magnusson", MAGNUSSON_TEXT, { kind: "ATERREMISS" })];

/** The § with both motions and the chair's propositionsordning, as most cases below start. */
const proposed = (paragraph: Partial<DecisionRulesInput["paragraph"]> = {}, present: string[] = []) =>
  input({ motions: MOTIONS, propositions: PROPOSITION, ...paragraph }, present);

const codes = (i: DecisionRulesInput) => checkParagraphDecisions(i).map((f) => `${f.code}:${f.field}`);

describe("checkParagraphDecisions", () => {
  it.each([
    ["a § with no motions, votes or reservations", input({}), []],
    ["motions with a propositionsordning", proposed(), []],
    ["motions without a propositionsordning", input({ motions: MOTIONS }), ["PROPOSITION_MISSING:propositions"]],
    [
      "withdrawn motions need no propositionsordning",
      input({ motions: [motion("kall", "x", { withdrawn: true })] }),
      [],
    ],
    [
      "a motion by someone not taking part (a non-serving ersättare)",
      input({ motions: [motion("segersteen", "att bifalla")], propositions: PROPOSITION }, ["segersteen"]),
      ["MOTION_NOT_PARTICIPANT:motions[0]"],
    ],
    [
      "an amendment pointing nowhere",
      input({
        motions: [motion("kall", "att x", { amendsIndex: 3 }), motion("magnusson", "att y", { amendsIndex: 1 })],
        propositions: PROPOSITION,
      }),
      ["MOTION_AMENDS_INVALID:motions[0]", "MOTION_AMENDS_INVALID:motions[1]"],
    ],
    [
      "a vote consistent with ballots, result and decision",
      proposed({
        votes: [
          vote(ALL_JA, "JA", {
            result: "Med 3 ja-röster mot 2 nej-röster och 1 som avstår bifaller direktionen ordförandens förslag.",
          }),
        ],
      }),
      [],
    ],
    [
      "a written total that does not follow from the ballots",
      proposed({ votes: [vote(ALL_JA, "JA", { result: "Med 4 ja-röster mot 2 nej-röster" })] }),
      ["VOTE_TALLY_MISMATCH:votes[0]"],
    ],
    [
      "an outcome that does not follow from the ballots (and then the decision follows neither)",
      proposed({ votes: [vote(ALL_JA, "NEJ")] }),
      ["VOTE_OUTCOME_MISMATCH:votes[0]", "VOTE_DECISION_MISMATCH:decision"],
    ],
    [
      "a tie decided by the chair's casting vote",
      proposed({
        votes: [vote("kall:JA oscarsson:JA forsberg:NEJ hagstrom:NEJ magnusson:AVSTAR malgeryd:AVSTAR", "JA")],
      }),
      [],
    ],
    [
      "a tie recorded against the chair's casting vote",
      proposed({
        votes: [vote("kall:JA oscarsson:JA forsberg:NEJ hagstrom:NEJ magnusson:AVSTAR malgeryd:AVSTAR", "NEJ")],
      }),
      ["VOTE_OUTCOME_MISMATCH:votes[0]", "VOTE_DECISION_MISMATCH:decision"],
    ],
    [
      "lots drawn in a decision although the chair voted",
      proposed({
        votes: [vote("kall:JA oscarsson:JA forsberg:NEJ hagstrom:NEJ magnusson:AVSTAR malgeryd:AVSTAR", "LOTTNING")],
      }),
      ["VOTE_OUTCOME_MISMATCH:votes[0]"],
    ],
    ["lots drawn without a tie", proposed({ votes: [vote(ALL_JA, "LOTTNING")] }), ["VOTE_OUTCOME_MISMATCH:votes[0]"]],
    [
      "lots drawn on a tie where the chair abstained (an election) are accepted",
      input({
        propositions: PROPOSITION,
        votes: [vote("kall:AVSTAR oscarsson:JA forsberg:NEJ hagstrom:JA magnusson:NEJ malgeryd:AVSTAR", "LOTTNING")],
      }),
      [],
    ],
    [
      "the recorded decision is the losing side's motion",
      input({
        decision: { intro: "Direktionen beslutar", clauses: [MAGNUSSON_TEXT] },
        motions: MOTIONS,
        propositions: PROPOSITION,
        votes: [vote(ALL_JA, "JA")],
      }),
      ["VOTE_DECISION_MISMATCH:decision"],
    ],
    [
      "a ballot by someone not taking part, a double ballot and missing ballots",
      input(
        {
          motions: MOTIONS,
          propositions: PROPOSITION,
          votes: [vote("kall:JA kall:JA segersteen:NEJ oscarsson:NEJ", "JA")],
        },
        ["segersteen"],
      ),
      ["VOTE_DUPLICATE_BALLOT:votes[0]", "VOTER_NOT_PARTICIPANT:votes[0]", "VOTE_MISSING_BALLOTS:votes[0]"],
    ],
    [
      "a vote without a propositionsordning",
      input({ votes: [vote(ALL_JA, "JA")] }),
      ["PROPOSITION_MISSING:propositions"],
    ],
    [
      "a reservation by someone who voted against",
      proposed({ votes: [vote(ALL_JA, "JA")], reservations: [reservation("magnusson")] }),
      [],
    ],
    [
      "a reservation by someone absent from the §",
      input({ reservations: [reservation("segersteen")] }),
      ["RESERVATION_NOT_PARTICIPANT:reservations[0]"],
    ],
    [
      "a reservation by someone present but jävig or not serving is still an error",
      input({ reservations: [reservation("remmerfelt")] }, ["remmerfelt"]),
      ["RESERVATION_NOT_PARTICIPANT:reservations[0]"],
    ],
    [
      "a reservation by someone who voted with the majority",
      proposed({ votes: [vote(ALL_JA, "JA")], reservations: [reservation("oscarsson")] }),
      ["RESERVATION_BY_MAJORITY:reservations[0]"],
    ],
    [
      "a kontrapropositionsvotering won, then the huvudvotering lost: the reservation is against the decision",
      proposed({
        votes: [
          vote("kall:NEJ oscarsson:JA forsberg:JA hagstrom:JA magnusson:NEJ malgeryd:AVSTAR", "JA"),
          vote("kall:JA oscarsson:NEJ forsberg:JA hagstrom:JA magnusson:NEJ malgeryd:AVSTAR", "JA"),
        ],
        reservations: [reservation("oscarsson")],
      }),
      [],
    ],
    [
      "a reservation by someone who won every vote of the §",
      proposed({
        votes: [
          vote("kall:NEJ oscarsson:JA forsberg:JA hagstrom:JA magnusson:NEJ malgeryd:AVSTAR", "JA"),
          vote(ALL_JA, "JA"),
        ],
        reservations: [reservation("oscarsson")],
      }),
      ["RESERVATION_BY_MAJORITY:reservations[0]"],
    ],
    [
      "a reservation after a vote decided by lot",
      proposed({
        votes: [vote("kall:AVSTAR oscarsson:JA forsberg:JA hagstrom:NEJ magnusson:NEJ malgeryd:AVSTAR", "LOTTNING")],
        reservations: [reservation("oscarsson")],
      }),
      [],
    ],
    [
      "a reservation made twice",
      input({ reservations: [reservation("magnusson"), reservation("magnusson")] }),
      ["RESERVATION_DUPLICATE:reservations[1]"],
    ],
    [
      "a written reservation announced (skriftlig reservation senare) whose text is not in yet",
      input({ reservations: [{ ...reservation("magnusson"), writtenLater: true }] }),
      ["RESERVATION_WRITTEN_PENDING:reservations[0]"],
    ],
    [
      "a written reservation announced and entered",
      input({ reservations: [{ ...reservation("magnusson"), writtenLater: true, reasons: "Vi anser att …" }] }),
      [],
    ],
    [
      "a protokollsanteckning by someone present (a non-serving ersättare may ask for one)",
      input({ notes: [{ personId: "segersteen", name: "Christer Segerstéen", text: "Jag vill notera …" }] }, [
        "segersteen",
      ]),
      [],
    ],
    [
      "a protokollsanteckning by someone not present",
      input({ notes: [{ personId: "x", name: "X", text: "…" }] }),
      ["NOTE_AUTHOR_NOT_PRESENT:notes[0]"],
    ],
  ] as const)("%s", (_label, i, expected) => {
    expect(codes(i)).toEqual(expected);
  });

  it("explains in Swedish", () => {
    const [finding] = checkParagraphDecisions(input({ reservations: [reservation("segersteen")] }));
    expect(finding?.message).toBe(
      "SEGERSTEEN reserverar sig i § 62 men deltog inte i beslutet. Bara den som deltagit i avgörandet får reservera sig (4 kap. 27 § kommunallagen); ta bort reservationen eller rätta närvaron.",
    );
    const [tally] = checkParagraphDecisions(
      proposed({ votes: [vote(ALL_JA, "JA", { result: "Med 4 ja-röster mot 2 nej-röster" })] }),
    );
    expect(tally?.message).toBe(
      "Resultatet i § 62 anger 4 ja, 2 nej, men rösterna ger 3 ja, 2 nej, 1 avstår. Rätta resultatet eller rösterna.",
    );
  });
});
