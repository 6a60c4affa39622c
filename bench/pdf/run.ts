/**
 * PDF benchmark (not a test): our renderer against the same protocol's HTML preview printed to
 * PDF by a warm Chromium (browser and page already open, as a server would keep them).
 *   npx tsx bench/pdf/run.ts            (the seed and a generated 200-§ protocol)
 *
 * Time: ours and Chromium alternate, one render against one print, in this process, so that the
 * load of a shared machine falls on both alike; medians are compared. Ours runs compiled
 * (bench/pdf/ours.ts bundled by esbuild, which is in node_modules as tsx's compiler), as on a
 * server; Chromium's time includes React's server rendering of the preview (DTO → HTML), as ours
 * includes the layout (DTO → pages).
 * Memory: ours in a child process of its own, peak RSS (getrusage maxRSS).
 * Targets from issue 5: ours ≥ 20× faster than warm Chromium, 200 §§ under 1 s and 200 MB.
 * Tagging (issue 17): ours tagged (PDF/UA) against the same render untagged, alternating, time
 * and bytes. Only that part:  npx tsx bench/pdf/run.ts --tagging
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ProtocolDTO } from "../../src/domain/protocol/protocol.types";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import type { MemoryResult } from "./ours";

const root = path.resolve(import.meta.dirname, "../..");
const VIEW = path.join(root, "src/ui/protocol-view.tsx");
const CHROMIUM = CHROMIUM_PATH;
const CHROME_ARGS = CHROMIUM_ARGS;

type OursModule = typeof import("./ours");

function fail(message: string): never {
  console.error(`bench/pdf: ${message}`);
  process.exit(1);
}

/** ours.ts compiled to one ES module (packages external), or null without esbuild. */
async function bundleOurs(): Promise<string | null> {
  try {
    const esbuild = (await import("esbuild")) as typeof import("esbuild");
    const dir = mkdtempSync(path.join(tmpdir(), "paragraf-bench-"));
    const outfile = path.join(dir, "ours.mjs");
    esbuild.buildSync({
      entryPoints: [path.join(root, "bench/pdf/ours.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outfile,
      logLevel: "error",
    });
    // Packages resolve from the bundle's folder: give it the project's node_modules.
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    return outfile;
  } catch {
    return null;
  }
}

function measureMemory(bundle: string | null, which: string, warm: number): MemoryResult {
  const args = bundle ? [bundle] : ["--import", "tsx", path.join(root, "bench/pdf/ours.ts")];
  const out = execFileSync(process.execPath, [...args, which, String(warm)], { cwd: root, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as MemoryResult;
}

const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm 20mm 20mm; }
  body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #000; }
  h1 { font-size: 17pt; margin: 0 0 8pt; } h2 { font-size: 14pt; margin: 0 0 4pt; } h3 { font-size: 11.5pt; margin: 14pt 0 4pt; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 3pt 4pt; border-bottom: 0.5pt solid #bbb; }
  ul { margin: 4pt 0; padding-left: 16pt; } p { margin: 6pt 0; }
  .paragraph { break-before: page; } .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  a { color: inherit; text-decoration: none; }
`;

type View = (props: { protocol: ProtocolDTO }) => React.ReactElement;

function htmlFor(view: View, protocol: ProtocolDTO): string {
  const body = renderToStaticMarkup(createElement(view, { protocol }));
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Protokoll</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface BenchCase {
  name: string;
  which: string;
  /** Alternations of one print and `oursPerPrint` renders. */
  prints: number;
  oursPerPrint: number;
}

interface Timing {
  ours: number[];
  chromeTotal: number[];
  chromePrint: number[];
  chromePages: number;
}

async function timeCase(c: BenchCase, ours: OursModule, view: View, page: Page): Promise<Timing> {
  const protocol = ours.protocolFor(c.which);
  const print = async () => {
    const t0 = performance.now();
    const html = htmlFor(view, protocol);
    const t1 = performance.now();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    const t2 = performance.now();
    return { total: t2 - t0, print: t2 - t1, pdf };
  };
  // Warm both: code optimised, fonts loaded, browser page used once.
  for (let i = 0; i < 10; i++) await ours.renderProtocolPdf(protocol);
  let last = await print();
  const timing: Timing = { ours: [], chromeTotal: [], chromePrint: [], chromePages: 0 };
  for (let i = 0; i < c.prints; i++) {
    for (let k = 0; k < c.oursPerPrint; k++) {
      const t = performance.now();
      await ours.renderProtocolPdf(protocol);
      timing.ours.push(performance.now() - t);
    }
    last = await print();
    timing.chromeTotal.push(last.total);
    timing.chromePrint.push(last.print);
  }
  if (process.env.BENCH_PDF_OUT)
    writeFileSync(path.join(process.env.BENCH_PDF_OUT, `chromium-${c.which}.pdf`), last.pdf);
  timing.chromePages = (last.pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
  return timing;
}

/** Tagged against untagged renders of one case, alternating; medians and sizes. */
async function taggingCost(c: BenchCase, ours: OursModule) {
  const protocol = ours.protocolFor(c.which);
  for (let i = 0; i < 5; i++) {
    await ours.renderProtocolPdf(protocol);
    await ours.renderUntaggedPdf(protocol);
  }
  const tagged: number[] = [];
  const untagged: number[] = [];
  let taggedBytes = 0;
  let untaggedBytes = 0;
  const rounds = c.which === "seed" ? 30 : 8;
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    taggedBytes = (await ours.renderProtocolPdf(protocol)).length;
    tagged.push(performance.now() - t);
    t = performance.now();
    untaggedBytes = (await ours.renderUntaggedPdf(protocol)).length;
    untagged.push(performance.now() - t);
  }
  const [a, b] = [median(tagged), median(untagged)];
  return {
    case: c.name,
    "tagged ms (p50)": a.toFixed(1),
    "untagged ms (p50)": b.toFixed(1),
    "tagging ms": `${(a - b).toFixed(1)} (${(((a - b) / b) * 100).toFixed(0)} %)`,
    "tagged bytes": taggedBytes,
    "untagged bytes": untaggedBytes,
    "tagging bytes": `${taggedBytes - untaggedBytes} (${(((taggedBytes - untaggedBytes) / untaggedBytes) * 100).toFixed(0)} %)`,
  };
}

const CASES: BenchCase[] = [
  { name: "seed (§§ 59-67)", which: "seed", prints: 15, oursPerPrint: 4 },
  { name: "200 §§", which: "200", prints: 6, oursPerPrint: 3 },
];

async function printTaggingCost(ours: OursModule, runtime: string) {
  const rows = [];
  for (const c of CASES) rows.push(await taggingCost(c, ours));
  console.log(
    `\nThe cost of tagging (PDF/UA structure tree and marked content), ours ${runtime}, tagged vs untagged\n`,
  );
  console.table(rows);
}

async function main() {
  if (process.argv.includes("--tagging")) {
    const bundle = await bundleOurs();
    const ours = (await import(bundle ? pathToFileURL(bundle).href : "./ours")) as OursModule;
    await printTaggingCost(ours, bundle ? "compiled (esbuild bundle)" : "tsx");
    return;
  }
  if (!existsSync(VIEW))
    fail(`the HTML preview ${path.relative(root, VIEW)} does not exist yet; the Chromium side cannot run.`);
  if (!existsSync(CHROMIUM))
    fail(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);

  const cases = CASES;

  const bundle = await bundleOurs();
  const runtime = bundle ? "compiled (esbuild bundle)" : "tsx";
  // Memory first, in child processes, before the browser starts.
  const memory = cases.map((c) => measureMemory(bundle, c.which, 10));

  const ours = (await import(bundle ? pathToFileURL(bundle).href : "./ours")) as OursModule;
  const { ProtocolView } = (await import(VIEW)) as { ProtocolView: View };
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS });
  const timings: Timing[] = [];
  try {
    const page = await browser.newPage();
    for (const c of cases) timings.push(await timeCase(c, ours, ProtocolView, page));
  } finally {
    await browser.close();
  }

  const rows = cases.map((c, i) => {
    const m = memory[i]!;
    const t = timings[i]!;
    const oursMs = median(t.ours);
    const chromeMs = median(t.chromeTotal);
    return {
      case: c.name,
      "ours pages": m.pages,
      "ours ms (warm p50)": oursMs.toFixed(1),
      "ours cold ms": m.coldMs.toFixed(0),
      "ours peak RSS MB (1 render / 11)": `${m.afterFirstRssMB.toFixed(0)} / ${m.peakRssMB.toFixed(0)}`,
      "Chromium pages": t.chromePages,
      "Chromium ms (SSR+load+pdf, p50)": chromeMs.toFixed(0),
      "of which load+pdf": median(t.chromePrint).toFixed(0),
      ratio: `${(chromeMs / oursMs).toFixed(1)}×`,
    };
  });
  console.log(`\nPDF rendering: ours (pdf-lib, ${runtime}) vs a warm Chromium printing the HTML preview (page.pdf)\n`);
  console.table(rows);
  const big = memory[1]!;
  const ratios = timings.map((t) => median(t.chromeTotal) / median(t.ours));
  const bigMs = median(timings[1]!.ours);
  const checks = [
    [
      `ours ≥ 20× faster than warm Chromium (seed ${ratios[0]!.toFixed(1)}×, 200 §§ ${ratios[1]!.toFixed(1)}×)`,
      ratios.every((r) => r >= 20),
    ],
    [
      `200 §§ under 1 s (warm ${bigMs.toFixed(0)} ms, cold ${big.coldMs.toFixed(0)} ms in a fresh process)`,
      big.coldMs < 1000,
    ],
    [
      `200 §§ under 200 MB (peak RSS of the whole process ${big.peakRssMB.toFixed(0)} MB, ${big.restingRssMB.toFixed(0)} MB before rendering)`,
      big.peakRssMB < 200,
    ],
  ] as const;
  for (const [label, ok] of checks) console.log(`${ok ? "met   " : "MISSED"}  ${label}`);
  await printTaggingCost(ours, runtime);
}

await main();
