/**
 * Compresses page content streams on a worker thread while the main thread lays out and draws
 * the next pages: for a long protocol a quarter of the time is zlib, and it does not need the
 * main thread. The output is the same bytes as deflateSync with the same options.
 *
 * One worker per process, started on first use and unref'd (it never keeps a process alive);
 * its code is inline so that no bundler has to find a worker file. On a render worker
 * (render-pool.ts) the work is already off the request thread: compression is done in line there,
 * rather than by a worker of the worker competing for the same cores.
 */
import { isMainThread, Worker } from "node:worker_threads";
import { deflateSync } from "node:zlib";

const SOURCE = `
const { parentPort } = require("node:worker_threads");
const { deflateSync } = require("node:zlib");
parentPort.on("message", ({ id, bytes, ranges, level }) => {
  try {
    const parts = [];
    let size = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      const z = deflateSync(bytes.subarray(ranges[i], ranges[i + 1]), { level });
      parts.push(z);
      size += z.length;
    }
    // One buffer of all results, moved (not copied) back, with the end of each.
    const all = new Uint8Array(size);
    const ends = new Int32Array(parts.length);
    let at = 0;
    parts.forEach((z, k) => { all.set(z, at); at += z.length; ends[k] = at; });
    parentPort.postMessage({ id, all, ends }, [all.buffer, ends.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Job {
  resolve: (out: Uint8Array[]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 0;
const jobs = new Map<number, Job>();

function getWorker(): Worker {
  if (worker) return worker;
  // The worker only runs zlib: a small heap is plenty, and keeps the process small.
  const w = new Worker(SOURCE, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 16 },
  });
  w.on("message", (m: { id: number; all?: Uint8Array; ends?: Int32Array; error?: string }) => {
    const job = jobs.get(m.id);
    if (!job) return;
    jobs.delete(m.id);
    if (jobs.size === 0) w.unref();
    if (m.error || !m.all || !m.ends) {
      job.reject(new Error(`Komprimering misslyckades: ${m.error}`));
      return;
    }
    const out: Uint8Array[] = [];
    let start = 0;
    for (const end of m.ends) {
      out.push(m.all.subarray(start, end));
      start = end;
    }
    job.resolve(out);
  });
  w.on("error", (error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
    worker = null;
  });
  // Referenced only while it has work: an idle worker never keeps the process alive. (After
  // the listeners: adding a "message" listener refs the worker's port again.)
  w.unref();
  worker = w;
  return w;
}

/**
 * Deflates each [start, end) range of `bytes` (a copy made here: the caller's buffer may be
 * written on meanwhile) and resolves with the compressed streams in order.
 */
export function deflateRanges(
  bytes: Uint8Array,
  ranges: readonly [number, number][],
  level: number,
): Promise<Uint8Array[]> {
  if (ranges.length === 0) return Promise.resolve([]);
  if (!isMainThread) {
    return Promise.resolve(
      ranges.map(([a, b]) => {
        const z = deflateSync(bytes.subarray(a, b), { level });
        return new Uint8Array(z.buffer, z.byteOffset, z.byteLength);
      }),
    );
  }
  const start = ranges[0]![0];
  const end = ranges[ranges.length - 1]![1];
  const copy = bytes.slice(start, end);
  const flat = new Int32Array(ranges.length * 2);
  ranges.forEach(([a, b], i) => {
    flat[2 * i] = a - start;
    flat[2 * i + 1] = b - start;
  });
  const id = nextId++;
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    const w = getWorker();
    w.ref();
    w.postMessage({ id, bytes: copy, ranges: flat, level }, [copy.buffer, flat.buffer]);
  });
}
