// An orderly stop (SIGTERM from the orchestrator, Ctrl-C): the HTTP server stops taking requests,
// then what runs in the background finishes its current work — the job queue lets a mail being
// handed to the SMTP server be recorded as sent, so that the next instance does not send it again
// — and only then the process exits. Plain JavaScript, keyed on globalThis: scripts/serve.mjs and
// the Next.js bundle load their own copies of modules, and must share the one list.

const HOOKS = Symbol.for("paragraf.shutdownHooks");
const OWNED = Symbol.for("paragraf.shutdownOwned");

/** @returns {Set<() => Promise<void>>} */
function hooks() {
  const g = /** @type {any} */ (globalThis);
  g[HOOKS] ??= new Set();
  return g[HOOKS];
}

/**
 * Runs `stop` when the process stops. Under scripts/serve.mjs it is awaited before exit; in a
 * process without it (next dev, a script) it runs on SIGINT/SIGTERM by itself.
 * @param {() => Promise<void>} stop
 */
export function onShutdown(stop) {
  hooks().add(stop);
  if (!(/** @type {any} */ (globalThis)[OWNED])) {
    for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void stop());
  }
}

/** Called by the server that owns the process's stop, before any hook is registered. */
export function ownShutdown() {
  /** @type {any} */ (globalThis)[OWNED] = true;
}

/**
 * Runs every hook at once and waits for them, at most `timeoutMs`; a hook that fails or is too
 * slow does not hold the others up. Resolves with the number of hooks that did not finish in time
 * or failed.
 * @param {number} timeoutMs
 * @returns {Promise<number>}
 */
export async function runShutdown(timeoutMs) {
  const list = [...hooks()];
  hooks().clear();
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve("late"), timeoutMs);
  });
  const results = await Promise.all(
    list.map((stop) =>
      Promise.race([
        Promise.resolve()
          .then(stop)
          .then(
            () => "ok",
            () => "failed",
          ),
        late,
      ]),
    ),
  );
  clearTimeout(timer);
  return results.filter((r) => r !== "ok").length;
}
