/**
 * The live meeting (issue 20): from the ordered log of what the secretary and the chair tapped
 * during the meeting (roll call, arrivals, departures, jäv, ersättare stepping in and out, the
 * current §) compute who was present and who served in each §, in the shape the protocol stores
 * (attendance rows with § ranges and clock times, recusals per §), and the serving count and
 * quorum per § through the attendance rules (computeParticipation, hasQuorum). Pure.
 *
 * How the log is read:
 * - Each event happens at the § that is current when it is logged (the `current` events before it
 *   in the log's order). The state of § i is the state of § i-1 with the events logged at § i
 *   applied in log order (the log's order is `seq`: two devices tapping at once land in one order,
 *   and a later tap on the same person wins).
 * - Roll call marks and arrivals make a person present from the current § on; a departure makes
 *   the person absent from the current § on (a person who leaves during § 61 did not take part in
 *   its decision; one who leaves after it is recorded once § 62 is current).
 * - Jäv is for one § (named by the event, not the current one): the person stays present but
 *   leaves the seat for that § (KL 6:28-32); `recused: false` takes it back.
 * - An ersättare stepping in serves in the named ledamot's seat from the current § until stepping
 *   out, leaving, another ersättare taking that seat, or the ledamot taking part again (arriving,
 *   or the § after the jäv): swaps happen between items, so a seat never has two.
 * - Arrival and departure clock times are kept (HH:MM, Swedish time) for the first arrival and the
 *   last departure; roll call marks carry none.
 */
import { compressParagraphNumbers, type ParagraphRange } from "@/lib/paragraph-ranges";
import type {
  AttendanceDTO,
  AttendanceRole,
  MotionKind,
  PersonRef,
  RecusalDTO,
} from "@/domain/protocol/protocol.types";
import { computeParticipation, hasQuorum, quorumMinimum, type ParagraphParticipation } from "./attendance.rules";

export type LiveEventData =
  | { type: "roll"; personId: string; present: boolean }
  | { type: "arrive"; personId: string }
  | { type: "depart"; personId: string }
  | { type: "recuse"; personId: string; paragraphId: string; recused: boolean; reason: string }
  | { type: "substitute"; personId: string; forPersonId: string }
  | { type: "substituteEnd"; personId: string }
  | { type: "current"; paragraphId: string }
  | { type: "close" }
  // Yrkanden, propositionsordning, votering and reservations (live-decisions.rules.ts).
  | { type: "motion"; motionId: string; paragraphId: string; personId: string; kind: MotionKind; text: string }
  | { type: "motionWithdraw"; motionId: string; withdrawn: boolean }
  | { type: "finding"; paragraphId: string; question: string; alternative: string }
  | { type: "voteOpen"; voteId: string; paragraphId: string; question: string; ja: string; nej: string }
  | { type: "ballot"; voteId: string; personId: string; choice: LiveBallotChoice | null }
  | { type: "voteClose"; voteId: string }
  | {
      type: "reservation";
      paragraphId: string;
      personId: string;
      reserved: boolean;
      /** "Skriftlig reservation senare": the written reasons come before justering (KL 4:27). */
      writtenLater: boolean;
      reasons: string;
    }
  // The speaker list (live-speakers.rules.ts): begär ordet, replik, återta, ge ordet, klar.
  | { type: "speakRequest"; paragraphId: string; personId: string; replik: boolean }
  | { type: "speakWithdraw"; paragraphId: string; personId: string }
  | { type: "speakGrant"; paragraphId: string; personId: string }
  | { type: "speakEnd"; paragraphId: string }
  // KL 5:40: fullmäktige decides to handle a § behind closed doors (the public stream shows none of it).
  | { type: "closedDoors"; paragraphId: string; closed: boolean };

/** The choices of an open vote taken live (frånvarande/deltar ej are for the editor). */
export type LiveBallotChoice = "JA" | "NEJ" | "AVSTAR";

export type LiveEventType = LiveEventData["type"];

export interface LiveEvent {
  /** The log's order (1, 2, 3 … per meeting). */
  seq: number;
  /** When the server logged it. */
  at: Date;
  data: LiveEventData;
}

/** A seat holder of the body on the meeting day, in the body's order (ledamöter, then ersättare). */
export interface LiveSeat extends PersonRef {
  role: "MEMBER" | "SUBSTITUTE";
  position: "CHAIR" | "VICE_CHAIR" | null;
  represents: string | null;
  callOrder: number | null;
}

/** A § of the meeting, in number order. */
export interface LiveParagraph {
  id: string;
  number: number;
}

export interface LiveInput {
  seats: readonly LiveSeat[];
  paragraphs: readonly LiveParagraph[];
  seatCount: number;
  events: readonly LiveEvent[];
}

/** The state of one §, once everything logged up to it (and at it) is applied. */
interface Snapshot {
  present: Set<string>;
  /** Serving ersättare → the ledamot whose seat they take. */
  serving: Map<string, string>;
  recused: Set<string>;
}

export type LiveStatus =
  | { kind: "absent" }
  | { kind: "present" }
  | { kind: "recused"; reason: string }
  | { kind: "serving"; forPersonId: string };

export interface LiveParagraphState {
  paragraphId: string;
  number: number;
  participation: ParagraphParticipation;
  /** Seats taken (the serving count). */
  seats: number;
  quorum: boolean;
}

export interface LiveState {
  /** Index (into the §§) of the current §. */
  currentIndex: number;
  closed: boolean;
  /** Each person's status at the current §. */
  status: Map<string, LiveStatus>;
  perParagraph: LiveParagraphState[];
  /** The attendance list the protocol stores, body members and ersättare in the body's order. */
  attendance: AttendanceDTO[];
  /** Jäv per § (by § id), as the § stores it. */
  recusals: Map<string, RecusalDTO[]>;
  seatCount: number;
  quorumMinimum: number;
}

const clock = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "14:10": the Swedish clock time of an instant. */
export function liveClockTime(at: Date): string {
  return clock.format(at);
}

/** The § index each event was logged at (the current § then). */
function eventIndexes(input: LiveInput): { indexes: number[]; currentIndex: number } {
  const indexOf = new Map(input.paragraphs.map((p, i) => [p.id, i]));
  let current = 0;
  const indexes = input.events.map((e) => {
    if (e.data.type === "current") current = indexOf.get(e.data.paragraphId) ?? current;
    return current;
  });
  return { indexes, currentIndex: current };
}

/** Jäv per § id → person → reason: the last event per person and § wins. */
function recusalsByParagraph(events: readonly LiveEvent[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const e of events) {
    if (e.data.type !== "recuse") continue;
    const inParagraph = out.get(e.data.paragraphId) ?? new Map<string, string>();
    if (e.data.recused) inParagraph.set(e.data.personId, e.data.reason);
    else inParagraph.delete(e.data.personId);
    out.set(e.data.paragraphId, inParagraph);
  }
  return out;
}

function applyEvent(state: Snapshot, data: LiveEventData): void {
  switch (data.type) {
    case "roll":
      if (data.present) state.present.add(data.personId);
      else {
        state.present.delete(data.personId);
        state.serving.delete(data.personId);
      }
      return;
    case "arrive":
      state.present.add(data.personId);
      return;
    case "depart":
      state.present.delete(data.personId);
      state.serving.delete(data.personId);
      return;
    case "substitute":
      // One ersättare per seat: whoever held it steps out.
      for (const [sub, member] of state.serving) if (member === data.forPersonId) state.serving.delete(sub);
      state.present.add(data.personId);
      state.serving.set(data.personId, data.forPersonId);
      return;
    case "substituteEnd":
      state.serving.delete(data.personId);
      return;
    default:
      // jäv (per §, read separately), the current §, the close, yrkanden and votes: no presence.
      return;
  }
}

function snapshots(input: LiveInput, indexes: readonly number[]): Snapshot[] {
  const recusals = recusalsByParagraph(input.events);
  const out: Snapshot[] = [];
  const state: Snapshot = { present: new Set(), serving: new Map(), recused: new Set() };
  input.paragraphs.forEach((paragraph, i) => {
    input.events.forEach((e, k) => {
      if (indexes[k] === i) applyEvent(state, e.data);
    });
    const recused = new Set(recusals.get(paragraph.id)?.keys() ?? []);
    // The ledamot takes part again (arrived, or the jäv was for an earlier §): the ersättare steps out.
    for (const [sub, member] of state.serving) {
      if (state.present.has(member) && !recused.has(member)) state.serving.delete(sub);
    }
    out.push({ present: new Set(state.present), serving: new Map(state.serving), recused });
  });
  return out;
}

function rangesOf(indexes: readonly number[], paragraphs: readonly LiveParagraph[]): ParagraphRange[] {
  if (indexes.length === paragraphs.length) return [];
  return compressParagraphNumbers(indexes.map((i) => paragraphs[i]!.number));
}

const memberRole = (seat: LiveSeat): AttendanceRole =>
  seat.position === "CHAIR" ? "CHAIR" : seat.position === "VICE_CHAIR" ? "VICE_CHAIR" : "MEMBER";

/** The clock times of a person's first arrival and last departure, when taps (not roll call) made them. */
function times(
  personId: string,
  presentAt: readonly number[],
  input: LiveInput,
  indexes: readonly number[],
): { arrivalTime: string | null; departureTime: string | null } {
  const first = presentAt[0];
  const last = presentAt[presentAt.length - 1];
  const lastEventAt = (type: "arrive" | "depart", index: number) => {
    let found: LiveEvent | null = null;
    input.events.forEach((e, k) => {
      if (indexes[k] === index && e.data.type === type && "personId" in e.data && e.data.personId === personId)
        found = e;
    });
    return found as LiveEvent | null;
  };
  const arrival = first === undefined ? null : lastEventAt("arrive", first);
  const departure = last === undefined || last === input.paragraphs.length - 1 ? null : lastEventAt("depart", last + 1);
  return {
    arrivalTime: arrival ? liveClockTime(arrival.at) : null,
    departureTime: departure ? liveClockTime(departure.at) : null,
  };
}

function attendanceRows(input: LiveInput, snaps: readonly Snapshot[], indexes: readonly number[]): AttendanceDTO[] {
  const all = input.paragraphs.map((_, i) => i);
  const rows: AttendanceDTO[] = [];
  const base = (seat: LiveSeat) => ({
    personId: seat.personId,
    name: seat.name,
    represents: seat.represents,
    title: null,
    replacesPersonId: null as string | null,
  });
  for (const seat of input.seats) {
    const presentAt = all.filter((i) => snaps[i]!.present.has(seat.personId));
    const { arrivalTime, departureTime } = times(seat.personId, presentAt, input, indexes);
    if (seat.role === "MEMBER") {
      if (presentAt.length === 0) rows.push({ ...base(seat), role: "ABSENT", ranges: [] });
      else
        rows.push({
          ...base(seat),
          role: memberRole(seat),
          ranges: rangesOf(presentAt, input.paragraphs),
          arrivalTime,
          departureTime,
        });
      continue;
    }
    if (presentAt.length === 0) continue; // ersättare not there are not listed
    const own: AttendanceDTO[] = [];
    const plain = presentAt.filter((i) => !snaps[i]!.serving.has(seat.personId));
    if (plain.length > 0) own.push({ ...base(seat), role: "SUBSTITUTE", ranges: rangesOf(plain, input.paragraphs) });
    const seatsTaken = [...new Set(presentAt.map((i) => snaps[i]!.serving.get(seat.personId)).filter((x) => !!x))];
    for (const member of seatsTaken as string[]) {
      const at = presentAt.filter((i) => snaps[i]!.serving.get(seat.personId) === member);
      own.push({
        ...base(seat),
        role: "SERVING_SUBSTITUTE",
        replacesPersonId: member,
        ranges: rangesOf(at, input.paragraphs),
      });
    }
    // In § order of each row's first §; the times on the rows of the first and last §.
    const firstIndex = (row: AttendanceDTO) =>
      row.ranges.length === 0 ? -1 : input.paragraphs.findIndex((p) => p.number === row.ranges[0]!.from);
    own.sort((a, b) => firstIndex(a) - firstIndex(b));
    const lastNumber = input.paragraphs[presentAt[presentAt.length - 1]!]!.number;
    own.forEach((row, i) => {
      row.arrivalTime = i === 0 ? arrivalTime : null;
      const coversLast = row.ranges.length === 0 || row.ranges.some((r) => r.from <= lastNumber && lastNumber <= r.to);
      row.departureTime = coversLast ? departureTime : null;
    });
    rows.push(...own);
  }
  return rows;
}

/** Everything the live view shows and the end of the meeting stores, from the log. */
export function replayLive(input: LiveInput): LiveState {
  const { indexes, currentIndex } = eventIndexes(input);
  const snaps = snapshots(input, indexes);
  const attendance = attendanceRows(input, snaps, indexes);
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));
  const reasons = recusalsByParagraph(input.events);
  const recusals = new Map<string, RecusalDTO[]>();
  for (const p of input.paragraphs) {
    const list = [...(reasons.get(p.id) ?? new Map<string, string>())]
      .filter(([personId]) => names.has(personId))
      .map(([personId, reason]) => ({ personId, name: names.get(personId)!, reason }));
    recusals.set(p.id, list);
  }
  const participation = computeParticipation({
    body: { seatCount: input.seatCount },
    attendance,
    paragraphs: input.paragraphs.map((p) => ({ number: p.number, recusals: recusals.get(p.id) ?? [] })),
  });
  const perParagraph = input.paragraphs.map((p, i) => {
    const part = participation[i]!;
    return {
      paragraphId: p.id,
      number: p.number,
      participation: part,
      seats: part.seats,
      quorum: hasQuorum(part.seats, input.seatCount),
    };
  });
  const status = new Map<string, LiveStatus>();
  const now = snaps[currentIndex];
  const currentId = input.paragraphs[currentIndex]?.id;
  for (const seat of input.seats) {
    let s: LiveStatus = { kind: "absent" };
    if (now?.present.has(seat.personId)) {
      const forPersonId = now.serving.get(seat.personId);
      if (now.recused.has(seat.personId))
        s = { kind: "recused", reason: reasons.get(currentId ?? "")?.get(seat.personId) ?? "" };
      else if (forPersonId) s = { kind: "serving", forPersonId };
      else s = { kind: "present" };
    }
    status.set(seat.personId, s);
  }
  return {
    currentIndex,
    closed: input.events.some((e) => e.data.type === "close"),
    status,
    perParagraph,
    attendance,
    recusals,
    seatCount: input.seatCount,
    quorumMinimum: quorumMinimum(input.seatCount),
  };
}

/**
 * Who may step into `forPersonId`'s seat at the current §: ersättare present and not serving, the
 * same party or municipality first, then the body's order (callOrder, then the list's order).
 */
export function substituteCandidates(input: LiveInput, state: LiveState, forPersonId: string): LiveSeat[] {
  const member = input.seats.find((s) => s.personId === forPersonId);
  const norm = (x: string | null) => (x ?? "").trim().toLowerCase();
  const free = input.seats.filter((s) => s.role === "SUBSTITUTE" && state.status.get(s.personId)?.kind === "present");
  const order = (s: LiveSeat) => s.callOrder ?? Number.MAX_SAFE_INTEGER;
  return free
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        Number(norm(b.s.represents) === norm(member?.represents ?? null)) -
          Number(norm(a.s.represents) === norm(member?.represents ?? null)) ||
        order(a.s) - order(b.s) ||
        a.i - b.i,
    )
    .map(({ s }) => s);
}
