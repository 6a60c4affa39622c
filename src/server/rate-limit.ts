// Fixed-window attempt counters in PostgreSQL, so a limit holds across every app process (and
// survives a restart). Each attempt is counted in one atomic statement *before* the password is
// checked, so parallel guesses cannot all slip through between a check and a write.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getDb } from "./db";

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export interface RateLimitPolicy {
  /** Names the limit; part of every key, so limits never share counters. */
  scope: string;
  /** Attempts allowed per window; the next one is refused. */
  max: number;
  windowMs: number;
}

export interface Attempt {
  limited: boolean;
  /** Milliseconds until the window ends (0 when not limited). */
  retryAfterMs: number;
  count: number;
}

// Expired rows are deleted at most this often per process.
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

export class RateLimiter {
  constructor(
    readonly policy: RateLimitPolicy,
    private readonly db: () => Db = getDb,
    // The machine's real clock, not server/clock: the windows are shared through the database by
    // every process, and a moved test clock must neither open a limit early nor leave counters
    // behind that outlive it. Tests pass their own.
    // eslint-disable-next-line no-restricted-syntax -- real time for security windows, see above
    private readonly now: () => number = Date.now,
  ) {}

  /** The stored key: a hash, so the table holds no e-mail addresses or client addresses. */
  key(subject: string): string {
    return createHash("sha256").update(`${this.policy.scope}\n${subject}`).digest("hex");
  }

  /** Counts one attempt for `subject` and says whether it is over the limit. */
  async hit(subject: string): Promise<Attempt> {
    const t = this.now();
    const now = new Date(t);
    const expires = new Date(t + this.policy.windowMs);
    const rows = await this.db().$queryRaw<{ count: number; expiresAt: Date }[]>`
      INSERT INTO "RateLimit" ("key", "count", "windowStart", "expiresAt")
      VALUES (${this.key(subject)}, 1, ${now}, ${expires})
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart" THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."windowStart" ELSE "RateLimit"."windowStart" END,
        "expiresAt" = CASE WHEN "RateLimit"."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."expiresAt" ELSE "RateLimit"."expiresAt" END
      RETURNING "count", "expiresAt"`;
    const row = rows[0]!;
    if (t - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = t;
      await this.prune(now);
    }
    const count = Number(row.count);
    const limited = count > this.policy.max;
    return { limited, count, retryAfterMs: limited ? Math.max(0, new Date(row.expiresAt).getTime() - t) : 0 };
  }

  /** Forgets the subject's attempts (after a success that proves who it is). */
  async reset(subject: string): Promise<void> {
    await this.db().$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${this.key(subject)}`;
  }

  /** Takes back one counted attempt (a success that should not use up a shared allowance). */
  async forgive(subject: string): Promise<void> {
    await this.db()
      .$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${this.key(subject)}`;
  }

  /** Deletes every expired counter (of any scope). */
  async prune(now = new Date(this.now())): Promise<number> {
    return this.db().$executeRaw`DELETE FROM "RateLimit" WHERE "expiresAt" <= ${now}`;
  }
}
