/**
 * Compresses page content streams on a worker thread while the main thread lays out and draws
 * the next pages: for a long protocol a quarter of the time is zlib, and it does not need the
 * main thread. The output is the same bytes as deflateSync with the same options.
 *
 * One worker per process, started on first use and unref'd (it never keeps a process alive);
 * its code is inline so that no bundler has to find a worker file.
 */
import { Worker } from "node:worker_threads";

const SOURCE = `
const { parentPort } = require("node:worker_threads");
const { deflateSync } = require("node:zlib");
parentPort.on("message", ({ id, bytes, ranges, level }) => {
  try {
    const out = [];
    for (let i = 0; i < ranges.length; i += 2) {
      const z = deflateSync(bytes.subarray(ranges[i], ranges[i + 1]), { level });
      out.push(new Uint8Array(z.buffer, z.byteOffset, z.byteLength));
    }
    parentPort.postMessage({ id, out });
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
  const w = new Worker(SOURCE, { eval: true });
  w.unref();
  w.on("message", (m: { id: number; out?: Uint8Array[]; error?: string }) => {
    const job = jobs.get(m.id);
    if (!job) return;
    jobs.delete(m.id);
    if (m.error || !m.out) job.reject(new Error(`Komprimering misslyckades: ${m.error}`));
    else job.resolve(m.out);
  });
  w.on("error", (error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
    worker = null;
  });
  worker = w;
  return w;
}

/**
 * Deflates each [start, end) range of `bytes` (a copy made here: the caller's buffer may be
 * written on meanwhile) and resolves with the compressed streams in order.
 */
export function deflateRanges(bytes: Uint8Array, ranges: readonly [number, number][], level: number): Promise<Uint8Array[]> {
  if (ranges.length === 0) return Promise.resolve([]);
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
    getWorker().postMessage({ id, bytes: copy, ranges: flat, level }, [copy.buffer, flat.buffer]);
  });
}
