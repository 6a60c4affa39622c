/**
 * Motions (yrkanden), votes (omröstningar) and reservations of one §, against who took part in it.
 * - Only those who took part may move, vote and reserve (4 kap. 27 § KL for reservations).
 * - Only the person serving in a seat in the § votes (a ledamot replaced by a serving ersättare
 *   does not); every voter named has a choice entered (ja, nej, avstår, frånvarande, deltar ej).
 * - Vote totals follow from the ballots, or are recorded as totals only when the protocol names
 *   no voters (then at most one per serving seat); the recorded outcome follows from the totals,
 *   a tie being decided by the chair's casting vote (utslagsröst); lots are drawn only in elections.
 * - The decision recorded must not be the losing side's motion.
 * - The protocol must show the propositionsordning when motions were made (5 kap. 67 § 2 KL).
 */
import type { BallotChoice, BallotDTO, ParagraphDTO, VoteDTO } from "@/domain/protocol/protocol.types";
import { ballotChoiceTerms } from "@/domain/vocabulary";
import { createFinding, type Finding, type FindingCode } from "./finding";

export interface VoteTally {
  ja: number;
  nej: number;
  avstar: number;
}

export function tallyBallots(ballots: readonly Pick<BallotDTO, "choice">[]): VoteTally {
  const count = (choice: BallotChoice) => ballots.filter((b) => b.choice === choice).length;
  return { ja: count("JA"), nej: count("NEJ"), avstar: count("AVSTAR") };
}

/** The totals of a vote: as recorded for a totals-only vote, else counted from the ballots. */
export function voteTally(vote: Pick<VoteDTO, "ballots" | "counts">): VoteTally {
  return vote.counts ?? tallyBallots(vote.ballots);
}

/**
 * The side that won according to the ballots: the majority of ja/nej votes, on a tie the side
 * the chair voted for. Null on a tie where the chair cast no ja/nej vote (undecidable here).
 */
export function outcomeFromBallots(
  ballots: readonly Pick<BallotDTO, "personId" | "choice">[],
  chairPersonId: string | null,
): "JA" | "NEJ" | null {
  return outcomeFromTally(tallyBallots(ballots), ballots.find((b) => b.personId === chairPersonId)?.choice ?? null);
}

/** The side that won by the totals; on a tie the chair's choice, if known (else null). */
export function outcomeFromTally(tally: VoteTally, chairChoice: BallotChoice | null): "JA" | "NEJ" | null {
  if (tally.ja > tally.nej) return "JA";
  if (tally.nej > tally.ja) return "NEJ";
  return chairChoice === "JA" || chairChoice === "NEJ" ? chairChoice : null;
}

/** Totals written in the result text ("med 4 ja-röster mot 2 nej-röster, 1 avstår"), if any. */
export function parseTallyFromText(text: string): Partial<VoteTally> {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const tally: Partial<VoteTally> = {};
  const ja = number(/(\d+)\s*ja(?![\p{L}])/iu);
  const nej = number(/(\d+)\s*nej(?![\p{L}])/iu);
  const avstar = number(/(\d+)\s+(?:(?:ledamöter|ledamot|personer|person)\s+)?(?:som\s+)?avst[åo]/iu);
  if (ja !== undefined) tally.ja = ja;
  if (nej !== undefined) tally.nej = nej;
  if (avstar !== undefined) tally.avstar = avstar;
  return tally;
}

/** The two sides of a vote question: "… förslag (ja) mot … yrkande (nej)". */
export function splitVoteQuestion(question: string): { ja: string | null; nej: string | null } {
  const sides: { ja: string | null; nej: string | null } = { ja: null, nej: null };
  const pattern = /([^()]*?)\((ja|nej)\)/giu;
  for (const match of question.matchAll(pattern)) {
    const text = (match[1] ?? "").replace(/^\s*(?:mot|,|och)\s+/iu, "").trim();
    const side = (match[2] ?? "").toLowerCase() === "ja" ? "ja" : "nej";
    sides[side] = text;
  }
  return sides;
}

function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[”“"'’„«»]/gu, "")
    .replace(/^\s*att\s+/u, "")
    .replace(/[\s.,;:]+$/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

export interface DecisionRulesInput {
  paragraph: Pick<
    ParagraphDTO,
    "number" | "decision" | "motions" | "propositions" | "votes" | "reservations" | "notes"
  >;
  /** Deciding members who took part in the § (see computeParticipation). */
  participantIds: ReadonlySet<string>;
  /** Who votes in the §: participants less ledamöter replaced by a serving ersättare. */
  voterIds: ReadonlySet<string>;
  /** Everyone present in the §, in any role. */
  presentPersonIds: ReadonlySet<string>;
  chairPersonId: string | null;
}

/** "ja", "nej", "avstår" inside a sentence. */
const choiceWord = (choice: BallotChoice | null): string =>
  choice === null ? "utan angivet val" : ballotChoiceTerms[choice].word;

function checkMotions({ paragraph, participantIds }: DecisionRulesInput): Finding[] {
  const findings: Finding[] = [];
  const n = paragraph.number;
  paragraph.motions.forEach((motion, index) => {
    const field = `motions[${index}]`;
    if (!participantIds.has(motion.personId)) {
      findings.push(
        createFinding(
          "MOTION_NOT_PARTICIPANT",
          "error",
          `${motion.name} står som förslagsställare i § ${n} men deltar inte i paragrafen som ledamot eller tjänstgörande ersättare. Bara den som deltar i beslutet kan yrka; rätta yrkandet eller närvaron.`,
          n,
          field,
        ),
      );
    }
    if (motion.amendsIndex !== null) {
      const target = paragraph.motions[motion.amendsIndex];
      if (motion.amendsIndex === index || target === undefined) {
        findings.push(
          createFinding(
            "MOTION_AMENDS_INVALID",
            "error",
            `${motion.name}s yrkande i § ${n} hänvisar till ett yrkande som inte finns. Ange vilket yrkande det ändrar eller kompletterar.`,
            n,
            field,
          ),
        );
      }
    }
  });
  const hasLiveMotions = paragraph.motions.some((m) => !m.withdrawn);
  if ((hasLiveMotions || paragraph.votes.length > 0) && paragraph.propositions.every((p) => p.trim() === "")) {
    findings.push(
      createFinding(
        "PROPOSITION_MISSING",
        "warning",
        `§ ${n} har yrkanden${paragraph.votes.length > 0 ? " och omröstning" : ""} men ingen propositionsordning. Ange i vilken ordning ordföranden ställde förslagen under proposition och vad som beslutades (5 kap. 67 § kommunallagen).`,
        n,
        "propositions",
      ),
    );
  }
  return findings;
}

function decisionMatchesMotion(paragraph: DecisionRulesInput["paragraph"], motionText: string): boolean {
  const needle = normalizeText(motionText);
  if (needle.length < 12) return false; // too short to tell ("avslag")
  const decision = normalizeText([paragraph.decision.intro, ...paragraph.decision.clauses].join(" "));
  return decision.includes(needle);
}

/** The motions a side of the question refers to, by the mover's name or as "ordförandens förslag". */
function motionsNamedIn(paragraph: DecisionRulesInput["paragraph"], side: string | null, chairPersonId: string | null) {
  if (side === null) return [];
  const lower = side.toLowerCase();
  const namesChair = lower.includes("ordförande");
  return paragraph.motions.filter(
    (m) => !m.withdrawn && (lower.includes(m.name.toLowerCase()) || (namesChair && m.personId === chairPersonId)),
  );
}

function checkVote(input: DecisionRulesInput, vote: VoteDTO, index: number): Finding[] {
  const { paragraph, participantIds, voterIds, chairPersonId } = input;
  const n = paragraph.number;
  const field = `votes[${index}]`;
  const findings: Finding[] = [];
  const add = (code: FindingCode, severity: "error" | "warning", message: string) =>
    findings.push(createFinding(code, severity, message, n, field));

  if (vote.counts !== null) {
    // Recorded with totals only: no names, at most one vote per serving seat.
    if (vote.ballots.length > 0) {
      add(
        "VOTE_COUNTS_WITH_BALLOTS",
        "error",
        `Omröstningen i § ${n} har både röster per namn och bara siffror. Välj det ena: namnen (om protokollet visar hur var och en röstade) eller summorna.`,
      );
    }
    const { ja, nej, avstar } = vote.counts;
    if (ja + nej + avstar > voterIds.size) {
      add(
        "VOTE_COUNTS_EXCEED_SEATS",
        "error",
        `Omröstningen i § ${n} anger ${ja} ja, ${nej} nej och ${avstar} avstår, ${ja + nej + avstar} röster, men bara ${voterIds.size} tjänstgör i paragrafen. Rätta siffrorna eller närvaron.`,
      );
    }
  } else {
    const seen = new Set<string>();
    const unset: string[] = [];
    for (const ballot of vote.ballots) {
      if (seen.has(ballot.personId)) {
        add(
          "VOTE_DUPLICATE_BALLOT",
          "error",
          `${ballot.name} har fler än en röst i omröstningen i § ${n}. Varje ledamot har en röst; ta bort den dubbla.`,
        );
      }
      seen.add(ballot.personId);
      if (!voterIds.has(ballot.personId)) {
        add(
          "VOTER_NOT_PARTICIPANT",
          "error",
          participantIds.has(ballot.personId)
            ? `${ballot.name} står som röstande (${choiceWord(ballot.choice)}) i § ${n}, men en tjänstgörande ersättare har ${ballot.name}s plats i paragrafen. Bara den som tjänstgör röstar; ta bort rösten eller rätta närvaron.`
            : `${ballot.name} står som röstande (${choiceWord(ballot.choice)}) i § ${n} men deltar inte i paragrafen som ledamot eller tjänstgörande ersättare. Ta bort rösten eller rätta närvaron.`,
        );
      } else if (ballot.choice === null) {
        unset.push(ballot.name);
      }
    }
    if (unset.length > 0) {
      add(
        "VOTE_BALLOT_UNSET",
        "error",
        `Omröstningen i § ${n} saknar val för ${unset.join(", ")}. Ange ja, nej, avstår, frånvarande eller deltar ej för var och en.`,
      );
    }
    const missing = [...voterIds].filter((id) => !seen.has(id));
    if (missing.length > 0) {
      add(
        "VOTE_MISSING_BALLOTS",
        "warning",
        `Omröstningen i § ${n} saknar röst för ${missing.length} av dem som tjänstgör i paragrafen. Vid öppen omröstning ska protokollet visa hur var och en röstade (ja, nej, avstår, frånvarande eller deltar ej); finns bara siffrorna, ange dem som summor.`,
      );
    }
  }

  const tally = voteTally(vote);
  const written = parseTallyFromText(vote.result);
  const differs = (Object.keys(written) as (keyof VoteTally)[]).filter((key) => written[key] !== tally[key]);
  if (differs.length > 0) {
    add(
      "VOTE_TALLY_MISMATCH",
      "error",
      `Resultatet i § ${n} anger ${[written.ja !== undefined ? `${written.ja} ja` : null, written.nej !== undefined ? `${written.nej} nej` : null, written.avstar !== undefined ? `${written.avstar} avstår` : null].filter(Boolean).join(", ")}, men ${vote.counts ? "summorna" : "rösterna"} ger ${tally.ja} ja, ${tally.nej} nej, ${tally.avstar} avstår. Rätta resultatet eller ${vote.counts ? "summorna" : "rösterna"}.`,
    );
  }

  // With names, a tie is decided by the chair's vote; with totals only the chair's vote is unknown.
  const expected = vote.counts ? outcomeFromTally(tally, null) : outcomeFromBallots(vote.ballots, chairPersonId);
  const isTie = tally.ja === tally.nej;
  const recorded = vote.counts !== null || vote.ballots.length > 0;
  const what = vote.counts ? "siffrorna" : "rösterna";
  if (recorded) {
    if (vote.outcome === "LOTTNING" && !isTie) {
      add(
        "VOTE_OUTCOME_MISMATCH",
        "error",
        `Omröstningen i § ${n} anges avgjord genom lottning, men ${what} (${tally.ja} ja, ${tally.nej} nej) ger inte lika röstetal. Rätta utfallet.`,
      );
    } else if (vote.outcome !== "LOTTNING" && expected !== null && vote.outcome !== expected) {
      add(
        "VOTE_OUTCOME_MISMATCH",
        "error",
        isTie
          ? `Omröstningen i § ${n} gav lika röstetal (${tally.ja}–${tally.nej}) och avgörs då av ordförandens röst (${choiceWord(expected)}), men utfallet anges som ${choiceWord(vote.outcome)}. Rätta utfallet.`
          : `Omröstningen i § ${n} gav ${tally.ja} ja och ${tally.nej} nej, men utfallet anges som ${choiceWord(vote.outcome)}. Rätta utfallet eller ${what}.`,
      );
    } else if (vote.outcome === "LOTTNING" && isTie && expected !== null) {
      add(
        "VOTE_OUTCOME_MISMATCH",
        "error",
        `Omröstningen i § ${n} gav lika röstetal och anges avgjord genom lottning, men vid beslut (annat än val) har ordföranden utslagsröst; ordföranden röstade ${choiceWord(expected)}. Rätta utfallet.`,
      );
    }
  }

  // The decision must not be what the losing side moved.
  if (vote.outcome !== "LOTTNING") {
    const sides = splitVoteQuestion(vote.question);
    const winning = motionsNamedIn(paragraph, vote.outcome === "JA" ? sides.ja : sides.nej, chairPersonId);
    const losing = motionsNamedIn(paragraph, vote.outcome === "JA" ? sides.nej : sides.ja, chairPersonId);
    const losingInDecision = losing.find((m) => decisionMatchesMotion(paragraph, m.text));
    const winningInDecision = winning.some((m) => decisionMatchesMotion(paragraph, m.text));
    if (losingInDecision && !winningInDecision) {
      findings.push(
        createFinding(
          "VOTE_DECISION_MISMATCH",
          "error",
          `Beslutet i § ${n} återger ${losingInDecision.name}s yrkande, men det förlorade omröstningen (${choiceWord(vote.outcome)}-sidan vann). Kontrollera beslutet och omröstningens utfall.`,
          n,
          "decision",
        ),
      );
    }
  }
  return findings;
}

function checkReservations(input: DecisionRulesInput): Finding[] {
  const { paragraph, participantIds, chairPersonId } = input;
  const n = paragraph.number;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  paragraph.reservations.forEach((reservation, index) => {
    const field = `reservations[${index}]`;
    if (seen.has(reservation.personId)) {
      findings.push(
        createFinding(
          "RESERVATION_DUPLICATE",
          "warning",
          `${reservation.name} står med två reservationer i § ${n}. Slå ihop dem till en.`,
          n,
          field,
        ),
      );
      return;
    }
    seen.add(reservation.personId);
    if (!participantIds.has(reservation.personId)) {
      findings.push(
        createFinding(
          "RESERVATION_NOT_PARTICIPANT",
          "error",
          `${reservation.name} reserverar sig i § ${n} men deltog inte i beslutet. Bara den som deltagit i avgörandet får reservera sig (4 kap. 27 § kommunallagen); ta bort reservationen eller rätta närvaron.`,
          n,
          field,
        ),
      );
      return;
    }
    if (reservation.writtenLater && !reservation.reasons?.trim()) {
      findings.push(
        createFinding(
          "RESERVATION_WRITTEN_PENDING",
          "warning",
          `Skriftlig reservation väntas från ${reservation.name} i § ${n}. Skriv in motiveringen när den kommer; den ska lämnas före justeringen (4 kap. 27 § kommunallagen).`,
          n,
          field,
        ),
      );
    }
    // A § may hold several votes (a kontrapropositionsvotering before the huvudvotering, or one
    // vote per att-sats): the reservant may have won one and lost another, and reserves against
    // what they lost. Only someone who won every vote they cast a ballot in is suspicious; a
    // vote decided by lot says nothing about sides.
    const ownVotes = paragraph.votes.flatMap((vote) => {
      const ballot = vote.ballots.find((b) => b.personId === reservation.personId);
      return ballot ? [{ vote, choice: ballot.choice }] : [];
    });
    const votedForDecision =
      ownVotes.length > 0 &&
      ownVotes.every(
        ({ vote, choice }) =>
          vote.outcome !== "LOTTNING" && choice === (outcomeFromBallots(vote.ballots, chairPersonId) ?? vote.outcome),
      );
    if (votedForDecision) {
      findings.push(
        createFinding(
          "RESERVATION_BY_MAJORITY",
          "warning",
          `${reservation.name} reserverar sig i § ${n} men röstade med den vinnande sidan i varje omröstning. Kontrollera reservationen och rösterna.`,
          n,
          field,
        ),
      );
    }
  });
  return findings;
}

function checkNotes({ paragraph, presentPersonIds }: DecisionRulesInput): Finding[] {
  const n = paragraph.number;
  return paragraph.notes.flatMap((note, index) =>
    note.personId !== null && !presentPersonIds.has(note.personId)
      ? [
          createFinding(
            "NOTE_AUTHOR_NOT_PRESENT",
            "warning",
            `${note.name ?? "Den som begärt protokollsanteckningen"} står bakom en protokollsanteckning i § ${n} men var inte närvarande vid paragrafen. Kontrollera anteckningen eller närvaron.`,
            n,
            `notes[${index}]`,
          ),
        ]
      : [],
  );
}

/** Motion, vote, reservation and note findings for one §. */
export function checkParagraphDecisions(input: DecisionRulesInput): Finding[] {
  return [
    ...checkMotions(input),
    ...input.paragraph.votes.flatMap((vote, index) => checkVote(input, vote, index)),
    ...checkReservations(input),
    ...checkNotes(input),
  ];
}
