// The rate limits live in PostgreSQL: two app processes (two Prisma clients, each with its own
// connection pool) share one count, a window ends on time, and expired rows are pruned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db";
import { RateLimiter } from "@/server/rate-limit";
import { createMigratedDatabase } from "./support/migrated-db";

let a: PrismaClient;
let b: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const migrated = await createMigratedDatabase("ratelimit");
  a = migrated.db;
  b = createPrismaClient(migrated.url);
  drop = async () => {
    await b.$disconnect();
    await migrated.drop();
  };
});
afterAll(async () => drop?.());

const policy = { scope: "test-login", max: 5, windowMs: 15 * 60_000 };

describe("RateLimiter in PostgreSQL", () => {
  it("shares one count between two processes", async () => {
    const inA = new RateLimiter(policy, () => a);
    const inB = new RateLimiter(policy, () => b);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await (i % 2 ? inB : inA).hit("198.51.100.9|x@itsam.example"));
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => r.limited)).toEqual([false, false, false, false, false, true]);
    expect(results[5]!.retryAfterMs).toBeGreaterThan(14 * 60_000);
    // Another subject and another scope keep their own counts.
    expect((await inA.hit("198.51.100.10|x@itsam.example")).count).toBe(1);
    expect(
      (await new RateLimiter({ ...policy, scope: "other" }, () => b).hit("198.51.100.9|x@itsam.example")).count,
    ).toBe(1);
  });

  it("counts parallel attempts exactly (one atomic statement each)", async () => {
    const inA = new RateLimiter(policy, () => a);
    const inB = new RateLimiter(policy, () => b);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? inB : inA).hit("parallel")));
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.limited)).toHaveLength(5);
  });

  it("stores no e-mail or address, starts a new window after the old one, and forgets on reset", async () => {
    let t = Date.parse("2026-12-03T12:00:00Z");
    const inA = new RateLimiter(
      policy,
      () => a,
      () => t,
    );
    const inB = new RateLimiter(
      policy,
      () => b,
      () => t,
    );
    for (let i = 0; i < 6; i++) await inA.hit("window@itsam.example");
    const keys = await a.rateLimit.findMany({ select: { key: true } });
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
    t += 15 * 60_000 - 1;
    expect((await inB.hit("window@itsam.example")).limited).toBe(true);
    t += 1;
    expect(await inB.hit("window@itsam.example")).toEqual({ limited: false, count: 1, retryAfterMs: 0 });
    await inA.reset("window@itsam.example");
    expect((await inB.hit("window@itsam.example")).count).toBe(1);
    await inA.forgive("window@itsam.example");
    expect((await inB.hit("window@itsam.example")).count).toBe(1);
  });

  it("prunes expired rows", async () => {
    const t = Date.parse("2030-01-01T00:00:00Z");
    const later = new RateLimiter(
      policy,
      () => a,
      () => t,
    );
    const before = await a.rateLimit.count();
    expect(before).toBeGreaterThan(0);
    await later.prune();
    expect(await a.rateLimit.count()).toBe(0);
  });
});
