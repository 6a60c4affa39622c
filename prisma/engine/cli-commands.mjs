// `schema-engine --datasource '{"url":…}' cli <command>`: the one-shot commands the Prisma CLI
// runs before starting the engine server (can-connect-to-database → on P1003 create-database).
// They only need a connection, so they use node-postgres directly (no wasm start-up cost).
//
// Protocol (prisma/build/cli.js, functions around "can-connect-to-database"): exit code 0 means
// success. On failure the CLI parses STDERR line by line as JSON, skipping the first line, and
// looks for `{"level":"ERROR","target":"schema_engine::logger","fields":{"error_code","message"}}`.
// So we always write one start-up line first, and only JSON lines after it.
import { logLine } from "./errors.mjs";
import { dropDatabase, parseDatabaseUrl, quoteIdent, urlWithDatabase, withAdminClient } from "./pg-adapter.mjs";
import pg from "pg";

/** Map a node-postgres connection error to the native engine's user-facing error. */
export function describeConnectionError(error, info) {
  const at = `${info.host}:${info.port}`;
  switch (error?.code) {
    case "3D000":
      return {
        code: "P1003",
        message: `Database \`${info.database}\` does not exist on the database server at \`${at}\`.`,
      };
    case "28P01":
      return {
        code: "P1000",
        message: `Authentication failed against database server at \`${at}\`, the provided database credentials for \`${info.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${at}\`.`,
      };
    case "28000":
      return { code: "P1010", message: `User \`${info.user}\` was denied access on the database \`${info.database}\`` };
    case "42P04":
      return {
        code: "P1009",
        message: `Database \`${info.database}\` already exists on the database server at \`${at}\``,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
      return {
        code: "P1001",
        message: `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      };
    case "ETIMEDOUT":
      return { code: "P1002", message: `The database server at \`${at}\` was reached but timed out.` };
    default:
      return { code: undefined, message: error?.message || String(error) };
  }
}

async function canConnect(info) {
  const client = new pg.Client({ connectionString: info.connectionString, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/** CREATE DATABASE for the URL's database (+ its `?schema=` if not public, like the native engine). */
export async function createDatabase(url) {
  const info = parseDatabaseUrl(url);
  await withAdminClient(
    { ...info, database: "postgres", connectionString: urlWithDatabase(info.connectionString, "postgres") },
    (c) => c.query(`CREATE DATABASE ${quoteIdent(info.database)}`),
  );
  if (info.schema !== "public") {
    const client = new pg.Client({ connectionString: info.connectionString });
    client.on("error", () => {});
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(info.schema)}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return info.database;
}

async function dropDatabaseOf(url) {
  const info = parseDatabaseUrl(url);
  await withAdminClient(
    { ...info, database: "postgres", connectionString: urlWithDatabase(info.connectionString, "postgres") },
    (c) => dropDatabase(c, info.database),
  );
}

/** @returns {Promise<number>} the exit code */
export async function runCliCommand([command], datasource) {
  process.stderr.write(logLine("INFO", "Starting schema engine CLI (wasm shim)", {}, "schema_engine_cli"));
  const url = datasource?.url;
  let info;
  try {
    if (!url)
      throw Object.assign(new Error("The datasource URL is missing (pass --datasource '{\"url\": …}')."), {
        code: "NO_URL",
      });
    info = parseDatabaseUrl(url);
    switch (command) {
      case "can-connect-to-database":
        await canConnect(info);
        break;
      case "create-database":
        await createDatabase(url);
        break;
      case "drop-database":
        await dropDatabaseOf(url);
        break;
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    const { code, message } = info ? describeConnectionError(error, info) : { code: undefined, message: error.message };
    const fields = { is_panic: false, message, ...(code ? { error_code: code } : {}) };
    process.stderr.write(
      `${JSON.stringify({ timestamp: new Date().toISOString(), level: "ERROR", fields, target: "schema_engine::logger" })}\n`,
    );
    return 1;
  }
}
