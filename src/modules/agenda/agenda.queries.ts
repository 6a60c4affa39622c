// Reads for the agenda's pages and the handlingar download. Each asks the permission table
// (agenda.read; a ledamot or ersättare of the body counts) and returns null to someone it refuses,
// so a page can answer 404 without telling whether the thing exists. No Prisma type leaves here.
import type { PrismaClient } from "@/generated/prisma/client";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { isoDateOf } from "@/lib/iso-date";
import { isBodyMember } from "@/server/action";
import { authorize, authorizeAgenda, type Actor, type AgendaResource } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import { now } from "@/server/clock";
import { itemTextSelect } from "./kallelse-items";

export interface AgendaRow {
  id: string;
  position: number | null;
  title: string;
  caseNumber: string | null;
  state: "PREPARING" | "DECIDED" | "STRUCK";
  isConfidential: boolean;
  isExtra: boolean;
  version: number;
  returnReason: string | null;
  documentCount: number;
}

export interface MeetingChoice {
  id: string;
  slug: string;
  date: string;
  label: string;
}

export interface AgendaCan {
  edit: boolean;
}

const rowSelect = {
  id: true,
  position: true,
  title: true,
  caseNumber: true,
  state: true,
  isConfidential: true,
  isExtra: true,
  version: true,
  returnReason: true,
  _count: { select: { documents: true } },
} as const;

type RowData = {
  id: string;
  position: number | null;
  title: string;
  caseNumber: string | null;
  state: AgendaRow["state"];
  isConfidential: boolean;
  isExtra: boolean;
  version: number;
  returnReason: string | null;
  _count: { documents: number };
};
const toRow = ({ _count, ...r }: RowData): AgendaRow => ({ ...r, documentCount: _count.documents });

async function decide(db: PrismaClient, actor: Actor, bodyId: string, meetingStatus: AgendaResource["meetingStatus"]) {
  const resource = { bodyId, meetingStatus, actorIsBodyMember: await isBodyMember(db, actor, bodyId, now()) };
  return {
    read: authorizeAgenda(actor, "agenda.read", resource).ok,
    edit: authorizeAgenda(actor, "agenda.edit", resource).ok,
  };
}

/** The body's draft meetings, to put an ärende on (newest last). */
async function draftMeetings(db: PrismaClient, bodyId: string): Promise<MeetingChoice[]> {
  const meetings = await db.meeting.findMany({
    where: { bodyId, status: "DRAFT" },
    orderBy: { date: "asc" },
    select: { id: true, slug: true, date: true, place: true },
  });
  return meetings.map((m) => ({
    id: m.id,
    slug: m.slug,
    date: isoDateOf(m.date),
    label: `${isoDateOf(m.date)} (${m.place})`,
  }));
}

async function poolOf(db: PrismaClient, bodyId: string): Promise<AgendaRow[]> {
  const rows = await db.agendaItem.findMany({
    where: { bodyId, meetingId: null, state: "PREPARING" },
    orderBy: { createdAt: "asc" },
    select: rowSelect,
  });
  return rows.map(toRow);
}

/** A meeting's ärendelista, with the body's pool beside it. */
export async function findMeetingAgenda(db: PrismaClient, actor: Actor, slug: string) {
  const meeting = await db.meeting.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      date: true,
      place: true,
      status: true,
      agendaVersion: true,
      body: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!meeting) return null;
  const can = await decide(db, actor, meeting.body.id, meeting.status);
  if (!can.read) return null;
  const [items, pool, left] = await Promise.all([
    db.agendaItem.findMany({
      where: { meetingId: meeting.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: rowSelect,
    }),
    poolOf(db, meeting.body.id),
    // Tabled or returned here: gone to the pool, still in the kallelse under their number.
    db.agendaOutcome.findMany({
      where: {
        meetingId: meeting.id,
        agendaItem: { OR: [{ meetingId: null }, { meetingId: { not: meeting.id } }] },
      },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { fate: true, position: true, agendaItem: { select: { id: true, title: true } } },
    }),
  ]);
  return {
    meeting: { ...meeting, date: isoDateOf(meeting.date) },
    items: items.map(toRow),
    left: left.map((o) => ({ id: o.agendaItem.id, position: o.position, title: o.agendaItem.title, fate: o.fate })),
    pool,
    can: { edit: can.edit } satisfies AgendaCan,
  };
}

/** The body's pool: ärenden in preparation waiting for a meeting. */
export async function findBodyPool(db: PrismaClient, actor: Actor, bodySlug: string) {
  const body = await db.body.findFirst({ where: { slug: bodySlug }, select: { id: true, slug: true, name: true } });
  if (!body) return null;
  const can = await decide(db, actor, body.id, null);
  if (!can.read) return null;
  const [pool, meetings] = await Promise.all([poolOf(db, body.id), draftMeetings(db, body.id)]);
  return { body, pool, meetings, can: { edit: can.edit } satisfies AgendaCan };
}

export interface AgendaDocumentRow {
  id: string;
  title: string;
  fileName: string;
  kind: "PDF" | "DOCX";
  size: number;
  isConfidential: boolean;
  position: number;
}

/** One ärende with its handlingar (without their bytes), for its page. */
export async function findAgendaItem(db: PrismaClient, actor: Actor, id: string) {
  const item = await db.agendaItem.findUnique({
    where: { id },
    select: {
      id: true,
      bodyId: true,
      position: true,
      ...itemTextSelect,
      summary: true,
      isExtra: true,
      state: true,
      returnReason: true,
      version: true,
      body: { select: { id: true, slug: true, name: true } },
      meeting: { select: { id: true, slug: true, date: true, status: true } },
    },
  });
  if (!item) return null;
  const can = await decide(db, actor, item.bodyId, item.meeting?.status ?? null);
  if (!can.read) return null;
  const [documents, meetings] = await Promise.all([
    db.$queryRaw<
      {
        id: string;
        title: string;
        fileName: string;
        mimeType: string;
        size: number;
        isConfidential: boolean;
        position: number;
      }[]
    >`
      SELECT "id", "title", "fileName", "mimeType", octet_length("bytes")::int AS "size", "isConfidential", "position"
      FROM "AgendaDocument" WHERE "agendaItemId" = ${id} ORDER BY "position"`,
    draftMeetings(db, item.bodyId),
  ]);
  return {
    item: {
      ...item,
      summary: (item.summary as RichDoc | null) ?? null,
      meeting: item.meeting ? { ...item.meeting, date: isoDateOf(item.meeting.date) } : null,
    },
    documents: documents.map((d): AgendaDocumentRow => ({
      id: d.id,
      title: d.title,
      fileName: d.fileName,
      kind: d.mimeType === "application/pdf" ? "PDF" : "DOCX",
      size: d.size,
      isConfidential: d.isConfidential,
      position: d.position,
    })),
    meetings,
    can: { edit: can.edit && item.state === "PREPARING" } satisfies AgendaCan,
  };
}

/**
 * A handling's bytes for download, or null when it does not exist or the reader may not have it
 * (the same answer, so nothing is learnt about another body's handlingar). A handling on a
 * meeting's ärendelista: as the permission table says for that meeting ("members.readAgenda"; a
 * confidential one, or one of a confidential ärende, only "members.readConfidential": the body's
 * secretaries, admins, members, ledamöter and ersättare), and the body's own ("agenda.read") get
 * the public ones too. A handling of an ärende in the body's pool: "agenda.read". With an itemId,
 * a handling of another ärende than the one named is not found either.
 */
export async function findAgendaDocument(
  db: PrismaClient,
  actor: Actor | null,
  itemId: string | null,
  documentId: string,
): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array; sha256: string } | null> {
  if (!actor || documentId.length > 64 || documentId.includes("\u0000")) return null;
  const doc = await db.agendaDocument.findUnique({
    where: { id: documentId },
    select: {
      fileName: true,
      mimeType: true,
      bytes: true,
      sha256: true,
      isConfidential: true,
      agendaItem: {
        select: {
          id: true,
          bodyId: true,
          meetingId: true,
          isConfidential: true,
          meeting: { select: { status: true } },
        },
      },
    },
  });
  if (!doc || (itemId !== null && doc.agendaItem.id !== itemId)) return null;
  const item = doc.agendaItem;
  const confidential = doc.isConfidential || item.isConfidential;
  const access = item.meetingId ? await findMeetingAccess(db, { id: item.meetingId }) : null;
  const bodysOwn = async () => (await decide(db, actor, item.bodyId, item.meeting?.status ?? null)).read;
  const allowed = access
    ? authorize(actor, confidential ? "members.readConfidential" : "members.readAgenda", access).ok ||
      (!confidential && (await bodysOwn()))
    : await bodysOwn();
  if (!allowed) return null;
  return { fileName: doc.fileName, mimeType: doc.mimeType, bytes: doc.bytes, sha256: doc.sha256 };
}
