// Generates the national search benchmark's data: 300 organisations, each with 2–5 bodies and
// 20 years (2007–2026) of justerade meetings, and 1,000,000 public §§ in PublicSearchEntry, titles
// and texts drawn from bench/search-national/words.txt with Zipf frequencies (p(rank r) ∝ 1/r),
// deterministic (seeded). Loaded with COPY into a staging table, then INSERT … SELECT into
// PublicSearchEntry computing tsv and anonTsv with exactly the expressions of the table's trigger
// (paragraf_guard_search_entry, migration 20261205010000_public_retention):
//   tsv     = setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', text), 'B')
//   anonTsv = the same over anonTitle/anonText.
// The load runs with session_replication_role = replica (triggers off), because the guard only
// lets the app write index rows inside the transaction that justerar the meeting; the rows are
// what that transaction writes (the §'s public text, and the same text with names withheld).
// Paragraph rows are not generated: the search reads only PublicSearchEntry, Meeting, Body and
// Organisation. The narrow rows search matches (PublicSearchVector) are copied from them as the
// entry table's trigger would. The GIN/btree indexes of both are dropped for the load and rebuilt once.
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

export const TOTAL_PARAGRAPHS = Number(process.env.BENCH_SEARCH_PARAGRAPHS ?? 1_000_000);
/** 300 at 1M §§; proportionally fewer for a smaller trial run. */
export const ORGANISATIONS = Math.max(3, Math.round((300 * TOTAL_PARAGRAPHS) / 1_000_000));
export const FIRST_YEAR = 2007;
export const LAST_YEAR = 2026;

/** mulberry32: a small seeded PRNG, so every run generates the same corpus. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadWords(): string[] {
  return readFileSync(path.join(import.meta.dirname, "words.txt"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"));
}

/** A Zipf sampler over ranked words: p(rank r) ∝ 1/r^s. */
export function zipf(words: string[], rand: () => number, s = 1) {
  const cum = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cum[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

const NAMNDER = [
  ["barn-och-utbildningsnamnden", "Barn- och utbildningsnämnden", "Barn- och utbildningsnämndens"],
  ["socialnamnden", "Socialnämnden", "Socialnämndens"],
  ["miljo-och-byggnadsnamnden", "Miljö- och byggnadsnämnden", "Miljö- och byggnadsnämndens"],
  ["kultur-och-fritidsnamnden", "Kultur- och fritidsnämnden", "Kultur- och fritidsnämndens"],
  ["tekniska-namnden", "Tekniska nämnden", "Tekniska nämndens"],
] as const;
const FIRST = "Anna Erik Maria Lars Karin Per Eva Anders Sara Johan Lena Mikael Emma Nils Ingrid Olof".split(" ");
const LAST =
  "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Berg Lindqvist".split(" ");

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
const field = (v: string | number | null) =>
  v === null
    ? "\\N"
    : String(v).replaceAll("\\", "\\\\").replaceAll("\t", "\\t").replaceAll("\n", "\\n").replaceAll("\r", "\\r");
const line = (...vs: (string | number | null)[]) => vs.map(field).join("\t") + "\n";

async function copy(client: pg.Client, sql: string, rows: Iterable<string>) {
  function* batched() {
    let buf = "";
    for (const r of rows) {
      buf += r;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(batched()), client.query(copyFrom(sql)));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function generate(url: string, log: (s: string) => void = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const rand = prng(19);
    const words = loadWords();
    const word = zipf(words, rand);
    const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
    const now = new Date().toISOString();

    await client.query("SET session_replication_role = replica");
    await client.query(`TRUNCATE "PublicSearchEntry", "Meeting", "Body", "Organisation" CASCADE`);

    type Org = { id: string; slug: string; prefix: string; weight: number; namesYears: number | null };
    type Body = {
      id: string;
      orgId: string;
      slug: string;
      name: string;
      genitive: string;
      kind: string;
      meetings: number;
      weight: number;
      org: Org;
    };
    const orgs: Org[] = Array.from({ length: ORGANISATIONS }, (_, i) => {
      const n = String(i + 1).padStart(3, "0");
      return {
        id: `org${n}`,
        slug: `kommun-${n}`,
        prefix: `K${n}`,
        weight: 0.25 + 3 * rand() ** 2,
        namesYears: rand() < 0.2 ? 3 + Math.floor(rand() * 8) : null,
      };
    });
    const bodies: Body[] = orgs.flatMap((o) => {
      const list: Body[] = [
        {
          id: `${o.id}-kf`,
          orgId: o.id,
          slug: "kommunfullmaktige",
          name: "Kommunfullmäktige",
          genitive: "Kommunfullmäktiges",
          kind: "FULLMAKTIGE",
          meetings: 6,
          weight: 1.5,
          org: o,
        },
        {
          id: `${o.id}-ks`,
          orgId: o.id,
          slug: "kommunstyrelsen",
          name: "Kommunstyrelsen",
          genitive: "Kommunstyrelsens",
          kind: "STYRELSE",
          meetings: 10,
          weight: 1.5,
          org: o,
        },
      ];
      for (const [slug, name, genitive] of NAMNDER.slice(0, 1 + Math.floor(rand() * 3)))
        list.push({
          id: `${o.id}-${slug}`,
          orgId: o.id,
          slug,
          name,
          genitive,
          kind: "NAMND",
          meetings: 8,
          weight: 1,
          org: o,
        });
      return list;
    });
    await copy(
      client,
      `COPY "Organisation" (id, slug, name, kind, "caseNumberPrefix", "publicNamesYears", "updatedAt") FROM STDIN`,
      orgs.map((o) => line(o.id, o.slug, `Kommun ${o.slug.slice(7)}`, "KOMMUN", o.prefix, o.namesYears, now)),
    );
    await copy(
      client,
      `COPY "Body" (id, "organisationId", slug, name, "genitiveName", kind, "seatCount", "updatedAt") FROM STDIN`,
      bodies.map((b) =>
        line(b.id, b.orgId, b.slug, b.name, b.genitive, b.kind, b.kind === "FULLMAKTIGE" ? 41 : 11, now),
      ),
    );

    // Meetings: each body meets `meetings` times a year, spread over the year (the last year up to November).
    type Meeting = { id: string; body: Body; date: string; year: number; weight: number; paragraphs: number };
    const meetings: Meeting[] = [];
    for (const b of bodies)
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
        for (let k = 0; k < b.meetings; k++) {
          const day = Math.floor(((k + rand() * 0.8) / b.meetings) * (year === LAST_YEAR ? 330 : 360));
          const date = iso(new Date(Date.UTC(year, 0, 1 + day)));
          meetings.push({
            id: `${b.id}-${date}`,
            body: b,
            date,
            year,
            weight: b.org.weight * b.weight * (0.5 + rand()),
            paragraphs: 0,
          });
        }
    // Distribute the §§ over the meetings by weight (organisation size × body), exactly TOTAL_PARAGRAPHS.
    const W = meetings.reduce((s, m) => s + m.weight, 0);
    let assigned = 0;
    for (const m of meetings) {
      const e = (TOTAL_PARAGRAPHS * m.weight) / W;
      m.paragraphs = Math.max(1, Math.floor(e) + (rand() < e - Math.floor(e) ? 1 : 0));
      assigned += m.paragraphs;
    }
    while (assigned !== TOTAL_PARAGRAPHS) {
      const m = meetings[Math.floor(rand() * meetings.length)]!;
      const d = assigned < TOTAL_PARAGRAPHS ? 1 : m.paragraphs > 1 ? -1 : 0;
      m.paragraphs += d;
      assigned += d;
    }
    meetings.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    await copy(
      client,
      `COPY "Meeting" (id, "bodyId", slug, date, place, status, "adjustedOn", "updatedAt") FROM STDIN`,
      meetings.map((m) => {
        const adjusted = iso(new Date(Date.parse(m.date) + 7 * 86_400_000));
        return line(m.id, m.body.id, m.id, m.date, "Sessionssalen", "ADJUSTED", adjusted, now);
      }),
    );
    log(`  ${orgs.length} organisations, ${bodies.length} bodies, ${meetings.length} meetings`);

    // The §§, in order of justering (as the app writes them), into a staging table.
    await client.query(`DROP TABLE IF EXISTS bench_stage`);
    await client.query(`CREATE UNLOGGED TABLE bench_stage ("paragraphId" text, "meetingId" text, "bodyId" text, year int,
      number int, title text, text text, "anonTitle" text, "anonText" text)`);
    const numbers = new Map<string, number>();
    function* paragraphRows() {
      let i = 0;
      for (const m of meetings)
        for (let k = 0; k < m.paragraphs; k++) {
          const key = `${m.body.id}/${m.year}`;
          const number = (numbers.get(key) ?? 0) + 1;
          numbers.set(key, number);
          const t = phrase(3 + Math.floor(rand() * 6));
          const title = t[0]!.toUpperCase() + t.slice(1);
          const confidential = rand() < 0.02;
          const names = Array.from(
            { length: Math.floor(rand() * 3) },
            () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
          );
          const parts = [
            `${m.body.org.prefix} ${m.year}/${number}`,
            `${m.body.name} beslutar att ${phrase(5 + Math.floor(rand() * 15))}`,
            phrase(20 + Math.floor(rand() * 90)),
            ...names.map((n) => `${n} yrkar ${phrase(3 + Math.floor(rand() * 8))}`),
          ];
          const text = confidential ? "" : parts.join("\n");
          const anonText = confidential ? "" : names.reduce((s, n) => s.replaceAll(n, "[utelämnat]"), text);
          yield line(`p${++i}`, m.id, m.body.id, m.year, number, title, text, title, anonText);
        }
    }
    await copy(client, `COPY bench_stage FROM STDIN`, paragraphRows());
    log(`  ${TOTAL_PARAGRAPHS} §§ staged in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE tablename IN ('PublicSearchEntry', 'PublicSearchVector') AND indexname NOT LIKE '%_pkey'`,
    );
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
    const t1 = performance.now();
    await client.query(`INSERT INTO "PublicSearchEntry" ("paragraphId", "meetingId", "bodyId", year, number, title, text, tsv,
        "anonTitle", "anonText", "anonTsv")
      SELECT "paragraphId", "meetingId", "bodyId", year, number, title, text,
        setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', text), 'B'),
        "anonTitle", "anonText",
        CASE WHEN "anonTitle" IS NULL OR "anonText" IS NULL THEN NULL
          ELSE setweight(to_tsvector('swedish', "anonTitle"), 'A') || setweight(to_tsvector('swedish', "anonText"), 'B') END
      FROM bench_stage`);
    log(`  tsv and anonTsv computed in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    // The narrow rows search matches, as the entry table's trigger writes them (paragraf_search_vector_of_entry,
    // migration 20261207040000_search_vectors), in the same order.
    await client.query(`INSERT INTO "PublicSearchVector" ("paragraphId", "organisationId", "bodyId", "meetingId",
        "meetingSlug", "date", "adjustedOn", "year", "number", "tsv", "anonTsv")
      SELECT e."paragraphId", b."organisationId", e."bodyId", e."meetingId", m.slug, m.date, m."adjustedOn", e.year,
        e.number, e.tsv, e."anonTsv"
      FROM "PublicSearchEntry" e JOIN "Meeting" m ON m.id = e."meetingId" JOIN "Body" b ON b.id = e."bodyId"`);
    await client.query(`DROP TABLE bench_stage`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    const t2 = performance.now();
    for (const ix of indexes) await client.query(ix.def);
    log(`  ${indexes.length} indexes rebuilt in ${((performance.now() - t2) / 1000).toFixed(0)} s`);
    await client.query(`VACUUM ANALYZE "PublicSearchEntry"`);
    await client.query(`VACUUM ANALYZE "PublicSearchVector"`);
    await client.query(`VACUUM ANALYZE "Meeting"`);
    await client.query(`ANALYZE "Body"`);
    await client.query(`ANALYZE "Organisation"`);
    await client.query(`CREATE TABLE IF NOT EXISTS bench_generated (paragraphs int, at timestamptz DEFAULT now())`);
    await client.query(`INSERT INTO bench_generated (paragraphs) VALUES ($1)`, [TOTAL_PARAGRAPHS]);
    log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await client.end();
  }
}
