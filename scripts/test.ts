// `npm test`: every check and test suite in one run, ending with one line "N passed, N failed"
// summed over all suites (the line CI reads). Steps: typecheck, lint, unit and integration tests
// (vitest; integration against a real PostgreSQL), next build, then the integration tests and e2e in
// Chromium (Playwright) side by side.
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(import.meta.dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-test-"));
const only = new Set(process.argv.slice(2)); // e.g. `npm test -- unit e2e`

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}
const tallies: Tally[] = [];

/** Runs a tool from node_modules; with `prefix` (a step running beside another) each output line carries it. */
function exec(cmd: string, args: string[], env: Record<string, string> = {}, prefix?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", cmd), args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: "0", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: prefix ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream! }).on("line", (line) => console.log(`[${prefix}] ${line}`));
      }
    }
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

type Step = [name: string, fn: (prefix?: string) => Promise<Omit<Tally, "name" | "seconds">>];

async function step(name: string, fn: Step[1], concurrent = false) {
  if (only.size > 0 && !only.has(name)) return;
  console.log(`\n=== ${name} ===`);
  const t0 = performance.now();
  const result = await fn(concurrent ? name : undefined);
  tallies.push({ name, ...result, seconds: (performance.now() - t0) / 1000 });
}

/**
 * Steps at the same time, their output prefixed. The integration tests (two vitest workers and
 * their PostgreSQL, often waiting on the database) and the e2e tests (one browser against one
 * app) each leave much of the two cores idle: side by side the run takes about the longer of them.
 */
const together = (...steps: Step[]) => Promise.all(steps.map(([name, fn]) => step(name, fn, true)));

const single = async (cmd: string, args: string[]) => {
  const ok = (await exec(cmd, args)) === 0;
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
};

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

// Route types that an earlier `next build` generated may describe files that no longer exist.
rmSync(path.join(ROOT, ".next", "types"), { recursive: true, force: true });
rmSync(path.join(ROOT, ".next", "dev", "types"), { recursive: true, force: true });
await step("typecheck", () => single("tsc", ["--noEmit", "-p", "."]));
await step("lint", async () => {
  // ESLint (import directions, one clock, max-len) and the formatter's check, as `npm run lint`.
  const eslint = await single("eslint", ["."]);
  const prettier = await single("prettier", ["--check", "."]);
  const failed = eslint.failed + prettier.failed;
  return { passed: failed === 0 ? 1 : 0, failed: failed > 0 ? 1 : 0, skipped: 0 };
});

const vitest = (project: "unit" | "integration") => async (prefix?: string) => {
  const out = path.join(tmp, `vitest-${project}.json`);
  const code = await exec(
    "vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    {},
    prefix,
  );
  const r = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  // A crash outside any test (import error, global setup) still fails the step.
  const extra = code !== 0 && r.numFailedTests === 0 ? 1 : 0;
  return { passed: r.numPassedTests, failed: r.numFailedTests + extra, skipped: r.numPendingTests + r.numTodoTests };
};
await step("unit", vitest("unit"));

let built = false;
await step("build", async () => {
  const r = await single("next", ["build"]);
  built = r.failed === 0;
  return r;
});

const e2e = async (prefix?: string) => {
  const out = path.join(tmp, "playwright.json");
  const code = await exec(
    "playwright",
    ["test", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      PARAGRAF_SKIP_BUILD: built ? "1" : "0",
      E2E_DATA_DIR: path.join(tmp, "e2e-data"),
    },
    prefix,
  );
  const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const extra = code !== 0 && r.stats.unexpected === 0 ? 1 : 0;
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + extra, skipped: r.stats.skipped };
};
await together(["integration", vitest("integration")], ["e2e", e2e]);

rmSync(tmp, { recursive: true, force: true });

console.log("\n=== Summary ===");
for (const t of tallies) {
  console.log(
    `${t.name.padEnd(12)} ${String(t.passed).padStart(4)} passed ${String(t.failed).padStart(3)} failed ${String(t.skipped).padStart(3)} skipped  ${t.seconds.toFixed(1)} s`,
  );
}
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
const skipped = tallies.reduce((n, t) => n + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
