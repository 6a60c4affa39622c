import { describe, expect, it } from "vitest";
import { DEFAULT_POOL_MAX, poolMax } from "./db";

describe("poolMax (DATABASE_POOL_MAX)", () => {
  it("takes a whole number from 1 to 200", () => {
    expect(poolMax({ DATABASE_POOL_MAX: "20" })).toBe(20);
    expect(poolMax({ DATABASE_POOL_MAX: "1" })).toBe(1);
    expect(poolMax({ DATABASE_POOL_MAX: "200" })).toBe(200);
  });

  it.each([undefined, "", "0", "-3", "2.5", "201", "tio"])("falls back to the default for %s", (value) => {
    expect(poolMax({ DATABASE_POOL_MAX: value })).toBe(DEFAULT_POOL_MAX);
  });
});
