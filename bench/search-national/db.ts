// The national search benchmark's database: an embedded PostgreSQL kept between runs in
// BENCH_SEARCH_DIR (default /work/bench-data/search-1m, outside the repository), set up as
// production is: the settings README's operations section recommends (SETTINGS, written with
// ALTER SYSTEM; the server restarted when they change), the tables owned by the owner role and
// migrated as it with the repository's migrations on every start (so a new index migration is
// built once, on the data), and the queries run as the app's role (row-level security binds it).
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { applyAppPrivileges, EMBEDDED_APP, EMBEDDED_OWNER, ensureRoles, urlAs } from "../../scripts/lib/db-roles";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = process.env.BENCH_SEARCH_DIR ?? "/work/bench-data/search-1m";

/**
 * The memory settings of a database server given to Paragraf (README, "Drift"): for a server with
 * 8 GB or more, a quarter of it as shared_buffers holds the search's narrow table and its indexes
 * (about 2.3 GB at 1,000,000 §§); effective_cache_size tells the planner the rest is file cache.
 */
export const SETTINGS: Record<string, string> = {
  shared_buffers: process.env.BENCH_SEARCH_SHARED_BUFFERS ?? "3GB",
  effective_cache_size: "6GB",
  work_mem: "16MB",
  maintenance_work_mem: "512MB",
  random_page_cost: "1.1",
  jit: "off",
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A database first migrated by an older version of this benchmark (as the superuser) has the job
 * queue's schema (pgboss) and its objects owned by the superuser, and the owner's later migrations
 * that create queues in it fail: they become the owner's, as in production.
 */
async function giveQueueSchemaToOwner(superUrl: string, ownerRole: string) {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    await client.query(`DO $$
      DECLARE r record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss' AND nspowner <> '${ownerRole}'::regrole) THEN
          RETURN;
        END IF;
        ALTER SCHEMA pgboss OWNER TO ${ownerRole};
        FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
          WHERE c.relnamespace = 'pgboss'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm') LOOP
          EXECUTE format('ALTER %s %s OWNER TO ${ownerRole}',
            CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
        END LOOP;
        FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p WHERE p.pronamespace = 'pgboss'::regnamespace LOOP
          EXECUTE format('ALTER %s %s OWNER TO ${ownerRole}', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, r.name);
        END LOOP;
        FOR r IN SELECT t.oid::regtype AS name FROM pg_type t WHERE t.typnamespace = 'pgboss'::regnamespace
          AND t.typtype IN ('e', 'c', 'd') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid) LOOP
          EXECUTE format('ALTER TYPE %s OWNER TO ${ownerRole}', r.name);
        END LOOP;
      END $$`);
  } finally {
    await client.end();
  }
}

export async function startSearchDb() {
  let pgServer = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "data"), persistent: true });
  const admin = pgServer.urlFor("postgres");
  // The recommended settings; a changed one that needs a restart (shared_buffers) gets it.
  const current = new Map(
    (
      await query<{ name: string; setting: string; pending: boolean }>(
        admin,
        `SELECT name, setting, pending_restart AS pending FROM pg_settings WHERE name = ANY('{${Object.keys(SETTINGS).join(",")}}')`,
      )
    ).map((r) => [r.name, r]),
  );
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  for (const [name, value] of Object.entries(SETTINGS)) await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
  await client.query("SELECT pg_reload_conf()");
  const restart = (
    await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_settings WHERE pending_restart`)
  ).rows[0]!.n;
  await client.end();
  if (restart > 0 || [...current.values()].some((r) => r.pending)) {
    await pgServer.stop();
    pgServer = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "data"), persistent: true });
  }
  // As in production: the owner owns and migrates, the app role (no superuser, no BYPASSRLS) reads.
  const owner = { name: EMBEDDED_OWNER, password: "bench-search-owner" };
  const app = { name: EMBEDDED_APP, password: "bench-search-app" };
  await pgServer.createDatabase("search");
  await ensureRoles(pgServer.urlFor("postgres"), owner, app, "search");
  const superUrl = pgServer.urlFor("search");
  const ownerUrl = urlAs(superUrl, owner);
  await giveQueueSchemaToOwner(superUrl, owner.name);
  try {
    execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: ownerUrl },
      stdio: "pipe",
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`prisma migrate deploy failed:\n${String(stdout ?? "")}${String(stderr ?? "")}`);
  }
  // As the superuser: a database first migrated by an older version of this benchmark has schemas
  // (pgboss) of the superuser.
  await applyAppPrivileges(superUrl, app.name);
  const settings = await query<{ name: string; setting: string; unit: string | null }>(
    superUrl,
    `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY('{${Object.keys(SETTINGS).join(",")}}') ORDER BY name`,
  );
  const server = pgServer;
  return {
    /** The owner's login: generating the data (triggers off), EXPLAIN as the owner. */
    ownerUrl,
    /** The superuser's: only for loading (session_replication_role). */
    superUrl,
    /** The app's login: what the benchmark searches as. */
    appUrl: urlAs(superUrl, app),
    settings: settings.map((s) => `${s.name}=${s.setting}`).join(", "),
    stop: () => server.stop(),
  };
}
