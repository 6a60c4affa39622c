// What förhinder and the ersättarordning need about one meeting, read in one place: the body's
// ledamöter and ersättare on the meeting day (in the body's order), the förhinder reported, who
// already serves (the attendance list), and the rule's suggestions. Used by the mail, the
// secretary's page and the pre-filled attendance.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { isoDateOf, type IsoDate } from "@/lib/iso-date";
import { suggestSubstitutes, type SeatHolder, type SubstituteSuggestion } from "@/domain/rules/substitutes.rules";

type Db = PrismaClient | Prisma.TransactionClient;

export interface AbsenceRow {
  personId: string;
  name: string;
  /** Null: not a ledamot or ersättare of the body on the day (any more). */
  role: "MEMBER" | "SUBSTITUTE" | null;
  represents: string;
  note: string | null;
  reportedAt: Date;
}

export interface MeetingAbsences {
  meeting: {
    id: string;
    slug: string;
    date: IsoDate;
    startTime: string | null;
    place: string;
    status: "DRAFT" | "READY_FOR_ADJUSTMENT" | "ADJUSTED";
    attendanceVersion: number;
    secretaryId: string | null;
    body: { id: string; name: string; genitiveName: string };
  };
  seats: SeatHolder[];
  absences: AbsenceRow[];
  suggestions: SubstituteSuggestion[];
}

export async function readMeetingAbsences(db: Db, meetingId: string): Promise<MeetingAbsences | null> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      slug: true,
      date: true,
      startTime: true,
      place: true,
      status: true,
      attendanceVersion: true,
      secretaryId: true,
      body: { select: { id: true, name: true, genitiveName: true } },
      absences: { select: { personId: true, note: true, reportedAt: true, person: { select: { name: true } } } },
      attendances: { where: { role: "SERVING_SUBSTITUTE" }, select: { personId: true, replacesPersonId: true } },
    },
  });
  if (!m) return null;
  const memberships = await db.membership.findMany({
    where: { bodyId: m.body.id, termStart: { lte: m.date }, termEnd: { gte: m.date } },
    // The body's own order: ids are cuid v1, so id order is the order they were entered (as the
    // attendance list created from the members uses).
    orderBy: { id: "asc" },
    select: { personId: true, role: true, represents: true, callOrder: true, person: { select: { name: true } } },
  });
  const seen = new Set<string>();
  const seats: SeatHolder[] = memberships
    .filter((s) => !seen.has(s.personId) && seen.add(s.personId))
    .map((s) => ({
      personId: s.personId,
      name: s.person.name,
      role: s.role,
      represents: s.represents,
      callOrder: s.callOrder,
    }));
  const seatOf = new Map(seats.map((s) => [s.personId, s]));
  const absences: AbsenceRow[] = m.absences
    .map((a) => ({
      personId: a.personId,
      name: a.person.name,
      role: seatOf.get(a.personId)?.role ?? null,
      represents: seatOf.get(a.personId)?.represents ?? "",
      note: a.note,
      reportedAt: a.reportedAt,
    }))
    .sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const suggestions = suggestSubstitutes({
    seats,
    absentPersonIds: absences.map((a) => a.personId),
    alreadyCalled: m.attendances,
  });
  return {
    meeting: {
      id: m.id,
      slug: m.slug,
      date: isoDateOf(m.date),
      startTime: m.startTime,
      place: m.place,
      status: m.status,
      attendanceVersion: m.attendanceVersion,
      secretaryId: m.secretaryId,
      body: m.body,
    },
    seats,
    absences,
    suggestions,
  };
}
