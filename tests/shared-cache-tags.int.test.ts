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
let appSql: (text: string, values?: unknown[]) => Promise<unknown>;

beforeAll(async () => {
  const migrated = await createMigratedDatabase("cachetags");
  // Two instances: two pools, each logged in as the app's role.
  a = new PgCacheTags(migrated.url);
  b = new PgCacheTags(migrated.url);
  // The app's role writing by hand, as a compromised or confused instance could.
  appSql = (text, values) => a.pool.query(text, values);
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

  describe("a withdrawn page cannot be kept alive (attack)", () => {
    const past = () => Date.now() - 60_000;

    it("an instance whose clock runs behind cannot move an expiry back", async () => {
      const withdrawnAt = past();
      await a.record(["withdrawn"], { expired: withdrawnAt, stale: null });
      await b.record(["withdrawn"], { expired: withdrawnAt - 30_000, stale: withdrawnAt - 30_000 });
      expect(await b.lookup(["withdrawn"])).toEqual([
        { tag: "withdrawn", expiredAt: withdrawnAt, staleAt: withdrawnAt - 30_000 },
      ]);
    });

    it("a later 'stale now, expire later' mark does not replace a past expiry by a future one", async () => {
      const withdrawnAt = past();
      await a.record(["soft"], { expired: withdrawnAt, stale: null });
      const now = Date.now();
      await b.record(["soft"], markFor({ expire: 3600 }, now));
      const [row] = await a.lookup(["soft"]);
      expect(row?.expiredAt).toBe(withdrawnAt);
      expect(row?.staleAt).toBe(Math.ceil(now));
    });

    it("the app's role writing an old time by hand changes nothing, and it cannot delete the row", async () => {
      const withdrawnAt = past();
      await a.record(["by-hand"], { expired: withdrawnAt, stale: withdrawnAt });
      await appSql(`UPDATE "CacheTag" SET "expiredAt" = 1, "staleAt" = 1 WHERE "tag" = 'by-hand'`);
      await appSql(`UPDATE "CacheTag" SET "expiredAt" = NULL, "staleAt" = NULL WHERE "tag" = 'by-hand'`);
      expect(await b.lookup(["by-hand"])).toEqual([{ tag: "by-hand", expiredAt: withdrawnAt, staleAt: withdrawnAt }]);
      await expect(appSql(`DELETE FROM "CacheTag" WHERE "tag" = 'by-hand'`)).rejects.toMatchObject({
        code: "42501",
      });
      expect(await b.lookup(["by-hand"])).toHaveLength(1);
    });
  });
});
