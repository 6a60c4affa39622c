import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Handler from "./route-cache-handler.mjs";

// The handler extends Next.js's internal FileSystemCache (next is pinned to an exact version).
// This checks the contract it relies on: set/get by key, with the memory store only.

// The slice of Next.js's CacheHandler interface used here (the file is plain JavaScript).
interface CacheHandler {
  get(key: string, ctx: object): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
interface SharedStore {
  lookup(tags: string[]): Promise<{ tag: string; expiredAt: number | null; staleAt: number | null }[]>;
  record(tags: string[], mark: { expired: number | null; stale: number | null }): Promise<void>;
}
const RouteCacheHandler = Handler as unknown as (new (ctx: object) => CacheHandler) & {
  useSharedTags(store: SharedStore | null): void;
};

/** The shared tag store as the CacheTag table behaves (tests/shared-cache-tags.int.test.ts). */
class MemoryTags implements SharedStore {
  rows = new Map<string, { tag: string; expiredAt: number | null; staleAt: number | null }>();
  failing = false;
  async lookup(tags: string[]) {
    if (this.failing) throw new Error("databasen svarar inte");
    return tags.flatMap((t) => (this.rows.has(t) ? [this.rows.get(t)!] : []));
  }
  async record(tags: string[], mark: { expired: number | null; stale: number | null }) {
    if (this.failing) throw new Error("databasen svarar inte");
    for (const tag of tags) {
      const old = this.rows.get(tag);
      this.rows.set(tag, {
        tag,
        expiredAt: mark.expired ?? old?.expiredAt ?? null,
        staleAt: mark.stale ?? old?.staleAt ?? null,
      });
    }
  }
}

function page(status: number, tags?: string) {
  return {
    kind: "APP_PAGE",
    html: `<p>${status}</p>`,
    rscData: Buffer.from("rsc"),
    headers: tags ? { "x-next-cache-tags": tags } : {},
    status,
    postponed: undefined,
    segmentData: undefined,
  };
}

/** A handler with the memory store only, as `next start` makes one per request. */
const newCache = () =>
  new RouteCacheHandler({
    flushToDisk: false,
    serverDistDir: "/nonexistent",
    maxMemoryCacheSize: 1024 * 1024,
    revalidatedTags: [],
  });
const ctx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };
const setCtx = {
  cacheControl: { revalidate: false, expire: undefined },
  isRoutePPREnabled: false,
  isFallback: false,
};

describe("route cache handler", () => {
  const cache = newCache();

  it("stores a page that was found", async () => {
    await cache.set("/protokoll/direktionen-2021-11-18", page(200), setCtx);
    const hit = await cache.get("/protokoll/direktionen-2021-11-18", ctx);
    expect(hit?.value).toMatchObject({ kind: "APP_PAGE", status: 200, html: "<p>200</p>" });
  });

  it("never stores a 404, so made-up addresses leave nothing behind", async () => {
    await cache.set("/protokoll/finns-inte-2021-01-01", page(404), setCtx);
    expect(await cache.get("/protokoll/finns-inte-2021-01-01", ctx)).toBeNull();
  });

  it("stores other kinds (the data cache) unchanged", async () => {
    const data = { kind: "FETCH", data: { headers: {}, body: "e30=", url: "", status: 404 }, revalidate: 30 };
    await cache.set("notices-up-key", data, { fetchCache: true, tags: ["public"], revalidate: 30 });
    const hit = await cache.get("notices-up-key", { kind: "FETCH", tags: ["public"], softTags: [] });
    expect(hit?.value).toMatchObject({ kind: "FETCH" });
  });
});

describe("route cache handler shared by several app instances", () => {
  const store = new MemoryTags();
  const cache = newCache();
  beforeAll(() => RouteCacheHandler.useSharedTags(store));
  afterAll(() => RouteCacheHandler.useSharedTags(null));
  const later = () => new Promise((r) => setTimeout(r, 5));

  it("serves a cached page while no instance has revalidated its tags", async () => {
    await cache.set("/anslagstavla", page(200, "public,_N_T_/anslagstavla"), setCtx);
    expect((await cache.get("/anslagstavla", ctx))?.value).toMatchObject({ status: 200 });
  });

  it("drops a page whose tag another instance revalidated after it was cached", async () => {
    await cache.set("/protokoll/a", page(200, "public,_N_T_/protokoll/a"), setCtx);
    await later();
    // Another instance's updateTag("public"), as its handler records it.
    await store.record(["public"], { expired: Date.now(), stale: null });
    expect(await cache.get("/protokoll/a", ctx)).toBeNull();
    // Rendered again after the revalidation, it is served.
    await later();
    await cache.set("/protokoll/a", page(200, "public,_N_T_/protokoll/a"), setCtx);
    expect((await cache.get("/protokoll/a", ctx))?.value).toMatchObject({ status: 200 });
  });

  it("keeps pages whose tags were not revalidated", async () => {
    await cache.set("/tillganglighet", page(200, "_N_T_/tillganglighet"), setCtx);
    await later();
    await store.record(["_N_T_/protokoll/b"], { expired: Date.now(), stale: null });
    expect((await cache.get("/tillganglighet", ctx))?.value).toMatchObject({ status: 200 });
  });

  it("records its own revalidations for the other instances, immediate or stale-then-expire", async () => {
    const before = Date.now();
    await cache.revalidateTag("public");
    expect(store.rows.get("public")?.expiredAt).toBeGreaterThanOrEqual(before);
    await cache.revalidateTag(["_N_T_/x"], { expire: 60 });
    const row = store.rows.get("_N_T_/x")!;
    expect(row.staleAt).toBeGreaterThanOrEqual(before);
    expect(row.expiredAt).toBeGreaterThanOrEqual(before + 60_000);
  });

  it("renders afresh rather than serve a page it cannot check, and fails a revalidation it cannot share", async () => {
    await cache.set("/protokoll/c", page(200, "public"), setCtx);
    store.failing = true;
    try {
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      expect(await cache.get("/protokoll/c", ctx)).toBeNull();
      await expect(cache.revalidateTag("public")).rejects.toThrow("databasen svarar inte");
      quiet.mockRestore();
    } finally {
      store.failing = false;
    }
  });
});
