// Reads for the open data API and feeds. Meetings, §§ and stored files are only ever read through
// publicMeetingWhere / findPublicProtocol (src/modules/publication/public.queries.ts), so a draft cannot reach them.
// Every read of an organisation's data takes the organisation (OrganisationRef) and filters on it:
// the first line of tenancy (issue 19.1), in front of row-level security once the request has
// entered the organisation (src/server/tenancy.ts). findOwner is the one read as the platform: it
// finds which organisation a global id (meeting slug, file, person, seat, body) belongs to.
// People are read as register data: id, name and seats; e-mail and user accounts are never
// selected. The one exception to publicMeetingWhere is listMeetingSchedule (sammanträdesdagar),
// which reads date, time and place only — public planning information whatever the protocol's
// state — and never the protocol.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { type IsoDate, isoDateOf } from "@/lib/iso-date";
import { findPublicProtocol, publicMeetingWhere } from "@/modules/publication/public.queries";
import { membershipTermSelect, toMembershipTerm } from "@/server/membership-term";
import { meetingSlotSelect, toMeetingSlot, type MeetingSlot } from "@/server/meeting-slot";
import { REDACTED_TEXT, toPublicCaseHeading } from "@/domain/publication/public.rules";
import { namesWithdrawn } from "@/domain/publication/retention";
import { today } from "@/server/clock";
import { PUBLIC_STATUSES } from "@/domain/lifecycle";
import { findPublicPdf, type ServedPdf } from "@/modules/publication/issued-copies";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import {
  paperKey,
  type BodyRecord,
  type ConsultationRecord,
  type FileRecord,
  type MeetingMeta,
  type MembershipRecord,
  type OrganisationRecord,
  type PaperRecord,
  type PersonRecord,
} from "./oparl";

/** The organisation a read is for: its id filters the rows, its slug builds the URLs. */
export interface OrganisationRef {
  id: string;
  slug: string;
}

const later = (a: Date, b: Date | null | undefined): Date => (b && b > a ? b : a);
/** When a register row was created and last changed, as the records give them. */
const changeStamps = (row: { createdAt: Date; updatedAt: Date }) => ({
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

// ---------------------------------------------------------------------------------------------
// Organisations (OParl Body) and bodies (OParl Organization)
// ---------------------------------------------------------------------------------------------

const organisationSelect = {
  slug: true,
  name: true,
  kind: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OrganisationSelect;

function toOrganisationRecord(
  o: Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>,
): OrganisationRecord {
  return {
    slug: o.slug,
    name: o.name,
    kind: o.kind,
    ...changeStamps(o),
  };
}

export async function listOrganisations(db: PrismaClient): Promise<OrganisationRecord[]> {
  const rows = await db.organisation.findMany({
    select: organisationSelect,
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  return rows.map(toOrganisationRecord);
}

export async function findOrganisation(db: PrismaClient, slug: string): Promise<OrganisationRecord | null> {
  const row = await db.organisation.findUnique({ where: { slug }, select: organisationSelect });
  return row ? toOrganisationRecord(row) : null;
}

const bodySelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  seatCount: true,
  createdAt: true,
  updatedAt: true,
  organisation: { select: { slug: true } },
  memberships: { select: { id: true }, orderBy: [{ termStart: "desc" }, { id: "asc" }] },
} satisfies Prisma.BodySelect;

function toBodyRecord(b: Prisma.BodyGetPayload<{ select: typeof bodySelect }>): BodyRecord {
  return {
    id: b.id,
    organisationSlug: b.organisation.slug,
    slug: b.slug,
    name: b.name,
    kind: b.kind,
    seatCount: b.seatCount,
    ...changeStamps(b),
    membershipIds: b.memberships.map((m) => m.id),
  };
}

export async function listBodies(db: PrismaClient, org: OrganisationRef): Promise<BodyRecord[]> {
  const rows = await db.body.findMany({
    where: { organisationId: org.id },
    select: bodySelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toBodyRecord);
}

export async function findBody(db: PrismaClient, org: OrganisationRef, id: string): Promise<BodyRecord | null> {
  const row = await db.body.findFirst({ where: { id, organisationId: org.id }, select: bodySelect });
  return row ? toBodyRecord(row) : null;
}

// ---------------------------------------------------------------------------------------------
// People and their seats
// ---------------------------------------------------------------------------------------------

const membershipSelect = {
  id: true,
  personId: true,
  bodyId: true,
  ...membershipTermSelect,
} satisfies Prisma.MembershipSelect;

function toMembershipRecord(m: Prisma.MembershipGetPayload<{ select: typeof membershipSelect }>): MembershipRecord {
  return { id: m.id, personId: m.personId, bodyId: m.bodyId, ...toMembershipTerm(m) };
}

/**
 * Whom the public may know about: elected members (they hold a seat in the register), and anyone
 * named in a justerat protocol (present, secretary, justerare). Someone named only in a draft is not.
 */
const publicPersonWhere: Prisma.PersonWhereInput = {
  OR: [
    { memberships: { some: {} } },
    { attendances: { some: { meeting: publicMeetingWhere } } },
    { secretaryOf: { some: publicMeetingWhere } },
    { adjusterOf: { some: { meeting: publicMeetingWhere } } },
  ],
};

// Deliberately no `email` and no `user`: only the name leaves the database.
const personSelect = {
  id: true,
  name: true,
  createdAt: true,
  updatedAt: true,
  organisation: { select: { slug: true } },
  memberships: { select: membershipSelect, orderBy: [{ termStart: "desc" }, { id: "asc" }] },
} satisfies Prisma.PersonSelect;

function toPersonRecord(p: Prisma.PersonGetPayload<{ select: typeof personSelect }>): PersonRecord {
  return {
    id: p.id,
    organisationSlug: p.organisation.slug,
    name: p.name,
    ...changeStamps(p),
    memberships: p.memberships.map(toMembershipRecord),
  };
}

export async function listPublicPersons(db: PrismaClient, org: OrganisationRef): Promise<PersonRecord[]> {
  const rows = await db.person.findMany({
    where: { AND: [{ organisationId: org.id }, publicPersonWhere] },
    select: personSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toPersonRecord);
}

export async function findPublicPerson(
  db: PrismaClient,
  org: OrganisationRef,
  id: string,
): Promise<PersonRecord | null> {
  const row = await db.person.findFirst({
    where: { AND: [{ id, organisationId: org.id }, publicPersonWhere] },
    select: personSelect,
  });
  return row ? toPersonRecord(row) : null;
}

export async function listMemberships(db: PrismaClient, org: OrganisationRef): Promise<MembershipRecord[]> {
  const rows = await db.membership.findMany({
    where: { body: { organisationId: org.id } },
    select: membershipSelect,
    orderBy: [{ body: { name: "asc" } }, { termStart: "desc" }, { id: "asc" }],
  });
  return rows.map(toMembershipRecord);
}

export async function findMembership(
  db: PrismaClient,
  org: OrganisationRef,
  id: string,
): Promise<MembershipRecord | null> {
  const row = await db.membership.findFirst({
    where: { id, body: { organisationId: org.id } },
    select: membershipSelect,
  });
  return row ? toMembershipRecord(row) : null;
}

// ---------------------------------------------------------------------------------------------
// Meetings (public only)
// ---------------------------------------------------------------------------------------------

/** The latest rättelse: it changes the public copy (and so the meeting's File) without touching the meeting row. */
const lastCorrection = {
  select: { signedAt: true },
  orderBy: { signedAt: "desc" },
  take: 1,
} satisfies Prisma.Meeting$correctionsArgs;

/** When anything public about a meeting last changed: the meeting, its notice, its latest rättelse. */
function meetingModified(m: {
  updatedAt: Date;
  notice: { updatedAt: Date } | null;
  corrections: { signedAt: Date }[];
}): Date {
  return later(later(m.updatedAt, m.notice?.updatedAt), m.corrections[0]?.signedAt);
}

export interface MeetingIndexRow {
  slug: string;
  created: string;
  modified: string;
}

/** Public meetings of an organisation, or of one of its bodies, newest first (slug breaks ties). */
export async function listPublicMeetingIndex(
  db: PrismaClient,
  org: OrganisationRef,
  bodyId?: string,
): Promise<MeetingIndexRow[]> {
  const rows = await db.meeting.findMany({
    where: { ...publicMeetingWhere, body: { organisationId: org.id }, ...(bodyId === undefined ? {} : { bodyId }) },
    select: {
      slug: true,
      createdAt: true,
      updatedAt: true,
      notice: { select: { updatedAt: true } },
      corrections: lastCorrection,
    },
    orderBy: [{ date: "desc" }, { slug: "asc" }],
  });
  return rows.map((m) => ({
    slug: m.slug,
    created: m.createdAt.toISOString(),
    modified: meetingModified(m).toISOString(),
  }));
}

interface FileRow {
  id: string;
  createdAt: Date;
  slug: string;
  date: Date;
  bodyName: string;
  noticeUpdatedAt: Date | null;
  lastCorrection: Date | null;
}

/**
 * The public PDF of a public meeting, as an OParl File: the stored original's id and date, the
 * bytes findPublicPdf serves on /<org>/protokoll/<slug>/protokoll.pdf (the public copy whenever anything
 * is withheld or changed). Only PROTOCOL rows: nothing else stored has a public version.
 */
async function findFileRecord(
  db: PrismaClient,
  org: OrganisationRef,
  where: { meetingId: string } | { fileId: string },
): Promise<FileRecord | null> {
  const statuses = Prisma.join([...PUBLIC_STATUSES]);
  const filter =
    "meetingId" in where ? Prisma.sql`f."meetingId" = ${where.meetingId}` : Prisma.sql`f.id = ${where.fileId}`;
  const [row] = await db.$queryRaw<FileRow[]>`
    SELECT f.id, f."createdAt", m.slug, m.date, b.name AS "bodyName", n."updatedAt" AS "noticeUpdatedAt",
           (SELECT max(c."signedAt") FROM "Correction" c WHERE c."meetingId" = m.id) AS "lastCorrection"
    FROM "ProtocolFile" f JOIN "Meeting" m ON m.id = f."meetingId" JOIN "Body" b ON b.id = m."bodyId"
         LEFT JOIN "Notice" n ON n."meetingId" = m.id
    WHERE ${filter} AND b."organisationId" = ${org.id} AND f.kind = 'PROTOCOL' AND m.status::text IN (${statuses})`;
  if (!row) return null;
  const pdf = await findPublicPdf(db, row.slug);
  if (!pdf) return null;
  return {
    id: row.id,
    size: pdf.bytes.byteLength,
    sha256: pdf.sha256,
    fileName: pdf.fileName,
    createdAt: row.createdAt.toISOString(),
    modified: later(later(row.createdAt, row.noticeUpdatedAt), row.lastCorrection).toISOString(),
    meeting: { slug: row.slug, date: isoDateOf(row.date), bodyName: row.bodyName },
  };
}

export interface PublicMeeting {
  protocol: ProtocolDTO;
  meta: MeetingMeta;
}

/** A justerat meeting as its public copy, with what OParl needs beside it; null if not public. */
export async function findPublicMeeting(
  db: PrismaClient,
  org: OrganisationRef,
  slug: string,
): Promise<PublicMeeting | null> {
  const row = await db.meeting.findFirst({
    where: { slug, ...publicMeetingWhere, body: { organisationId: org.id } },
    select: {
      id: true,
      bodyId: true,
      createdAt: true,
      updatedAt: true,
      notice: { select: { updatedAt: true } },
      corrections: lastCorrection,
      body: { select: { organisation: { select: { slug: true } } } },
    },
  });
  if (!row) return null;
  const protocol = await findPublicProtocol(db, slug);
  if (!protocol) return null;
  return {
    protocol,
    meta: {
      organisationSlug: row.body.organisation.slug,
      bodyId: row.bodyId,
      createdAt: row.createdAt.toISOString(),
      modified: meetingModified(row).toISOString(),
      file: await findFileRecord(db, org, { meetingId: row.id }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Files (the public PDFs of public meetings)
// ---------------------------------------------------------------------------------------------

export async function findPublicFile(db: PrismaClient, org: OrganisationRef, id: string): Promise<FileRecord | null> {
  return findFileRecord(db, org, { fileId: id });
}

/**
 * What the download serves: the public PDF the File stands for (the signed original only when it
 * withholds nothing).
 */
export async function findPublicFileBytes(
  db: PrismaClient,
  org: OrganisationRef,
  id: string,
): Promise<ServedPdf | null> {
  const file = await db.protocolFile.findFirst({
    where: { id, kind: "PROTOCOL", meeting: { ...publicMeetingWhere, body: { organisationId: org.id } } },
    select: { meeting: { select: { slug: true } } },
  });
  return file && findPublicPdf(db, file.meeting.slug);
}

// ---------------------------------------------------------------------------------------------
// Papers: one per case number of the public, non-confidential §§
// ---------------------------------------------------------------------------------------------

export async function listPublicPapers(db: PrismaClient, org: OrganisationRef): Promise<PaperRecord[]> {
  const rows = await db.paragraph.findMany({
    where: {
      caseNumber: { not: null },
      // A confidential § publishes no case number (public.rules), so it makes no Paper either.
      isConfidential: false,
      meeting: { ...publicMeetingWhere, body: { organisationId: org.id } },
    },
    select: {
      id: true,
      number: true,
      title: true,
      caseNumber: true,
      isConfidential: true,
      redactedNames: true,
      bodyId: true,
      meeting: {
        select: {
          slug: true,
          date: true,
          adjustedOn: true,
          createdAt: true,
          updatedAt: true,
          notice: { select: { updatedAt: true } },
        },
      },
    },
    orderBy: [{ meeting: { date: "asc" } }, { number: "asc" }],
  });
  const withoutNames = await nameFreeTitles(db, org, rows);
  const papers = new Map<string, PaperRecord>();
  for (const row of rows) {
    // The case number and title as the public projection gives them (its policy, not a copy of it);
    // once the organisation's names rule applies, the title the search index keeps without names.
    const heading = toPublicCaseHeading(row);
    const { caseNumber } = heading;
    const title = withoutNames.has(row.id) ? (withoutNames.get(row.id) ?? REDACTED_TEXT) : heading.title;
    if (caseNumber === null) continue;
    const key = paperKey(caseNumber);
    if (key === "") continue;
    const consultation: ConsultationRecord = {
      meetingSlug: row.meeting.slug,
      meetingDate: isoDateOf(row.meeting.date),
      bodyId: row.bodyId,
      number: row.number,
      title,
      meetingCreatedAt: row.meeting.createdAt.toISOString(),
      meetingModified: later(row.meeting.updatedAt, row.meeting.notice?.updatedAt).toISOString(),
    };
    const paper = papers.get(key);
    if (paper) paper.consultations.push(consultation);
    else papers.set(key, { organisationSlug: org.slug, key, caseNumber, consultations: [consultation] });
  }
  return [...papers.values()].sort((a, b) => a.key.localeCompare(b.key, "sv", { numeric: true }));
}

/**
 * The §§ of `rows` whose protocol is past the organisation's names rule today (retention.ts: every
 * person the protocol records withheld), each with its title as the public copy then has it: the
 * name-free title written into the search index at justering (null for rows indexed before it:
 * withheld whole, failing closed). Titles read without the whole protocol cannot know its names.
 */
async function nameFreeTitles(
  db: PrismaClient,
  org: OrganisationRef,
  rows: readonly { id: string; meeting: { adjustedOn: Date | null } }[],
): Promise<Map<string, string | null>> {
  const organisation = await db.organisation.findUnique({ where: { id: org.id }, select: { publicNamesYears: true } });
  const rule = { namesYears: organisation?.publicNamesYears ?? null, noindexAfterAppeal: false };
  const day = today();
  const ids = rows
    .filter((r) => namesWithdrawn(rule, r.meeting.adjustedOn ? isoDateOf(r.meeting.adjustedOn) : null, day))
    .map((r) => r.id);
  if (ids.length === 0) return new Map();
  const entries = await db.publicSearchEntry.findMany({
    where: { paragraphId: { in: ids } },
    select: { paragraphId: true, anonTitle: true },
  });
  const titles = new Map(entries.map((e) => [e.paragraphId, e.anonTitle]));
  return new Map(ids.map((id) => [id, titles.get(id) ?? null]));
}

export async function findPublicPaper(
  db: PrismaClient,
  org: OrganisationRef,
  key: string,
): Promise<PaperRecord | null> {
  return (await listPublicPapers(db, org)).find((p) => p.key === key) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sammanträdesdagar (for the iCalendar feed)
// ---------------------------------------------------------------------------------------------

export interface ScheduledMeeting extends MeetingSlot {
  isPublic: boolean;
  updatedAt: string;
}

export interface MeetingSchedule {
  bodyName: string;
  organisationName: string;
  meetings: ScheduledMeeting[];
}

/** One body's sammanträdesdagar (the organisation's body with that slug); null when it has none. */
export async function findMeetingSchedule(
  db: PrismaClient,
  org: OrganisationRef,
  bodySlug: string,
): Promise<MeetingSchedule | null> {
  const body = await db.body.findUnique({
    where: { organisationId_slug: { organisationId: org.id, slug: bodySlug } },
    select: {
      name: true,
      organisation: { select: { name: true } },
      // Schedule fields only: never a protocol's content.
      meetings: {
        select: { ...meetingSlotSelect, status: true, updatedAt: true },
        orderBy: [{ date: "asc" }, { slug: "asc" }],
      },
    },
  });
  if (!body) return null;
  return {
    bodyName: body.name,
    organisationName: body.organisation.name,
    meetings: body.meetings.map((m) => ({
      ...toMeetingSlot(m),
      isPublic: PUBLIC_STATUSES.includes(m.status),
      updatedAt: m.updatedAt.toISOString(),
    })),
  };
}

/** The organisations that have a body with `bodySlug` (to point an old calendar address at them). */
export async function listOrganisationsWithBody(db: PrismaClient, bodySlug: string): Promise<OrganisationRef[]> {
  const rows = await db.body.findMany({
    where: { slug: bodySlug },
    select: { organisation: { select: { id: true, slug: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return rows.map((b) => b.organisation);
}

// ---------------------------------------------------------------------------------------------
// The anslag (for the Atom feed)
// ---------------------------------------------------------------------------------------------

/** What an anslag's feed entry says: the notice of a justerat protocol, with its dates. */
export interface FeedNotice {
  slug: string;
  organisationName: string;
  bodyName: string;
  meetingDate: IsoDate;
  adjustedOn: IsoDate | null;
  postedOn: IsoDate;
  takeDownOn: IsoDate;
  storagePlace: string;
  updatedAt: string;
}

/** The organisation's anslag of justerade protocols, newest posting first. */
export async function listFeedNotices(db: PrismaClient, org: OrganisationRef, limit = 100): Promise<FeedNotice[]> {
  const rows = await db.notice.findMany({
    where: { meeting: { ...publicMeetingWhere, body: { organisationId: org.id } } },
    select: {
      postedOn: true,
      takeDownOn: true,
      storagePlace: true,
      updatedAt: true,
      meeting: {
        select: {
          slug: true,
          date: true,
          adjustedOn: true,
          updatedAt: true,
          body: { select: { name: true, organisation: { select: { name: true } } } },
        },
      },
    },
    orderBy: [{ postedOn: "desc" }, { meeting: { slug: "asc" } }],
    take: limit,
  });
  return rows.map(({ meeting: m, ...n }) => ({
    slug: m.slug,
    organisationName: m.body.organisation.name,
    bodyName: m.body.name,
    meetingDate: isoDateOf(m.date),
    adjustedOn: m.adjustedOn && isoDateOf(m.adjustedOn),
    postedOn: isoDateOf(n.postedOn),
    takeDownOn: isoDateOf(n.takeDownOn),
    storagePlace: n.storagePlace,
    updatedAt: later(n.updatedAt, m.updatedAt).toISOString(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Whose is a global id? (read as the platform, before any organisation is entered)
// ---------------------------------------------------------------------------------------------

/** The objects OParl serves under a global id: a meeting by slug, the others by id. */
export type OwnedObject = "meeting" | "file" | "person" | "membership" | "organization";

const ownerSelect = { select: { id: true, slug: true } } as const;
const ownerOfBody = { select: { organisation: ownerSelect } } as const;

/**
 * The organisation an object belongs to, its id and slug only (nothing of the object itself):
 * whether the object is public is for the organisation's own reads to decide once entered.
 */
export async function findOwner(db: PrismaClient, kind: OwnedObject, key: string): Promise<OrganisationRef | null> {
  switch (kind) {
    case "meeting": {
      const m = await db.meeting.findUnique({ where: { slug: key }, select: { body: ownerOfBody } });
      return m?.body.organisation ?? null;
    }
    case "file": {
      const f = await db.protocolFile.findUnique({
        where: { id: key },
        select: { meeting: { select: { body: ownerOfBody } } },
      });
      return f?.meeting.body.organisation ?? null;
    }
    case "person":
      return (
        (await db.person.findUnique({ where: { id: key }, select: { organisation: ownerSelect } }))?.organisation ??
        null
      );
    case "membership":
      return (
        (await db.membership.findUnique({ where: { id: key }, select: { body: ownerOfBody } }))?.body.organisation ??
        null
      );
    case "organization":
      return (await db.body.findUnique({ where: { id: key }, ...ownerOfBody }))?.organisation ?? null;
  }
}
