// National search benchmark (issue 19.5): the public archive's full-text search (the app's own
// searchArchive, and EXPLAIN of the very SQL it runs) over 1,000,000 public §§ of 300
// organisations and 20 years, words with Zipf frequencies (bench/search-national/generate.ts).
// The database is generated once into BENCH_SEARCH_DIR (default /work/bench-data/search-1m,
// outside the repository; about 15 minutes on 2 cores) and reused by later runs.
// The query mix: 1–3 words drawn by the same Zipf law (words PostgreSQL's swedish configuration
// drops as stop words are drawn again: a search for "och" finds nothing by design); half of the
// queries filtered by organisation, some of those also by body and/or year; the first page
// (20 hits, as the public search page asks) with its ranking and total. As the app runs it: the
// app's role and pool, in the tenancy scope of the organisation searched (as its public page
// /<org>/protokoll enters it), or the platform's for a search of every organisation.
//   npx tsx bench/search-national/run.ts          (BENCH_SEARCH_QUERIES=600)
import pg from "pg";
import { Prisma } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db";
import { PLATFORM_SCOPE, runInScope } from "../../src/server/tenancy";
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
    TIMEOUT_MS ? `${server.appUrl}?options=${encodeURIComponent(`-c statement_timeout=${TIMEOUT_MS}`)}` : server.appUrl,
  );
  const organisationIds = new Map<string, string>();
  // The scope the app would search in: the organisation of the public page, or the platform.
  const inScope = <T>(q: SearchQuery, fn: () => Promise<T>) =>
    runInScope(q.organisationSlug ? organisationIds.get(q.organisationSlug)! : PLATFORM_SCOPE, fn);
  const search = (q: SearchQuery) =>
    inScope(q, () => searchArchive(db, q)).catch((e: unknown) => {
      if (TIMEOUT_MS && String(e).includes("statement timeout")) return { total: -1, hits: [] };
      throw e;
    });
  const asPlatform = <T>(fn: () => Promise<T>) => runInScope(PLATFORM_SCOPE, fn);
  const [generated] = await asPlatform(() =>
    db
      .$queryRawUnsafe<{ n: number }[]>(`SELECT (SELECT paragraphs FROM bench_generated ORDER BY at DESC LIMIT 1) AS n`)
      .catch(() => [{ n: 0 }]),
  );
  if (generated?.n !== TOTAL_PARAGRAPHS) {
    console.log(
      `Generating ${TOTAL_PARAGRAPHS} §§ into ${process.env.BENCH_SEARCH_DIR ?? "/work/bench-data/search-1m"} …`,
    );
    await generate(server.superUrl);
  }
  const [size] = await asPlatform(() =>
    db.$queryRawUnsafe<
      { rows: bigint; orgs: bigint; bodies: bigint; meetings: bigint; bytes: string; narrow: string }[]
    >(
      `SELECT (SELECT count(*) FROM "PublicSearchEntry") AS rows, (SELECT count(*) FROM "Organisation") AS orgs,
       (SELECT count(*) FROM "Body") AS bodies, (SELECT count(*) FROM "Meeting") AS meetings,
       pg_size_pretty(pg_total_relation_size('"PublicSearchEntry"')) AS bytes,
       pg_size_pretty(pg_total_relation_size('"PublicSearchVector"')) AS narrow`,
    ),
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
  const orgs = await asPlatform(() =>
    db.organisation.findMany({
      select: { id: true, slug: true, bodies: { select: { slug: true } } },
      orderBy: { slug: "asc" },
    }),
  );
  for (const o of orgs) organisationIds.set(o.slug, o.id);
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

  // Warm-up: the whole mix once before the clock, as a production server's caches hold the index
  // pages its searches keep asking for. (A warm-up of 30 left the timed app pass reading cold
  // pages that the later passes — EXPLAIN, node-postgres — then found warm: an unfair comparison.)
  for (const c of cases) await search(c.query);
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
    `\nNational search: ${size!.rows} public §§ (${size!.orgs} organisations, ${size!.bodies} bodies, ${size!.meetings} meetings, ${FIRST_YEAR}–${LAST_YEAR}), PublicSearchEntry ${size!.bytes}, PublicSearchVector ${size!.narrow}`,
  );
  console.log(`PostgreSQL: ${server.settings}; searched as the app's role in its tenancy scope`);
  const timedOut = [...totals.values()].flat().filter((t) => t < 0).length;
  if (timedOut)
    console.log(
      `${timedOut} queries cancelled at the statement timeout of ${TIMEOUT_MS} ms (counted as ${TIMEOUT_MS} ms)`,
    );
  console.log(
    `Load average while measuring: ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
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

  // The same queries' time inside the server (EXPLAIN ANALYZE without per-node timing: planning
  // plus execution), which the machine's load and the client's round trips move less.
  const serverSide: number[] = [];
  const serverByClass = new Map<string, number[]>();
  const planning: number[] = [];
  for (const c of cases) {
    const plan = await inScope(c.query, () =>
      db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY) ${searchArchiveSql(c.query)}`,
      ),
    ).catch(() => []);
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    const ms = ["Planning Time", "Execution Time"]
      .map((k) => Number(new RegExp(`${k}: ([0-9.]+) ms`).exec(text)?.[1] ?? NaN))
      .reduce((a, b) => a + b, 0);
    serverSide.push(ms);
    (serverByClass.get(c.cls) ?? serverByClass.set(c.cls, []).get(c.cls)!).push(ms);
    planning.push(Number(/Planning Time: ([0-9.]+) ms/.exec(text)?.[1] ?? NaN));
  }
  console.log(`\nInside the server (planning + execution, EXPLAIN ANALYZE with TIMING OFF):`);
  console.log(`${"class".padEnd(24)}    n   p50 ms   p95 ms   p99 ms`);
  for (const cls of classes) {
    const xs = serverByClass.get(cls)!;
    console.log(
      `${cls.padEnd(24)} ${String(xs.length).padStart(4)} ${quantile(xs, 0.5).toFixed(1).padStart(8)} ${quantile(xs, 0.95).toFixed(1).padStart(8)} ${quantile(xs, 0.99).toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    `${"overall".padEnd(24)} ${String(serverSide.length).padStart(4)} ${quantile(serverSide, 0.5).toFixed(1).padStart(8)} ${quantile(serverSide, 0.95).toFixed(1).padStart(8)} ${quantile(serverSide, 0.99).toFixed(1).padStart(8)}`,
  );

  console.log(
    `of which planning: p50 ${quantile(planning, 0.5).toFixed(1)} ms, p95 ${quantile(planning, 0.95).toFixed(1)} ms`,
  );

  // Where the wall time beyond the server's goes: the same SQL through node-postgres alone (one
  // connection, its scope set before the clock starts), without Prisma and the app's pool.
  const plain = new pg.Client({ connectionString: server.appUrl });
  await plain.connect();
  const direct: number[] = [];
  for (const c of cases) {
    const scope = c.query.organisationSlug ? organisationIds.get(c.query.organisationSlug)! : PLATFORM_SCOPE;
    await plain.query("SELECT set_config('app.organisation', $1, false)", [scope]);
    const sql = searchArchiveSql(c.query);
    const t = performance.now();
    await plain.query(sql.text, sql.values);
    direct.push(performance.now() - t);
  }
  await plain.end();
  const line = (name: string, xs: number[]) =>
    `${name.padEnd(44)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)}  p95 ${quantile(xs, 0.95).toFixed(1).padStart(6)}  p99 ${quantile(xs, 0.99).toFixed(1).padStart(6)} ms`;
  console.log(`\nWall time, overall:`);
  console.log(line("the app (searchArchive: Prisma, scoped pool)", all));
  console.log(line("node-postgres alone, the same SQL", direct));
  console.log(line("inside the server (planning + execution)", serverSide));
  console.log(`The five slowest inside the server:`);
  for (const i of serverSide
    .map((ms, i) => [ms, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5)
    .map(([, i]) => i))
    console.log(
      `  ${serverSide[i]!.toFixed(1).padStart(7)} ms (planning ${planning[i]!.toFixed(1)}, wall ${all[i]!.toFixed(1)})  ${cases[i]!.cls.padEnd(22)} ${JSON.stringify({ ...cases[i]!.query, page: undefined, pageSize: undefined })}`,
    );

  // The slowest class by p95, and EXPLAIN (ANALYZE, BUFFERS) of its slowest query: the app's SQL.
  const worst = classes.reduce((a, b) => (quantile(times.get(a)!, 0.95) >= quantile(times.get(b)!, 0.95) ? a : b));
  const worstCase = cases
    .map((c, i) => ({ c, ms: all[i]! }))
    .filter(({ c }) => c.cls === worst)
    .reduce((a, b) => (a.ms >= b.ms ? a : b)).c;
  console.log(`\nSlowest class by p95: "${worst}"; its slowest query ${JSON.stringify(worstCase.query)}:`);
  const explain = (options: string) =>
    inScope(worstCase.query, () =>
      db.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN (${Prisma.raw(options)}) ${searchArchiveSql(worstCase.query)}`,
      ),
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
