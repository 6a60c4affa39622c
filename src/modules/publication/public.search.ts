// The public archive's full-text search (PostgreSQL, Swedish stemming). The index is written
// when a protocol becomes public, from its public copy: drafts and confidential text are never
// in it.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.schema";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import { PUBLIC_STATUSES } from "@/domain/lifecycle";
import { isoDateOf } from "@/lib/iso-date";

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

export async function indexPublicProtocol(db: Db, protocol: ProtocolDTO, bodyId: string): Promise<void> {
  const pub = toPublicProtocol(protocol);
  const year = Number(pub.meeting.date.slice(0, 4));
  await db.$executeRaw`DELETE FROM "PublicSearchEntry" WHERE "meetingId" = ${pub.meeting.id}`;
  for (const p of pub.paragraphs) {
    const text = p.isConfidential ? "" : paragraphSearchText(p);
    await db.$executeRaw`
      INSERT INTO "PublicSearchEntry" ("paragraphId", "meetingId", "bodyId", year, number, title, text, tsv)
      VALUES (${p.id}, ${pub.meeting.id}, ${bodyId}, ${year}, ${p.number}, ${p.title}, ${text},
        setweight(to_tsvector('swedish', ${p.title}), 'A') || setweight(to_tsvector('swedish', ${text}), 'B'))`;
  }
}

export interface SearchHit {
  slug: string;
  bodyName: string;
  meetingDate: string;
  number: number;
  title: string;
  /** Excerpt with matches between the markers « and » (rendered as <mark>, never as HTML). */
  snippet: string;
}

export interface SearchQuery {
  q: string;
  bodySlug?: string | null;
  year?: number | null;
  page?: number;
  pageSize?: number;
}

export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

export async function searchArchive(
  db: PrismaClient,
  query: SearchQuery,
): Promise<{ total: number; hits: SearchHit[] }> {
  const pageSize = Math.min(50, Math.max(1, query.pageSize ?? 20));
  const page = Math.max(1, query.page ?? 1);
  const filters = [
    query.bodySlug ? Prisma.sql`AND b.slug = ${query.bodySlug}` : Prisma.empty,
    query.year ? Prisma.sql`AND e.year = ${query.year}` : Prisma.empty,
  ];
  const q = query.q.slice(0, 200);
  const rows = await db.$queryRaw<
    { slug: string; bodyName: string; date: Date; number: number; title: string; snippet: string; total: bigint }[]
  >`
    WITH q AS (SELECT websearch_to_tsquery('swedish', ${q}) AS query)
    SELECT m.slug, b.name AS "bodyName", m.date, e.number, e.title,
      ts_headline('swedish', e.text, q.query, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet,
      count(*) OVER () AS total
    FROM "PublicSearchEntry" e
    JOIN "Meeting" m ON m.id = e."meetingId"
    JOIN "Body" b ON b.id = e."bodyId"
    CROSS JOIN q
    WHERE e.tsv @@ q.query AND m.status::text IN (${publicStatuses()}) ${filters[0]} ${filters[1]}
    ORDER BY ts_rank(e.tsv, q.query) DESC, m.date DESC, e.number ASC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map((r) => ({
      slug: r.slug,
      bodyName: r.bodyName,
      meetingDate: isoDateOf(r.date),
      number: r.number,
      title: r.title,
      snippet: r.snippet,
    })),
  };
}

export interface ArchiveEntry {
  slug: string;
  bodyName: string;
  bodySlug: string;
  meetingDate: string;
  adjustedOn: string | null;
  paragraphs: string;
}

/** Public protocols, newest first, filtered by body and year, paged. */
export async function listArchive(
  db: PrismaClient,
  filter: { bodySlug?: string | null; year?: number | null; page?: number; pageSize?: number },
) {
  const pageSize = filter.pageSize ?? 25;
  const page = Math.max(1, filter.page ?? 1);
  const where: Prisma.MeetingWhereInput = {
    status: { in: [...PUBLIC_STATUSES] },
    ...(filter.bodySlug ? { body: { slug: filter.bodySlug } } : {}),
    ...(filter.year
      ? { date: { gte: new Date(Date.UTC(filter.year, 0, 1)), lt: new Date(Date.UTC(filter.year + 1, 0, 1)) } }
      : {}),
  };
  const [total, meetings] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({
      where,
      orderBy: { date: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { body: true, paragraphs: { select: { number: true }, orderBy: { number: "asc" } } },
    }),
  ]);
  const entries: ArchiveEntry[] = meetings.map((m) => {
    const first = m.paragraphs[0]?.number;
    const last = m.paragraphs.at(-1)?.number;
    return {
      slug: m.slug,
      bodyName: m.body.name,
      bodySlug: m.body.slug,
      meetingDate: isoDateOf(m.date),
      adjustedOn: m.adjustedOn ? isoDateOf(m.adjustedOn) : null,
      paragraphs: first === undefined ? "" : first === last ? `§ ${first}` : `§§ ${first}–${last}`,
    };
  });
  return { total, entries, page, pageSize };
}

/** Bodies and years that have public protocols, for the archive's filters. */
export async function archiveFacets(db: PrismaClient) {
  const rows = await db.$queryRaw<{ slug: string; name: string; year: number }[]>`
    SELECT DISTINCT b.slug, b.name, EXTRACT(YEAR FROM m.date)::int AS year
    FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId"
    WHERE m.status::text IN (${publicStatuses()})
    ORDER BY b.name, year DESC`;
  const bodies = [...new Map(rows.map((r) => [r.slug, r.name])).entries()].map(([slug, name]) => ({ slug, name }));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  return { bodies, years };
}
