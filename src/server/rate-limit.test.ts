import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("blocks after the limit within the window and frees the key after it", () => {
    let t = 0;
    const limiter = new FailureLimiter(3, 60_000, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("k")).toBe(0);
      limiter.fail("k");
    }
    expect(limiter.retryAfter("k")).toBe(60_000);
    t = 59_000;
    expect(limiter.retryAfter("k")).toBe(1_000);
    expect(limiter.retryAfter("other")).toBe(0);
    t = 60_000;
    expect(limiter.retryAfter("k")).toBe(0);
  });

  it("forgets failures after a success", () => {
    const limiter = new FailureLimiter(2, 1_000, () => 0);
    limiter.fail("k");
    limiter.reset("k");
    limiter.fail("k");
    expect(limiter.retryAfter("k")).toBe(0);
  });
});
