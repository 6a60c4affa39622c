// Two database roles, so that the app itself cannot undo what protects a signed protocol:
//
//   owner  owns the schema and every table; runs `prisma migrate deploy`, backup and restore.
//          Only it can ALTER/DROP tables or switch triggers off (ALTER TABLE … DISABLE TRIGGER).
//   app    what the running app connects as: LOGIN, no superuser, not the owner of anything,
//          and only the table rights applyAppPrivileges gives it. It cannot disable triggers,
//          set session_replication_role, TRUNCATE, DROP or ALTER anything.
//
// applyAppPrivileges is one idempotent step run (as the owner) after every migrate, in
// `npm start`, the CLI tools and the integration tests alike, so tables added by any later
// migration are covered without naming them; it then takes back what the app must never do.
import pg from "pg";

export const EMBEDDED_OWNER = "paragraf_owner";
export const EMBEDDED_APP = "paragraf_app";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "paragraf-roles" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Table rights the app must not have, even though it may read and write the table otherwise.
 * The triggers of the migrations refuse the same changes for every role; this is the first wall.
 */
export const APP_REVOKES: Record<string, string[]> = {
  // The migration history is the owner's business.
  _prisma_migrations: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  // Append-only.
  AuditLog: ["UPDATE", "DELETE"],
  // Stored and handed-out PDFs are written once.
  ProtocolFile: ["UPDATE", "DELETE"],
  IssuedCopy: ["UPDATE", "DELETE"],
  // A rättelse is a signed note: written once.
  Correction: ["UPDATE", "DELETE"],
  // A signature is given once; returning a protocol deletes the (then void) signatures.
  Signature: ["UPDATE"],
  SigningRevision: ["UPDATE"],
  // Rebuilt per meeting (DELETE + INSERT) at justering, never edited in place.
  PublicSearchEntry: ["UPDATE"],
  // A registered historical protocol (scanned PDF, dates, §§) is never edited; an admin may delete it.
  HistoricalProtocol: ["UPDATE"],
  HistoricalParagraph: ["UPDATE"],
  // A recorded revalidation only moves forward (trigger CacheTag_forward); deleting it would let
  // an instance serve a page cached before it.
  CacheTag: ["DELETE"],
};

/**
 * Give `appRole` what the app needs on every table and sequence of the public schema, then
 * revoke APP_REVOKES. Run as the owner of the tables (or a superuser). Idempotent.
 */
export async function applyAppPrivileges(ownerUrl: string, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')",
    );
    const present = new Set(rows.map((r) => r.name));
    await c.query("BEGIN");
    try {
      await c.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      // Start from nothing, so a right given by hand (TRUNCATE, TRIGGER, REFERENCES) goes too.
      await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
      await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      for (const [table, rights] of Object.entries(APP_REVOKES)) {
        if (present.has(table)) await c.query(`REVOKE ${rights.join(", ")} ON public.${quoteIdent(table)} FROM ${app}`);
      }
      // The job queue's schema (migration 20261205070000_job_queue, src/server/jobs): pg-boss
      // reads and writes its tables; creating queues (DDL) stays with the owner's migrations.
      const { rowCount: queue } = await c.query("SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'");
      if (queue) {
        await c.query(`GRANT USAGE ON SCHEMA pgboss TO ${app}`);
        await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA pgboss FROM ${app}`);
        await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${app}`);
      }
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    }
  });
}

export interface RoleLogin {
  name: string;
  password: string;
}

/**
 * As a superuser: create (or bring in line) the owner and app roles, make the owner own
 * `database` and everything already in its public schema (a database first created by an
 * earlier version of Paragraf belonged to the superuser), and let the owner switch triggers off
 * for restore (GRANT SET ON PARAMETER session_replication_role, PostgreSQL 15+). Idempotent.
 */
export async function ensureRoles(
  adminUrl: string,
  owner: RoleLogin,
  app: RoleLogin,
  database?: string,
): Promise<void> {
  await withClient(adminUrl, async (c) => {
    for (const role of [owner, app]) {
      const { rowCount } = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
      const verb = rowCount ? "ALTER" : "CREATE";
      await c.query(
        `${verb} ROLE ${quoteIdent(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${quoteLiteral(role.password)}`,
      );
    }
    await c.query(`GRANT SET ON PARAMETER session_replication_role TO ${quoteIdent(owner.name)}`);
    if (!database) return;
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await c.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner.name)}`);
    else await c.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(owner.name)}`);
  });
  if (!database) return;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), (c) => reassignPublicObjects(c, owner.name));
}

/** ALTER … OWNER TO `owner` for every table, view, sequence, routine and type in public. */
async function reassignPublicObjects(c: pg.Client, owner: string): Promise<void> {
  await c.query(`
    DO $$
    DECLARE
      r record;
      owner_oid oid := (SELECT oid FROM pg_roles WHERE rolname = ${quoteLiteral(owner)});
    BEGIN
      FOR r IN
        SELECT c.oid, c.relname, c.relkind FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> owner_oid
          -- a sequence owned by a column follows its table
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
      LOOP
        EXECUTE format('ALTER %s public.%I OWNER TO %I',
          CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
          r.relname, ${quoteLiteral(owner)});
      END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner_oid LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.sig, ${quoteLiteral(owner)});
      END LOOP;
      FOR r IN
        SELECT t.oid::regtype AS typ FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner_oid AND t.typtype IN ('e', 'd') 
      LOOP
        EXECUTE format('ALTER TYPE %s OWNER TO %I', r.typ, ${quoteLiteral(owner)});
      END LOOP;
    END
    $$`);
}

/** The login name in a PostgreSQL URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same server and database as `url`, logged in as `login`. */
export function urlAs(url: string, login: RoleLogin): string {
  const u = new URL(url);
  u.username = encodeURIComponent(login.name);
  u.password = encodeURIComponent(login.password);
  return u.toString();
}

/**
 * As a superuser: the owner and app roles (fixed names, fresh random passwords) and `database`
 * owned by the owner, for throw-away servers (benchmarks). Migrate as `ownerUrl`, then
 * applyAppPrivileges(ownerUrl, roleOf(url)), then run the app on `url`.
 */
export async function createRoleDatabase(
  adminUrl: string,
  database: string,
): Promise<{ url: string; ownerUrl: string }> {
  const { randomBytes } = await import("node:crypto");
  const owner = { name: EMBEDDED_OWNER, password: randomBytes(18).toString("base64url") };
  const app = { name: EMBEDDED_APP, password: randomBytes(18).toString("base64url") };
  await ensureRoles(adminUrl, owner, app, database);
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return { url: urlAs(u.toString(), app), ownerUrl: urlAs(u.toString(), owner) };
}
