// Prometheus metrics (prom-client), served at GET /api/metrics (src/app/api/metrics/route.ts, a
// bearer token from PARAGRAF_METRICS_TOKEN). One registry per process, kept on globalThis: the
// HTTP server (scripts/serve.mjs) and the PDF pool (src/pdf/render-pool.ts) cannot import this
// file (plain JavaScript; a lower layer), so they call observers this file installs on globalThis.
//
//   paragraf_http_requests_total{method,route,status}       every response (scripts/serve.mjs)
//   paragraf_http_request_duration_seconds{method,route}    its duration
//   paragraf_action_duration_seconds{action,outcome}        every server action (server/action.ts,
//                                                           through server/observe.ts)
//   paragraf_pdf_render_duration_seconds{kind}              every PDF render (src/pdf/render-pool.ts)
//   paragraf_job_queue_size{queue}                          jobs waiting per queue (pg-boss, at scrape)
//   paragraf_mail_outbox_unsent                             outbox rows not yet sent (at scrape)
//   + prom-client's default process metrics (paragraf_process_*, paragraf_nodejs_*)
//
// Labels are bounded: a route is the app route's pattern ("/moten/[slug]/redigera") or "other",
// never the path a client typed; an action is its name in the permission table.
import { readFileSync } from "node:fs";
import path from "node:path";
import client from "prom-client";
import { onActionCall } from "./observe";

const KEY = Symbol.for("paragraf.metrics");
const HTTP_OBSERVER = Symbol.for("paragraf.http.observe");
const PDF_OBSERVER = Symbol.for("paragraf.pdf.observe");

export interface Metrics {
  registry: client.Registry;
  httpRequests: client.Counter<"method" | "route" | "status">;
  httpDuration: client.Histogram<"method" | "route">;
  actionDuration: client.Histogram<"action" | "outcome">;
  pdfRender: client.Histogram<"kind">;
  queueSize: client.Gauge<"queue">;
  outboxUnsent: client.Gauge;
}

type MetricsGlobal = typeof globalThis & {
  [KEY]?: Metrics;
  [HTTP_OBSERVER]?: (r: { method: string; path: string; status: number; seconds: number }) => void;
  [PDF_OBSERVER]?: (kind: string, seconds: number) => void;
};

/**
 * Collectors run at scrape time (queue depth), set by the job runner. On globalThis: Next.js
 * loads this file once for src/instrumentation.ts and again for the route that scrapes.
 */
type Collector = () => Promise<void>;
const COLLECTORS = Symbol.for("paragraf.metrics.collectors");

function collectors(): Set<Collector> {
  const g = globalThis as typeof globalThis & { [COLLECTORS]?: Set<Collector> };
  return (g[COLLECTORS] ??= new Set());
}

export function onScrape(collect: Collector): () => void {
  collectors().add(collect);
  return () => collectors().delete(collect);
}

/** The buckets of a request's or an action's time, in seconds. */
const REQUEST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "paragraf_" });
  const histogram = <L extends string>(name: string, help: string, labelNames: L[], buckets: number[]) =>
    new client.Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });
  const m: Metrics = {
    registry,
    httpRequests: new client.Counter({
      name: "paragraf_http_requests_total",
      help: "HTTP responses by method, app route and status.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: histogram(
      "paragraf_http_request_duration_seconds",
      "Time to the end of the response, by method and app route.",
      ["method", "route"],
      REQUEST_SECONDS,
    ),
    actionDuration: histogram(
      "paragraf_action_duration_seconds",
      "Server action latency by action and outcome (ok or the failure code).",
      ["action", "outcome"],
      REQUEST_SECONDS,
    ),
    pdfRender: histogram(
      "paragraf_pdf_render_duration_seconds",
      "PDF render time (queue wait included) by document kind.",
      ["kind"],
      [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32],
    ),
    queueSize: new client.Gauge({
      name: "paragraf_job_queue_size",
      help: "Jobs waiting (created or retry) per job queue.",
      labelNames: ["queue"],
      registers: [registry],
    }),
    outboxUnsent: new client.Gauge({
      name: "paragraf_mail_outbox_unsent",
      help: "E-mails in the outbox not yet sent.",
      registers: [registry],
    }),
  };
  const g = globalThis as MetricsGlobal;
  g[HTTP_OBSERVER] = ({ method, path: p, status, seconds }) => {
    const route = routeOf(p);
    const verb = KNOWN_METHODS.has(method) ? method : "OTHER";
    m.httpRequests.inc({ method: verb, route, status: String(status) });
    m.httpDuration.observe({ method: verb, route }, seconds);
  };
  g[PDF_OBSERVER] = (kind, seconds) => m.pdfRender.observe({ kind }, seconds);
  onActionCall(({ action, outcome, seconds }) => m.actionDuration.observe({ action, outcome }, seconds));
  return m;
}

/** The process's metrics (created, and the observers installed, on first use). */
export function metrics(): Metrics {
  const g = globalThis as MetricsGlobal;
  return (g[KEY] ??= create());
}

/** The exposition text (collectors run first: queue depth is read now). */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  await Promise.allSettled([...collectors()].map((c) => c()));
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

// --- routes: the request path matched against the app's route patterns -----------------------

type RoutePattern = { pattern: string; regex: RegExp; rank: number };
let patterns: RoutePattern[] | null = null;

/** "/moten/[slug]/page" → { "/moten/[slug]", /^\/moten\/[^/]+$/ }; route groups dropped. */
export function toRoutePattern(appPath: string): RoutePattern | null {
  const segments = appPath
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  if (segments.some((s) => s.startsWith("_"))) return null;
  let rank = 0;
  const parts = segments.map((s) => {
    if (/^\[\[\.\.\..+\]\]$/.test(s)) return ((rank += 100), "(?:/.*)?");
    if (/^\[\.\.\..+\]$/.test(s)) return ((rank += 100), "/.+");
    if (/^\[.+\]$/.test(s)) return ((rank += 10), "/[^/]+");
    return "/" + s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  });
  const pattern = "/" + segments.join("/");
  return { pattern, regex: new RegExp(`^${parts.join("") || "/"}/?$`), rank };
}

/** Route patterns of the build (.next/server/app-paths-manifest.json), most specific first. */
function loadPatterns(): RoutePattern[] {
  try {
    const file = path.join(process.cwd(), ".next", "server", "app-paths-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    return Object.keys(manifest)
      .map(toRoutePattern)
      .filter((p): p is RoutePattern => p !== null)
      .sort((a, b) => a.rank - b.rank || b.pattern.length - a.pattern.length);
  } catch {
    return [];
  }
}

/** For tests and tools: match against these app paths ("/moten/[slug]/page") instead of the build's. */
export function useRoutePatterns(appPaths: readonly string[] | null): void {
  patterns = appPaths
    ? appPaths
        .map(toRoutePattern)
        .filter((p): p is RoutePattern => p !== null)
        .sort((a, b) => a.rank - b.rank || b.pattern.length - a.pattern.length)
    : null;
}

/** The app route a path belongs to: its pattern, "/_next" for Next's assets, or "other". */
export function routeOf(rawPath: string, known: RoutePattern[] = (patterns ??= loadPatterns())): string {
  const p = rawPath.split("?")[0]!.split("#")[0]!;
  if (p.startsWith("/_next/")) return "/_next";
  for (const r of known) if (r.regex.test(p)) return r.pattern;
  return "other";
}
