// The app's job queues. Their options live in the migration that creates them
// (prisma/migrations/20261205070000_job_queue): creating a queue is DDL, which the app's database
// role may not do. A new queue needs a new migration and a name here.
export const QUEUES = {
  /** One e-mail of the outbox: { outboxId }. */
  mailSend: "mail-send",
  /** Every minute: outbox rows a crash or a process without a queue left unsent get a job. */
  mailSweep: "mail-sweep",
  /** Every hour: reminders to justerare and secretaries (reminders.ts). */
  reminders: "reminders",
  /** Every hour: the anslag whose take-down day has come get their audit event (takedown.ts). */
  noticeTakedown: "notice-takedown",
  /** Every night: sent mail older than the outbox keeps it is deleted (outbox.ts). */
  mailCleanup: "mail-cleanup",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Cron schedules (Europe/Stockholm): pg-boss starts one job per tick across all instances. */
export const SCHEDULES: readonly { queue: QueueName; cron: string }[] = [
  { queue: QUEUES.mailSweep, cron: "* * * * *" },
  { queue: QUEUES.reminders, cron: "7 * * * *" },
  { queue: QUEUES.noticeTakedown, cron: "3 * * * *" },
  { queue: QUEUES.mailCleanup, cron: "17 3 * * *" },
];
