/**
 * Ersättarordning: which ersättare the secretary should call in for each ledamot who has reported
 * förhinder, and until when a förhinder can be reported or withdrawn. Pure.
 *
 * The rule (Swedish practice: fullmäktige decides the order in which the ersättare of each party
 * are called in, KL 5:17 and 6:20 (verify the sections), and the arbetsordning/reglemente says so for each body):
 *
 * 1. Only ersättare (Membership role SUBSTITUTE) whose term covers the meeting day can be called;
 *    an ersättare who has reported förhinder, or already serves in another ledamot's seat, is not.
 * 2. First pass, for every absent ledamot in the body's order: the ersättare who represents the
 *    same party or municipality (`represents`, compared without case and surrounding spaces),
 *    lowest callOrder first. Done for all absent ledamöter before step 3, so that a ledamot whose
 *    party has no free ersättare does not take the one another party's ledamot needs.
 * 3. Second pass, for the absent ledamöter still without one: any free ersättare, lowest callOrder
 *    first (the body's order across parties).
 * 4. Within the same callOrder, and for ersättare without one (called after those with one), the
 *    order the body lists them in (the input order) decides.
 * 5. An ersättare already recorded as serving in an absent ledamot's seat (the attendance list) is
 *    that ledamot's ersättare: nobody else is suggested for the seat.
 * 6. An absent ledamot for whom nobody is free gets no suggestion, with a Swedish message.
 *
 * A förhinder can be reported or withdrawn until the meeting starts: before the meeting day, and on
 * the day until its start time (Swedish local time); a meeting without a start time, until the
 * day's end.
 */
import { compareIsoDates, type IsoDate } from "@/lib/iso-date";
import { stockholmDateTime } from "@/lib/stockholm-time";

export interface SeatHolder {
  personId: string;
  name: string;
  role: "MEMBER" | "SUBSTITUTE";
  /** Party or municipality ("Vimmerby kommun", "S"). */
  represents: string;
  /** The ersättare's place in the order; null: not set (called after those with a place). */
  callOrder: number | null;
}

export interface SubstituteInput {
  /** The body's memberships for the meeting day, in the body's own order. */
  seats: readonly SeatHolder[];
  /** Persons who reported förhinder. */
  absentPersonIds: readonly string[];
  /** Ersättare already called in (serving), and whose seat if known. */
  alreadyCalled: readonly { personId: string; replacesPersonId: string | null }[];
}

export interface SubstituteSuggestion {
  /** The absent ledamot. */
  absent: SeatHolder;
  /** Whom to call in; null: nobody is free. */
  substitute: SeatHolder | null;
  /** Same party/municipality, another party, or already serving in the seat. */
  basis: "SAME_REPRESENTS" | "OTHER_REPRESENTS" | "ALREADY_CALLED" | "NONE";
  /** Swedish, for the secretary and the mail. */
  message: string;
}

const key = (s: string) => s.trim().toLocaleLowerCase("sv");

function byCallOrder(list: readonly SeatHolder[]): SeatHolder[] {
  return list
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      const ao = a.s.callOrder ?? Number.POSITIVE_INFINITY;
      const bo = b.s.callOrder ?? Number.POSITIVE_INFINITY;
      return ao === bo ? a.i - b.i : ao - bo;
    })
    .map(({ s }) => s);
}

function orderText(s: SeatHolder): string {
  return s.callOrder === null ? "utan angiven ordning" : `nr ${s.callOrder} i ersättarordningen`;
}

/** The ersättare to call for each absent ledamot, in the body's order of the ledamöter. */
export function suggestSubstitutes(input: SubstituteInput): SubstituteSuggestion[] {
  const absent = new Set(input.absentPersonIds);
  const absentMembers = input.seats.filter((s) => s.role === "MEMBER" && absent.has(s.personId));
  const result = new Map<string, SubstituteSuggestion>();
  const taken = new Set(input.alreadyCalled.map((c) => c.personId));
  const seatById = new Map(input.seats.map((s) => [s.personId, s]));

  // 5: already serving in the seat.
  for (const member of absentMembers) {
    const called = input.alreadyCalled.find((c) => c.replacesPersonId === member.personId);
    if (!called) continue;
    const sub = seatById.get(called.personId) ?? null;
    result.set(member.personId, {
      absent: member,
      substitute: sub,
      basis: "ALREADY_CALLED",
      message: `${sub?.name ?? "En ersättare"} tjänstgör redan i stället för ${member.name}.`,
    });
  }

  const free = () =>
    byCallOrder(
      input.seats.filter((s) => s.role === "SUBSTITUTE" && !absent.has(s.personId) && !taken.has(s.personId)),
    );

  // 2: same party or municipality.
  for (const member of absentMembers) {
    if (result.has(member.personId)) continue;
    const sub = free().find((s) => key(s.represents) === key(member.represents));
    if (!sub) continue;
    taken.add(sub.personId);
    result.set(member.personId, {
      absent: member,
      substitute: sub,
      basis: "SAME_REPRESENTS",
      message: `Kalla in ${sub.name} (${sub.represents}, ${orderText(sub)}) för ${member.name}.`,
    });
  }

  // 3: anyone free, by the body's order.
  for (const member of absentMembers) {
    if (result.has(member.personId)) continue;
    const sub = free()[0];
    if (sub) {
      taken.add(sub.personId);
      result.set(member.personId, {
        absent: member,
        substitute: sub,
        basis: "OTHER_REPRESENTS",
        message: `Ingen ersättare för ${member.represents} är ledig. Kalla in ${sub.name} (${sub.represents}, ${orderText(sub)}) för ${member.name}.`,
      });
    } else {
      result.set(member.personId, {
        absent: member,
        substitute: null,
        basis: "NONE",
        message: `Det finns ingen ledig ersättare att kalla in för ${member.name}.`,
      });
    }
  }

  return absentMembers.map((m) => result.get(m.personId)!);
}

/**
 * Whether a förhinder can still be reported or withdrawn at `now`: until the meeting starts
 * (Swedish local time), or until the meeting day ends when it has no start time.
 */
export function absenceOpen(meeting: { date: IsoDate; startTime: string | null }, now: Date, today: IsoDate): boolean {
  const cmp = compareIsoDates(today, meeting.date);
  if (cmp !== 0) return cmp < 0;
  if (!meeting.startTime) return true;
  return now.getTime() < new Date(stockholmDateTime(meeting.date, meeting.startTime)).getTime();
}

export const ABSENCE_CLOSED_MESSAGE =
  "Sammanträdet har redan börjat eller är över. Hör av dig direkt till sekreteraren om förhinder.";
