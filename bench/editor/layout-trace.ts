// What a keystroke lays out, restyles and paints in the editor of the 60-§ protocol (issue 16
// point 1): per field, Chromium's trace of EDITOR_TRACE_KEYS keys with invalidation tracking,
// summarised as the layouts (objects dirty / total, how many roots), the style recalculations
// (elements), the paints (their rectangles), and which nodes were invalidated and why. Not a test.
//   npx next build && npx tsx bench/editor/layout-trace.ts     (EDITOR_TRACE_KEYS=10, EDITOR_TRACE_WIDTH=1280)
import type { Page } from "@playwright/test";
import { PARAGRAPH_COUNT } from "./protocol-60";
import { nearParagraphsRendered, openEditorBench, showParagraph } from "./setup";

const KEYS = Number(process.env.EDITOR_TRACE_KEYS ?? 10);
const WIDTH = Number(process.env.EDITOR_TRACE_WIDTH ?? 1280);
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.invalidationTracking",
  "blink",
  "toplevel",
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    elementCount?: number;
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    endData?: { layoutRoots?: unknown[] };
    data?: { nodeName?: string; reason?: string; clip?: number[]; invalidationSet?: unknown };
  };
}

const count = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const top = (m: Map<string, number>, n = 12) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${String(Math.round(v)).padStart(6)}  ${k}`)
    .join("\n");

function summarise(name: string, buffer: Buffer) {
  const json = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(json) ? json : json.traceEvents;
  const main = new Set(
    events
      .filter(
        (e) => e.ph === "M" && e.name === "thread_name" && (e.args as { name?: string })?.name === "CrRendererMain",
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`));
  const layouts = onMain.filter((e) => e.name === "Layout" && e.ph === "X");
  const styles = onMain.filter((e) => e.name === "UpdateLayoutTree" && e.ph === "X");
  const paints = onMain.filter((e) => e.name === "Paint" && e.ph === "X");
  const invalidations = new Map<string, number>();
  for (const e of onMain)
    if (e.name.endsWith("InvalidationTracking"))
      count(invalidations, `${e.name}: ${e.args?.data?.nodeName ?? "?"} (${e.args?.data?.reason ?? ""})`);
  const byDuration = new Map<string, number>();
  for (const e of onMain) if (e.ph === "X" && e.dur) count(byDuration, e.name, e.dur / 1000);
  console.log(`\n=== ${name}: ${KEYS} keys`);
  console.log(
    `  layouts: ${layouts.length}, ${(layouts.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms; dirty/total objects: ${layouts
      .map(
        (e) =>
          `${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects}${e.args?.beginData?.partialLayout ? "p" : ""}`,
      )
      .join(" ")}`,
  );
  console.log(
    `  style recalcs: ${styles.length}, ${(styles.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms; elements: ${styles.map((e) => e.args?.elementCount ?? "?").join(" ")}`,
  );
  const areas = new Map<string, number>();
  for (const p of paints) {
    const c = p.args?.data?.clip;
    if (c && c.length >= 8) count(areas, `${Math.round(c[2]! - c[0]!)}×${Math.round(c[5]! - c[1]!)}`);
  }
  console.log(
    `  paints: ${paints.length}, ${(paints.reduce((n, e) => n + (e.dur ?? 0), 0) / 1000).toFixed(1)} ms; rectangles:\n${top(areas, 8)}`,
  );
  console.log(`  invalidations (count):\n${top(invalidations, 20)}`);
  console.log(`  main-thread time by event, inclusive (ms):\n${top(byDuration, 25)}`);
}

async function traced(page: Page, name: string, focus: () => Promise<void>) {
  await focus();
  await page.waitForTimeout(500);
  await page.context().browser()!.startTracing(page, { categories: CATEGORIES });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(100);
  }
  const trace = await page.context().browser()!.stopTracing();
  summarise(name, trace);
  await page.waitForTimeout(1500); // the debounced checks and the autosave, untraced
}

const bench = await openEditorBench();
try {
  const page = await bench.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 900 });
  await page.goto(bench.url);
  await nearParagraphsRendered(page);
  const mid = Math.ceil(PARAGRAPH_COUNT / 2);
  await traced(page, "header field (Plats)", async () => {
    await page.locator("#plats").focus();
    await page.keyboard.press("End");
  });
  await showParagraph(page, mid);
  await traced(page, `§ ${mid} title`, async () => {
    await page.locator(`#p${mid}-titel`).focus();
    await page.keyboard.press("End");
  });
  await traced(page, `§ ${mid} rich text`, async () => {
    await page.locator(`#p${mid}-avsnitt-0-text`).focus();
    await page.locator(`.ProseMirror#p${mid}-avsnitt-0-text:focus`).waitFor();
    await page.keyboard.press("Control+End");
  });
} finally {
  await bench.close();
}
