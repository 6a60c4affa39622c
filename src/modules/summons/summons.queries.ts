// Reads for the kallelse: the ärendelista as a SummonsDTO (no Prisma type leaves this file), who
// is called (ledamöter and ersättare of the body on the meeting day), the handlingar's bytes, and
// the kungörelser on the public anslagstavla.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { dbDate, isoDateOf, toSwedishDate, type IsoDate } from "@/lib/iso-date";
import { toMeetingSlot } from "@/server/meeting-slot";
import { isKungorelseShown } from "@/domain/rules/summons.rules";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { kungorelseChanges, type KungorelseChanges } from "@/domain/summons/kungorelse-changes";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { findKallelseItems, kallelseMeetingSelect } from "@/modules/agenda";

type Db = PrismaClient | Prisma.TransactionClient;

const summonsSelect = {
  ...kallelseMeetingSelect,
  agendaVersion: true,
  kungorelseItems: true,
  body: {
    select: {
      id: true,
      name: true,
      kind: true,
      summonsLeadDays: true,
      organisation: { select: { name: true, caseNumberPrefix: true } },
    },
  },
} satisfies Prisma.MeetingSelect;

type Row = Prisma.MeetingGetPayload<{ select: typeof summonsSelect }>;

async function toDto(db: Db, m: Row): Promise<SummonsDTO> {
  return {
    organisation: { name: m.body.organisation.name, caseNumberPrefix: m.body.organisation.caseNumberPrefix },
    body: { name: m.body.name, kind: m.body.kind, summonsLeadDays: m.body.summonsLeadDays },
    meeting: {
      ...toMeetingSlot(m),
      summonsSentAt: m.summonsSentAt ? m.summonsSentAt.toISOString() : null,
      agendaVersion: m.agendaVersion,
    },
    items: await findKallelseItems(db, m.id),
  };
}

/** A kungörelse as the anslagstavla shows it: the public ärendelista and where it differs from the posted one. */
export interface KungorelseDTO extends SummonsDTO {
  changes: KungorelseChanges | null;
}

async function toKungorelse(db: Db, m: Row): Promise<KungorelseDTO> {
  const summons = toPublicSummons(await toDto(db, m));
  return { ...summons, changes: kungorelseChanges(m.kungorelseItems, summons.meeting.summonsSentAt, summons.items) };
}

/** Whether the meeting's kungörelse is up on the anslagstavla today (summons.rules.ts). */
function shownOn(m: Row, today: IsoDate): boolean {
  return isKungorelseShown({
    bodyKind: m.body.kind,
    meetingDate: isoDateOf(m.date),
    sentOn: m.summonsSentAt ? toSwedishDate(m.summonsSentAt) : null,
    today,
  });
}

/** The kallelse of a meeting, every ärende in full (the members' version); null: no such meeting. */
export async function findSummons(db: Db, where: { id: string } | { slug: string }): Promise<SummonsDTO | null> {
  const m = await db.meeting.findUnique({ where, select: summonsSelect });
  return m ? toDto(db, m) : null;
}

export interface SummonsRecipient {
  personId: string;
  name: string;
  email: string | null;
  role: "MEMBER" | "SUBSTITUTE";
}

/**
 * Who gets the kallelse: every ledamot and ersättare of the body whose term covers the meeting
 * day, once each (a person with two memberships is called once, as ledamot if either says so).
 */
export async function findSummonsRecipients(db: Db, bodyId: string, date: IsoDate): Promise<SummonsRecipient[]> {
  const day = dbDate(date);
  const rows = await db.membership.findMany({
    where: { bodyId, termStart: { lte: day }, termEnd: { gte: day } },
    orderBy: [{ role: "asc" }, { callOrder: "asc" }, { person: { name: "asc" } }],
    select: { role: true, person: { select: { id: true, name: true, email: true } } },
  });
  const byPerson = new Map<string, SummonsRecipient>();
  for (const r of rows) {
    const seen = byPerson.get(r.person.id);
    if (seen) {
      if (r.role === "MEMBER") seen.role = "MEMBER";
      continue;
    }
    const email = r.person.email?.trim() || null;
    byPerson.set(r.person.id, { personId: r.person.id, name: r.person.name, email, role: r.role });
  }
  return [...byPerson.values()];
}

/**
 * The bytes of the given handlingar of one meeting's ärenden, those it dealt with included (ids of
 * other meetings are ignored).
 */
export async function findHandlingBytes(
  db: Db,
  meetingId: string,
  ids: readonly string[],
): Promise<Map<string, Uint8Array>> {
  if (ids.length === 0) return new Map();
  const rows = await db.agendaDocument.findMany({
    where: {
      id: { in: [...ids] },
      agendaItem: { OR: [{ meetingId }, { outcomes: { some: { meetingId } } }] },
    },
    select: { id: true, bytes: true },
  });
  return new Map(rows.map((r) => [r.id, new Uint8Array(r.bytes)]));
}

/**
 * The kungörelser on the public anslagstavla today: fullmäktige meetings whose kallelse is sent,
 * from the day it was sent until the meeting day has passed (summons.rules.ts), each through the
 * public projection (a confidential ärende's title never leaves here), with what changed since it
 * was posted (src/domain/summons/kungorelse-changes.ts). Of one organisation (its anslagstavla)
 * when `organisationId` is given.
 */
export async function listKungorelser(db: Db, today: IsoDate, organisationId?: string): Promise<KungorelseDTO[]> {
  const rows = await db.meeting.findMany({
    where: {
      body: { kind: "FULLMAKTIGE", ...(organisationId ? { organisationId } : {}) },
      summonsSentAt: { not: null },
      date: { gte: dbDate(today) },
    },
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    select: summonsSelect,
  });
  return Promise.all(rows.filter((m) => shownOn(m, today)).map((m) => toKungorelse(db, m)));
}

/**
 * One kungörelse by meeting slug if it is up today (public PDF and bundle), of the organisation
 * `organisationId` when given; null otherwise.
 */
export async function findKungorelse(
  db: Db,
  slug: string,
  today: IsoDate,
  organisationId?: string,
): Promise<KungorelseDTO | null> {
  if (slug.length > 200 || slug.includes("\u0000")) return null;
  const m = await db.meeting.findFirst({
    where: { slug, ...(organisationId ? { body: { organisationId } } : {}) },
    select: summonsSelect,
  });
  return m && shownOn(m, today) ? toKungorelse(db, m) : null;
}

/**
 * The organisation (its slug) of the kungörelse that is up today under `slug`, or null: for the
 * old addresses /anslagstavla/kungorelse/<slug>/…, which lead there only when it is public.
 * Run as the platform (no organisation is entered yet).
 */
export async function findKungorelseOrganisation(db: Db, slug: string, today: IsoDate): Promise<string | null> {
  if (slug.length > 200 || slug.includes("\u0000")) return null;
  const m = await db.meeting.findUnique({
    where: { slug },
    select: {
      date: true,
      summonsSentAt: true,
      body: { select: { kind: true, organisation: { select: { slug: true } } } },
    },
  });
  const shown =
    m &&
    isKungorelseShown({
      bodyKind: m.body.kind,
      meetingDate: isoDateOf(m.date),
      sentOn: m.summonsSentAt ? toSwedishDate(m.summonsSentAt) : null,
      today,
    });
  return shown ? m.body.organisation.slug : null;
}

/** Whether the ärendelista the public sees differs from the kungörelse posted (the kallelse page warns). */
export async function findKungorelseChanges(db: Db, meetingId: string): Promise<KungorelseChanges | null> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: summonsSelect });
  return m && m.body.kind === "FULLMAKTIGE" ? (await toKungorelse(db, m)).changes : null;
}
