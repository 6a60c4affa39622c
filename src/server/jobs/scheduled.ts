// The scheduled effects, each at most once (a JobMark row with a unique key, written in the same
// transaction as the effect; a second worker's insert finds the key and does nothing):
//   - a reminder to each justerare (and chair) who has not signed, from three days before the
//     justering deadline (adjustmentDeadline, 5 kap. 69 § KL) to the deadline itself: once per
//     person and deadline;
//   - the take-down day of an anslag (Notice.takeDownOn): an audit row "notice.takenDown" and a
//     mail to the secretaries to take down and archive a paper copy, once per anslag and day.
// "Today" is the server clock's (src/server/clock.ts, the test clock in e2e). An effect whose day
// passed while no instance ran is done late, up to CATCH_UP_DAYS days; older ones are skipped
// (a new installation does not mail about protocols from years ago).
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { addDays, dbDate, isoDateOf, type IsoDate } from "@/lib/iso-date";
import { daysUntilAdjustmentDeadline } from "@/domain/rules/signoff.rules";
import { writeAudit } from "@/server/audit";
import { appBaseUrl } from "@/server/config";
import { logger } from "@/server/log";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { afterCommit, queueMail } from "./outbox";
import { buildJusteringReminderMail, buildTakeDownReminderMail } from "./reminders.mail";
import { secretaryAddresses } from "@/server/secretary-addresses";

export const REMINDER_DAYS_BEFORE = 3;
export const CATCH_UP_DAYS = 7;

type Tx = Prisma.TransactionClient;

/** Inserts the mark; false when it was there (done before, by this or another worker). */
async function mark(tx: Tx, key: string): Promise<boolean> {
  const { count } = await tx.jobMark.createMany({ data: [{ key }], skipDuplicates: true });
  return count === 1;
}

/** Reminders to the signers of protocols sent for justering whose deadline is near. */
export async function remindJusterare(db: PrismaClient, today: IsoDate, baseUrl = appBaseUrl()): Promise<number> {
  const meetings = await db.meeting.findMany({
    where: { status: "READY_FOR_ADJUSTMENT" },
    select: { id: true, slug: true, date: true },
  });
  let sent = 0;
  for (const m of meetings) {
    const { deadline, daysLeft } = daysUntilAdjustmentDeadline(isoDateOf(m.date), today);
    if (daysLeft > REMINDER_DAYS_BEFORE || daysLeft < 0) continue;
    const p = await findProtocolBySlug(db, m.slug);
    if (!p) continue;
    const waiting = p.signatures.filter(
      (s, i, all) => s.role !== "SECRETARY" && !s.signedAt && all.findIndex((x) => x.personId === s.personId) === i,
    );
    const people = await db.person.findMany({
      where: { id: { in: waiting.map((s) => s.personId) } },
      select: { id: true, email: true },
    });
    const email = new Map(people.map((x) => [x.id, x.email?.trim() || null]));
    for (const s of waiting) {
      const to = email.get(s.personId);
      if (!to) continue;
      const id = await db.$transaction(async (tx) => {
        if (!(await mark(tx, `reminder.justering:${m.id}:${s.personId}:${deadline}`))) return null;
        return queueMail(
          tx,
          buildJusteringReminderMail({
            baseUrl,
            bodyName: p.body.name,
            meetingDate: p.meeting.date,
            slug: m.slug,
            to,
            name: s.name,
            deadline,
            daysLeft,
          }),
          "reminder.justering",
        );
      });
      if (id) {
        sent++;
        await afterCommit(db, [id]);
      }
    }
  }
  if (sent) logger().info({ count: sent }, "Påminnelser om justering köade");
  return sent;
}

/** The anslag whose take-down day is today (or up to CATCH_UP_DAYS ago): event and reminder. */
export async function recordTakeDowns(db: PrismaClient, today: IsoDate, baseUrl = appBaseUrl()): Promise<number> {
  const notices = await db.notice.findMany({
    where: {
      takeDownOn: { lte: dbDate(today), gte: dbDate(addDays(today, -CATCH_UP_DAYS)) },
      meeting: { status: "ADJUSTED" },
    },
    select: {
      meetingId: true,
      postedOn: true,
      takeDownOn: true,
      meeting: {
        select: { slug: true, date: true, bodyId: true, secretaryId: true, body: { select: { name: true } } },
      },
    },
  });
  let recorded = 0;
  for (const n of notices) {
    const takeDownOn = isoDateOf(n.takeDownOn);
    const to = await secretaryAddresses(db, n.meeting.bodyId, n.meeting.secretaryId);
    const id = await db.$transaction(async (tx) => {
      if (!(await mark(tx, `notice.takedown:${n.meetingId}:${takeDownOn}`))) return undefined;
      await writeAudit(tx, {
        userId: null,
        meetingId: n.meetingId,
        action: "notice.takenDown",
        entity: "Notice",
        entityId: n.meetingId,
        ip: null,
        data: { postedOn: isoDateOf(n.postedOn), takeDownOn, recordedOn: today },
      });
      if (to.length === 0) return null;
      return queueMail(
        tx,
        buildTakeDownReminderMail({
          baseUrl,
          bodyName: n.meeting.body.name,
          meetingDate: isoDateOf(n.meeting.date),
          slug: n.meeting.slug,
          to,
          postedOn: isoDateOf(n.postedOn),
          takeDownOn,
        }),
        "reminder.takedown",
      );
    });
    if (id === undefined) continue;
    recorded++;
    await afterCommit(db, [id]);
  }
  if (recorded) logger().info({ count: recorded }, "Anslag nedtagna (händelse registrerad)");
  return recorded;
}
