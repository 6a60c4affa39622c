/**
 * The live meeting's yrkanden, propositionsordning, votering and reservations (issue 20, points 4
 * and 5): from the log (live.rules.ts) compute, for one §, the motions not withdrawn and withdrawn,
 * the questions the chair puts in the usual Swedish order, the chair's findings, open votes by
 * name among exactly those serving in the § (the attendance rules' voters), the reservations, the
 * propositionsordning as the protocol prints it, and the decision text that follows from the
 * outcome. Pure; the server refuses a tap these rules call wrong (`refuseDecisionEvent`).
 *
 * The order of questions (propositionsordning):
 * 1. Formal questions first: återremiss, then bordläggning ("ska ärendet avgöras i dag?"). If the
 *    chair finds (or a vote decides) for återremiss or bordläggning, the questions after it fall.
 * 2. The main question: bifall till förslaget, avslag, each ändringsyrkande as an alternative.
 *    Avslag winning makes the tilläggsyrkanden fall.
 * 3. Each tilläggsyrkande on its own: bifall or avslag.
 *
 * A vote is on one question: the side the chair found (ja) against one other alternative (nej).
 * Its outcome (the majority; on a tie the chair's casting vote, KL 5:58) decides the question.
 *
 * Kontrapropositionsvotering: with more than two alternatives in the main question, the side the
 * chair found is the huvudförslag, and the motförslag it is put against in the huvudvotering is
 * first found among the others: a question of its own ("huvud-mot", after the chair's finding),
 * decided by the chair's finding or by a vote of its own; the huvudvotering is then the
 * huvudförslag (ja) against the motförslag (nej) and nothing else.
 */
import type { BallotChoice, MotionKind, PersonRef } from "@/domain/protocol/protocol.types";
import { outcomeFromBallots, tallyBallots, type VoteTally } from "./decisions.rules";
import type { LiveBallotChoice, LiveEventData, LiveInput, LiveState } from "./live.rules";

export interface LiveMotion extends PersonRef {
  id: string;
  kind: MotionKind;
  text: string;
  withdrawn: boolean;
}

export interface LiveAlternative {
  key: string;
  /** "bifall till förslaget", "Anna Anderssons ändringsyrkande". */
  label: string;
  /** What the body did when this alternative won ("bifallit förslaget"). */
  finding: string;
}

export interface LiveVote {
  id: string;
  paragraphId: string;
  question: string;
  ja: string;
  nej: string;
  /** Voter → choice (null: cleared), in the order entered. */
  ballots: Map<string, LiveBallotChoice | null>;
  closed: boolean;
}

export interface LiveQuestion {
  key: string;
  /** "counter": which alternative is the motförslag in the main question's vote (kontraproposition). */
  kind: "formal" | "main" | "counter" | "addition";
  alternatives: LiveAlternative[];
  /** The chair's finding (the last one logged), an alternative's key. */
  found: string | null;
  /** The last vote on this question (open or closed). */
  vote: LiveVote | null;
  /** The alternative that won: the closed vote's side, else the chair's finding. */
  winner: string | null;
  /** An earlier question's outcome made this one fall (not put). */
  fallen: boolean;
}

export interface LiveReservation extends PersonRef {
  writtenLater: boolean;
  reasons: string | null;
}

export interface LiveVoteResult {
  vote: LiveVote;
  /** The voters of the § in roll-call order with their choices. */
  ballots: { personId: string; name: string; choice: LiveBallotChoice | null }[];
  tally: VoteTally;
  /** The winning side, or null (a tie without the chair's ja/nej). */
  outcome: "JA" | "NEJ" | null;
}

export interface LiveDecisions {
  motions: LiveMotion[];
  questions: LiveQuestion[];
  votes: LiveVoteResult[];
  reservations: LiveReservation[];
  /** The propositionsordning as the protocol prints it: the chair's propositions and findings. */
  propositions: string[];
}

export interface LiveDecisionText {
  intro: string;
  clauses: string[];
}

/**
 * The wording recorded for a yrkande that has no text of its own (the protocol prints "NN yrkar på
 * att förslaget bifalls.").
 */
export const DEFAULT_MOTION_TEXT: Record<MotionKind, string> = {
  BIFALL: "att förslaget bifalls",
  AVSLAG: "att förslaget avslås",
  ANDRING: "",
  TILLAGG: "",
  ATERREMISS: "att ärendet återremitteras",
  BORDLAGGNING: "att ärendet bordläggs",
};

/** "Anna Anderssons", "Hans" (a name ending in s, x or z takes no s). */
export function genitive(name: string): string {
  return /[sxz]$/iu.test(name.trim()) ? name.trim() : `${name.trim()}s`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("sv-SE") + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase("sv-SE") + s.slice(1);

/** "a", "a och b", "a, b och c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function motionsOf(input: LiveInput, paragraphId: string): LiveMotion[] {
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));
  const out = new Map<string, LiveMotion>();
  for (const { data } of input.events) {
    if (data.type === "motion" && data.paragraphId === paragraphId && !out.has(data.motionId)) {
      out.set(data.motionId, {
        id: data.motionId,
        personId: data.personId,
        name: names.get(data.personId) ?? "Okänd",
        kind: data.kind,
        text: data.text.trim() || DEFAULT_MOTION_TEXT[data.kind],
        withdrawn: false,
      });
    } else if (data.type === "motionWithdraw") {
      const m = out.get(data.motionId);
      if (m) m.withdrawn = data.withdrawn;
    }
  }
  return [...out.values()];
}

function votesOf(input: LiveInput, paragraphId: string): LiveVote[] {
  const out = new Map<string, LiveVote>();
  for (const { data } of input.events) {
    if (data.type === "voteOpen" && data.paragraphId === paragraphId && !out.has(data.voteId)) {
      const { voteId: id, question, ja, nej } = data;
      out.set(id, { id, paragraphId, question, ja, nej, ballots: new Map(), closed: false });
    } else if (data.type === "ballot") {
      const v = out.get(data.voteId);
      if (v && !v.closed) v.ballots.set(data.personId, data.choice);
    } else if (data.type === "voteClose") {
      const v = out.get(data.voteId);
      if (v) v.closed = true;
    }
  }
  return [...out.values()];
}

/** The questions the chair puts, in order, from the motions not withdrawn (no findings yet). */
export function propositionQuestions(motions: readonly LiveMotion[], bodyName: string): LiveQuestion[] {
  const live = motions.filter((m) => !m.withdrawn);
  const body = lowerFirst(bodyName);
  const question = (key: string, kind: LiveQuestion["kind"], alternatives: LiveAlternative[]): LiveQuestion => ({
    key,
    kind,
    alternatives,
    found: null,
    vote: null,
    winner: null,
    fallen: false,
  });
  const out: LiveQuestion[] = [];
  const today = { key: "idag", label: "att ärendet ska avgöras i dag", finding: "att ärendet ska avgöras i dag" };
  if (live.some((m) => m.kind === "ATERREMISS"))
    out.push(
      question("aterremiss", "formal", [
        today,
        { key: "aterremiss", label: "återremiss", finding: "att ärendet ska återremitteras" },
      ]),
    );
  if (live.some((m) => m.kind === "BORDLAGGNING"))
    out.push(
      question("bordlaggning", "formal", [
        today,
        { key: "bordlaggning", label: "bordläggning", finding: "att ärendet ska bordläggas" },
      ]),
    );
  const main: LiveAlternative[] = [
    { key: "forslag", label: "bifall till förslaget", finding: `att ${body} bifallit förslaget` },
  ];
  if (live.some((m) => m.kind === "AVSLAG"))
    main.push({ key: "avslag", label: "avslag på förslaget", finding: `att ${body} avslagit förslaget` });
  for (const m of live.filter((x) => x.kind === "ANDRING"))
    main.push({
      key: m.id,
      label: `${genitive(m.name)} ändringsyrkande`,
      finding: `att ${body} beslutat enligt ${genitive(m.name)} ändringsyrkande`,
    });
  out.push(question("huvud", "main", main));
  for (const m of live.filter((x) => x.kind === "TILLAGG"))
    out.push(
      question(`tillagg-${m.id}`, "addition", [
        {
          key: "bifall",
          label: `bifall till ${genitive(m.name)} tilläggsyrkande`,
          finding: `att ${body} bifallit ${genitive(m.name)} tilläggsyrkande`,
        },
        {
          key: "avslag",
          label: `avslag på ${genitive(m.name)} tilläggsyrkande`,
          finding: `att ${body} avslagit ${genitive(m.name)} tilläggsyrkande`,
        },
      ]),
    );
  return out;
}

function voteResult(
  vote: LiveVote,
  voters: readonly PersonRef[],
  chairPersonId: string | null,
  names: ReadonlyMap<string, string>,
): LiveVoteResult {
  const serving = new Set(voters.map((v) => v.personId));
  const ballots = [
    ...voters.map((v) => ({ personId: v.personId, name: v.name, choice: vote.ballots.get(v.personId) ?? null })),
    // A ballot of someone not serving (left after voting): kept visible so it can be removed.
    ...[...vote.ballots]
      .filter(([id, choice]) => !serving.has(id) && choice !== null)
      .map(([personId, choice]) => ({ personId, name: names.get(personId) ?? "Okänd", choice })),
  ];
  const dto = ballots.map((b) => ({ personId: b.personId, choice: b.choice as BallotChoice | null }));
  return { vote, ballots, tally: tallyBallots(dto), outcome: outcomeFromBallots(dto, chairPersonId) };
}

/**
 * The motförslag question of a main question with more than two alternatives, once the chair has
 * found the huvudförslag: the other alternatives, each winning as "the motförslag".
 */
function counterQuestion(questions: readonly LiveQuestion[]): LiveQuestion | null {
  const main = questions.find((q) => q.kind === "main");
  if (!main || main.alternatives.length <= 2 || main.found === null) return null;
  return {
    key: COUNTER_QUESTION,
    kind: "counter",
    alternatives: main.alternatives
      .filter((a) => a.key !== main.found)
      .map((a) => ({ key: a.key, label: a.label, finding: `att ${a.label} är motförslag i huvudvoteringen` })),
    found: null,
    vote: null,
    winner: null,
    fallen: false,
  };
}

/** The key of the motförslag question (kontrapropositionsvotering). */
export const COUNTER_QUESTION = "huvud-mot";

/** How the protocol states the finding of the motförslag: its proposition, its vote, its outcome. */
function counterPropositions(q: LiveQuestion, votes: readonly LiveVoteResult[]): string[] {
  const alt = (key: string | null) => q.alternatives.find((a) => a.key === key);
  const found = alt(q.found);
  const out = [
    `Votering begärs. Ordföranden ställer proposition på ${list(q.alternatives.map((a) => a.label))} för att utse motförslag i huvudvoteringen${found ? ` och finner ${found.label}` : ""}.`,
  ];
  const v = votes.find((x) => x.vote === q.vote);
  if (v) {
    out.push(
      `Kontrapropositionsvotering begärs. Den som vill att ${alt(v.vote.ja)?.label ?? "ja-förslaget"} ska vara motförslag röstar ja; den som vill att ${alt(v.vote.nej)?.label ?? "nej-förslaget"} ska vara motförslag röstar nej.`,
    );
    if (v.vote.closed) out.push(tallyText(v.tally));
  }
  const won = alt(q.winner);
  if (won && (!v || v.vote.closed)) out.push(`Till motförslag i huvudvoteringen utses ${won.label}.`);
  return out;
}

/** Everything decided live in one § (by id), from the log and the replayed attendance. */
export function liveDecisions(
  input: LiveInput,
  state: LiveState,
  paragraphId: string,
  bodyName: string,
): LiveDecisions {
  const index = input.paragraphs.findIndex((p) => p.id === paragraphId);
  const participation = state.perParagraph[index]?.participation;
  const voters = participation?.voters ?? [];
  const chairPersonId = participation?.chairPersonId ?? null;
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));

  const motions = motionsOf(input, paragraphId);
  const questions = propositionQuestions(motions, bodyName);
  const votes = votesOf(input, paragraphId).map((v) => voteResult(v, voters, chairPersonId, names));
  for (const { data } of input.events) {
    if (data.type !== "finding" || data.paragraphId !== paragraphId) continue;
    const q = questions.find((x) => x.key === data.question);
    if (q && q.alternatives.some((a) => a.key === data.alternative)) q.found = data.alternative;
  }
  const counter = counterQuestion(questions);
  if (counter) {
    questions.splice(questions.findIndex((q) => q.kind === "main") + 1, 0, counter);
    for (const { data } of input.events) {
      if (data.type !== "finding" || data.paragraphId !== paragraphId || data.question !== counter.key) continue;
      if (counter.alternatives.some((a) => a.key === data.alternative)) counter.found = data.alternative;
    }
  }
  let fallen = false;
  let mainFallen = false;
  for (const q of questions) {
    // The motförslag is found whatever the chair found in the main question (avslag too).
    q.fallen = q.kind === "counter" ? mainFallen : fallen;
    if (q.kind === "main") mainFallen = fallen;
    const last = [...votes].reverse().find((v) => v.vote.question === q.key);
    q.vote = last?.vote ?? null;
    q.winner = last?.vote.closed && last.outcome ? (last.outcome === "JA" ? last.vote.ja : last.vote.nej) : q.found;
    if (q.fallen) q.winner = null;
    if (
      (q.kind === "formal" && q.winner !== null && q.winner !== "idag") ||
      (q.kind === "main" && q.winner === "avslag")
    )
      fallen = true;
  }

  const reservations = new Map<string, LiveReservation>();
  for (const { data } of input.events) {
    if (data.type !== "reservation" || data.paragraphId !== paragraphId) continue;
    if (!data.reserved) reservations.delete(data.personId);
    else
      reservations.set(data.personId, {
        personId: data.personId,
        name: names.get(data.personId) ?? "Okänd",
        writtenLater: data.writtenLater,
        reasons: data.reasons.trim() || null,
      });
  }

  const propositions: string[] = [];
  const counterQ = questions.find((q) => q.kind === "counter");
  const counterActive = !!counterQ && !counterQ.fallen && (counterQ.found !== null || counterQ.vote !== null);
  for (const q of questions) {
    if (q.kind === "counter" || q.fallen || (q.found === null && q.vote === null)) continue;
    const alt = (key: string | null) => q.alternatives.find((a) => a.key === key);
    const put =
      q.kind === "formal"
        ? `Ordföranden frågar om ärendet ska avgöras i dag eller ${q.key === "aterremiss" ? "återremitteras" : "bordläggas"}`
        : q.kind === "main"
          ? `Ordföranden ställer proposition på ${list(q.alternatives.map((a) => a.label))}`
          : `Ordföranden ställer proposition på bifall till och avslag på ${q.alternatives[0]!.label.replace(/^bifall till /u, "")}`;
    const found = alt(q.found);
    propositions.push(found ? `${put} och finner ${found.finding}.` : `${put}.`);
    if (q.kind === "main" && counterActive) propositions.push(...counterPropositions(counterQ!, votes));
    const v = votes.find((x) => x.vote === q.vote);
    if (v) {
      const ja = alt(v.vote.ja)?.label ?? "ja-förslaget";
      const nej = alt(v.vote.nej)?.label ?? "nej-förslaget";
      propositions.push(
        q.kind === "main" && counterActive
          ? `Huvudvotering: den som vill ${ja} röstar ja; den som vill ${nej} röstar nej.`
          : `Votering begärs. Den som vill ${ja} röstar ja; den som vill ${nej} röstar nej.`,
      );
      if (v.vote.closed) {
        const won = alt(q.winner);
        propositions.push(
          `${tallyText(v.tally)}${won ? ` Ordföranden finner ${won.finding}.` : ""}`.replace(/^(.)/u, (c) =>
            c.toLocaleUpperCase("sv-SE"),
          ),
        );
      }
    }
  }

  return {
    motions,
    questions,
    votes,
    reservations: [...reservations.values()],
    propositions,
  };
}

/** "Med 5 ja-röster mot 3 nej-röster, 1 avstår." (the checker reads the totals back). */
export function tallyText(t: VoteTally): string {
  return `Med ${t.ja} ja-röster mot ${t.nej} nej-röster, ${t.avstar} avstår.`;
}

/** The vote question as the protocol states it: "bifall till förslaget (ja) mot … (nej)". */
export function voteQuestionText(d: LiveDecisions, vote: LiveVote): string {
  const q = d.questions.find((x) => x.key === vote.question);
  const label = (key: string) => q?.alternatives.find((a) => a.key === key)?.label ?? key;
  const text = `${label(vote.ja)} (ja) mot ${label(vote.nej)} (nej)`;
  return q?.kind === "counter" ? `Motförslag i huvudvoteringen: ${text}` : text;
}

/** The result as the protocol states it: the totals and what the body decided. */
export function voteResultText(d: LiveDecisions, result: LiveVoteResult): string {
  const q = d.questions.find((x) => x.key === result.vote.question);
  const side = result.outcome === "JA" ? result.vote.ja : result.outcome === "NEJ" ? result.vote.nej : null;
  const won = q?.alternatives.find((a) => a.key === side);
  if (q?.kind === "counter")
    return `${tallyText(result.tally)}${won ? ` Till motförslag i huvudvoteringen utses ${won.label}.` : ""}`;
  return `${tallyText(result.tally)}${won ? ` Ordföranden finner ${won.finding}.` : ""}`;
}

/**
 * The decision text after the outcome: återremiss or bordläggning replaces it; avslag replaces it;
 * an ändringsyrkande that won replaces the förslag's att-satser (or the sentence); each
 * tilläggsyrkande that won is added. Null when the outcome leaves the förslag as it stands (or
 * nothing has been decided yet).
 */
export function liveDecisionText(
  current: LiveDecisionText,
  d: LiveDecisions,
  bodyName: string,
): LiveDecisionText | null {
  const motion = (id: string) => d.motions.find((m) => m.id === id);
  const formal = d.questions.find((q) => q.kind === "formal" && !q.fallen && q.winner !== null && q.winner !== "idag");
  if (formal) {
    const texts = d.motions
      .filter((m) => !m.withdrawn && m.kind === (formal.winner === "aterremiss" ? "ATERREMISS" : "BORDLAGGNING"))
      .map((m) => m.text)
      .filter((t) => t !== DEFAULT_MOTION_TEXT.ATERREMISS && t !== DEFAULT_MOTION_TEXT.BORDLAGGNING);
    const intro = formal.winner === "aterremiss" ? "Ärendet återremitteras." : "Ärendet bordläggs.";
    return { intro: texts.length > 0 ? `${intro} ${texts.map(upperFirst).join(" ")}` : intro, clauses: [] };
  }
  const main = d.questions.find((q) => q.kind === "main");
  if (!main || main.winner === null) return null;
  if (main.winner === "avslag") return { intro: `${upperFirst(bodyName)} avslår förslaget.`, clauses: [] };
  let next: LiveDecisionText = { intro: current.intro, clauses: [...current.clauses] };
  let changed = false;
  const won = main.winner !== "forslag" ? motion(main.winner) : undefined;
  if (won) {
    changed = true;
    const isClause = /^att\s/iu.test(won.text);
    next = isClause
      ? { intro: current.clauses.length > 0 ? current.intro : `${upperFirst(bodyName)} beslutar`, clauses: [won.text] }
      : { intro: upperFirst(won.text), clauses: [] };
  }
  for (const q of d.questions) {
    if (q.kind !== "addition" || q.fallen || q.winner !== "bifall") continue;
    const m = motion(q.key.replace(/^tillagg-/u, ""));
    if (!m) continue;
    changed = true;
    if (next.clauses.length > 0 || /^att\s/iu.test(m.text)) next.clauses.push(m.text);
    else next.intro = `${next.intro} ${upperFirst(m.text)}`.trim();
  }
  return changed ? next : null;
}

/** The open vote of the meeting, if any (one at a time). */
export function openVote(input: LiveInput): { voteId: string; paragraphId: string } | null {
  const open = new Map<string, string>();
  for (const { data } of input.events) {
    if (data.type === "voteOpen") open.set(data.voteId, data.paragraphId);
    else if (data.type === "voteClose") open.delete(data.voteId);
  }
  const first = [...open][0];
  return first ? { voteId: first[0], paragraphId: first[1] } : null;
}

/**
 * Why the server must refuse a yrkande, finding, vote or reservation tap (a Swedish sentence), or
 * null. `state` is the log replayed without the tap.
 */
export function refuseDecisionEvent(
  input: LiveInput,
  state: LiveState,
  data: LiveEventData,
  bodyName: string,
): string | null {
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));
  const name = (id: string) => names.get(id) ?? "Personen";
  const indexOf = (paragraphId: string) => input.paragraphs.findIndex((p) => p.id === paragraphId);
  const part = (paragraphId: string) => state.perParagraph[indexOf(paragraphId)]?.participation;
  const numberOf = (paragraphId: string) => input.paragraphs[indexOf(paragraphId)]?.number;
  const takesPart = (paragraphId: string, personId: string) =>
    part(paragraphId)?.participants.some((p) => p.personId === personId) ?? false;
  const allMotions = () => input.events.flatMap((e) => (e.data.type === "motion" ? [e.data] : []));
  const allVotes = () => input.events.flatMap((e) => (e.data.type === "voteOpen" ? [e.data] : []));
  const isClosed = (voteId: string) =>
    input.events.some((e) => e.data.type === "voteClose" && e.data.voteId === voteId);

  switch (data.type) {
    case "motion": {
      if (allMotions().some((m) => m.motionId === data.motionId)) return "Yrkandet finns redan.";
      if (!takesPart(data.paragraphId, data.personId))
        return `${name(data.personId)} deltar inte i § ${numberOf(data.paragraphId)} och kan inte yrka. Bara den som deltar i beslutet som ledamot eller tjänstgörande ersättare får yrka.`;
      if ((data.kind === "ANDRING" || data.kind === "TILLAGG") && data.text.trim() === "")
        return data.kind === "ANDRING" ? "Skriv ändringsyrkandets text." : "Skriv tilläggsyrkandets text.";
      return null;
    }
    case "motionWithdraw":
      return allMotions().some((m) => m.motionId === data.motionId) ? null : "Yrkandet finns inte.";
    case "finding":
    case "voteOpen": {
      const d = liveDecisions(input, state, data.paragraphId, bodyName);
      const q = d.questions.find((x) => x.key === data.question);
      if (!q) return "Frågan finns inte i propositionsordningen.";
      if (q.fallen)
        return "Frågan har fallit genom ett tidigare beslut i paragrafen och ställs inte under proposition.";
      if (q.vote?.closed) return "Frågan är redan avgjord genom omröstning.";
      const has = (key: string) => q.alternatives.some((a) => a.key === key);
      if (data.type === "finding") return has(data.alternative) ? null : "Förslaget finns inte i frågan.";
      if (allVotes().some((v) => v.voteId === data.voteId)) return "Omröstningen finns redan.";
      if (openVote(input)) return "En omröstning pågår redan. Avsluta den innan en ny börjar.";
      if (input.paragraphs[state.currentIndex]?.id !== data.paragraphId)
        return "Omröstningen hålls i den aktuella paragrafen. Gå till paragrafen först.";
      if (!has(data.ja) || !has(data.nej) || data.ja === data.nej)
        return "Välj två olika förslag att ställa mot varandra (ja och nej).";
      if (q.kind === "main" && q.alternatives.length > 2) {
        const counter = d.questions.find((x) => x.kind === "counter");
        if (q.found === null || data.ja !== q.found)
          return "Med fler än två förslag ställs huvudförslaget (det ordföranden funnit bifallet) som ja i huvudvoteringen. Ordföranden finner först ett huvudförslag.";
        if (!counter?.winner || (counter.vote && !counter.vote.closed))
          return "Med fler än två förslag utses först motförslaget i huvudvoteringen bland de andra förslagen (kontrapropositionsvotering).";
        if (data.nej !== counter.winner)
          return "Huvudvoteringen står mellan huvudförslaget och det förslag som utsetts till motförslag.";
      }
      return null;
    }
    case "ballot":
    case "voteClose": {
      const vote = allVotes().find((v) => v.voteId === data.voteId);
      if (!vote) return "Omröstningen finns inte.";
      if (isClosed(data.voteId)) return "Omröstningen är avslutad. Rösterna kan inte längre ändras.";
      const p = part(vote.paragraphId);
      const voters = p?.voters ?? [];
      const n = numberOf(vote.paragraphId);
      if (data.type === "ballot") {
        if (data.choice !== null && !voters.some((v) => v.personId === data.personId))
          return `${name(data.personId)} tjänstgör inte i § ${n} och kan inte rösta.`;
        return null;
      }
      const d = liveDecisions(input, state, vote.paragraphId, bodyName);
      const result = d.votes.find((v) => v.vote.id === data.voteId)!;
      const strangers = result.ballots.filter(
        (b) => b.choice !== null && !voters.some((v) => v.personId === b.personId),
      );
      if (strangers.length > 0)
        return `Omröstningen kan inte avslutas: ${list(strangers.map((b) => b.name))} tjänstgör inte i § ${n}. Ta bort ${strangers.length > 1 ? "deras röster" : "rösten"}.`;
      const missing = result.ballots.filter((b) => b.choice === null);
      if (missing.length > 0)
        return `Omröstningen kan inte avslutas: röst saknas för ${list(missing.map((b) => b.name))}.`;
      if (voters.length === 0) return `Ingen tjänstgör i § ${n}; det finns ingen att rösta.`;
      if (result.outcome === null)
        return "Lika röstetal, och ordföranden har inte röstat ja eller nej. Ordförandens röst avgör vid lika röstetal (5 kap. 58 § kommunallagen); ange ordförandens röst.";
      return null;
    }
    case "reservation":
      if (data.reserved && !takesPart(data.paragraphId, data.personId))
        return `${name(data.personId)} deltog inte i beslutet i § ${numberOf(data.paragraphId)} och kan inte reservera sig (4 kap. 27 § kommunallagen).`;
      return null;
    default:
      return null;
  }
}
