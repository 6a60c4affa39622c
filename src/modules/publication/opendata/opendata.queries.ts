// Reads for the open data API and feeds. Meetings, §§ and stored files are only ever read through
// publicMeetingWhere / findPublicProtocol (src/modules/publication/public.queries.ts), so a draft cannot reach them.
// People are read as register data: id, name and seats; e-mail and user accounts are never
// selected. The one exception to publicMeetingWhere is listMeetingSchedule (sammanträdesdagar),
// which reads date, time and place only — public planning information whatever the protocol's
// state — and never the protocol.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { type IsoDate, isoDateOf } from "@/lib/iso-date";
import { findPublicProtocol, publicMeetingWhere } from "@/modules/publication/public.queries";
import { membershipTermSelect, toMembershipTerm } from "@/server/membership-term";
import { toPublicCaseHeading } from "@/domain/publication/public.rules";
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

export async function listBodies(db: PrismaClient, organisationSlug: string): Promise<BodyRecord[]> {
  const rows = await db.body.findMany({
    where: { organisation: { slug: organisationSlug } },
    select: bodySelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toBodyRecord);
}

export async function findBody(db: PrismaClient, id: string): Promise<BodyRecord | null> {
  const row = await db.body.findUnique({ where: { id }, select: bodySelect });
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

export async function listPublicPersons(db: PrismaClient, organisationSlug: string): Promise<PersonRecord[]> {
  const rows = await db.person.findMany({
    where: { AND: [{ organisation: { slug: organisationSlug } }, publicPersonWhere] },
    select: personSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toPersonRecord);
}

export async function findPublicPerson(db: PrismaClient, id: string): Promise<PersonRecord | null> {
  const row = await db.person.findFirst({ where: { AND: [{ id }, publicPersonWhere] }, select: personSelect });
  return row ? toPersonRecord(row) : null;
}

export async function listMemberships(db: PrismaClient, organisationSlug: string): Promise<MembershipRecord[]> {
  const rows = await db.membership.findMany({
    where: { body: { organisation: { slug: organisationSlug } } },
    select: membershipSelect,
    orderBy: [{ body: { name: "asc" } }, { termStart: "desc" }, { id: "asc" }],
  });
  return rows.map(toMembershipRecord);
}

export async function findMembership(db: PrismaClient, id: string): Promise<MembershipRecord | null> {
  const row = await db.membership.findUnique({ where: { id }, select: membershipSelect });
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

/** Public meetings of an organisation or of one body, newest first (slug breaks ties). */
export async function listPublicMeetingIndex(
  db: PrismaClient,
  scope: { organisationSlug: string } | { bodyId: string },
): Promise<MeetingIndexRow[]> {
  const rows = await db.meeting.findMany({
    where: {
      ...publicMeetingWhere,
      ...("bodyId" in scope ? { bodyId: scope.bodyId } : { body: { organisation: { slug: scope.organisationSlug } } }),
    },
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
 * bytes findPublicPdf serves on /protokoll/<slug>/protokoll.pdf (the public copy whenever anything
 * is withheld or changed). Only PROTOCOL rows: nothing else stored has a public version.
 */
async function findFileRecord(
  db: PrismaClient,
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
    WHERE ${filter} AND f.kind = 'PROTOCOL' AND m.status::text IN (${statuses})`;
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
export async function findPublicMeeting(db: PrismaClient, slug: string): Promise<PublicMeeting | null> {
  const row = await db.meeting.findFirst({
    where: { slug, ...publicMeetingWhere },
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
      file: await findFileRecord(db, { meetingId: row.id }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Files (the public PDFs of public meetings)
// ---------------------------------------------------------------------------------------------

export async function findPublicFile(db: PrismaClient, id: string): Promise<FileRecord | null> {
  return findFileRecord(db, { fileId: id });
}

/**
 * What the download serves: the public PDF the File stands for (the signed original only when it
 * withholds nothing).
 */
export async function findPublicFileBytes(db: PrismaClient, id: string): Promise<ServedPdf | null> {
  const file = await db.protocolFile.findFirst({
    where: { id, kind: "PROTOCOL", meeting: publicMeetingWhere },
    select: { meeting: { select: { slug: true } } },
  });
  return file && findPublicPdf(db, file.meeting.slug);
}

// ---------------------------------------------------------------------------------------------
// Papers: one per case number of the public, non-confidential §§
// ---------------------------------------------------------------------------------------------

export async function listPublicPapers(db: PrismaClient, organisationSlug: string): Promise<PaperRecord[]> {
  const rows = await db.paragraph.findMany({
    where: {
      caseNumber: { not: null },
      // A confidential § publishes no case number (public.rules), so it makes no Paper either.
      isConfidential: false,
      meeting: { ...publicMeetingWhere, body: { organisation: { slug: organisationSlug } } },
    },
    select: {
      number: true,
      title: true,
      caseNumber: true,
      isConfidential: true,
      redactedNames: true,
      bodyId: true,
      meeting: {
        select: { slug: true, date: true, createdAt: true, updatedAt: true, notice: { select: { updatedAt: true } } },
      },
    },
    orderBy: [{ meeting: { date: "asc" } }, { number: "asc" }],
  });
  const papers = new Map<string, PaperRecord>();
  for (const row of rows) {
    // The case number and title as the public projection gives them (its policy, not a copy of it).
    const { caseNumber, title } = toPublicCaseHeading(row);
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
    else papers.set(key, { organisationSlug, key, caseNumber, consultations: [consultation] });
  }
  return [...papers.values()].sort((a, b) => a.key.localeCompare(b.key, "sv", { numeric: true }));
}

export async function findPublicPaper(
  db: PrismaClient,
  organisationSlug: string,
  key: string,
): Promise<PaperRecord | null> {
  return (await listPublicPapers(db, organisationSlug)).find((p) => p.key === key) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sammanträdesdagar (for the iCalendar feed)
// ---------------------------------------------------------------------------------------------

export interface ScheduledMeeting {
  id: string;
  slug: string;
  bodyName: string;
  organisationName: string;
  date: IsoDate;
  startTime: string | null;
  endTime: string | null;
  place: string;
  isPublic: boolean;
  updatedAt: string;
}

export async function listMeetingSchedule(
  db: PrismaClient,
  bodySlug: string,
): Promise<{ bodies: { name: string; organisationName: string }[]; meetings: ScheduledMeeting[] }> {
  const bodies = await db.body.findMany({
    where: { slug: bodySlug },
    orderBy: [{ organisation: { name: "asc" } }],
    select: {
      name: true,
      organisation: { select: { name: true } },
      // Schedule fields only: never a protocol's content.
      meetings: {
        select: {
          id: true,
          slug: true,
          date: true,
          startTime: true,
          endTime: true,
          place: true,
          status: true,
          updatedAt: true,
        },
        orderBy: [{ date: "asc" }, { slug: "asc" }],
      },
    },
  });
  return {
    bodies: bodies.map((b) => ({ name: b.name, organisationName: b.organisation.name })),
    meetings: bodies.flatMap((b) =>
      b.meetings.map((m) => ({
        id: m.id,
        slug: m.slug,
        bodyName: b.name,
        organisationName: b.organisation.name,
        date: isoDateOf(m.date),
        startTime: m.startTime,
        endTime: m.endTime,
        place: m.place,
        isPublic: PUBLIC_STATUSES.includes(m.status),
        updatedAt: m.updatedAt.toISOString(),
      })),
    ),
  };
}
