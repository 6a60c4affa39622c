import { toSwedishDate, type IsoDate } from "@/lib/iso-date";

/**
 * The clock of what the public sees (which notices are up). End-to-end tests start the server
 * with PARAGRAF_TEST_CLOCK=1 and move time with POST /api/testklocka (setTestClock); without that
 * variable the clock cannot be moved, so production always uses the real clock. It is a server
 * clock, not a per-request one, so the pages that read it can be cached.
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
