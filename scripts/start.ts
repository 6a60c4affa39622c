// `npm start`: one command from a fresh clone to a running Paragraf at http://localhost:3000.
// Without DATABASE_URL it runs the embedded PostgreSQL (data kept in .data/postgres), applies
// migrations, loads the demo data on first start, builds when the sources changed, and serves.
// Ctrl-C stops the app and then the database cleanly.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { checkAuthSecret, ConfigError } from "../src/server/config";
import { parseTrustProxy, TrustProxyError } from "../src/server/trust-proxy.mjs";
import { isPortInUse } from "./lib/embedded-db.mjs";
import { clearRenderedCache, DATA_DIR, fail, loadDotEnv, migrate, resolveDatabase, ROOT, run } from "./lib/env";

loadDotEnv();

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT måste vara ett heltal mellan 1 och 65535 (nu: ${process.env.PORT}).`);
if (await isPortInUse(port))
  fail(
    `Port ${port} används redan av ett annat program: stoppa det eller välj en annan port, t.ex. PORT=3001 npm start.`,
  );

// A local run needs a session secret; generate one once and keep it beside the data.
if (!process.env.AUTH_SECRET) {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
try {
  checkAuthSecret({ ...process.env, NODE_ENV: "production" });
} catch (e) {
  if (e instanceof ConfigError) fail(e.message);
  throw e;
}
try {
  parseTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  if (e instanceof TrustProxyError) fail(e.message);
  throw e;
}
process.env.AUTH_TRUST_HOST ??= "true";
if (process.env.PARAGRAF_TEST_CLOCK === "1") {
  console.warn(
    "Obs: PARAGRAF_TEST_CLOCK=1 – vem som helst kan flytta klockan (POST /api/testklocka) och därmed anslagstavlan. Bara för tester, aldrig i drift.",
  );
}

const t0 = performance.now();
const db = await resolveDatabase();
console.log(
  db.embedded
    ? `Inbyggd PostgreSQL igång (${db.url.replace(/:[^:@/]+@/, ":***@")}).`
    : "Använder databasen i DATABASE_URL.",
);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await db.stop();
  process.exit(code);
}

try {
  await migrate();
  // Seed and build in-process helpers run through tsx like this script.
  const seedCode = await run("tsx", ["prisma/seed.ts"]);
  if (seedCode !== 0) fail("Demodata kunde inte laddas (se utskriften ovan).");
  if (process.env.PARAGRAF_SKIP_BUILD !== "1" && (await needsBuild())) {
    console.log("Bygger appen (next build)…");
    const code = await run("next", ["build"]);
    if (code !== 0) fail("Bygget misslyckades (se utskriften ovan).");
  }
} catch (e) {
  await db.stop();
  throw e;
}

clearRenderedCache();
console.log(`Klar för start efter ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
// The app gets its own database role only: the owner's login stays with migrate and restore.
const appEnv = { ...process.env };
delete appEnv.DATABASE_OWNER_URL;
// scripts/serve.mjs is `next start` plus a client address taken from the socket (or a proxy in
// TRUST_PROXY), never from headers a client sent.
const next = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "--port", String(port)], {
  cwd: ROOT,
  env: { ...appEnv, NODE_ENV: "production" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    next.kill(signal);
  });
}
next.on("exit", (code) => void shutdown(code ?? 0));

/** Build when there is no build yet or any source file is newer than it. */
async function needsBuild(): Promise<boolean> {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const newer = async (dir: string): Promise<boolean> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (await newer(full)) return true;
      } else if (statSync(full).mtimeMs > builtAt) return true;
    }
    return false;
  };
  const files = ["package-lock.json", "next.config.mjs", "prisma/schema.prisma"].map((f) => path.join(ROOT, f));
  return (
    files.some((f) => existsSync(f) && statSync(f).mtimeMs > builtAt) ||
    (await newer(path.join(ROOT, "src"))) ||
    (await newer(path.join(ROOT, "public")))
  );
}
