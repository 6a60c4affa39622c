// Archive benchmark: full-text search over 20,000 generated public §§ (PostgreSQL, swedish
// configuration, GIN index) against a primary-key lookup, p50/p95 over 200 queries each.
//   npx tsx bench/archive/run.ts      (BENCH_PARAGRAPHS=20000)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";
import { createPrismaClient } from "../../src/server/db";
import { searchArchive } from "../../src/modules/publication/public.search";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { justeraDemoMeeting } from "../../prisma/seed/justera-demo";
import { loadSeed } from "../../prisma/seed/load-seed";

const ROOT = path.resolve(import.meta.dirname, "../..");
const N = Number(process.env.BENCH_PARAGRAPHS ?? 20_000);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-bench-archive-"));
const pg = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
await pg.createDatabase("bench");
const url = pg.urlFor("bench");
try {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const db = createPrismaClient(url);
  await loadSeed(db, itsamSeed);
  await justeraDemoMeeting(db);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "direktionen-2021-11-18" } });

  // Generate N index rows from the seed's own vocabulary, spread over 10 years.
  const t0 = performance.now();
  await db.$executeRawUnsafe(`CREATE TEMP TABLE bench_words AS
    SELECT array_agg(w) AS w, count(*)::int AS n FROM (SELECT DISTINCT regexp_split_to_table(lower(text), '[^[:alpha:]]+') AS w FROM "PublicSearchEntry") x WHERE length(w) > 3`);
  await db.$executeRawUnsafe(
    `
    INSERT INTO "PublicSearchEntry" ("paragraphId", "meetingId", "bodyId", year, number, title, text, tsv)
    SELECT 'gen-' || g, $1, $2, 2015 + (g % 10), g, t.title, t.text,
      setweight(to_tsvector('swedish', t.title), 'A') || setweight(to_tsvector('swedish', t.text), 'B')
    FROM generate_series(1, ${N}) g
    CROSS JOIN bench_words b
    CROSS JOIN LATERAL (SELECT
      array_to_string(ARRAY(SELECT b.w[1 + floor(random() * b.n)::int] FROM generate_series(1, 4 + g % 3) WHERE g > 0), ' ') AS title,
      array_to_string(ARRAY(SELECT b.w[1 + floor(random() * b.n)::int] FROM generate_series(1, 120 + g % 80) WHERE g > 0), ' ') AS text) t`,
    meeting.id,
    meeting.bodyId,
  );
  await db.$executeRawUnsafe(`ANALYZE "PublicSearchEntry"`);
  const generated = performance.now() - t0;

  const queries = [
    "Google Workspace",
    "budget",
    "verksamhetsplan",
    "utträde kommunalförbundet",
    "prislista",
    "rekrytering",
    "leasing datorer",
    "sammanträdesdagar",
  ];
  const search: number[] = [];
  let hits = 0;
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const r = await searchArchive(db, { q: queries[i % queries.length]!, page: 1, pageSize: 20 });
    search.push(performance.now() - t);
    hits += r.total;
  }
  const ids = (await db.paragraph.findMany({ select: { id: true } })).map((p) => p.id);
  const lookup: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await db.paragraph.findUnique({ where: { id: ids[i % ids.length]! } });
    lookup.push(performance.now() - t);
  }
  console.log(
    `\nArchive: ${N} generated §§ indexed in ${(generated / 1000).toFixed(1)} s; ${(hits / 200).toFixed(0)} hits per search on average`,
  );
  console.log("query                         p50 ms   p95 ms");
  console.log(
    `full-text search (ranked, snippets)  ${quantile(search, 0.5).toFixed(1).padStart(6)}  ${quantile(search, 0.95).toFixed(1).padStart(7)}`,
  );
  console.log(
    `primary-key lookup                   ${quantile(lookup, 0.5).toFixed(1).padStart(6)}  ${quantile(lookup, 0.95).toFixed(1).padStart(7)}`,
  );
  console.log(`ratio search/lookup (p95)            ${(quantile(search, 0.95) / quantile(lookup, 0.95)).toFixed(1)}×`);
  await db.$disconnect();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
