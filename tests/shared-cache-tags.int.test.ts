// Cache revalidations shared by app instances through PostgreSQL (issue 19.2): what one instance
// records under the app's own role, another reads; a later mark wins, an absent field keeps the
// earlier one. The handler that uses it is tested in src/server/route-cache-handler.test.ts, the
// whole path with two running instances in e2e/instances.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markFor, PgCacheTags } from "@/server/shared-cache-tags.mjs";
import { createMigratedDatabase } from "./support/migrated-db";

let a: PgCacheTags;
let b: PgCacheTags;
let drop: () => Promise<void>;

beforeAll(async () => {
  const migrated = await createMigratedDatabase("cachetags");
  // Two instances: two pools, each logged in as the app's role.
  a = new PgCacheTags(migrated.url);
  b = new PgCacheTags(migrated.url);
  drop = async () => {
    await a.close();
    await b.close();
    await migrated.drop();
  };
});
afterAll(async () => drop?.());

describe("shared cache tags", () => {
  it("what one instance records, another reads", async () => {
    expect(await b.lookup(["public"])).toEqual([]);
    await a.record(["public", "_N_T_/anslagstavla", "public"], { expired: 1_000, stale: null });
    const rows = await b.lookup(["public", "_N_T_/anslagstavla", "_N_T_/annat"]);
    expect(rows.sort((x, y) => x.tag.localeCompare(y.tag))).toEqual([
      { tag: "_N_T_/anslagstavla", expiredAt: 1_000, staleAt: null },
      { tag: "public", expiredAt: 1_000, staleAt: null },
    ]);
  });

  it("a later revalidation replaces the time; a stale mark keeps the expiry it does not set", async () => {
    await b.record(["public"], { expired: 2_000, stale: null });
    await a.record(["public"], { expired: null, stale: 2_500 });
    expect(await a.lookup(["public"])).toEqual([{ tag: "public", expiredAt: 2_000, staleAt: 2_500 }]);
  });

  it("keeps millisecond times of today exactly", async () => {
    const now = Date.now();
    await a.record(["t"], { expired: now, stale: now + 60_000 });
    expect(await b.lookup(["t"])).toEqual([{ tag: "t", expiredAt: now, staleAt: now + 60_000 }]);
  });

  it("stores the marks Next.js's clock gives (fractional milliseconds), rounded up", async () => {
    const now = performance.timeOrigin + performance.now();
    await a.record(["frac"], markFor(undefined, now));
    await a.record(["frac-stale"], markFor({ expire: 0.5 }, now));
    const rows = await b.lookup(["frac", "frac-stale"]);
    expect(rows.find((r) => r.tag === "frac")?.expiredAt).toBe(Math.ceil(now));
    expect(rows.find((r) => r.tag === "frac-stale")).toMatchObject({
      staleAt: Math.ceil(now),
      expiredAt: Math.ceil(now) + 500,
    });
  });
});
