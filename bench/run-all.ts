// `npm run bench`: every benchmark in one run (each in its own process, so memory figures and
// servers do not mix), printed one after the other. Build first: npx next build.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const benches = [
  ["PDF renderer vs Chromium", "bench/pdf/run.ts"],
  ["Drafting (save a §, 20 concurrent editors)", "bench/drafting/run.ts"],
  ["Editor (keystrokes in a 60-§ protocol)", "bench/editor/run.ts"],
  ["Archive search", "bench/archive/run.ts"],
  // Generates 1,000,000 §§ into BENCH_SEARCH_DIR (default /work/bench-data/search-1m) on its first run.
  ["National search (1,000,000 §§, 300 organisations)", "bench/search-national/run.ts"],
  ["Public pages", "bench/public/run.ts"],
  ["Public page weight (HTML and JS a browser gets)", "bench/public/weight.ts"],
  ["Load (200 req/s, 60 s)", "bench/load/run.ts"],
  ["Heavy work (6 draft renders, anslag.pdf)", "bench/heavy/run.ts"],
  ["E-arkiv package (seed, 200 §§)", "bench/earkiv.ts"],
] as const;

const only = process.argv.slice(2);
let failed = 0;
for (const [name, file] of benches) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  console.log(`\n##### ${name} (${file})`);
  const t0 = performance.now();
  const r = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [file], {
    cwd: ROOT,
    stdio: "inherit",
    env: process.env,
  });
  console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s${r.status === 0 ? "" : `, exit ${r.status}`})`);
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
