import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { checkDatabaseUrl } from "./config";
import { currentScope } from "./tenancy-scope.mjs";

const SCOPE = Symbol("paragraf.scope");
type ScopedClient = pg.PoolClient & { [SCOPE]?: string };

/**
 * A pool whose every checked-out connection carries the current tenancy scope
 * (src/server/tenancy.ts) as PostgreSQL's `app.organisation`, read by the row-level security
 * policies (migration 20261205100000_tenancy). Set at checkout, before the adapter's BEGIN, for
 * the session (so a rolled-back transaction cannot undo it), and again whenever the next
 * checkout's scope differs. Prisma's adapter sends both its single queries (pool.query, which
 * checks out through connect) and its transactions (connect) through here.
 */
export class ScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // Read now, in the caller's async context (pg-pool may queue the checkout).
    const scope = currentScope();
    const checkout = super.connect().then(async (client: ScopedClient) => {
      if (client[SCOPE] === scope) return client;
      try {
        await client.query("SELECT set_config('app.organisation', $1, false)", [scope]);
      } catch (e) {
        client.release(e as Error);
        throw e;
      }
      client[SCOPE] = scope;
      return client;
    });
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (e: Error) => callback(e, undefined, () => {}),
    );
  }
}

/**
 * Connections per app instance (DATABASE_POOL_MAX). With 20 concurrent editors (bench/drafting)
 * PostgreSQL's time per save does not depend on it; more connections only move the queue into
 * PostgreSQL. README "Database settings" has the sizing rule for several instances.
 */
export const DEFAULT_POOL_MAX = 10;

/** DATABASE_POOL_MAX when it is a whole number from 1 to 200, else DEFAULT_POOL_MAX. */
export function poolMax(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.DATABASE_POOL_MAX);
  return Number.isInteger(n) && n >= 1 && n <= 200 ? n : DEFAULT_POOL_MAX;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new ScopedPool({ connectionString: checkDatabaseUrl(databaseUrl), max: poolMax() });
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

// One client per server process (and across hot reloads in development).
const globalForPrisma = globalThis as unknown as { paragrafPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.paragrafPrisma ??= createPrismaClient(process.env.DATABASE_URL ?? "");
  return globalForPrisma.paragrafPrisma;
}
