// Structured logs: one JSON line per event on stdout (pino), with time, level, msg and, where the
// event belongs to one, the request id, organisation id and user id (AsyncLocalStorage: set once
// per request or job with withLogContext, added to every line by pino's mixin).
//
// What a line may hold: ids (request, user, organisation, meeting, outbox row, job), names of
// actions and job kinds, outcomes, durations, counts. Never protocol content, names, e-mail
// addresses or personnummer: callers pass ids only, and scrub() removes addresses and
// personnummer from the one free text a line may carry (an error's message).
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { onActionCall, onActionError } from "./observe";

export interface LogContext {
  requestId?: string;
  organisationId?: string;
  userId?: string;
  /** The job being worked, for lines written by a job handler. */
  job?: string;
}

const CONTEXT = Symbol.for("paragraf.logContext");
const LOGGER = Symbol.for("paragraf.logger");
type LogGlobal = typeof globalThis & { [CONTEXT]?: AsyncLocalStorage<LogContext>; [LOGGER]?: pino.Logger };

function storage(): AsyncLocalStorage<LogContext> {
  const g = globalThis as LogGlobal;
  return (g[CONTEXT] ??= new AsyncLocalStorage<LogContext>());
}

/** Runs `fn` with `context` on every log line written inside it (nested: merged). */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  const outer = storage().getStore();
  return storage().run({ ...outer, ...context }, fn);
}

/** Adds fields to the current context (the user, once the session is known). */
export function addLogContext(context: LogContext): void {
  const store = storage().getStore();
  if (store) Object.assign(store, context);
}

export function currentLogContext(): LogContext {
  return { ...storage().getStore() };
}

/** Where lines go; tests replace it to read them. */
let destination: pino.DestinationStream | null = null;

function create(): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL?.trim() || (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: undefined,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...storage().getStore() }),
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger. */
export function logger(): pino.Logger {
  const g = globalThis as LogGlobal;
  return (g[LOGGER] ??= create());
}

/** For tests: send lines to `stream` (and every level from `level` up); null: back to stdout. */
export function setLogDestination(stream: pino.DestinationStream | null, level = "info"): void {
  destination = stream;
  const g = globalThis as LogGlobal;
  g[LOGGER] = create();
  g[LOGGER].level = level;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Personnummer and samordningsnummer, with or without century and separator.
const PERSONNUMMER = /\b(?:\d{2})?\d{6}[-+]?\d{4}\b/g;

/** Free text fit for a log line: addresses and personnummer replaced, one line, at most 500 characters. */
export function scrub(text: string): string {
  return text
    .replace(EMAIL, "[e-post]")
    .replace(PERSONNUMMER, "[personnummer]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 500);
}

/**
 * An error as log fields: its type and scrubbed message (and the first frames of its stack),
 * never the values it may quote. ("error", not "err": pino would serialise that one itself.)
 */
export function errorFields(e: unknown): { error: { type: string; message: string; stack?: string } } {
  if (e instanceof Error) {
    const stack = e.stack?.split("\n").slice(1, 8).join("\n");
    return { error: { type: e.name, message: scrub(e.message), ...(stack ? { stack: scrub(stack) } : {}) } };
  }
  return { error: { type: typeof e, message: scrub(String(e)) } };
}

// One line per server action (server/action.ts reports through server/observe.ts); once per
// process, though Next.js may load this file in more than one bundle.
const SUBSCRIBED = Symbol.for("paragraf.logSubscribed");
const g = globalThis as typeof globalThis & { [SUBSCRIBED]?: boolean };
if (!g[SUBSCRIBED]) subscribe();
g[SUBSCRIBED] = true;

function subscribe() {
  onActionCall(({ action, outcome, seconds, userId }) => {
    logger().info({ action, outcome, ms: Math.round(seconds * 1000), ...(userId ? { userId } : {}) }, "Åtgärd");
  });
  onActionError((e) => logger().error(errorFields(e), "Åtgärden misslyckades med ett oväntat fel"));
}
