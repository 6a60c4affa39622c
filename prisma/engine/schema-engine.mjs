#!/usr/bin/env node
// A drop-in replacement for Prisma's native `schema-engine` binary, for machines where the CLI
// cannot download that binary (it is not on npm; Prisma fetches it from its own server at every
// command start). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here only when no native
// engine is available; see prisma/engine/README.md.
//
// The Prisma CLI (prisma/build/cli.js, class SchemaEngineCLI and the can-connect helpers) runs
// the engine binary in three ways, all reproduced here:
//
//   1. `<bin> --version`: printed by `prisma -v`.
//   2. `<bin> --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database`:
//      the CLI reads STDERR as JSON log lines, IGNORES THE FIRST LINE (the native engine's
//      start-up log), and looks for a line with level ERROR, target "schema_engine::logger" and
//      fields.error_code / fields.message. `P1003` (database does not exist) makes `migrate dev`,
//      `migrate deploy`, `db push` … call `create-database` next. These need no wasm: plain
//      node-postgres does them (./cli-commands.mjs).
//   3. Server mode: `<bin> [--datamodels <file>]… [--datasource '{"url","shadowDatabaseUrl"}']`,
//      then JSON-RPC 2.0, one message per line, requests on stdin, responses on stdout. We
//      forward each request to the wasm SchemaEngine (./wasm-engine.mjs) that talks to
//      PostgreSQL through @prisma/adapter-pg (./pg-adapter.mjs).
//
// Anything written to stdout in server mode must be JSON-RPC, so console output is moved to
// stderr, where the CLI expects JSON log lines (and ignores lines it cannot parse).
import readline from "node:readline";
import { format } from "node:util";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { runCliCommand } from "./cli-commands.mjs";
import { logLine, toRpcError } from "./errors.mjs";
import { createPgMigrationAdapterFactory } from "./pg-adapter.mjs";
import { loadWasmSchemaEngine, panics } from "./wasm-engine.mjs";

for (const method of ["log", "info", "debug", "warn", "error"]) {
  console[method] = (...args) => process.stderr.write(logLine("INFO", format(...args)));
}

/** Methods after which the wasm's devDiagnostic cache cannot be trusted (pitfall 4). */
const CHANGES_DATABASE = new Set([
  "applyMigrations",
  "dbExecute",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--datamodels" || arg === "-d") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i++; // not used by the wasm engine
    else if (arg === "cli") {
      args.cli = argv.slice(i + 1);
      break;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(
      "schema-engine (wasm shim): Prisma schema engine protocol over @prisma/schema-engine-wasm + @prisma/adapter-pg\n" +
        "usage: schema-engine [--datamodels FILE]... [--datasource JSON] [cli can-connect-to-database|create-database|drop-database]\n",
    );
    return 0;
  }
  if (args.version) {
    const { version } = await loadWasmSchemaEngine();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    return 0;
  }
  if (args.cli) return runCliCommand(args.cli, args.datasource);
  return serve(args);
}

/** Server mode: JSON-RPC over stdin/stdout, forwarded to one wasm SchemaEngine. */
async function serve({ datamodels, datasource }) {
  const url = datasource?.url;
  const log = (level, message) => process.stderr.write(logLine(level, message));
  const factory = url
    ? createPgMigrationAdapterFactory({ url, shadowDatabaseUrl: datasource.shadowDatabaseUrl, log })
    : undefined;
  const state = { engine: undefined, lastDevDiagnosticKey: undefined, nextOutgoingId: 1, outgoing: new Map() };

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  async function getEngine() {
    if (state.engine) return state.engine;
    const { SchemaEngine } = await loadWasmSchemaEngine();
    const { readFile } = await import("node:fs/promises");
    // `datamodels: []` makes the wasm constructor panic; "no schema" must be `undefined`.
    const files = await Promise.all(datamodels.map(async (file) => [file, await readFile(file, "utf8")]));
    const adapterFactory = factory
      ? bindMigrationAwareSqlAdapterFactory(factory)
      : (await import("./offline-adapter.mjs")).offlineAdapterFactory();
    // SchemaEngine.new connects to the main database right away (it probes the server version).
    state.engine = await SchemaEngine.new(
      { datamodels: files.length > 0 ? files : undefined },
      (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`),
      adapterFactory,
    );
    return state.engine;
  }

  /** Ask the CLI to print something (the native engine's `print` request), wait for its answer. */
  function requestPrint(content) {
    const id = state.nextOutgoingId++;
    return new Promise((resolve) => {
      state.outgoing.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  /**
   * Pitfall 4: the wasm engine only obtains its shadow database through the cache that
   * devDiagnostic fills; evaluateDataLoss and createMigration called on their own fail with
   * "PostgreSQL shadow DB must be provided through an external factory". `migrate dev` calls
   * devDiagnostic first, but then applyMigrations, and once that has applied a pending migration
   * the cache is gone again (seen with `migrate dev` after a hand-written migration). So we
   * (re)run devDiagnostic unless the last one saw the same migrations and filters and nothing
   * has changed the database since (see CHANGES_DATABASE).
   */
  async function ensureDevDiagnostic(engine, { migrationsList, filters }) {
    const key = JSON.stringify({ migrationsList, filters });
    if (state.lastDevDiagnosticKey === key) return;
    await engine.devDiagnostic({ migrationsList, filters });
    state.lastDevDiagnosticKey = key;
  }

  async function dispatch(method, params) {
    if (CHANGES_DATABASE.has(method)) state.lastDevDiagnosticKey = undefined;
    switch (method) {
      case "createDatabase": {
        // Not in the wasm API; same as `cli create-database`.
        const { createDatabase } = await import("./cli-commands.mjs");
        const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : url;
        return { databaseName: await createDatabase(target) };
      }
      case "getDatabaseVersion":
        return (await getEngine()).version(params ?? undefined);
      case "debugPanic":
        return (await getEngine()).debugPanic();
      case "devDiagnostic": {
        const engine = await getEngine();
        const result = await engine.devDiagnostic(params);
        state.lastDevDiagnosticKey = JSON.stringify({ migrationsList: params.migrationsList, filters: params.filters });
        return result;
      }
      case "evaluateDataLoss":
      case "createMigration": {
        const engine = await getEngine();
        await ensureDevDiagnostic(engine, params);
        return engine[method](params);
      }
      case "diff": {
        // The native engine does not return the diff in the response: it sends it to the CLI
        // as a `print` request (DiffResult.stdout is documented as "None in schema-engine-cli"),
        // and the CLI writes it to stdout (or to --output). Do the same.
        const result = await (await getEngine()).diff(params);
        if (result.stdout != null) await requestPrint(result.stdout);
        return { exitCode: result.exitCode, stdout: null };
      }
      case "applyMigrations":
      case "dbExecute":
      case "diagnoseMigrationHistory":
      case "ensureConnectionValidity":
      case "introspect":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush":
        return (await getEngine())[method](params);
      default: {
        const error = new Error(`The wasm schema engine shim does not implement the "${method}" method.`);
        error.rpcCode = -32601;
        throw error;
      }
    }
  }

  let exitCode = 0;
  let queue = Promise.resolve();
  const handle = async (request) => {
    try {
      const result = await dispatch(request.method, request.params);
      // A JSON-RPC response needs a result member; the CLI rejects a response without one.
      send({ jsonrpc: "2.0", id: request.id, result: result === undefined ? {} : result });
    } catch (error) {
      const panicMessage = panics.take();
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error, panicMessage, request.method) });
      if (panicMessage || error instanceof WebAssembly.RuntimeError) {
        // A Rust panic aborts inside the wasm instance and leaves it unusable: stop, with the
        // exit code the native engine uses for panics.
        exitCode = 101;
        rl.close();
      }
    }
  };

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      log("ERROR", `Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
      return;
    }
    if (message.method === undefined) {
      // A response to one of our own requests (print).
      state.outgoing.get(message.id)?.(message);
      state.outgoing.delete(message.id);
      return;
    }
    // One request at a time, like the CLI uses it: the wasm engine is not re-entrant.
    queue = queue.then(() => (exitCode === 0 ? handle(message) : undefined));
  });

  const shutdown = async () => {
    await factory?.cleanup();
  };
  // The CLI stops the engine with stdin.end() immediately followed by SIGTERM (no grace period
  // on Linux). Finish the request in flight and drop leftover temporary shadow databases first.
  process.once("SIGTERM", () => {
    queue.then(shutdown).finally(() => process.exit(exitCode));
  });
  await new Promise((resolve) => rl.once("close", resolve));
  await queue;
  await shutdown();
  return exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
    // Pools, sockets and the wasm's timers may keep the loop alive; all work is done here.
    setImmediate(() => process.exit(code));
  },
  (error) => {
    process.stderr.write(logLine("ERROR", error?.stack || String(error)));
    process.exit(1);
  },
);
