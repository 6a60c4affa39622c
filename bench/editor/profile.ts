// Where the editor's time goes (issue 16 point 1), for the benchmark's 60-§ protocol: Chromium's
// trace of the page load and of typing into each field (main-thread self time per trace event:
// script, style, layout, paint, parse) and a CPU profile per field (self time per script and
// function; a production build's names are minified, the chunk says which library). Not a test.
//   npx next build && npx tsx bench/editor/profile.ts     (EDITOR_PROFILE_KEYS=20)
import type { CDPSession, Page } from "@playwright/test";
import { PARAGRAPH_COUNT, generatedProtocol } from "./protocol-60";
import { nearParagraphsRendered, openEditorBench, showParagraph } from "./setup";

const KEYS = Number(process.env.EDITOR_PROFILE_KEYS ?? 20);
const TOP = Number(process.env.EDITOR_PROFILE_TOP ?? 18);
// EDITOR_PROFILE_CATEGORIES (comma-separated) widens the trace, e.g. "*,disabled-by-default-v8.gc"
// to see inside the tasks the default categories leave opaque ("RunTask").
const TRACE_CATEGORIES = process.env.EDITOR_PROFILE_CATEGORIES?.split(",") ?? [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "blink.user_timing",
];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

/** Main-thread self time (ms) per event name, from a Chromium trace. */
function traceSummary(buffer: Buffer): {
  byName: [string, number][];
  total: number;
  longTasks: [string, number][];
  /** The long tasks in the order they ran, each with its start (ms from the trace's first main-thread event). */
  timeline: [string, number][];
} {
  const json = JSON.parse(buffer.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(json) ? json : json.traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || e.dur === undefined || !main.has(`${e.pid}:${e.tid}`)) continue;
    const k = `${e.pid}:${e.tid}`;
    (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
  }
  const self = new Map<string, number>();
  let total = 0;
  const longTasks: [string, number][] = [];
  const timeline: [string, number][] = [];
  let first = Infinity;
  for (const list of byThread.values()) for (const e of list) first = Math.min(first, e.ts);
  let current: { ts: number; dur: number; parts: Map<string, number> } | null = null;
  const finish = () => {
    if (current && current.dur >= 8000) {
      const parts = [...current.parts].sort((a, b) => b[1] - a[1]).slice(0, 5);
      const what = parts.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join("; ");
      longTasks.push([what, current.dur / 1000]);
      timeline.push([`at ${((current.ts - first) / 1000).toFixed(0)} ms: ${what}`, current.dur / 1000]);
    }
  };
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string }[] = [];
    const add = (name: string, us: number) => self.set(name, (self.get(name) ?? 0) + us);
    for (const e of list) {
      while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
      const name =
        e.name === "FunctionCall" || e.name === "EvaluateScript"
          ? `${e.name} ${(e.args?.data?.url ?? "").replace(/^.*\//, "")}`
          : e.name;
      if (stack.length) {
        add(stack.at(-1)!.name, -e.dur!);
        current!.parts.set(stack.at(-1)!.name, (current!.parts.get(stack.at(-1)!.name) ?? 0) - e.dur!);
      } else {
        total += e.dur!;
        finish();
        current = { ts: e.ts, dur: e.dur!, parts: new Map() };
      }
      add(name, e.dur!);
      current!.parts.set(name, (current!.parts.get(name) ?? 0) + e.dur!);
      stack.push({ end: e.ts + e.dur!, name });
    }
  }
  finish();
  longTasks.sort((a, b) => b[1] - a[1]);
  return {
    longTasks,
    timeline,
    byName: [...self].map(([n, us]) => [n, us / 1000] as [string, number]).sort((a, b) => b[1] - a[1]),
    total: total / 1000,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/** Self time (ms) per function and per script, from a CPU profile. */
function profileSummary(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = nodes.get(id)!.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    const file = f.url.replace(/^.*\//, "") || "(native)";
    const fn = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byUrl.set(file, (byUrl.get(file) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>) =>
    [...m].map(([k, v]) => [k, v / 1000] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { byFn: sorted(byFn), byUrl: sorted(byUrl) };
}

const print = (title: string, rows: [string, number][], top = TOP) => {
  console.log(`\n${title}`);
  for (const [k, ms] of rows.slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
};

async function typeKeys(page: Page) {
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1200); // the debounced checks and the autosave
}

/** Traces KEYS keys (trace only), then profiles KEYS more (CPU profile only: its overhead shows in a trace). */
async function typeProfiled(page: Page, cdp: CDPSession, name: string, focus: () => Promise<void>) {
  await focus();
  await page.context().browser()!.startTracing(page, { categories: TRACE_CATEGORIES });
  await typeKeys(page);
  const trace = await page.context().browser()!.stopTracing();
  const t = traceSummary(trace);
  print(`=== ${name}: ${KEYS} keys, main-thread self time by trace event (total ${t.total.toFixed(0)} ms)`, t.byName);
  print(`--- ${name}: the longest main-thread tasks (ms: what they hold)`, t.longTasks, 30);
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await typeKeys(page);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const p = profileSummary(profile);
  print(`--- ${name}: CPU profile, self time by script`, p.byUrl, 10);
  print(`--- ${name}: CPU profile, self time by function`, p.byFn);
}

const bench = await openEditorBench();
try {
  // The page's payload.
  await bench.context.request.get(bench.url); // the route warm
  const requested = performance.now();
  const html = await (await bench.context.request.get(bench.url)).body();
  const serverMs = performance.now() - requested;
  const text = html.toString("utf8");
  const flight = [...text.matchAll(/self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)/g)].reduce(
    (n, m) => n + m[1]!.length,
    0,
  );
  const sample = generatedProtocol().paragraphs[29]!.title;
  console.log(
    `HTML of /redigera: ${(html.length / 1024).toFixed(0)} KiB in ${serverMs.toFixed(0)} ms (RSC payload inline ${(flight / 1024).toFixed(0)} KiB); "${sample}" occurs ${text.split(sample).length - 1}×, "att " ${text.split("att ").length - 1}×`,
  );

  // The load: a fresh context, traced from navigation until every § is rendered in full.
  const fresh = await bench.freshContext();
  const warm = await fresh.newPage();
  await warm.goto(bench.url);
  await warm.close();
  const page = await fresh.newPage();
  await bench.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const t0 = Date.now();
  await page.goto(bench.url, { waitUntil: "commit" });
  await page.waitForFunction(
    () => {
      const el = document.getElementById("p1-titel");
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
    },
    undefined,
    { polling: 5 },
  );
  const hydrated = Date.now() - t0;
  await nearParagraphsRendered(page);
  const all = Date.now() - t0;
  const loadTrace = await bench.browser.stopTracing();
  const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  const lt = traceSummary(loadTrace);
  print(
    `=== load: § 1 hydrated after ~${hydrated} ms, the §§ near the screen (of ${PARAGRAPH_COUNT}) rendered after ~${all} ms; ${nodes} elements; main-thread self time by trace event (total ${lt.total.toFixed(0)} ms)`,
    lt.byName,
    30,
  );
  print("--- load: the main-thread tasks of 8 ms or more, in the order they ran (ms: what they hold)", lt.timeline, 60);
  await fresh.close();

  // Typing.
  const typing = await bench.context.newPage();
  await typing.goto(bench.url);
  await nearParagraphsRendered(typing);
  const cdp = await typing.context().newCDPSession(typing);
  await cdp.send("Profiler.enable");
  const mid = Math.ceil(PARAGRAPH_COUNT / 2);
  await typeProfiled(typing, cdp, "header field (Plats)", async () => {
    await typing.locator("#plats").focus();
    await typing.keyboard.press("End");
  });
  await showParagraph(typing, mid);
  await typeProfiled(typing, cdp, `§ ${mid} title`, async () => {
    await typing.locator(`#p${mid}-titel`).focus();
    await typing.keyboard.press("End");
  });
  await typeProfiled(typing, cdp, `§ ${mid} rich text`, async () => {
    await typing.locator(`#p${mid}-avsnitt-0-text`).focus();
    await typing.locator(`.ProseMirror#p${mid}-avsnitt-0-text:focus`).waitFor();
    await typing.keyboard.press("Control+End");
  });
} finally {
  await bench.close();
}
