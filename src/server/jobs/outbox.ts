// The mail outbox: every e-mail of the app is a MailOutbox row written in the transaction of the
// change that causes it (queueMail) and sent afterwards, once, by the "mail-send" worker
// (deliverOutboxMail). A process with a running queue (runner.ts) also inserts the job in that
// transaction; a process without one delivers right after commit itself (afterCommit), and the
// every-minute sweep of any running instance gives a job to whatever is still unsent.
//
// Never twice: the worker locks the row (FOR UPDATE SKIP LOCKED), skips it when sentAt is set,
// sends, and sets sentAt and the Message-ID in the same transaction. The one window: the SMTP
// server has accepted the mail and the process dies (or loses the database) before that commit.
// The lock is then released with sentAt unset and the retry sends the mail again, with the same
// Message-ID (<outbox id@paragraf>) so that a receiver can recognise it (docs/jobs.md).
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { now } from "@/server/clock";
import { errorFields, logger, scrub } from "@/server/log";
import { deliverMail, MailNotConfigured, type OutgoingMail } from "@/server/mail";
import { localQueue } from "./local";
import { QUEUES } from "./queues";

type Tx = Prisma.TransactionClient;

/** After this many failed attempts the sweep gives a mail up (it stays in the table, unsent). */
export const MAX_ATTEMPTS = 30;

/** The mail with a one-time code to choose one's own password (authentication). */
export const PASSWORD_CODE_MAIL_KIND = "user.passwordCode";
/**
 * Kinds whose text carries a secret: it stays in the outbox only until the mail has left, then
 * this text takes its place (the sent row is otherwise kept KEEP_SENT_DAYS for the record).
 */
const SECRET_KINDS: ReadonlySet<string> = new Set([PASSWORD_CODE_MAIL_KIND]);
export const SENT_SECRET_TEXT = "[Borttaget när brevet skickats: det innehöll en engångskod.]";

function recipients(to: OutgoingMail["to"]): string[] {
  return [...new Set((typeof to === "string" ? [to] : [...to]).map((a) => a.trim()).filter(Boolean))];
}

/**
 * Writes `mail` to the outbox in `tx` (and its job, when this process runs a queue). Returns the
 * row's id, or null for a mail without recipients (nothing to send). `kind` names what the mail
 * is about for logs and metrics ("signoff.returned"): never a name or an address.
 */
export async function queueMail(tx: Tx, mail: OutgoingMail, kind: string): Promise<string | null> {
  const to = recipients(mail.to);
  if (to.length === 0) return null;
  const row = await tx.mailOutbox.create({
    data: { kind, to, subject: mail.subject, text: mail.text, createdAt: now() },
    select: { id: true },
  });
  await localQueue()?.sendInTransaction(tx, QUEUES.mailSend, { outboxId: row.id }, row.id);
  return row.id;
}

/**
 * After the transaction that queued `ids` has committed: wake the local worker, or (no queue in
 * this process) deliver them now. Never throws; a failure stays in the outbox for the sweep.
 */
export async function afterCommit(db: PrismaClient, ids: readonly (string | null)[]): Promise<void> {
  const queued = ids.filter((id): id is string => id !== null);
  if (queued.length === 0) return;
  const queue = localQueue();
  if (queue) {
    queue.wake(QUEUES.mailSend);
    return;
  }
  for (const id of queued) {
    try {
      await deliverOutboxMail(db, id);
    } catch {
      // Logged by deliverOutboxMail; the row waits for a worker's sweep.
    }
  }
}

/**
 * For a call site that runs after its transaction has committed (the gap: a crash between that
 * commit and this one loses the mail): the mail in its own transaction, then afterCommit.
 */
export async function queueMailAfterCommit(
  db: PrismaClient,
  mail: OutgoingMail,
  kind: string,
): Promise<{ queued: boolean }> {
  try {
    const id = await db.$transaction((tx) => queueMail(tx, mail, kind));
    await afterCommit(db, [id]);
    return { queued: id !== null };
  } catch (e) {
    logger().error({ kind, ...errorFields(e) }, "E-post kunde inte läggas i utkorgen");
    return { queued: false };
  }
}

/** How long a sent mail stays in the outbox (its recipients and text are personal data). */
export const KEEP_SENT_DAYS = 30;

/**
 * Deletes the outbox rows sent more than KEEP_SENT_DAYS ago; unsent ones stay whatever their age
 * (the sweep or an operator still needs them). Returns how many went. A late retry of a deleted
 * mail's job finds it "gone" and sends nothing (the mail-send queue keeps jobs 7 days).
 */
export async function deleteSentMail(db: PrismaClient, at: Date = now()): Promise<number> {
  const before = new Date(at.getTime() - KEEP_SENT_DAYS * 86_400_000);
  const { count } = await db.mailOutbox.deleteMany({ where: { sentAt: { lt: before } } });
  return count;
}

export type Delivery = "sent" | "already-sent" | "busy" | "not-configured" | "gone";

/**
 * Sends outbox row `id` unless it has been sent; throws when the SMTP server fails (after
 * recording the attempt), so that the queue retries. "busy": another worker holds it right now.
 */
export async function deliverOutboxMail(db: PrismaClient, id: string): Promise<Delivery> {
  const log = logger().child({ outboxId: id });
  let kind = "";
  try {
    const result = await db.$transaction(
      async (tx): Promise<Delivery> => {
        const rows = await tx.$queryRaw<{ id: string; kind: string; sentAt: Date | null; exists: boolean }[]>`
          SELECT id, kind, "sentAt" FROM "MailOutbox" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
        const row = rows[0];
        if (!row) {
          const exists = await tx.mailOutbox.count({ where: { id } });
          return exists ? "busy" : "gone";
        }
        kind = row.kind;
        if (row.sentAt) return "already-sent";
        const mail = await tx.mailOutbox.findUniqueOrThrow({
          where: { id },
          select: { to: true, subject: true, text: true },
        });
        try {
          const { messageId } = await deliverMail(mail, { messageId: `<${id}@paragraf>` });
          await tx.mailOutbox.update({
            where: { id },
            data: {
              sentAt: now(),
              messageId,
              attempts: { increment: 1 },
              lastError: null,
              ...(SECRET_KINDS.has(row.kind) ? { text: SENT_SECRET_TEXT } : {}),
            },
          });
          return "sent";
        } catch (e) {
          if (!(e instanceof MailNotConfigured)) throw e;
          // No SMTP server configured (development): the mail is logged, not sent, and done with.
          await tx.mailOutbox.update({
            where: { id },
            data: { sentAt: now(), messageId: null, lastError: "SMTP_URL saknas: inte skickat." },
          });
          return "not-configured";
        }
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (result === "sent") log.info({ kind }, "E-post skickad");
    else if (result === "not-configured") log.warn({ kind }, "SMTP_URL saknas: e-posten skickades inte");
    return result;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await db.mailOutbox
      .update({ where: { id }, data: { attempts: { increment: 1 }, lastError: scrub(message) } })
      .catch(() => {});
    log.warn({ kind, ...errorFields(e) }, "E-post kunde inte skickas; försöker igen");
    throw e;
  }
}

/** Unsent rows older than `olderThanSeconds` that have not been given up: their ids. */
export async function unsentMail(db: PrismaClient, olderThanSeconds: number, limit = 500): Promise<string[]> {
  const before = new Date(now().getTime() - olderThanSeconds * 1000);
  const rows = await db.mailOutbox.findMany({
    where: { sentAt: null, createdAt: { lte: before }, attempts: { lt: MAX_ATTEMPTS } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}
