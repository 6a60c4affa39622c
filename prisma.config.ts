// Prisma 7 configuration (read by every `prisma …` command before anything else).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, env } from "prisma/config";

const projectDir = path.dirname(fileURLToPath(import.meta.url));

// Prisma 7 no longer reads .env by itself. Variables already set in the environment win.
try {
  process.loadEnvFile(path.join(projectDir, ".env"));
} catch {
  // No .env file: use the environment as it is.
}

// ---------------------------------------------------------------------------------------------
// Schema engine
//
// Every Prisma CLI command first makes sure the native `schema-engine` binary exists and
// otherwise downloads it from binaries.prisma.sh (it is not on npm). Where that server is not
// reachable, we point PRISMA_SCHEMA_ENGINE_BINARY at prisma/engine/schema-engine.mjs, which
// speaks the engine's protocol and runs Prisma's WebAssembly schema engine over
// @prisma/adapter-pg (see prisma/engine/README.md). The config is loaded before the CLI resolves
// the engine path, so setting the variable here works for every command.
//
// Prisma's own engine is always preferred: the shim is only used when
//   - PRISMA_SCHEMA_ENGINE_BINARY (or the deprecated PRISMA_MIGRATION_ENGINE_BINARY) is not set,
//   - no downloaded native engine is on disk (node_modules/@prisma/engines or Prisma's cache),
//   - and the download server cannot be reached (so a first run with internet downloads it).
// PARAGRAF_SCHEMA_ENGINE=wasm forces the shim, PARAGRAF_SCHEMA_ENGINE=native never uses it.
// ---------------------------------------------------------------------------------------------

const shimPath = path.join(projectDir, "prisma", "engine", "schema-engine.mjs");

function nativeSchemaEngineOnDisk(): boolean {
  try {
    const fromPrisma = createRequire(createRequire(import.meta.url).resolve("prisma/package.json"));
    const enginesDir = path.dirname(fromPrisma.resolve("@prisma/engines/package.json"));
    // The CLI keeps the engine next to @prisma/engines as schema-engine-<binaryTarget>.
    const isEngine = (name: string) => /^schema-engine-[a-z0-9.-]+$/.test(name) && !/\.(sha256|gz|tmp)$/.test(name);
    if (readdirSync(enginesDir).some(isEngine)) return true;
    // …or copies it there from its download cache, <cache>/prisma/master/<enginesVersion>/<target>/
    // schema-engine, but only with its .sha256 next to it (else it downloads again).
    const fromEngines = createRequire(path.join(enginesDir, "package.json"));
    const versionFile = fromEngines.resolve("@prisma/engines-version/package.json");
    const enginesVersion = JSON.parse(readFileSync(versionFile, "utf8")).prisma.enginesVersion as string;
    const cacheRoot = process.env.XDG_CACHE_HOME
      ? path.join(process.env.XDG_CACHE_HOME, "prisma")
      : path.join(os.homedir(), ".cache", "prisma");
    const versionDir = path.join(cacheRoot, "master", enginesVersion);
    const cached = (target: string) =>
      existsSync(path.join(versionDir, target, "schema-engine")) &&
      (existsSync(path.join(versionDir, target, "schema-engine.sha256")) ||
        !!process.env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING);
    return existsSync(versionDir) && readdirSync(versionDir).some(cached);
  } catch {
    return false;
  }
}

/** Can we open a TCP connection to Prisma's engine download server (or its configured mirror)? */
function engineDownloadServerReachable(timeoutMs = 1500): Promise<boolean> {
  const mirror =
    process.env.PRISMA_BINARIES_MIRROR || process.env.PRISMA_ENGINES_MIRROR || "https://binaries.prisma.sh";
  let server: URL;
  try {
    server = new URL(mirror);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(server.port || (server.protocol === "http:" ? 80 : 443));
  return new Promise((resolve) => {
    const socket = net.connect({ host: server.hostname, port });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function shouldUseWasmSchemaEngine(): Promise<boolean> {
  const choice = process.env.PARAGRAF_SCHEMA_ENGINE;
  if (choice === "native") return false;
  if (choice === "wasm") return true;
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.env.PRISMA_MIGRATION_ENGINE_BINARY) return false;
  if (nativeSchemaEngineOnDisk()) return false;
  return !(await engineDownloadServerReachable());
}

if (await shouldUseWasmSchemaEngine()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = shimPath;
}

// ---------------------------------------------------------------------------------------------

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  // Only commands that talk to the database need a url; Prisma reports a clear "datasource.url
  // is required" error for those when DATABASE_URL is missing, while `prisma generate`,
  // `validate` and `format` work without one (env() would throw for every command).
  datasource: {
    url: process.env.DATABASE_URL ? env("DATABASE_URL") : undefined,
    // Optional: a dedicated database for `migrate dev`'s shadow database (otherwise a temporary
    // one is created and dropped on the same server).
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
