import { describe, expect, it } from "vitest";
import Handler from "./route-cache-handler.mjs";

// The handler extends Next.js's internal FileSystemCache (next is pinned to an exact version).
// This checks the contract it relies on: set/get by key, with the memory store only.

// The slice of Next.js's CacheHandler interface used here (the file is plain JavaScript).
interface CacheHandler {
  get(key: string, ctx: object): Promise<{ value: unknown } | null>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
}
const RouteCacheHandler = Handler as unknown as new (ctx: object) => CacheHandler;

function page(status: number) {
  return {
    kind: "APP_PAGE",
    html: `<p>${status}</p>`,
    rscData: Buffer.from("rsc"),
    headers: {},
    status,
    postponed: undefined,
    segmentData: undefined,
  };
}

describe("route cache handler", () => {
  const cache = new RouteCacheHandler({
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
