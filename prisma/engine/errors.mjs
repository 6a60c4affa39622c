// Log lines and errors in the shapes the Prisma CLI expects from its native schema engine.

/**
 * One stderr log line as the native engine writes it (tracing JSON). The CLI parses every
 * stderr line as JSON: in server mode it keeps `fields.message` for error reports and treats
 * level ERROR as the last error; in `cli …` mode it throws on a line that is not JSON.
 */
export function logLine(level, message, extraFields = {}, target = "schema_engine_wasm_shim") {
  return `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extraFields }, target })}\n`;
}

/**
 * The wasm engine rejects with a plain `Error(message)`: the Prisma error code (P1001, P3018, …)
 * that the native engine sends as `error.data.error_code` is lost at the wasm boundary. The CLI
 * only uses it to prefix the message it shows, so we put back the codes of the errors people
 * actually meet, recognised by their (stable, user-facing) message text.
 */
const KNOWN_ERRORS = [
  [/^Database `[^`]*` does not exist/, "P1003"],
  [/^Can't reach database server/, "P1001"],
  [/^Authentication failed against database server/, "P1000"],
  [/^User `[^`]*` was denied access/, "P1010"],
  [/^The database schema is not empty/, "P3005"],
  [/failed to apply cleanly to the shadow database/, "P3006"],
  [/^migrate found failed migrations in the target database/, "P3009"],
  [/^A migration failed to apply/, "P3018"],
  [/^The migration `[^`]*` could not be found/, "P3017"],
  [/^Migration `[^`]*` is already recorded as applied/, "P3008"],
];

export function errorCodeFor(message) {
  return KNOWN_ERRORS.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * When a migration script fails, the native engine answers with P3018 "A migration failed to
 * apply…" naming the migration; the wasm only gives the database error, but its span trace
 * still names the migration (`apply_script with migration_name="…"`). Rebuild the native text.
 */
function describeFailedMigration(method, raw, message) {
  if (method !== "applyMigrations") return undefined;
  const name = /apply_script\s+with migration_name="([^"]+)"/.exec(raw)?.[1];
  if (!name) return undefined;
  const databaseError = message
    .replace(/^external connector error\n/, "")
    .replace(/^Error querying the database: /, "");
  return (
    "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
    "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
    `Migration name: ${name}\n\nDatabase error:\n${databaseError}`
  );
}

/** A JSON-RPC error object like the native engine's (`data` is what the CLI reads). */
export function toRpcError(error, panicMessage, method) {
  const raw = error instanceof Error ? error.message : String(error);
  // The wasm appends a Rust span trace ("   0: schema_engine_wasm::…  at …rs:123") to messages;
  // it is noise for users and the native engine does not send it.
  const stripped = stripSpanTrace(raw);
  const message = describeFailedMigration(method, raw, stripped) ?? stripped;
  if (panicMessage || error instanceof WebAssembly.RuntimeError) {
    // The CLI shows `error.data.error.message ?? error.message` for panics.
    const text = panicMessage || message;
    return {
      code: 4466,
      message: text,
      data: { is_panic: true, message: text, error: { message: text }, backtrace: error?.stack ?? null },
    };
  }
  if (error?.rpcCode) return { code: error.rpcCode, message, data: { is_panic: false, message, meta: {} } };
  const errorCode = errorCodeFor(message);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: {}, ...(errorCode ? { error_code: errorCode } : {}) },
  };
}

export function stripSpanTrace(message) {
  return message.replace(/\n\s+0: [a-z_]+::[\s\S]*$/, "").trimEnd();
}
