// One pg-boss 10 instance per app process, on the app's PostgreSQL (schema "pgboss", created by
// the migration 20261205070000_job_queue; pg-boss runs with migrate: false as the app's role).
// It works every queue of the registry (handlers.ts), keeps the cron schedules (pg-boss starts
// one job per tick across all instances), and reports queue depth to /api/metrics.
// Started by src/instrumentation.ts when the Next.js server starts (npm start, next start, every
// instance); tests start runners of their own with startJobRunner.
import PgBoss from "pg-boss";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { errorFields, logger, withLogContext } from "@/server/log";
import { onShutdown } from "@/server/shutdown.mjs";
import { asPlatform } from "@/server/tenancy";
import { metrics, onScrape } from "@/server/metrics";
import { JOB_HANDLERS } from "./handlers";
import { setLocalQueue, type LocalQueue } from "./local";
import { QUEUES, SCHEDULES, type QueueName } from "./queues";

export interface JobRunnerOptions {
  /** The app role's connection string (DATABASE_URL). */
  connectionString: string;
  db: PrismaClient;
  /** Seconds between polls of an idle worker (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Keep the cron schedules (default true); tests of one job start it by hand. */
  schedule?: boolean;
  /** Become this process's queue for the outbox (default true). */
  local?: boolean;
  /** Overrides of the queues' retry delay (tests: 1 s instead of the migration's). */
  retryDelaySeconds?: number;
  /** Name for pg_stat_activity. */
  applicationName?: string;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** Prisma's transaction as pg-boss's `db`: the job is inserted on the caller's connection. */
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows };
    },
  };
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const log = logger();
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    migrate: false,
    application_name: options.applicationName ?? "paragraf-jobs",
    max: 4,
    schedule: options.schedule ?? true,
    supervise: true,
  });
  boss.on("error", (e) => log.error({ ...errorFields(e) }, "Jobbkön: fel"));
  await boss.start();

  const sendOptions = (singletonKey: string): PgBoss.SendOptions => ({
    singletonKey,
    ...(options.retryDelaySeconds !== undefined ? { retryDelay: options.retryDelaySeconds } : {}),
  });
  const workers = new Map<QueueName, string>();
  const local: LocalQueue = {
    async sendInTransaction(tx, queue, data, singletonKey) {
      await boss.send(queue, data, { ...sendOptions(singletonKey), db: transactionDb(tx) });
    },
    async send(queue, data, singletonKey) {
      await boss.send(queue, data, sendOptions(singletonKey));
    },
    wake(queue) {
      const id = workers.get(queue);
      if (id) boss.notifyWorker(id);
    },
  };
  const ctx = { db: options.db, queue: local };

  for (const [queue, handler] of Object.entries(JOB_HANDLERS) as [QueueName, (typeof JOB_HANDLERS)[QueueName]][]) {
    const id = await boss.work<{ outboxId?: string }>(
      queue,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        // A job is the platform's work (it may concern any organisation), whatever async context
        // pg-boss's loop was started or woken in (row-level security: src/server/tenancy.ts).
        await asPlatform(() =>
          withLogContext({ job: queue }, async () => {
            try {
              await handler(ctx, job.data ?? {});
            } catch (e) {
              log.warn({ jobId: job.id, ...errorFields(e) }, "Jobbet misslyckades; försöker igen");
              throw e;
            }
          }),
        );
      },
    );
    workers.set(queue, id);
  }
  if (options.schedule ?? true) {
    for (const s of SCHEDULES) await boss.schedule(s.queue, s.cron, {}, { tz: "Europe/Stockholm" });
  }
  if (options.local ?? true) setLocalQueue(local);

  const stopScrape = onScrape(async () => {
    const m = metrics();
    await Promise.all(
      Object.values(QUEUES).map(async (q) => m.queueSize.set({ queue: q }, await boss.getQueueSize(q))),
    );
    m.outboxUnsent.set(await options.db.mailOutbox.count({ where: { sentAt: null } }));
  });

  let stopped = false;
  return {
    boss,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopScrape();
      if (options.local ?? true) setLocalQueue(null);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

// --- the process's runner ---------------------------------------------------------------------

const KEY = Symbol.for("paragraf.jobRunner");
type RunnerGlobal = typeof globalThis & { [KEY]?: Promise<JobRunner | null> };

/**
 * Starts this process's runner once (later calls get the same one). Off with PARAGRAF_JOBS=0
 * (an instance that only serves pages); without DATABASE_URL there is nothing to run on.
 */
export function startProcessJobs(db: () => PrismaClient, env: NodeJS.ProcessEnv = process.env) {
  const g = globalThis as RunnerGlobal;
  g[KEY] ??= (async () => {
    if (env.PARAGRAF_JOBS === "0" || !env.DATABASE_URL) return null;
    try {
      const runner = await startJobRunner({ connectionString: env.DATABASE_URL, db: db() });
      logger().info({}, "Jobbkön igång");
      // Awaited by scripts/serve.mjs before the process exits: the job at hand finishes.
      onShutdown(() => runner.stop());
      return runner;
    } catch (e) {
      logger().error({ ...errorFields(e) }, "Jobbkön kunde inte starta; e-post skickas direkt efter varje ändring");
      return null;
    }
  })();
  return g[KEY];
}
