// What the action wrapper (server/action.ts) reports after every call, without importing the
// logger or the metrics: action.ts is reached from client components' module graphs (through the
// modules' index files), where pino and prom-client cannot be bundled. server/log.ts and
// server/metrics.ts subscribe here when they are loaded (the server loads both at start,
// src/instrumentation.ts).
export interface ActionCall {
  action: string;
  /** "ok" or the failure code. */
  outcome: string;
  seconds: number;
  userId: string | null;
}

type Listeners = { calls: Set<(call: ActionCall) => void>; errors: Set<(e: unknown) => void> };
const KEY = Symbol.for("paragraf.actionObservers");

function listeners(): Listeners {
  const g = globalThis as typeof globalThis & { [KEY]?: Listeners };
  return (g[KEY] ??= { calls: new Set(), errors: new Set() });
}

export function onActionCall(listener: (call: ActionCall) => void): void {
  listeners().calls.add(listener);
}

export function onActionError(listener: (e: unknown) => void): void {
  listeners().errors.add(listener);
}

export function reportActionCall(call: ActionCall): void {
  for (const l of listeners().calls) l(call);
}

/** An unexpected error of an action: to the log (or the console before the logger is loaded). */
export function reportActionError(e: unknown): void {
  const { errors } = listeners();
  if (errors.size === 0) console.error(e);
  for (const l of errors) l(e);
}
