// National search benchmark (issue 19.5): the public archive's full-text search (the app's own
// searchArchive, and EXPLAIN of the very SQL it runs) over 1,000,000 public §§ of 300
// organisations and 20 years, words with Zipf frequencies (bench/search-national/generate.ts).
// The database is generated once into BENCH_SEARCH_DIR (default /work/bench-data/search-1m,
// outside the repository; about 15 minutes on 2 cores) and reused by later runs.
// The query mix: 1–3 words drawn by the same Zipf law (words PostgreSQL's swedish configuration
// drops as stop words are drawn again: a search for "och" finds nothing by design); half of the
// queries filtered by organisation, some of those also by body and/or year; the first page
// (20 hits, as the public search page asks) with its ranking and total.
//   npx tsx bench/search-national/run.ts          (BENCH_SEARCH_QUERIES=600)
import { Prisma } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db";
import { searchArchive, searchArchiveSql, type SearchQuery } from "../../src/modules/publication/public.search";
import { startSearchDb } from "./db";
import { generate, loadWords, prng, zipf, TOTAL_PARAGRAPHS, FIRST_YEAR, LAST_YEAR } from "./generate";

const QUERIES = Number(process.env.BENCH_SEARCH_QUERIES ?? 600);
// A query cancelled by this statement_timeout counts as taking the timeout (for the slow baseline).
const TIMEOUT_MS = Number(process.env.BENCH_SEARCH_TIMEOUT_MS ?? 0);
const PAGE_SIZE = 20; // src/app/(public)/protokoll/page.tsx
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const server = await startSearchDb();
try {
  const db = createPrismaClient(
    TIMEOUT_MS ? `${server.url}?options=${encodeURIComponent(`-c statement_timeout=${TIMEOUT_MS}`)}` : server.url,
  );
  const search = (q: SearchQuery) =>
    searchArchive(db, q).catch((e: unknown) => {
      if (TIMEOUT_MS && String(e).includes("statement timeout")) return { total: -1, hits: [] };
      throw e;
    });
  const [generated] = await db
    .$queryRawUnsafe<{ n: number }[]>(`SELECT (SELECT paragraphs FROM bench_generated ORDER BY at DESC LIMIT 1) AS n`)
    .catch(() => [{ n: 0 }]);
  if (generated?.n !== TOTAL_PARAGRAPHS) {
    console.log(
      `Generating ${TOTAL_PARAGRAPHS} §§ into ${process.env.BENCH_SEARCH_DIR ?? "/work/bench-data/search-1m"} …`,
    );
    await generate(server.url);
  }
  const [size] = await db.$queryRawUnsafe<
    { rows: bigint; orgs: bigint; bodies: bigint; meetings: bigint; bytes: string }[]
  >(
    `SELECT (SELECT count(*) FROM "PublicSearchEntry") AS rows, (SELECT count(*) FROM "Organisation") AS orgs,
       (SELECT count(*) FROM "Body") AS bodies, (SELECT count(*) FROM "Meeting") AS meetings,
       pg_size_pretty(pg_total_relation_size('"PublicSearchEntry"')) AS bytes`,
  );

  // The query mix, seeded: the same queries every run.
  const words = loadWords();
  const stop = new Set(
    (
      await db.$queryRaw<
        { w: string }[]
      >`SELECT w FROM unnest(${words}::text[]) w WHERE to_tsvector('swedish', w) = ''::tsvector`
    ).map((r) => r.w),
  );
  const rand = prng(5);
  const word = zipf(words, rand);
  const contentWord = () => {
    for (;;) {
      const w = word();
      if (!stop.has(w)) return w;
    }
  };
  const orgs = await db.organisation.findMany({
    select: { slug: true, bodies: { select: { slug: true } } },
    orderBy: { slug: "asc" },
  });
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const year = () => FIRST_YEAR + Math.floor(rand() * (LAST_YEAR - FIRST_YEAR + 1));
  type Case = { cls: string; query: SearchQuery };
  const cases: Case[] = Array.from({ length: QUERIES }, () => {
    const n = 1 + Math.floor(rand() * 3);
    const q = Array.from({ length: n }, contentWord).join(" ");
    const r = rand();
    const org = pick(orgs);
    const [filter, query]: [string, Omit<SearchQuery, "q">] =
      r < 0.5
        ? ["all", {}]
        : r < 0.75
          ? ["org", { organisationSlug: org.slug }]
          : r < 0.85
            ? ["org+body", { organisationSlug: org.slug, bodySlug: pick(org.bodies).slug }]
            : r < 0.95
              ? ["org+year", { organisationSlug: org.slug, year: year() }]
              : ["org+body+year", { organisationSlug: org.slug, bodySlug: pick(org.bodies).slug, year: year() }];
    return { cls: `${n} word${n > 1 ? "s" : " "} ${filter}`, query: { q, ...query, page: 1, pageSize: PAGE_SIZE } };
  });

  for (const c of cases.slice(0, 30)) await search(c.query); // warm-up
  const times = new Map<string, number[]>();
  const totals = new Map<string, number[]>();
  const all: number[] = [];
  const t0 = performance.now();
  for (const c of cases) {
    const t = performance.now();
    const r = await search(c.query);
    const ms = performance.now() - t;
    all.push(ms);
    (times.get(c.cls) ?? times.set(c.cls, []).get(c.cls)!).push(ms);
    (totals.get(c.cls) ?? totals.set(c.cls, []).get(c.cls)!).push(r.total);
  }
  const wall = performance.now() - t0;

  console.log(
    `\nNational search: ${size!.rows} public §§ (${size!.orgs} organisations, ${size!.bodies} bodies, ${size!.meetings} meetings, ${FIRST_YEAR}–${LAST_YEAR}), PublicSearchEntry ${size!.bytes}`,
  );
  const timedOut = [...totals.values()].flat().filter((t) => t < 0).length;
  if (timedOut)
    console.log(
      `${timedOut} queries cancelled at the statement timeout of ${TIMEOUT_MS} ms (counted as ${TIMEOUT_MS} ms)`,
    );
  console.log(
    `${cases.length} queries, sequential, in ${(wall / 1000).toFixed(1)} s; first page of ${PAGE_SIZE} with total`,
  );
  const row = (name: string, xs: number[], hits: number[]) =>
    console.log(
      `${name.padEnd(24)} ${String(xs.length).padStart(4)} ${quantile(xs, 0.5).toFixed(1).padStart(8)} ${quantile(xs, 0.95).toFixed(1).padStart(8)} ${quantile(xs, 0.99).toFixed(1).padStart(8)}  ${String(Math.round(quantile(hits, 0.5))).padStart(8)}`,
    );
  console.log(`${"class".padEnd(24)}    n   p50 ms   p95 ms   p99 ms  median total`);
  const classes = [...times.keys()].sort();
  for (const cls of classes) row(cls, times.get(cls)!, totals.get(cls)!);
  row("overall", all, [...totals.values()].flat());

  // The slowest class by p95, and EXPLAIN (ANALYZE, BUFFERS) of its slowest query: the app's SQL.
  const worst = classes.reduce((a, b) => (quantile(times.get(a)!, 0.95) >= quantile(times.get(b)!, 0.95) ? a : b));
  const worstCase = cases
    .map((c, i) => ({ c, ms: all[i]! }))
    .filter(({ c }) => c.cls === worst)
    .reduce((a, b) => (a.ms >= b.ms ? a : b)).c;
  console.log(`\nSlowest class by p95: "${worst}"; its slowest query ${JSON.stringify(worstCase.query)}:`);
  const explain = (options: string) =>
    db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN (${Prisma.raw(options)}) ${searchArchiveSql(worstCase.query)}`,
    );
  const plan = await explain("ANALYZE, BUFFERS").catch(async (e: unknown) => {
    if (!String(e).includes("statement timeout")) throw e;
    console.log(`(EXPLAIN ANALYZE cancelled at the statement timeout; the plan without ANALYZE:)`);
    return explain("COSTS");
  });
  console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  await db.$disconnect();
} finally {
  await server.stop();
}
