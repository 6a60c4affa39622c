// Public reads. Every query here filters on PUBLIC_STATUSES in the database and passes protocols
// through toPublicProtocol, so drafts and confidential text cannot reach a public page or API.
// Each public page is one organisation's (/<org>/…, issue 19.1): the queries take its id and
// filter by it (the first line; row-level security on the entered organisation is the second).
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { dbDate, type IsoDate, isoDateOf } from "@/lib/iso-date";
import { findProtocolBySlug, findSignoffInfo } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { appealPeriodEnd } from "@/domain/rules/deadlines.rules";
import { isMeetingSlug, toPublicProtocol } from "@/domain/publication/public.rules";
import { PUBLIC_STATUSES } from "@/domain/lifecycle";
import { today } from "@/server/clock";

export const publicMeetingWhere: Prisma.MeetingWhereInput = { status: { in: [...PUBLIC_STATUSES] } };

/** The public meetings, of one organisation when `organisationId` is given. */
export function publicMeetingsOf(organisationId: string | undefined): Prisma.MeetingWhereInput {
  return organisationId ? { ...publicMeetingWhere, body: { organisationId } } : publicMeetingWhere;
}

/**
 * Whether `slug` names a protocol the public may read (one indexed lookup); with `organisationId`,
 * only one of that organisation (a slug of another organisation under its address is not found).
 */
export async function isPublicProtocolSlug(db: PrismaClient, slug: string, organisationId?: string): Promise<boolean> {
  return isMeetingSlug(slug) && (await db.meeting.count({ where: { slug, ...publicMeetingsOf(organisationId) } })) > 0;
}

/**
 * The organisation whose public protocol `slug` is (its slug), or null: not public, or no such
 * protocol. For the old addresses (/protokoll/<slug>), which lead to the organisation's: the same
 * rule as the public page, so that a redirect never tells that an unpublished meeting exists.
 * Run as the platform (no organisation is entered yet).
 */
export async function findPublicProtocolOrganisation(db: PrismaClient, slug: string): Promise<string | null> {
  if (!isMeetingSlug(slug)) return null;
  const m = await db.meeting.findFirst({
    where: { slug, ...publicMeetingWhere },
    select: { body: { select: { organisation: { select: { slug: true } } } } },
  });
  return m?.body.organisation.slug ?? null;
}

/**
 * The public copy of a justerat protocol as it is on `day` (today unless a cached page names its day);
 * with its rättelser when asked (projected with the protocol: a withheld name is withheld there too).
 */
export async function findPublicProtocol(
  db: PrismaClient,
  slug: string,
  day: IsoDate = today(),
  organisationId?: string,
  withCorrections = false,
): Promise<ProtocolDTO | null> {
  const p = await publicOriginal(db, slug, organisationId);
  if (!p) return null;
  const original = withCorrections ? { ...p, corrections: (await findSignoffInfo(db, p.meeting.id)).corrections } : p;
  return toPublicProtocol(original, day);
}

/** The original of a protocol the public may read (the projection is the caller's), or null. */
async function publicOriginal(db: PrismaClient, slug: string, organisationId?: string): Promise<ProtocolDTO | null> {
  return (await isPublicProtocolSlug(db, slug, organisationId)) ? findProtocolBySlug(db, slug) : null;
}

/** The public copy with its rättelser: findPublicProtocol asked for them. */
export const findPublicProtocolWithCorrections = (
  db: PrismaClient,
  slug: string,
  day?: IsoDate,
  organisationId?: string,
) => findPublicProtocol(db, slug, day, organisationId, true);

export interface PublicNoticeDTO {
  slug: string;
  organisationName: string;
  bodyName: string;
  bodySlug: string;
  meetingDate: IsoDate;
  adjustedOn: IsoDate | null;
  postedOn: IsoDate;
  takeDownOn: IsoDate;
  /** Last day to appeal (laglighetsprövning, 13 kap. 5 § KL). */
  appealEndsOn: IsoDate;
  storagePlace: string;
  /** The anslagstavla (address or place) and who certifies the anslag; "" when not stated. */
  noticeBoard: string;
  certifiedBy: string;
  contentHash: string | null;
  updatedAt: string;
}

function toNotice(
  m: Prisma.MeetingGetPayload<{ include: { notice: true; body: { include: { organisation: true } } } }>,
): PublicNoticeDTO {
  const n = m.notice!;
  return {
    slug: m.slug,
    organisationName: m.body.organisation.name,
    bodyName: m.body.name,
    bodySlug: m.body.slug,
    meetingDate: isoDateOf(m.date),
    adjustedOn: m.adjustedOn ? isoDateOf(m.adjustedOn) : null,
    postedOn: isoDateOf(n.postedOn),
    takeDownOn: isoDateOf(n.takeDownOn),
    appealEndsOn: appealPeriodEnd(isoDateOf(n.postedOn)).endsOn,
    storagePlace: n.storagePlace,
    noticeBoard: n.noticeBoard,
    certifiedBy: n.certifiedBy,
    contentHash: m.contentHash,
    updatedAt: (n.updatedAt > m.updatedAt ? n.updatedAt : m.updatedAt).toISOString(),
  };
}

/** Notices on the anslagstavla (the organisation's, when given) on `today`: posted, not yet taken down. */
export async function listNoticesUp(
  db: PrismaClient,
  today: IsoDate,
  organisationId?: string,
): Promise<PublicNoticeDTO[]> {
  const meetings = await db.meeting.findMany({
    where: {
      ...publicMeetingsOf(organisationId),
      notice: { postedOn: { lte: dbDate(today) }, takeDownOn: { gte: dbDate(today) } },
    },
    include: { notice: true, body: { include: { organisation: true } } },
    orderBy: [{ notice: { postedOn: "desc" } }, { date: "desc" }],
  });
  return meetings.map(toNotice);
}

/** Every public notice (for feeds), newest first; of one organisation when `organisationId` is given. */
export async function listPublicNotices(
  db: PrismaClient,
  limit = 100,
  organisationId?: string,
): Promise<PublicNoticeDTO[]> {
  const meetings = await db.meeting.findMany({
    where: { ...publicMeetingsOf(organisationId), notice: { isNot: null } },
    include: { notice: true, body: { include: { organisation: true } } },
    orderBy: [{ notice: { postedOn: "desc" } }],
    take: limit,
  });
  return meetings.map(toNotice);
}
