import { toSwedishDate, type IsoDate } from "@/lib/iso-date";

/**
 * The server's one clock: every "now" of the app comes from here (pages call now()/today(), an
 * action gets ctx.now, pure code in src/domain and src/pdf takes it as a parameter); lint refuses
 * `new Date()` and `Date.now()` elsewhere in src. Two places read real time on purpose, each
 * saying why: rate-limit windows (server/rate-limit.ts) and a lock file's age (pdf/seal-certificate.ts).
 * End-to-end tests start the server with PARAGRAF_TEST_CLOCK=1 and move time with
 * POST /api/testklocka (setTestClock); without that variable the clock cannot be moved, so
 * production always uses the real clock. It is a server clock, not a per-request one, so the
 * pages that read it can be cached.
 */
const OFFSET = Symbol.for("paragraf.testClockOffsetMs");
type ClockGlobal = typeof globalThis & { [OFFSET]?: number };

export function testClockEnabled(): boolean {
  return process.env.PARAGRAF_TEST_CLOCK === "1";
}

export function now(): Date {
  const offset = testClockEnabled() ? ((globalThis as ClockGlobal)[OFFSET] ?? 0) : 0;
  return new Date(Date.now() + offset);
}

/** Today in Sweden. */
export function today(): IsoDate {
  return toSwedishDate(now());
}

/** Moves the clock to `instant` (null: back to real time). Only with PARAGRAF_TEST_CLOCK=1. */
export function setTestClock(instant: Date | null): void {
  if (!testClockEnabled()) throw new Error("Testklockan är inte påslagen (PARAGRAF_TEST_CLOCK=1).");
  (globalThis as ClockGlobal)[OFFSET] = instant ? instant.getTime() - Date.now() : 0;
}
