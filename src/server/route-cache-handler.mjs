// The route cache of `next start` (Next.js's own file-system cache) with two changes:
//
// 1. A 404 page is never stored. Public protocol pages are rendered on their first request and
//    then cached per address; without this, every made-up address (/protokoll/finns-inte-2021-01-01,
//    …) would leave a page on disk and in memory, so a crawler could fill the disk. A 404 is
//    rendered again on each request instead: one indexed lookup.
// 2. Revalidations reach every app instance (issue 19.2). Each instance keeps its own rendered
//    pages, but when one revalidates a tag (updateTag("public") after a justering, a rättelse, new
//    notice dates) it records the time in PostgreSQL ("CacheTag", src/server/shared-cache-tags.mjs),
//    and before serving a cached page every instance reads the page's tags there and merges them
//    into Next.js's own tag manifest. A page cached before the revalidation is then expired (or
//    stale) on every instance at once. Instances compare their own clocks with the recorded
//    times: keep them in sync (NTP), as any cluster must. Without DATABASE_URL (and while
//    `next build` prerenders) the cache is local only. If the database cannot be asked, the page
//    is rendered afresh rather than served possibly stale.
//
// Next.js loads this file by path at start (next.config.mjs `cacheHandler`), outside the bundle.
// It extends an internal class; next is pinned to an exact version and
// src/server/route-cache-handler.test.ts checks the contract.
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { cacheTagsOf, markFor, PgCacheTags } from "./shared-cache-tags.mjs";

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;
const { tagsManifest, areTagsExpired } = tagsManifestModule;

/**
 * The shared store: PgCacheTags, or what a test gives; null: local only; undefined: not made yet.
 * @type {Pick<PgCacheTags, "lookup" | "record"> | null | undefined}
 */
let shared;

function sharedTags() {
  if (shared !== undefined) return shared;
  const url = process.env.DATABASE_URL;
  shared = url && process.env.NEXT_PHASE !== "phase-production-build" ? new PgCacheTags(url) : null;
  return shared;
}

let warned = false;
function warnOnce(e) {
  if (warned) return;
  warned = true;
  console.error("Cachens delade taggar kunde inte läsas eller skrivas i databasen:", e);
}

/** Merges recorded revalidations into Next.js's tag manifest (the later time wins). */
function merge(rows) {
  for (const row of rows) {
    const local = tagsManifest.get(row.tag) ?? {};
    const next = { ...local };
    if (row.expiredAt !== null && !(local.expired >= row.expiredAt)) next.expired = row.expiredAt;
    if (row.staleAt !== null && !(local.stale >= row.staleAt)) next.stale = row.staleAt;
    tagsManifest.set(row.tag, next);
  }
}

export default class RouteCacheHandler extends FileSystemCache {
  /** For tests: the shared store (null: local only). */
  static useSharedTags(store) {
    shared = store;
  }

  async get(key, ctx) {
    const data = await super.get(key, ctx);
    const store = sharedTags();
    if (!data || !store) return data;
    const tags = cacheTagsOf(data, ctx);
    if (tags.length === 0) return data;
    try {
      merge(await store.lookup(tags));
    } catch (e) {
      warnOnce(e);
      return null;
    }
    return areTagsExpired(tags, data.lastModified) ? null : data;
  }

  async set(key, data, ctx) {
    if (data && (data.kind === "APP_PAGE" || data.kind === "APP_ROUTE") && data.status === 404) return;
    return super.set(key, data, ctx);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const store = sharedTags();
    const list = typeof tags === "string" ? [tags] : tags;
    if (!store || list.length === 0) return;
    // Awaited: when the action that changed the protocol answers, every instance sees the change.
    try {
      // The wall clock Next.js stamps tags and pages with (file-system-cache.js), not the app's
      // test clock: these times are compared with pages' lastModified on every instance.
      // eslint-disable-next-line no-restricted-syntax
      await store.record(list, markFor(durations, Date.now()));
    } catch (e) {
      warnOnce(e);
      throw e;
    }
  }
}
