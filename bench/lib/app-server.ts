// For benchmarks: an embedded PostgreSQL with the demo data (optionally justerat) and the built
// app served as `npm start` serves it (scripts/serve.mjs) on a free loopback port. Requires a build (`npx next build`).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyAppPrivileges, createRoleDatabase, roleOf } from "../../scripts/lib/db-roles";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";
import { createPrismaClient } from "../../src/server/db";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { justeraDemoMeeting } from "../../prisma/seed/justera-demo";
import { loadSeed } from "../../prisma/seed/load-seed";
import { clearRenderedCache } from "../../scripts/lib/env";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export async function startBenchApp(options: { justera: boolean }) {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("Bygg appen först: npx next build");
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-bench-app-"));
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
  // As in production: migrate as the owner, serve as the app role (the server refuses a superuser).
  const { url, ownerUrl } = await createRoleDatabase(pg.urlFor("postgres"), "bench");
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: ownerUrl },
    stdio: "ignore",
  });
  await applyAppPrivileges(ownerUrl, roleOf(url));
  const db = createPrismaClient(url);
  await loadSeed(db, itsamSeed);
  if (options.justera) await justeraDemoMeeting(db);
  clearRenderedCache(ROOT);
  const port = await findFreePort();
  // The server `npm start` runs (Next.js behind scripts/serve.mjs), so figures include its cost.
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "scripts/serve.mjs"), "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/verifiera`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    base,
    db,
    /** The server process (for CPU figures). */
    pid: server.pid!,
    async stop() {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      await db.$disconnect();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
