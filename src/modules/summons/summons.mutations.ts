// "Skicka kallelse": the secretary sends the kallelse to every ledamot and ersättare of the body
// (memberships on the meeting day). In one transaction: the meeting row locked, the ärendelista's
// version checked, Meeting.summonsSentAt set (for fullmäktige this also posts the kungörelse on
// the anslagstavla, summons.rules.ts, and keeps its public ärendelista in Meeting.kungorelseItems),
// an audit row, and one mail per person in the outbox (server/jobs/outbox.ts): written with the
// change, sent after commit by the job worker with retries; a mail never undoes the sending.
// Sending again after a change is allowed: the mail then says "Ny kallelse".
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { defineMeetingAction, byMeetingId } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { appBaseUrl } from "@/server/config";
import { AppError } from "@/server/errors";
import { afterCommit, queueMail } from "@/server/jobs/outbox";
import type { OutgoingMail } from "@/server/mail";
import { lockMeeting } from "@/server/meeting-access";
import { buildSummonsMail } from "./summons.mail";
import { findSummons, findSummonsRecipients } from "./summons.queries";
import { sendSummonsSchema } from "./summons.schema";

export interface SendSummonsResult {
  sentAt: string;
  /** It had been sent before: the mails said "Ny kallelse". */
  resend: boolean;
  /** Names of those the mail goes to (in the outbox, sent after commit). */
  mailed: string[];
  /** Names whose mail could not be queued. */
  failed: string[];
  /** Ledamöter and ersättare without an e-mail address: the secretary calls them another way. */
  withoutEmail: string[];
}

/**
 * A mailer called after commit instead of the outbox, for tests; without one (the app) each mail
 * is queued in the outbox in the sending's transaction.
 */
export type Mailer = (mail: OutgoingMail) => Promise<{ sent: boolean }>;

export function makeSendSummons(mailer?: Mailer, baseUrl: () => string = () => appBaseUrl()) {
  return defineMeetingAction(
    { schema: sendSummonsSchema, permission: "summons.send", locate: byMeetingId },
    async ({ db, actor, ip, now, input, meeting }): Promise<SendSummonsResult> => {
      const sent = await db.$transaction(async (tx) => {
        await lockMeeting(tx, meeting.id);
        const row = await tx.meeting.findUniqueOrThrow({
          where: { id: meeting.id },
          select: {
            bodyId: true,
            summonsSentAt: true,
            summonsFingerprint: true,
            agendaVersion: true,
            secretary: { select: { name: true } },
          },
        });
        if (row.agendaVersion !== input.agendaVersion) {
          throw new AppError(
            "CONFLICT",
            "Ärendelistan har ändrats sedan du öppnade sidan. Läs igenom den nya listan och skicka sedan kallelsen.",
            { current: { agendaVersion: row.agendaVersion } },
          );
        }
        const summons = (await findSummons(tx, { id: meeting.id }))!;
        if (summons.items.length === 0) {
          throw new AppError("STATE", "Ärendelistan är tom. Lägg till ärenden innan kallelsen skickas.");
        }
        const recipients = await findSummonsRecipients(tx, row.bodyId, summons.meeting.date);
        if (recipients.length === 0) {
          throw new AppError(
            "STATE",
            "Organet har inga ledamöter eller ersättare på sammanträdesdagen. Lägg in ledamöterna under Administration först.",
          );
        }
        // The same kallelse twice (a double click, a second tab) is not mailed again as "Ny kallelse".
        const fingerprint = createHash("sha256").update(JSON.stringify(summons.items)).digest("hex");
        if (row.summonsSentAt !== null && row.summonsFingerprint === fingerprint) {
          throw new AppError(
            "STATE",
            "Kallelsen är redan skickad och ingenting i den har ändrats sedan dess. Ändra ärendelistan eller ett ärende om en ny kallelse behövs.",
          );
        }
        const resend = row.summonsSentAt !== null;
        await tx.meeting.update({
          where: { id: meeting.id },
          data: {
            summonsSentAt: now,
            summonsFingerprint: fingerprint,
            // The kungörelse as posted: what the anslagstavla compares the live public list with.
            kungorelseItems: toPublicSummons(summons).items as unknown as Prisma.InputJsonValue,
          },
        });
        const withoutEmail = recipients.filter((r) => !r.email).map((r) => r.name);
        await writeAudit(tx, {
          userId: actor.userId,
          meetingId: meeting.id,
          action: resend ? "summons.resend" : "summons.send",
          entity: "Meeting",
          entityId: meeting.id,
          ip,
          data: {
            agendaVersion: row.agendaVersion,
            items: summons.items.map((i) => i.id),
            recipients: recipients.map((r) => r.personId),
            withoutEmail,
          },
        });
        summons.meeting.summonsSentAt = now.toISOString();
        const mailed: string[] = [];
        const failed: string[] = [];
        const mailIds: (string | null)[] = [];
        const mails: { name: string; mail: OutgoingMail }[] = [];
        const base = baseUrl();
        for (const r of recipients) {
          if (!r.email) continue;
          const mail = buildSummonsMail({
            summons,
            recipient: { name: r.name, email: r.email, role: r.role },
            resend,
            baseUrl: base,
            secretaryName: row.secretary?.name ?? null,
          });
          if (mailer) {
            mails.push({ name: r.name, mail });
            continue;
          }
          const id = await queueMail(tx, mail, "summons");
          mailIds.push(id);
          (id ? mailed : failed).push(r.name);
        }
        return { resend, withoutEmail, mailed, failed, mailIds, mails };
      });
      await afterCommit(db, sent.mailIds);
      const { resend, mailed, failed, withoutEmail } = sent;
      for (const { name, mail } of sent.mails) ((await mailer!(mail)).sent ? mailed : failed).push(name);
      return { sentAt: now.toISOString(), resend, mailed, failed, withoutEmail };
    },
  );
}

export const sendSummons = makeSendSummons();
