// Cache-tag revalidations shared by every app instance through PostgreSQL (the "CacheTag" table):
// one instance records that a tag was revalidated, every instance reads it before serving a page
// cached under that tag. Plain JavaScript: Next.js loads the cache handler that uses it by path,
// outside the bundle.
import pg from "pg";

/**
 * @typedef {{ tag: string, expiredAt: number | null, staleAt: number | null }} TagState
 * @typedef {{ expired: number | null, stale: number | null }} TagMark
 */

export class PgCacheTags {
  /** @param {string} connectionString */
  constructor(connectionString) {
    this.pool = new pg.Pool({
      connectionString,
      max: 3,
      idleTimeoutMillis: 10_000,
      application_name: "paragraf-cache-tags",
    });
    // An idle connection dropped by the server must not crash the process.
    this.pool.on("error", () => {});
  }

  /**
   * Records a revalidation of `tags`: a null field keeps what was recorded before.
   * @param {string[]} tags
   * @param {TagMark} mark
   */
  async record(tags, mark) {
    if (tags.length === 0) return;
    await this.pool.query(
      `INSERT INTO "CacheTag" ("tag", "expiredAt", "staleAt", "updatedAt")
       SELECT t, $2::bigint, $3::bigint, now() FROM unnest($1::text[]) AS t
       ON CONFLICT ("tag") DO UPDATE SET
         "expiredAt" = COALESCE(EXCLUDED."expiredAt", "CacheTag"."expiredAt"),
         "staleAt" = COALESCE(EXCLUDED."staleAt", "CacheTag"."staleAt"),
         "updatedAt" = now()`,
      [[...new Set(tags)], mark.expired, mark.stale],
    );
  }

  /**
   * What is recorded for `tags` (tags never revalidated are absent).
   * @param {string[]} tags
   * @returns {Promise<TagState[]>}
   */
  async lookup(tags) {
    if (tags.length === 0) return [];
    const { rows } = await this.pool.query(
      `SELECT "tag", "expiredAt"::float8 AS "expiredAt", "staleAt"::float8 AS "staleAt"
       FROM "CacheTag" WHERE "tag" = ANY($1::text[])`,
      [[...new Set(tags)]],
    );
    return rows;
  }

  async close() {
    await this.pool.end();
  }
}

/**
 * The mark Next.js's own cache gives `revalidateTag(tags, durations)` (file-system-cache.js):
 * without durations the tag expires now; with them it is stale now and expires after `expire` s.
 * @param {{ expire?: number } | undefined} durations
 * @param {number} now
 * @returns {TagMark}
 */
export function markFor(durations, now) {
  // Whole milliseconds (the column is bigint), rounded up: a page cached in the same millisecond
  // as the revalidation counts as older than it, never as newer.
  const at = Math.ceil(now);
  if (!durations) return { expired: at, stale: null };
  return { expired: durations.expire !== undefined ? at + Math.ceil(durations.expire * 1000) : null, stale: at };
}

/**
 * The tags a cached value answers to: a page's or route's x-next-cache-tags header, or a data
 * cache entry's tags and soft tags.
 * @param {any} data the CacheHandlerValue
 * @param {any} ctx the get context
 * @returns {string[]}
 */
export function cacheTagsOf(data, ctx) {
  const value = data?.value;
  if (!value) return [];
  if (value.kind === "FETCH") return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(value.tags ?? [])];
  const header = value.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header.length > 0 ? header.split(",") : [];
}
