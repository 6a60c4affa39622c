// Förhinder (report, withdraw) by a ledamot or ersättare of the meeting's body, and the secretary's
// "Förifyll närvaron". Each through defineMeetingAction with a permission of the table, one
// transaction and one audit row; the mail goes after commit.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { toSwedishDate, isoDateOf } from "@/lib/iso-date";
import { ABSENCE_CLOSED_MESSAGE, absenceOpen } from "@/domain/rules/substitutes.rules";
import { readAttendanceRows, saveAttendance } from "@/modules/drafting";
import { prefillAttendanceSchema, reportAbsenceSchema, withdrawAbsenceSchema } from "./members.schema";
import { readMeetingAbsences } from "./absence.data";
import { prefillAttendance, type AttendanceInputRow } from "./attendance-prefill";
import { notifyAbsence } from "./members.notify";

/** Side effects after commit; tests pass their own. */
export interface AbsenceEvents {
  changed(
    meetingId: string,
    personId: string,
    change: { withdrawn: boolean; note: string | null; name: string },
  ): Promise<void>;
}

/** Under the meeting's lock: a förhinder is reported or withdrawn only until the meeting starts. */
async function checkOpen(tx: Prisma.TransactionClient, meetingId: string, now: Date) {
  await lockMeeting(tx, meetingId);
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { date: true, startTime: true } });
  if (!absenceOpen({ date: isoDateOf(m.date), startTime: m.startTime }, now, toSwedishDate(now))) {
    throw new AppError("STATE", ABSENCE_CLOSED_MESSAGE);
  }
}

const reportHandler = (events?: AbsenceEvents) =>
  defineMeetingAction(
    {
      schema: reportAbsenceSchema,
      permission: "absence.report",
      locate: byMeetingId,
      visibleWith: "members.readAgenda",
    },
    async ({ db, actor, ip, input, meeting, now }) => {
      const personId = actor.personId!; // absence.report is the seatHolder's: a person
      const result = await db.$transaction(async (tx) => {
        await checkOpen(tx, meeting.id, now);
        const before = await tx.absence.findUnique({
          where: { meetingId_personId: { meetingId: meeting.id, personId } },
        });
        const row = await tx.absence.upsert({
          where: { meetingId_personId: { meetingId: meeting.id, personId } },
          create: {
            meetingId: meeting.id,
            personId,
            note: input.note,
            reportedAt: now,
            reportedByUserId: actor.userId,
          },
          update: { note: input.note, reportedAt: now, reportedByUserId: actor.userId },
          select: { id: true, person: { select: { name: true } } },
        });
        await writeAudit(tx, {
          userId: actor.userId,
          meetingId: meeting.id,
          action: before ? "absence.update" : "absence.report",
          entity: "Absence",
          entityId: row.id,
          ip,
          data: { personId, note: input.note !== null },
        });
        return { name: row.person.name };
      });
      await (events ?? mailing(db)).changed(meeting.id, personId, {
        withdrawn: false,
        note: input.note,
        name: result.name,
      });
      return { reported: true };
    },
  );

const withdrawHandler = (events?: AbsenceEvents) =>
  defineMeetingAction(
    {
      schema: withdrawAbsenceSchema,
      permission: "absence.report",
      locate: byMeetingId,
      visibleWith: "members.readAgenda",
    },
    async ({ db, actor, ip, meeting, now }) => {
      const personId = actor.personId!;
      const result = await db.$transaction(async (tx) => {
        await checkOpen(tx, meeting.id, now);
        const row = await tx.absence.findUnique({
          where: { meetingId_personId: { meetingId: meeting.id, personId } },
          select: { id: true, person: { select: { name: true } } },
        });
        if (!row) return null; // already withdrawn (a second click): nothing to do
        await tx.absence.delete({ where: { id: row.id } });
        await writeAudit(tx, {
          userId: actor.userId,
          meetingId: meeting.id,
          action: "absence.withdraw",
          entity: "Absence",
          entityId: row.id,
          ip,
          data: { personId },
        });
        return { name: row.person.name };
      });
      if (result)
        await (events ?? mailing(db)).changed(meeting.id, personId, { withdrawn: true, note: null, name: result.name });
      return { withdrawn: result !== null };
    },
  );

function mailing(db: PrismaClient): AbsenceEvents {
  return {
    async changed(meetingId, personId, change) {
      await notifyAbsence(db, meetingId, personId, change);
    },
  };
}

export const reportAbsence = reportHandler();
export const withdrawAbsence = withdrawHandler();
/** For tests: the same actions with their own side effects. */
export const absenceActionsWith = (events: AbsenceEvents) => ({
  reportAbsence: reportHandler(events),
  withdrawAbsence: withdrawHandler(events),
});

/**
 * "Förifyll närvaron": the attendance list with the förhinder applied (attendance-prefill.ts),
 * saved through the drafting module's attendance save with the version the secretary saw (a
 * stale version is a conflict there; its audit row records the save).
 */
export const prefillAttendanceFromAbsences = defineMeetingAction(
  { schema: prefillAttendanceSchema, permission: "meeting.edit", locate: byMeetingId },
  async (ctx) => {
    const { db, meeting, input } = ctx;
    const data = await readMeetingAbsences(db, meeting.id);
    if (!data) throw new AppError("NOT_FOUND", "Sammanträdet finns inte.");
    if (data.meeting.attendanceVersion !== input.version) {
      throw new AppError(
        "CONFLICT",
        "Närvarolistan har ändrats sedan sidan visades. Ladda om sidan och förifyll igen.",
      );
    }
    const current: AttendanceInputRow[] = await readAttendanceRows(db, meeting.id);
    const absentSubstitutes = data.absences.filter((a) => a.role === "SUBSTITUTE").map((a) => a.personId);
    const { rows, changed } = prefillAttendance(current, absentSubstitutes, data.suggestions);
    if (changed === 0) return { changed: 0, version: input.version };
    const saved = await saveAttendance(
      { actor: ctx.actor, db: ctx.db, ip: ctx.ip, now: ctx.now },
      { meetingId: meeting.id, version: input.version, rows },
    );
    if (!saved.ok) {
      if (saved.code === "CONFLICT")
        throw new AppError(
          "CONFLICT",
          "Närvarolistan har ändrats sedan sidan visades. Ladda om sidan och förifyll igen.",
        );
      if (saved.code === "VALIDATION") {
        throw new AppError("VALIDATION", saved.message, { fieldErrors: saved.fieldErrors });
      }
      throw new AppError(
        saved.code === "INTERNAL" || saved.code === "UNAUTHENTICATED" ? "STATE" : saved.code,
        saved.message,
      );
    }
    return { changed, version: saved.data.version };
  },
);
