// PostgreSQL driver adapter factory for the wasm schema engine.
//
// The wasm schema engine (see ./wasm-engine.mjs) cannot open sockets itself: every query goes
// through a "migration-aware driver adapter factory" ({ connect(), connectToShadowDb() }). We use
// @prisma/adapter-pg, but version 7.10.1 has several problems when it is driven by the schema
// engine instead of by Prisma Client. Each workaround below says which problem it solves; they
// were all reproduced against a real PostgreSQL, so do not remove one without re-running
// `npx vitest run --project integration tests/migrations.int.test.ts` and a `migrate dev` on a
// throw-away schema (see prisma/engine/README.md).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";

const PG_CHAR_OID = 18; // the internal one-byte `"char"` type, e.g. pg_constraint.contype
const PG_TEXT_OID = 25;

/**
 * Parse a Prisma PostgreSQL URL into what node-postgres needs.
 *
 * - `?schema=` is a Prisma-only parameter. The native engine sets `search_path` to it on every
 *   connection (generated migration SQL is not schema-qualified) and reports it as the schema to
 *   describe. node-postgres lets values parsed from `connectionString` win over explicit config
 *   keys, so the search path has to travel inside the URL as `options=-c search_path=…`.
 */
export function parseDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("The datasource URL is not a valid URL.");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(
      `The wasm schema engine shim only supports postgresql:// URLs, got "${parsed.protocol}//…". ` +
        "Install Prisma's native schema engine (or set PRISMA_SCHEMA_ENGINE_BINARY) for other databases.",
    );
  }
  const schema = parsed.searchParams.get("schema") || "public";
  const database =
    decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  const forPg = new URL(parsed.href);
  forPg.searchParams.delete("schema");
  if (schema !== "public") {
    const previous = forPg.searchParams.get("options");
    const searchPath = `-c search_path=${quoteIdent(schema)}`;
    forPg.searchParams.set("options", previous ? `${previous} ${searchPath}` : searchPath);
  }
  return {
    url: parsed.href,
    connectionString: forPg.href,
    database,
    schema,
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost",
    port: parsed.port || "5432",
    user: decodeURIComponent(parsed.username),
  };
}

/** The same URL pointing at another database on the same server (keeps credentials and params). */
export function urlWithDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.href;
}

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** An error the wasm engine reports with its message (DriverAdapterError keeps the text). */
function adapterError(message) {
  return new DriverAdapterError({ kind: "postgres", code: "N/A", severity: "ERROR", message });
}

/**
 * Pitfall 1: adapter-pg's column-type mapping has no entry for OID 18 (`"char"`), and throws
 * "Unsupported column type char" as soon as a result contains one. The engine's catalog queries
 * (constraints, indexes, …) return such columns. node-postgres already hands us their values as
 * strings (it has no parser for OID 18), so we present the field as text to adapter-pg and then
 * report the column as ColumnTypeEnum.Character, which is what the engine expects for a
 * one-character value. The char positions are remembered per query object (a fresh object per
 * call), so concurrent queries cannot mix them up.
 */
function patchCharColumns(queryable) {
  const charColumnsByQuery = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    if (result?.fields?.some((f) => f.dataTypeID === PG_CHAR_OID)) {
      const positions = [];
      result.fields = result.fields.map((field, i) => {
        if (field.dataTypeID !== PG_CHAR_OID) return field;
        positions.push(i);
        return { ...field, dataTypeID: PG_TEXT_OID };
      });
      charColumnsByQuery.set(query, positions);
    }
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumnsByQuery.get(query) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Pitfall 3: adapter-pg's executeScript() splits the script on every ";" and runs the pieces one
 * by one. That breaks PL/pgSQL bodies (`$$ … ; … $$`), string literals and comments containing
 * ";", and makes a migration non-atomic (a failure leaves the first half applied). The native
 * engine sends the whole script as one simple-protocol query, which PostgreSQL runs as a single
 * implicit transaction; we do the same.
 */
function patchExecuteScript(adapter) {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      if (typeof error?.code === "string" && typeof error?.severity === "string") {
        // Keep PostgreSQL's own message: for a known SQLSTATE (42P01, 23505, …) adapter-pg and
        // then the engine replace it with a bare "No such table: X", which hides which statement
        // of a migration failed and why. With code "N/A" the engine shows our message as is
        // (the SQLSTATE is kept in the text).
        throw new DriverAdapterError({
          kind: "postgres",
          code: "N/A",
          severity: error.severity,
          message: describePgError(error, script),
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
      adapter.onError(error);
    }
  };
  return adapter;
}

/** "relation "X" does not exist (SQLSTATE 42P01) at line 3: ALTER TABLE …" */
function describePgError(error, script) {
  let text = `${error.message} (SQLSTATE ${error.code})`;
  const position = Number(error.position);
  if (position > 0) {
    const before = script.slice(0, position - 1);
    const lineNumber = before.split("\n").length;
    const line = script.split("\n")[lineNumber - 1] ?? "";
    text += `\nat line ${lineNumber} of the script: ${line.trim()}`;
  }
  if (error.detail) text += `\nDETAIL: ${error.detail}`;
  if (error.hint) text += `\nHINT: ${error.hint}`;
  return text;
}

function patchAdapter(adapter) {
  patchCharColumns(adapter);
  patchExecuteScript(adapter);
  // Transactions are separate queryable objects: give them the "char" fix too.
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchCharColumns(await startTransaction(...args));
  return adapter;
}

/**
 * Open an adapter on one database. "One connection per database": the pool gets max 1, because
 * the engine relies on session state like a single native connection does (the migration
 * advisory lock taken with pg_advisory_lock must be released on the same session, SET commands
 * must stick), and a pool would spread those statements over several sessions.
 */
async function openAdapter(info, { expectDatabase } = {}) {
  const factory = new PrismaPg(
    { connectionString: info.connectionString, max: 1 },
    { schema: info.schema, onPoolError: () => {}, onConnectionError: () => {} },
  );
  const adapter = patchAdapter(await factory.connect());
  if (expectDatabase) {
    // Pitfall 2 guard: make sure we really are where we think we are before the engine starts
    // replaying migrations into this connection.
    const { rows } = await adapter.underlyingDriver().query("SELECT current_database() AS db");
    if (rows[0]?.db !== expectDatabase) {
      await adapter.dispose().catch(() => {});
      throw adapterError(
        `Shadow database connection ended up in database "${rows[0]?.db}" instead of "${expectDatabase}"; refusing to continue.`,
      );
    }
  }
  return adapter;
}

/**
 * The factory handed (after bindMigrationAwareSqlAdapterFactory) to the wasm SchemaEngine.
 *
 * @param {{ url: string, shadowDatabaseUrl?: string, log?: (level: string, message: string) => void }} options
 */
export function createPgMigrationAdapterFactory({ url, shadowDatabaseUrl, log = () => {} }) {
  const main = parseDatabaseUrl(url);
  const shadow = shadowDatabaseUrl ? parseDatabaseUrl(shadowDatabaseUrl) : null;
  const pendingCleanups = new Set();

  async function connectToExternalShadowDb() {
    const adapter = await openAdapter(shadow, { expectDatabase: shadow.database });
    const shadowPool = adapter.underlyingDriver();
    // Refuse a shadow URL that is really the main database: we are about to wipe its schema.
    const mainIdentity = await withAdminClient(main, (c) => serverIdentity(c)).catch(() => null);
    const shadowIdentity = await serverIdentity(shadowPool);
    if (mainIdentity === shadowIdentity && main.schema === shadow.schema) {
      await adapter.dispose().catch(() => {});
      throw adapterError(
        "The shadowDatabaseUrl points at the same database and schema as the main datasource url. The shadow database is reset on every use, so it must be a separate database.",
      );
    }
    // Pitfall 5: the native engine resets a configured (external) shadow database before
    // replaying the migration history; the wasm engine does not, so the next `migrate dev` would
    // fail with "relation already exists". Drop and recreate its schema ourselves.
    log("INFO", `Resetting schema "${shadow.schema}" of the external shadow database "${shadow.database}"`);
    await shadowPool.query(
      `DROP SCHEMA IF EXISTS ${quoteIdent(shadow.schema)} CASCADE; CREATE SCHEMA ${quoteIdent(shadow.schema)}`,
    );
    return adapter;
  }

  async function connectToTemporaryShadowDb() {
    // Pitfall 2: adapter-pg's own connectToShadowDb() creates prisma_migrate_shadow_db_<uuid> and
    // then opens `new Pool({ ...config, database })`, but node-postgres lets the database from
    // `connectionString` win, so it connects to the MAIN database and the engine replays (and
    // afterwards cleans up) the migration history there. We create the database ourselves,
    // point the URL's path at it and verify current_database() after connecting.
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withAdminClient(main, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    log("INFO", `Created temporary shadow database "${name}"`);
    const drop = async () => {
      await withAdminClient(main, (c) => dropDatabase(c, name));
      log("INFO", `Dropped temporary shadow database "${name}"`);
    };
    let adapter;
    try {
      adapter = await openAdapter(parseDatabaseUrl(urlWithDatabase(main.url, name)), { expectDatabase: name });
    } catch (error) {
      await drop().catch(() => {});
      throw error;
    }
    const closePool = adapter.dispose.bind(adapter);
    let disposing;
    const dispose = () => {
      disposing ??= (async () => {
        pendingCleanups.delete(dispose);
        await closePool().catch(() => {});
        await drop();
      })();
      return disposing;
    };
    adapter.dispose = dispose;
    // Remembered so that the process can still drop it when it is stopped before the engine
    // disposed of the adapter (see cleanup() below).
    pendingCleanups.add(dispose);
    return adapter;
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => openAdapter(main),
    connectToShadowDb: () => (shadow ? connectToExternalShadowDb() : connectToTemporaryShadowDb()),
    /** Drop temporary shadow databases the engine did not dispose of (called on exit). */
    async cleanup() {
      await Promise.allSettled([...pendingCleanups].map((fn) => fn()));
    },
  };
}

/** A comparable identity of the server + database a client is connected to. */
async function serverIdentity(queryable) {
  const { rows } = await queryable.query(
    "SELECT current_database() || '|' || coalesce(inet_server_port()::text, 'socket') || '|' || pg_postmaster_start_time()::text AS id",
  );
  return rows[0].id;
}

/**
 * A short-lived admin connection on the main server: the main database if it exists, else the
 * `postgres` / `template1` maintenance databases (like the native engine), for CREATE/DROP DATABASE.
 */
export async function withAdminClient(info, fn) {
  const candidates = [info.database, "postgres", "template1"];
  let lastError;
  for (const database of [...new Set(candidates)]) {
    const connectionString =
      database === info.database ? info.connectionString : urlWithDatabase(info.connectionString, database);
    let client;
    try {
      client = new pg.Client({ connectionString });
      client.on("error", () => {});
      await client.connect();
    } catch (error) {
      lastError = error;
      await client?.end().catch(() => {});
      if (error?.code === "3D000") continue; // database does not exist: try the next one
      throw error;
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

export async function dropDatabase(client, name) {
  const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS v");
  // WITH (FORCE) (PostgreSQL 13+) ends sessions that are still closing after pool.end().
  const force = rows[0].v >= 130000 ? " WITH (FORCE)" : "";
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}${force}`);
}
