// `npm test`: every check and test suite in one run, ending with one line "N passed, N failed"
// summed over all suites (the line CI reads). Steps: typecheck, lint, unit and integration tests
// (vitest; integration against a real PostgreSQL), next build, e2e in Chromium (Playwright).
// Every step runs even when an earlier one failed, so one run shows everything that is wrong.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

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

function exec(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", cmd), args, {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: "0", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: "inherit",
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(name: string, fn: () => Promise<Omit<Tally, "name" | "seconds">>) {
  if (only.size > 0 && !only.has(name)) return;
  console.log(`\n=== ${name} ===`);
  const t0 = performance.now();
  const result = await fn();
  tallies.push({ name, ...result, seconds: (performance.now() - t0) / 1000 });
}

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

for (const project of ["unit", "integration"] as const) {
  await step(project, async () => {
    const out = path.join(tmp, `vitest-${project}.json`);
    const code = await exec("vitest", [
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${out}`,
    ]);
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
  });
}

let built = false;
await step("build", async () => {
  const r = await single("next", ["build"]);
  built = r.failed === 0;
  return r;
});

await step("e2e", async () => {
  const out = path.join(tmp, "playwright.json");
  const code = await exec("playwright", ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    PARAGRAF_SKIP_BUILD: built ? "1" : "0",
    E2E_DATA_DIR: path.join(tmp, "e2e-data"),
  });
  const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const extra = code !== 0 && r.stats.unexpected === 0 ? 1 : 0;
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + extra, skipped: r.stats.skipped };
});

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
