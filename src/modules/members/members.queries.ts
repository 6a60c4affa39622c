// The members' view: the upcoming meetings of the bodies where the signed-in user's person is a
// ledamot or ersättare (Membership on the meeting day), each with its ärendelista as the kallelse
// has it (AgendaItem on the meeting, in order; extra ärenden are added at the meeting and are not
// in the kallelse) and its handlingar. Confidential ärenden and handlingar only where the
// permission table says "members.readConfidential"; a meeting only where "members.readAgenda".
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import { toMeetingSlot, type MeetingSlot } from "@/server/meeting-slot";
import { dbDate, type IsoDate } from "@/lib/iso-date";
import { absenceOpen } from "@/domain/rules/substitutes.rules";
import type { SummonsItemDTO } from "@/domain/summons/summons.types";
import { findKallelseItems, kallelseMeetingSelect } from "@/modules/agenda";

/** An ärende of the kallelse as the members' view shows it. */
export type MemberAgendaItem = SummonsItemDTO;

export interface MemberMeeting extends MeetingSlot {
  body: { name: string };
  /** As a ledamot or an ersättare. */
  seatRole: "MEMBER" | "SUBSTITUTE";
  summonsSentAt: Date | null;
  items: MemberAgendaItem[];
  /** Confidential ärenden left out for this reader (none for the body's own). */
  withheldItems: number;
  absence: { note: string | null; reportedAt: Date } | null;
  /** Whether a förhinder can still be reported or withdrawn (until the meeting starts). */
  absenceOpen: boolean;
  /** The status allows it (a draft). */
  canReport: boolean;
}

export async function listMyUpcomingMeetings(
  db: PrismaClient,
  actor: Actor,
  now: Date,
  today: IsoDate,
): Promise<MemberMeeting[]> {
  if (!actor.personId) return [];
  const personId = actor.personId;
  const seats = await db.membership.findMany({
    where: { personId, termEnd: { gte: dbDate(today) } },
    select: { bodyId: true, role: true, termStart: true, termEnd: true },
  });
  if (seats.length === 0) return [];
  const meetings = await db.meeting.findMany({
    where: { bodyId: { in: [...new Set(seats.map((s) => s.bodyId))] }, date: { gte: dbDate(today) } },
    orderBy: [{ date: "asc" }, { startTime: "asc" }],
    take: 50,
    select: {
      ...kallelseMeetingSelect,
      bodyId: true,
      body: { select: { name: true } },
      absences: { where: { personId }, select: { note: true, reportedAt: true } },
    },
  });
  const out: MemberMeeting[] = [];
  for (const m of meetings) {
    const seat = seats.find(
      (s) =>
        s.bodyId === m.bodyId && s.termStart.getTime() <= m.date.getTime() && s.termEnd.getTime() >= m.date.getTime(),
    );
    if (!seat) continue;
    const access = await findMeetingAccess(db, { id: m.id });
    if (!access || !authorize(actor, "members.readAgenda", access).ok) continue;
    const confidentialOk = authorize(actor, "members.readConfidential", access).ok;
    const items = await readAgenda(db, m.id, confidentialOk);
    const slot = toMeetingSlot(m);
    out.push({
      ...slot,
      body: m.body,
      seatRole: seat.role,
      summonsSentAt: m.summonsSentAt,
      items: items.items,
      withheldItems: items.withheld,
      absence: m.absences[0] ?? null,
      absenceOpen: absenceOpen(slot, now, today),
      canReport: authorize(actor, "absence.report", access).ok,
    });
  }
  return out;
}

/** The kallelse's ärendelista (src/modules/agenda), confidential ärenden and handlingar only if allowed. */
async function readAgenda(
  db: PrismaClient,
  meetingId: string,
  confidentialOk: boolean,
): Promise<{ items: MemberAgendaItem[]; withheld: number }> {
  const rows = await findKallelseItems(db, meetingId);
  const visible = rows.filter((r) => confidentialOk || !r.isConfidential);
  return {
    withheld: rows.length - visible.length,
    items: visible.map((r) => ({
      ...r,
      documents: r.documents.filter((d) => confidentialOk || !d.isConfidential),
    })),
  };
}
