// The public archive's full-text search (PostgreSQL, Swedish stemming). The index is written
// when a protocol becomes public, from its public copy: drafts and confidential text are never
// in it.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { toPublicProtocol, toPublicProtocolWithoutNames } from "@/domain/publication/public.rules";
import { PUBLIC_STATUSES } from "@/domain/lifecycle";
import { isoDateOf } from "@/lib/iso-date";
import { today } from "@/server/clock";

type Db = PrismaClient | Prisma.TransactionClient;

/** `m.status::text IN (…)` of the raw queries below: the public states, as bound parameters. */
const publicStatuses = () => Prisma.join([...PUBLIC_STATUSES]);

/** The searchable text of a public §: decision, sections, underlag, yrkanden, propositions … */
export function paragraphSearchText(p: ParagraphDTO): string {
  return [
    p.caseNumber ?? "",
    p.decision.intro,
    ...p.decision.clauses,
    ...p.sections.flatMap((s) => [s.heading, toPlainText(s.content)]),
    ...p.basisDocuments,
    ...p.motions.map((m) => `${m.name} ${m.text}`),
    ...p.propositions,
    ...p.votes.map((v) => `${v.question} ${v.result}`),
    ...p.reservations.map((r) => `${r.name} ${r.reasons ?? ""}`),
    ...p.notes.map((n) => n.text),
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Writes the search index of a protocol that has just become public: per §, the public copy as of
 * justering, and the same copy with every name withheld, which search matches instead once the
 * organisation's names rule applies (retention.ts; the rule is read at search time, so a rule
 * set or changed later applies to old protocols too).
 */
export async function indexPublicProtocol(db: Db, protocol: ProtocolDTO, bodyId: string): Promise<void> {
  const pub = toPublicProtocol(protocol, protocol.meeting.adjustedOn ?? protocol.meeting.date);
  const anon = new Map(toPublicProtocolWithoutNames(protocol).paragraphs.map((p) => [p.id, p]));
  const year = Number(pub.meeting.date.slice(0, 4));
  await db.$executeRaw`DELETE FROM "PublicSearchEntry" WHERE "meetingId" = ${pub.meeting.id}`;
  for (const p of pub.paragraphs) {
    const a = anon.get(p.id)!;
    const text = p.isConfidential ? "" : paragraphSearchText(p);
    const anonText = a.isConfidential ? "" : paragraphSearchText(a);
    // tsv and anonTsv are computed by the table's trigger (paragraf_guard_search_entry).
    await db.$executeRaw`
      INSERT INTO "PublicSearchEntry" ("paragraphId", "meetingId", "bodyId", year, number, title, text, tsv,
        "anonTitle", "anonText")
      VALUES (${p.id}, ${pub.meeting.id}, ${bodyId}, ${year}, ${p.number}, ${p.title}, ${text},
        to_tsvector('swedish', ''), ${a.title}, ${anonText})`;
  }
}

export interface SearchHit {
  slug: string;
  /** The organisation whose protocol it is (its public pages are under /<organisationSlug>/). */
  organisationSlug: string;
  bodyName: string;
  meetingDate: string;
  /** The § number; null for a hit on a historical protocol as a whole (its title or description). */
  number: number | null;
  title: string;
  /** Excerpt with matches between the markers « and » (rendered as <mark>, never as HTML). */
  snippet: string;
  /** A historical protocol: justerat on paper, scanned, not signed in Paragraf. */
  scanned: boolean;
  /** The public page of the hit (with the § as fragment). */
  href: string;
}

export interface SearchQuery {
  q: string;
  /** Only the §§ of one organisation's bodies (its public site). */
  organisationSlug?: string | null;
  /** Only one body's §§ (a body's slug is unique within its organisation). */
  bodySlug?: string | null;
  year?: number | null;
  page?: number;
  pageSize?: number;
}

export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

/** The public page of an organisation's protocol: signed in Paragraf, or historical (scanned). */
export function publicProtocolPath(organisationSlug: string, slug: string, scanned = false): string {
  const org = encodeURIComponent(organisationSlug);
  return scanned ? `/${org}/protokoll/inskannade/${slug}` : `/${org}/protokoll/${slug}`;
}

/**
 * How many matching §§ search ranks at most: the newest this many (by year). A query matching more
 * shows "fler än 1 000 träffar" and ranks those; fewer, and every match is ranked and counted.
 */
export const SEARCH_RANKED_MAX = 1000;

/**
 * A search of every organisation whose words match fewer §§ than this in the newest year is rare:
 * all its matches are found in one index scan (rather than one per year) and sorted by year.
 */
const SEARCH_RARE = 80;

export interface SearchResult {
  /** The number of hits, at most SEARCH_RANKED_MAX (plus historical ones) when `more` is true. */
  total: number;
  /** More §§ match than SEARCH_RANKED_MAX: the total is "more than", the hits the best of the newest. */
  more: boolean;
  hits: SearchHit[];
}

/**
 * Full-text search over the public §§: those of protocols justerade in Paragraf (the index written
 * at justering) and those of public historical protocols (the § titles and Dnr typed at
 * registration, and the protocol's own title and description; few enough to be matched without
 * an index of their own).
 */
export async function searchArchive(db: PrismaClient, query: SearchQuery): Promise<SearchResult> {
  const rows = await db.$queryRaw<SearchRow[]>(searchArchiveSql(query));
  const live = Number(rows[0]?.live ?? 0);
  const more = live > SEARCH_RANKED_MAX;
  return {
    total: Number(rows[0]?.total ?? 0) - (more ? live - SEARCH_RANKED_MAX : 0),
    more,
    hits: rows.map((r) => ({
      slug: r.slug,
      organisationSlug: r.organisationSlug,
      bodyName: r.bodyName,
      meetingDate: isoDateOf(r.date),
      number: r.number,
      title: r.title,
      snippet: r.snippet,
      scanned: r.scanned,
      href:
        publicProtocolPath(r.organisationSlug, r.slug, r.scanned) + (r.number === null ? "" : `#paragraf-${r.number}`),
    })),
  };
}

interface SearchRow {
  scanned: boolean;
  slug: string;
  organisationSlug: string;
  bodyName: string;
  date: Date;
  number: number | null;
  title: string;
  snippet: string;
  total: bigint;
  live: bigint;
}

/**
 * The SQL of searchArchive (exported for the benchmark's EXPLAIN: the very query the app runs).
 * Two steps, so that a common word over a million §§ costs no more than a rare one:
 * 1. The matching §§ of Paragraf's index, the newest SEARCH_RANKED_MAX + 1 of them, from the view
 *    "PublicSearchMatch" (the narrow rows of PublicSearchVector in the request's tenancy scope;
 *    migration 20261207040000_search_vectors) and its GIN indexes on (organisationId, bodyId,
 *    year, vector) (btree_gin; the keys written as each index's own expressions, `key` below):
 *    - searching one organisation: one index scan of all its years (with the body and the year
 *      as keys when asked for), its matches sorted by year, the newest kept;
 *    - searching every organisation: year by year from the newest, one index scan each, until
 *      there are enough; the name-free versions only in the years that can hold a § past a
 *      rule (CTE "old").
 *    A § past its organisation's names rule is matched on its name-free version (anonTsv)
 *    instead, never on the one with names; an organisation without the rule is not searched in
 *    the name-free versions at all. Only the kept candidates are ranked (ts_rank).
 * 2. Those candidates and the public historical protocols' matches sorted; title, text,
 *    ts_headline, the body's name and the organisation's address only for the page shown.
 */
export function searchArchiveSql(query: SearchQuery): Prisma.Sql {
  const pageSize = Math.min(50, Math.max(1, query.pageSize ?? 20));
  const page = Math.max(1, query.page ?? 1);
  const organisation = query.organisationSlug
    ? Prisma.sql`AND b."organisationId" IN (SELECT id FROM "Organisation" WHERE slug = ${query.organisationSlug})`
    : Prisma.empty;
  const body = query.bodySlug ? Prisma.sql`AND b.slug = ${query.bodySlug}` : Prisma.empty;
  const scannedYear = query.year ? Prisma.sql`AND h.year = ${query.year}` : Prisma.empty;
  const q = query.q.slice(0, 200);
  // The organisation's names rule (retention.ts namesWithdrawn), in SQL: N years after justering.
  const withheld = (years: Prisma.Sql) => Prisma.sql`(${years} IS NOT NULL AND v."adjustedOn" IS NOT NULL
    AND (v."adjustedOn" + make_interval(years => ${years}))::date <= ${today()}::date)`;
  const headline = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const candidate = (vector: "tsv" | "anonTsv") => Prisma.sql`
        SELECT v."paragraphId", ${Prisma.raw(vector === "anonTsv" ? "true" : "false")} AS anon, v."organisationId",
          v."bodyId", v."meetingSlug" AS slug, v.date, v.number, v.year, v.${Prisma.raw(`"${vector}"`)} AS vector
        FROM "PublicSearchMatch" v`;
  const matches = (vector: "tsv" | "anonTsv") => Prisma.sql`v.${Prisma.raw(`"${vector}"`)} @@ (SELECT query FROM q)`;
  // The keys of each vector's GIN index, written as its expressions (migration
  // 20261208000100_search_own_keys): different for the two, so a scan for one vector can only use
  // its own index, with the words as a key, never the other's with the organisation alone.
  const key = (vector: "tsv" | "anonTsv", column: "organisation" | "body" | "year") =>
    Prisma.raw(
      {
        organisation: vector === "tsv" ? `(v."organisationId" || '')` : `(v."organisationId" || '/')`,
        body: vector === "tsv" ? `(v."bodyId" || '')` : `(v."bodyId" || '/')`,
        year: vector === "tsv" ? `(v.year + 0)` : `(v.year - 0)`,
      }[column],
    );

  let live: Prisma.Sql;
  if (query.organisationSlug) {
    // One organisation: its matches of every year (or the one asked for) in one index scan per vector.
    const keys = (vector: "tsv" | "anonTsv") => Prisma.sql`${key(vector, "organisation")} = (SELECT id FROM org)
      ${query.bodySlug ? Prisma.sql`AND ${key(vector, "body")} = (SELECT b.id FROM "Body" b WHERE b."organisationId" = (SELECT id FROM org) AND b.slug = ${query.bodySlug})` : Prisma.empty}
      ${query.year ? Prisma.sql`AND ${key(vector, "year")} = ${query.year}` : Prisma.empty}`;
    const years = Prisma.sql`(SELECT "publicNamesYears" FROM org)`;
    live = Prisma.sql`
    org AS MATERIALIZED (SELECT id, "publicNamesYears" FROM "Organisation" WHERE slug = ${query.organisationSlug}),
    candidates AS (
      SELECT * FROM (
        ${candidate("tsv")} WHERE ${keys("tsv")} AND ${matches("tsv")} AND NOT ${withheld(years)}
        UNION ALL
        -- Protocols past the organisation's names rule: the name-free version of each § (none: not found).
        ${candidate("anonTsv")} WHERE ${years} IS NOT NULL AND ${keys("anonTsv")} AND ${matches("anonTsv")} AND ${withheld(years)}
      ) c
      ORDER BY year DESC
      LIMIT ${SEARCH_RANKED_MAX + 1}
    ),`;
  } else {
    // Every organisation. A common query: year by year from the newest (or the year asked for),
    // one index scan each, until enough. A rare one (fewer than SEARCH_RARE matches in the
    // newest year, so about 2,000 at most in all): one index scan of all years, sorted.
    const bodies = query.bodySlug
      ? Prisma.sql`AND v."bodyId" IN (SELECT b.id FROM "Body" b WHERE b.slug = ${query.bodySlug})`
      : Prisma.empty;
    // The candidate's organisation's rule: a lookup in one JSON object of the few organisations with one.
    const rule = Prisma.sql`((SELECT r.years FROM rules r) ->> v."organisationId")::int`;
    // The name-free versions are probed only in the years up to the newest that can hold a § past a
    // rule (CTE "old"; none: never), a test without the row's columns, so PostgreSQL makes it a
    // one-time filter before the index scan.
    const both = (where: (vector: "tsv" | "anonTsv") => Prisma.Sql, anyWithheld: Prisma.Sql) => Prisma.sql`
        ${candidate("tsv")} WHERE ${where("tsv")} AND ${matches("tsv")} ${bodies} AND NOT ${withheld(rule)}
        UNION ALL
        -- Protocols past the organisation's names rule: the name-free version of each § (none: not found).
        ${candidate("anonTsv")} WHERE ${anyWithheld} AND ${where("anonTsv")} AND ${matches("anonTsv")} ${bodies} AND ${withheld(rule)}`;
    const byYear = Prisma.sql`
      SELECT c.*
      FROM years CROSS JOIN LATERAL (${both((vector) => Prisma.sql`${key(vector, "year")} = years.y`, Prisma.sql`years.y <= (SELECT y FROM old)`)}) c
      LIMIT ${SEARCH_RANKED_MAX + 1}`;
    live = Prisma.sql`
    -- The organisations with a names rule (few), for the rule's test of each candidate.
    rules AS MATERIALIZED (
      SELECT coalesce(jsonb_object_agg(id, "publicNamesYears"), '{}') AS years, min("publicNamesYears") AS least
      FROM "Organisation"
      WHERE "publicNamesYears" IS NOT NULL
    ),
    -- The newest year with a § justerad at least the shortest rule's years before today (a few days'
    -- margin for 29 February): no § of a later year is past its organisation's rule. One probe of
    -- the index on (year, adjustedOn) per year, from the newest.
    old AS MATERIALIZED (
      SELECT y FROM generate_series(${query.year ?? Prisma.sql`(SELECT max(year) FROM "PublicSearchMatch")`}::int,
        ${query.year ?? Prisma.sql`(SELECT min(year) FROM "PublicSearchMatch")`}::int, -1) y
      WHERE EXISTS (SELECT 1 FROM "PublicSearchMatch" w WHERE w.year = y
        AND w."adjustedOn" < (${today()}::date - make_interval(years => (SELECT r.least FROM rules r)))::date + 3)
      LIMIT 1
    ),
    ${
      query.year
        ? Prisma.sql`
    years AS (SELECT ${query.year}::int AS y),
    candidates AS (${byYear}),`
        : Prisma.sql`
    years AS (SELECT generate_series((SELECT max(year) FROM "PublicSearchMatch"), (SELECT min(year) FROM "PublicSearchMatch"), -1) AS y),
    newest AS MATERIALIZED (
      SELECT count(*) AS n FROM (SELECT 1 FROM "PublicSearchMatch" v
        WHERE ${key("tsv", "year")} = (SELECT max(y) FROM years) AND ${matches("tsv")} ${bodies} LIMIT ${SEARCH_RARE}) x
    ),
    candidates AS (
      SELECT * FROM (${byYear}) c WHERE (SELECT n FROM newest) >= ${SEARCH_RARE}
      UNION ALL
      SELECT * FROM (SELECT * FROM (${both(() => Prisma.sql`true`, Prisma.sql`(SELECT y FROM old) IS NOT NULL`)}) a
        ORDER BY year DESC LIMIT ${SEARCH_RANKED_MAX + 1}) c
      WHERE (SELECT n FROM newest) < ${SEARCH_RARE}
    ),`
    }`;
  }
  return Prisma.sql`
    WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('swedish', ${q}) AS query),
    ${live}
    -- The public historical protocols (few; their §§ and texts are matched without an index).
    scanned AS MATERIALIZED (
      SELECT h.id, h.slug, h."bodyId", h."meetingDate", h.title, h.description FROM "HistoricalProtocol" h
      WHERE h."isPublic" ${scannedYear}
    ),
    hits AS (
      SELECT false AS scanned, slug, "organisationId", "bodyId", NULL AS "organisationSlug", NULL AS "bodyName", date,
        number, "paragraphId", anon, NULL AS title, NULL AS text, ts_rank(vector, (SELECT query FROM q)) AS rank
      FROM candidates
      UNION ALL
      SELECT true, h.slug, NULL, NULL, o.slug, b.name, h."meetingDate", hp.number, NULL, false, hp.title,
        coalesce('Dnr ' || hp."caseNumber", ''), ts_rank(v.tsv, q.query)
      FROM scanned h
      JOIN "HistoricalParagraph" hp ON hp."historicalProtocolId" = h.id
      JOIN "Body" b ON b.id = h."bodyId"
      JOIN "Organisation" o ON o.id = b."organisationId"
      CROSS JOIN q
      CROSS JOIN LATERAL (SELECT setweight(to_tsvector('swedish', hp.title), 'A')
        || setweight(to_tsvector('swedish', coalesce(hp."caseNumber", '')), 'B') AS tsv) v
      WHERE v.tsv @@ q.query ${organisation} ${body}
      UNION ALL
      SELECT true, h.slug, NULL, NULL, o.slug, b.name, h."meetingDate", NULL, NULL, false, h.title,
        coalesce(h.description, ''), ts_rank(v.tsv, q.query)
      FROM scanned h
      JOIN "Body" b ON b.id = h."bodyId"
      JOIN "Organisation" o ON o.id = b."organisationId"
      CROSS JOIN q
      CROSS JOIN LATERAL (SELECT setweight(to_tsvector('swedish', h.title), 'A')
        || setweight(to_tsvector('swedish', coalesce(h.description, '')), 'B') AS tsv) v
      WHERE v.tsv @@ q.query ${organisation} ${body}
    ),
    page AS (
      SELECT *, count(*) OVER () AS total, count(*) FILTER (WHERE NOT scanned) OVER () AS live
      FROM hits
      ORDER BY rank DESC, date DESC, number ASC NULLS FIRST, slug
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    -- Title and text of the page's §§ only (the name-free version where the rule applies).
    SELECT p.scanned, p.slug, coalesce(p."organisationSlug", o.slug) AS "organisationSlug",
      coalesce(p."bodyName", b.name) AS "bodyName", p.date, p.number,
      coalesce(p.title, CASE WHEN p.anon THEN e."anonTitle" ELSE e.title END) AS title,
      ts_headline('swedish', coalesce(p.text, CASE WHEN p.anon THEN e."anonText" ELSE e.text END), q.query, ${headline})
        AS snippet,
      p.total, p.live
    FROM page p
    LEFT JOIN "PublicSearchEntry" e ON e."paragraphId" = p."paragraphId"
    LEFT JOIN "Body" b ON b.id = p."bodyId"
    LEFT JOIN "Organisation" o ON o.id = p."organisationId"
    CROSS JOIN q
    ORDER BY p.rank DESC, p.date DESC, p.number ASC NULLS FIRST, p.slug`;
}

export interface ArchiveEntry {
  slug: string;
  bodyName: string;
  bodySlug: string;
  meetingDate: string;
  adjustedOn: string | null;
  paragraphs: string;
  /** A historical protocol: justerat on paper, scanned, not signed in Paragraf. */
  scanned: boolean;
  /** Its public page. */
  href: string;
}

/**
 * Public protocols, newest first, filtered by organisation (its public archive), body and year,
 * paged: those justerade in Paragraf and the public historical ones (justerade on paper,
 * registered with their scanned PDF).
 */
export async function listArchive(
  db: PrismaClient,
  filter: {
    organisationId?: string | null;
    bodySlug?: string | null;
    year?: number | null;
    page?: number;
    pageSize?: number;
  },
) {
  const pageSize = filter.pageSize ?? 25;
  const page = Math.max(1, filter.page ?? 1);
  const where = (date: Prisma.Sql) => [
    filter.organisationId ? Prisma.sql`AND b."organisationId" = ${filter.organisationId}` : Prisma.empty,
    filter.bodySlug ? Prisma.sql`AND b.slug = ${filter.bodySlug}` : Prisma.empty,
    filter.year
      ? Prisma.sql`AND ${date} >= make_date(${filter.year}::int, 1, 1) AND ${date} < make_date(${filter.year + 1}::int, 1, 1)`
      : Prisma.empty,
  ];
  const [live, scanned] = [where(Prisma.sql`m.date`), where(Prisma.sql`h."meetingDate"`)];
  const entries = Prisma.sql`
    SELECT false AS scanned, m.slug, o.slug AS "organisationSlug", b.name AS "bodyName", b.slug AS "bodySlug", m.date,
      m."adjustedOn",
      (SELECT min(p.number) FROM "Paragraph" p WHERE p."meetingId" = m.id) AS first,
      (SELECT max(p.number) FROM "Paragraph" p WHERE p."meetingId" = m.id) AS last
    FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId" JOIN "Organisation" o ON o.id = b."organisationId"
    WHERE m.status::text IN (${publicStatuses()}) ${live[0]} ${live[1]} ${live[2]}
    UNION ALL
    SELECT true, h.slug, o.slug, b.name, b.slug, h."meetingDate", h."adjustedOn", h."firstNumber", h."lastNumber"
    FROM "HistoricalProtocol" h JOIN "Body" b ON b.id = h."bodyId" JOIN "Organisation" o ON o.id = b."organisationId"
    WHERE h."isPublic" ${scanned[0]} ${scanned[1]} ${scanned[2]}`;
  const [counted, rows] = await Promise.all([
    db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${entries}) a`,
    db.$queryRaw<
      {
        scanned: boolean;
        slug: string;
        organisationSlug: string;
        bodyName: string;
        bodySlug: string;
        date: Date;
        adjustedOn: Date | null;
        first: number | null;
        last: number | null;
      }[]
    >`SELECT * FROM (${entries}) a ORDER BY date DESC, slug LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const list: ArchiveEntry[] = rows.map((r) => ({
    slug: r.slug,
    bodyName: r.bodyName,
    bodySlug: r.bodySlug,
    meetingDate: isoDateOf(r.date),
    adjustedOn: r.adjustedOn ? isoDateOf(r.adjustedOn) : null,
    paragraphs: r.first === null ? "" : r.first === r.last ? `§ ${r.first}` : `§§ ${r.first}–${r.last}`,
    scanned: r.scanned,
    href: publicProtocolPath(r.organisationSlug, r.slug, r.scanned),
  }));
  return { total: Number(counted[0]?.total ?? 0), entries: list, page, pageSize };
}

/**
 * Bodies and years that have public protocols (in Paragraf or historical), for the archive's
 * filters; of one organisation (its public archive) when `organisationId` is given.
 */
export async function archiveFacets(db: PrismaClient, organisationId?: string) {
  const ofOrganisation = organisationId ? Prisma.sql`AND b."organisationId" = ${organisationId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ slug: string; name: string; year: number }[]>`
    SELECT DISTINCT b.slug, b.name, EXTRACT(YEAR FROM m.date)::int AS year
    FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId"
    WHERE m.status::text IN (${publicStatuses()}) ${ofOrganisation}
    UNION
    SELECT b.slug, b.name, h.year
    FROM "HistoricalProtocol" h JOIN "Body" b ON b.id = h."bodyId"
    WHERE h."isPublic" ${ofOrganisation}
    ORDER BY name, year DESC`;
  const bodies = [...new Map(rows.map((r) => [r.slug, r.name])).entries()].map(([slug, name]) => ({ slug, name }));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return { bodies, years };
}
