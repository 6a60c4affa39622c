// Reads of historical protocols. The public ones (public: true) pass through the public
// projection (toPublicHistoricalProtocol); a protocol registered as not public never leaves here
// for a public caller, not even its PDF or its existence.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { HistoricalProtocolDTO } from "@/domain/protocol/historical.types";
import { toPublicHistoricalProtocol } from "@/domain/publication/public.rules";
import { isMeetingSlug } from "@/domain/publication/public.rules";
import { isoDateOf } from "@/lib/iso-date";

type Db = PrismaClient | Prisma.TransactionClient;

/** Every column but the PDF's bytes (up to 20 MB: read only to serve them). */
const withoutBytes = {
  id: true,
  slug: true,
  meetingDate: true,
  title: true,
  description: true,
  firstNumber: true,
  lastNumber: true,
  adjustedOn: true,
  postedOn: true,
  takeDownOn: true,
  fileName: true,
  sha256: true,
  isPublic: true,
  registeredByUserId: true,
  registeredAt: true,
  bodyId: true,
  body: { select: { name: true, slug: true, organisation: { select: { name: true } } } },
  registeredBy: { select: { name: true } },
  paragraphs: { orderBy: { number: "asc" }, select: { number: true, title: true, caseNumber: true } },
} satisfies Prisma.HistoricalProtocolSelect;

type Row = Prisma.HistoricalProtocolGetPayload<{ select: typeof withoutBytes }>;

function toDTO(h: Row, sizeBytes: number): HistoricalProtocolDTO {
  return {
    id: h.id,
    slug: h.slug,
    organisation: { name: h.body.organisation.name },
    body: { name: h.body.name, slug: h.body.slug },
    meetingDate: isoDateOf(h.meetingDate),
    title: h.title,
    description: h.description,
    firstNumber: h.firstNumber,
    lastNumber: h.lastNumber,
    adjustedOn: isoDateOf(h.adjustedOn),
    postedOn: isoDateOf(h.postedOn),
    takeDownOn: h.takeDownOn ? isoDateOf(h.takeDownOn) : null,
    fileName: h.fileName,
    sha256: h.sha256,
    sizeBytes,
    isPublic: h.isPublic,
    registeredByUserId: h.registeredByUserId,
    registeredByName: h.registeredBy?.name ?? null,
    registeredAt: h.registeredAt.toISOString(),
    paragraphs: h.paragraphs.map((p) => ({ number: p.number, title: p.title, caseNumber: p.caseNumber })),
  };
}

async function sizesOf(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; size: number }[]>`
    SELECT id, octet_length(bytes)::int AS size FROM "HistoricalProtocol" WHERE id = ANY(${ids})`;
  return new Map(rows.map((r) => [r.id, r.size]));
}

/** The workspace's view of one (public or not), with the body it belongs to; null if none. */
export async function findHistoricalProtocol(
  db: Db,
  slug: string,
): Promise<(HistoricalProtocolDTO & { bodyId: string }) | null> {
  if (!isMeetingSlug(slug)) return null;
  const h = await db.historicalProtocol.findUnique({ where: { slug }, select: withoutBytes });
  if (!h) return null;
  const sizes = await sizesOf(db, [h.id]);
  return { ...toDTO(h, sizes.get(h.id) ?? 0), bodyId: h.bodyId };
}

/** A body's historical protocols, newest first (the workspace list: public or not). */
export async function listHistoricalProtocols(db: Db, bodyId: string): Promise<HistoricalProtocolDTO[]> {
  const rows = await db.historicalProtocol.findMany({
    where: { bodyId },
    orderBy: [{ meetingDate: "desc" }, { slug: "asc" }],
    select: withoutBytes,
  });
  const sizes = await sizesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toDTO(r, sizes.get(r.id) ?? 0));
}

/** Only the organisation's, when its id is given (its public address, issue 19.1). */
const ofOrganisation = (organisationId: string | undefined) => (organisationId ? { body: { organisationId } } : {});

/** The public page's data: only a public one (of the organisation), through the public projection. */
export async function findPublicHistoricalProtocol(
  db: Db,
  slug: string,
  organisationId?: string,
): Promise<HistoricalProtocolDTO | null> {
  return isMeetingSlug(slug) ? findOnePublic(db, { slug }, organisationId) : null;
}

/** The one public historical protocol (of the organisation) `where` finds, through the public projection. */
async function findOnePublic(
  db: Db,
  where: { slug: string } | { sha256: string },
  organisationId: string | undefined,
): Promise<HistoricalProtocolDTO | null> {
  const h = await db.historicalProtocol.findFirst({
    where: { ...where, isPublic: true, ...ofOrganisation(organisationId) },
    select: withoutBytes,
  });
  if (!h) return null;
  const sizes = await sizesOf(db, [h.id]);
  return toPublicHistoricalProtocol(toDTO(h, sizes.get(h.id) ?? 0));
}

/**
 * The organisation (its slug) of the public historical protocol `slug`, or null (none, or not
 * public): for the old addresses /protokoll/inskannade/<slug>, which lead there only when it is
 * public. Run as the platform (no organisation is entered yet).
 */
export async function findPublicHistoricalOrganisation(db: Db, slug: string): Promise<string | null> {
  if (!isMeetingSlug(slug)) return null;
  const h = await db.historicalProtocol.findFirst({
    where: { slug, isPublic: true },
    select: { body: { select: { organisation: { select: { slug: true } } } } },
  });
  return h?.body.organisation.slug ?? null;
}

export interface HistoricalPdf {
  bytes: Uint8Array;
  sha256: string;
  fileName: string;
}

/**
 * The scanned PDF as registered, byte for byte; `publicOnly`: null for one that is not public;
 * `organisationId`: null for another organisation's.
 */
export async function findHistoricalPdf(
  db: Db,
  slug: string,
  publicOnly: boolean,
  organisationId?: string,
): Promise<(HistoricalPdf & { bodyId: string }) | null> {
  if (!isMeetingSlug(slug)) return null;
  const h = await db.historicalProtocol.findFirst({
    where: { slug, ...(publicOnly ? { isPublic: true } : {}), ...ofOrganisation(organisationId) },
    select: { bytes: true, sha256: true, fileName: true, bodyId: true },
  });
  return h ? { bytes: h.bytes, sha256: h.sha256, fileName: h.fileName, bodyId: h.bodyId } : null;
}

/** The public historical protocol (of the organisation) whose PDF has this SHA-256 (for /verifiera), or null. */
export async function findPublicHistoricalBySha256(
  db: Db,
  sha256: string,
  organisationId?: string,
): Promise<HistoricalProtocolDTO | null> {
  return findOnePublic(db, { sha256 }, organisationId);
}

/**
 * The live side's view of the body's year: the historical protocols' § ranges. A new § in
 * Paragraf continues after them and may not take one of their numbers (drafting's numbering).
 */
export async function historicalRangesOfYear(
  db: Db,
  bodyId: string,
  year: number,
): Promise<{ first: number; last: number; meetingDate: string }[]> {
  const rows = await db.historicalProtocol.findMany({
    where: { bodyId, year, firstNumber: { not: null } },
    select: { firstNumber: true, lastNumber: true, meetingDate: true },
    orderBy: { firstNumber: "asc" },
  });
  return rows.map((r) => ({ first: r.firstNumber!, last: r.lastNumber!, meetingDate: isoDateOf(r.meetingDate) }));
}
