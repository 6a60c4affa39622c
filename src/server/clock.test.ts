import { afterEach, describe, expect, it, vi } from "vitest";
import { now, setTestClock, today } from "./clock";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("clock", () => {
  it("cannot be moved unless the server was started with PARAGRAF_TEST_CLOCK=1", () => {
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "");
    expect(() => setTestClock(new Date("2030-01-01T12:00:00Z"))).toThrow(/Testklockan/);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it("moves with the test clock, keeps running, and goes back to real time", () => {
    vi.useFakeTimers({ now: new Date("2026-11-26T10:00:00Z") });
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "1");
    setTestClock(new Date("2026-12-18T22:30:00Z"));
    expect(today()).toBe("2026-12-18"); // 23:30 in Stockholm
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(today()).toBe("2026-12-19");
    setTestClock(null);
    expect(now().toISOString()).toBe("2026-11-26T11:00:00.000Z");
  });

  it("ignores a moved clock once the variable is gone (production)", () => {
    vi.useFakeTimers({ now: new Date("2026-11-26T10:00:00Z") });
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "1");
    setTestClock(new Date("2030-01-01T00:00:00Z"));
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "0");
    expect(today()).toBe("2026-11-26");
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "1");
    setTestClock(null);
  });
});
