// Entry of a PDF render worker thread (render-pool.ts). Plain JavaScript on purpose: Next.js
// bundles the server code, so the worker cannot be a module of that bundle; it loads the
// renderers' TypeScript sources through tsx (a runtime dependency: `npm start` runs on it too),
// which also resolves the "@/…" paths of tsconfig.json.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runRenderJob } = await import("./render-jobs.ts");

parentPort.on("message", async ({ id, job }) => {
  try {
    const bytes = await runRenderJob(job);
    // Moved, not copied, back to the request thread.
    const out = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    parentPort.postMessage({ id, bytes: out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
