/**
 * PDF rendering off the request thread. A draft protocol takes hundreds of milliseconds to a few
 * seconds of pure CPU; rendered on the request thread, six at once made every other visitor
 * wait seconds. Renders run on a small pool of worker threads (render-worker.mjs) with a bounded
 * queue: the request thread stays free to serve pages, and past the queue's bound a render is
 * refused at once (RenderBusyError → 503) instead of piling up work nobody waits for any more.
 *
 * node:worker_threads directly rather than a pool library (piscina): the pool is this file, and
 * the hard part, loading the worker under `next start` where the server code is bundled, is the
 * same with or without a library (see render-worker.mjs).
 *
 * Workers start on first use and are unref'd while idle (they never keep a process alive). The
 * worker file is found from the working directory, as the fonts and the ICC profile are: the
 * bundle has no file URL of its own sources.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { runRenderJob, type RenderJob } from "./render-jobs";
import type { SigningLayout } from "./protocol-model";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import type { SummonsVersion } from "./summons-model";

/** Thrown when the queue is full: the caller answers "try again shortly" (503). */
export class RenderBusyError extends Error {
  constructor() {
    super("Servern skapar många PDF:er just nu. Försök igen om en stund.");
    this.name = "RenderBusyError";
  }
}

// One core stays with the request thread. PARAGRAF_PDF_WORKERS overrides (e.g. on a big server);
// 0 renders in the calling thread as before the pool (for comparison in bench/heavy).
const configured = process.env.PARAGRAF_PDF_WORKERS;
const WORKERS =
  configured !== undefined && configured !== "" && Number.isInteger(Number(configured)) && Number(configured) >= 0
    ? Number(configured)
    : Math.max(1, Math.min(4, availableParallelism() - 1));
/** Renders waiting beyond those running: about a minute of work on a small server. */
const MAX_QUEUE = 32;

interface Pending {
  id: number;
  job: RenderJob;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

const slots: Slot[] = [];
const queue: Pending[] = [];
let nextId = 0;

const LOADER = `import(require("node:url").pathToFileURL(require("node:worker_threads").workerData.file).href);`;

function workerFile(): string {
  return path.join(process.cwd(), "src", "pdf", "render-worker.mjs");
}

function startSlot(): Slot {
  // Started through a one-line loader with the file as data: Turbopack follows a
  // `new Worker(path)` into the file (and tsx and esbuild's binary) and fails the build.
  const worker = new Worker(LOADER, { eval: true, workerData: { file: workerFile() } });
  const slot: Slot = { worker, current: null };
  worker.on("message", (m: { id?: number; bytes?: Uint8Array; error?: string; ready?: boolean }) => {
    if (m.ready) return;
    const job = slot.current;
    if (!job || job.id !== m.id) return;
    slot.current = null;
    if (m.bytes) job.resolve(m.bytes);
    else job.reject(new Error(m.error ?? "PDF:en kunde inte skapas."));
    dispatch();
  });
  const fail = (error: Error) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    slot.current?.reject(error);
    slot.current = null;
    dispatch();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`PDF-tråden avslutades (kod ${code}).`)));
  worker.unref();
  slots.push(slot);
  return slot;
}

function dispatch(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => s.current === null);
    if (!slot && slots.length < WORKERS) slot = startSlot();
    if (!slot) return;
    const job = queue.shift()!;
    slot.current = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, job: job.job });
  }
  for (const s of slots) if (s.current === null) s.worker.unref();
}

/** Render time (queue wait included) to src/server/metrics.ts's observer, when it is installed. */
const RENDER_OBSERVER = Symbol.for("paragraf.pdf.observe");

function render(job: RenderJob): Promise<Uint8Array> {
  const observe = (globalThis as { [RENDER_OBSERVER]?: (kind: string, seconds: number) => void })[RENDER_OBSERVER];
  if (!observe) return renderNow(job);
  const started = performance.now();
  const done = () => observe(job.kind, (performance.now() - started) / 1000);
  return renderNow(job).then(
    (bytes) => (done(), bytes),
    (e: unknown) => {
      done();
      throw e;
    },
  );
}

function renderNow(job: RenderJob): Promise<Uint8Array> {
  if (WORKERS === 0) return runRenderJob(job);
  const busy = slots.filter((s) => s.current !== null).length;
  if (busy >= WORKERS && queue.length >= MAX_QUEUE) return Promise.reject(new RenderBusyError());
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, job, resolve, reject });
    dispatch();
  });
}

/** The protocol as PDF/A (render-protocol.ts), rendered on a worker thread. */
export function renderProtocolPdf(protocol: ProtocolDTO, signing?: SigningLayout): Promise<Uint8Array> {
  return render({ kind: "protocol", protocol, signing });
}

/** The notice (anslag/bevis) as PDF (render-notice.ts), rendered on a worker thread. */
export function renderNoticePdf(protocol: ProtocolDTO): Promise<Uint8Array> {
  return render({ kind: "notice", protocol });
}

/** An extract of chosen §§ (render-extract.ts), rendered on a worker thread. */
export function renderExtractPdf(protocol: ProtocolDTO, paragraphNumbers: number[]): Promise<Uint8Array> {
  return render({ kind: "extract", protocol, paragraphNumbers });
}

/** The kallelse (render-summons.ts), members' or public version, rendered on a worker thread. */
export function renderSummonsPdf(summons: SummonsDTO, version: SummonsVersion): Promise<Uint8Array> {
  return render({ kind: "summons", summons, version });
}

/** How many renders run and wait now (for tests and diagnostics). */
export function renderPoolState(): {
  workers: number;
  running: number;
  queued: number;
  maxWorkers: number;
  maxQueue: number;
} {
  return {
    workers: slots.length,
    running: slots.filter((s) => s.current !== null).length,
    queued: queue.length,
    maxWorkers: WORKERS,
    maxQueue: MAX_QUEUE,
  };
}
