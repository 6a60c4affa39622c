// The route cache of `next start` (Next.js's own file-system cache) with one change: a 404 page
// is never stored. Public protocol pages are rendered on their first request and then cached per
// address; without this, every made-up address (/protokoll/finns-inte-2021-01-01, …) would leave
// a page on disk and in memory, so a crawler could fill the disk. A 404 is rendered again on each
// request instead: one indexed lookup.
//
// Next.js loads this file by path at start (next.config.mjs `cacheHandler`), outside the bundle.
// It extends an internal class; next is pinned to an exact version and
// src/server/route-cache-handler.test.ts checks the contract.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

export default class RouteCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (data && (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status === 404) return;
    return super.set(key, data, ctx);
  }
}
