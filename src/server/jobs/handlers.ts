// The job handlers, one per queue: the one registry the runner works (runner.ts). A handler
// throws to have pg-boss retry the job (the queue's retryLimit and backoff, in the migration).
import type { PrismaClient } from "@/generated/prisma/client";
import { today } from "@/server/clock";
import { logger } from "@/server/log";
import type { LocalQueue } from "./local";
import { deleteSentMail, deliverOutboxMail, unsentMail } from "./outbox";
import { QUEUES, type QueueName } from "./queues";
import { recordTakeDowns, remindJusterare } from "./scheduled";

export interface JobContext {
  db: PrismaClient;
  queue: LocalQueue;
}

type Handler = (ctx: JobContext, data: { outboxId?: string }) => Promise<void>;

/** Seconds an unsent outbox row waits before the sweep gives it a job (its own is on its way). */
export const SWEEP_AFTER_SECONDS = 60;

export const JOB_HANDLERS: Record<QueueName, Handler> = {
  async [QUEUES.mailSend]({ db }, { outboxId }) {
    if (!outboxId) return;
    const result = await deliverOutboxMail(db, outboxId);
    // Another worker is sending it right now: look again later (then it is "already-sent").
    if (result === "busy") throw new Error("E-posten skickas just nu av en annan process.");
  },
  async [QUEUES.mailSweep]({ db, queue }) {
    const ids = await unsentMail(db, SWEEP_AFTER_SECONDS);
    for (const id of ids) await queue.send(QUEUES.mailSend, { outboxId: id }, id);
    if (ids.length) logger().info({ count: ids.length }, "Osänd e-post fick nya jobb");
  },
  async [QUEUES.reminders]({ db }) {
    await remindJusterare(db, today());
  },
  async [QUEUES.noticeTakedown]({ db }) {
    await recordTakeDowns(db, today());
  },
  async [QUEUES.mailCleanup]({ db }) {
    const count = await deleteSentMail(db);
    if (count) logger().info({ count }, "Skickad e-post äldre än 30 dagar raderad ur utkorgen");
  },
};
