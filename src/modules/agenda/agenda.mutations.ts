// The body's ärenden before the meeting: create one in the pool or on a meeting's ärendelista,
// edit it (version check), move it between the pool and the body's draft meetings, reorder the
// ärendelista (Meeting.agendaVersion), delete one that never became a §; its handlingar (PDF or
// DOCX, sniffed and size-limited); and the import of a tjänsteskrivelse. Every change runs in one
// transaction with its audit row; a change to a meeting's list locks the meeting row first, so two
// secretaries reordering at once cannot interleave.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "@/modules/drafting";
import { defineAgendaAction, type AgendaLocation } from "@/server/action";
import { writeAudit, type AuditInput } from "@/server/audit";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  createItemSchema,
  deleteItemSchema,
  documentSchema,
  importSchema,
  moveDocumentSchema,
  moveItemSchema,
  reorderSchema,
  updateItemSchema,
  uploadDocumentSchema,
} from "./agenda.schema";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { readTjansteskrivelse } from "./docx-import";
import { itemTextSelect } from "./kallelse-items";
import { DOCX_MIME, PDF_MIME, safeFileName } from "./files";
import { inspectUpload } from "./file-inspection";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------
// Where things are (for the permission table)
// ---------------------------------------------------------------------------------------------

async function locateMeeting(db: PrismaClient | Tx, meetingId: string): Promise<AgendaLocation | null> {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, bodyId: true, status: true } });
  return m ? { bodyId: m.bodyId, meeting: { id: m.id, status: m.status } } : null;
}

async function locateItem(db: PrismaClient | Tx, itemId: string): Promise<AgendaLocation | null> {
  const item = await db.agendaItem.findUnique({
    where: { id: itemId },
    select: { bodyId: true, meeting: { select: { id: true, status: true } } },
  });
  return item ? { bodyId: item.bodyId, meeting: item.meeting } : null;
}

async function locateDocument(db: PrismaClient | Tx, documentId: string): Promise<AgendaLocation | null> {
  const doc = await db.agendaDocument.findUnique({ where: { id: documentId }, select: { agendaItemId: true } });
  return doc ? locateItem(db, doc.agendaItemId) : null;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Serialises changes to one meeting's ärendelista until the transaction ends. */
async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Meeting" WHERE "id" = ${meetingId} FOR UPDATE`;
}

/** The list numbered 1, 2, 3 … again (after an item left it), and its version moved on. */
async function renumber(tx: Tx, meetingId: string, order?: string[]): Promise<number> {
  const ids =
    order ??
    (
      await tx.agendaItem.findMany({
        where: { meetingId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      })
    ).map((i) => i.id);
  for (const [i, id] of ids.entries()) await tx.agendaItem.update({ where: { id }, data: { position: i + 1 } });
  const m = await tx.meeting.update({
    where: { id: meetingId },
    data: { agendaVersion: { increment: 1 } },
    select: { agendaVersion: true },
  });
  return m.agendaVersion;
}

/** A draft meeting of the body, to put an ärende on; refused (Swedish) otherwise. */
async function targetMeeting(tx: Tx, bodyId: string, meetingId: string) {
  const m = await tx.meeting.findUnique({ where: { id: meetingId }, select: { id: true, bodyId: true, status: true } });
  if (!m || m.bodyId !== bodyId) {
    throw new AppError("VALIDATION", "Sammanträdet finns inte eller hör till ett annat organ.", {
      fieldErrors: { meetingId: ["Välj ett sammanträde i samma organ."] },
    });
  }
  if (m.status !== "DRAFT") {
    throw new AppError(
      "STATE",
      "Ärendet kan inte läggas på det sammanträdet: dess protokoll är skickat till justering eller justerat.",
    );
  }
  return m;
}

async function nextPosition(tx: Tx, meetingId: string): Promise<number> {
  const last = await tx.agendaItem.aggregate({ where: { meetingId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

const NOT_PREPARING = "Ärendet är redan behandlat på ett sammanträde och kan inte ändras här.";

/** The item's editable fields as they are now, for the conflict panel. */
async function currentItem(tx: Tx | PrismaClient, itemId: string) {
  return tx.agendaItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      version: true,
      ...itemTextSelect,
      meetingId: true,
      state: true,
    },
  });
}

/** The item, checked: it exists, is still in preparation and has the version the form had. */
async function checkedItem(tx: Tx, itemId: string, version: number, what: string) {
  const item = await currentItem(tx, itemId);
  if (!item) throw new AppError("NOT_FOUND", "Ärendet finns inte längre; det kan ha tagits bort.");
  if (item.state !== "PREPARING") throw new AppError("STATE", NOT_PREPARING);
  if (item.version !== version) {
    throw new AppError("CONFLICT", `Någon annan har ändrat ärendet medan du ${what}. Ladda om sidan och försök igen.`, {
      current: item,
    });
  }
  return item;
}

/** The audit row of an agenda change: who did it, from where, on which meeting's list (if any). */
function auditAgenda(
  tx: Tx,
  by: { actor: { userId: string }; ip: string | null },
  meetingId: string | null,
  entry: Pick<AuditInput, "action" | "entity" | "entityId" | "data">,
) {
  return writeAudit(tx, { userId: by.actor.userId, meetingId, ip: by.ip, ...entry });
}

/** The item's fields changed if it still has the form's version and is in preparation; refused otherwise. */
async function updateChecked(
  tx: Tx,
  itemId: string,
  version: number,
  what: string,
  data: Prisma.AgendaItemUpdateInput,
) {
  const updated = await tx.agendaItem.updateMany({
    where: { id: itemId, version, state: "PREPARING" },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    await checkedItem(tx, itemId, version, what);
    throw new AppError("CONFLICT", "Ärendet ändrades samtidigt. Ladda om sidan och försök igen.");
  }
}

/** An uploaded file's bytes, refused (Swedish, on the file field) over the size limit. */
async function fileBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new AppError("VALIDATION", ATTACHMENT_TOO_LARGE, { fieldErrors: { file: [ATTACHMENT_TOO_LARGE] } });
  }
  return new Uint8Array(await file.arrayBuffer());
}

/** The order with the entry at `at` swapped with its neighbour above or below (unchanged at an end). */
function swapped(order: string[], at: number, direction: "up" | "down"): string[] {
  const out = [...order];
  const to = direction === "up" ? at - 1 : at + 1;
  if (to >= 0 && to < out.length) [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
}

/** An ärende's handlingar numbered 1, 2, 3 … in the given order, or in their present order. */
async function renumberDocuments(tx: Tx, agendaItemId: string, order?: string[]): Promise<void> {
  const ids =
    order ??
    (
      await tx.agendaDocument.findMany({ where: { agendaItemId }, orderBy: { position: "asc" }, select: { id: true } })
    ).map((d) => d.id);
  for (const [i, id] of ids.entries()) await tx.agendaDocument.update({ where: { id }, data: { position: i + 1 } });
}

// ---------------------------------------------------------------------------------------------
// Ärenden
// ---------------------------------------------------------------------------------------------

export const createAgendaItem = defineAgendaAction(
  {
    schema: createItemSchema,
    permission: "agenda.edit",
    locate: async ({ bodyId, meetingId }, db) => {
      if (meetingId) {
        const where = await locateMeeting(db, meetingId);
        // A meeting of another body is not a place for this body's ärende.
        return where && where.bodyId === bodyId ? where : null;
      }
      const body = await db.body.findUnique({ where: { id: bodyId }, select: { id: true } });
      return body ? { bodyId: body.id, meeting: null } : null;
    },
  },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const meetingId = input.meetingId || null;
      let position: number | null = null;
      if (meetingId) {
        await lockMeeting(tx, meetingId);
        await targetMeeting(tx, input.bodyId, meetingId);
        position = await nextPosition(tx, meetingId);
      }
      const item = await tx.agendaItem.create({
        data: {
          bodyId: input.bodyId,
          meetingId,
          position,
          title: input.title,
          caseNumber: input.caseNumber,
          isExtra: input.isExtra ?? false,
        },
        select: { id: true },
      });
      if (meetingId) await tx.meeting.update({ where: { id: meetingId }, data: { agendaVersion: { increment: 1 } } });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId,
        action: "agenda.create",
        entity: "AgendaItem",
        entityId: item.id,
        ip,
        data: { title: input.title, position, ...(input.isExtra ? { isExtra: true } : {}) },
      });
      return { id: item.id };
    }),
);

export const updateAgendaItem = defineAgendaAction(
  { schema: updateItemSchema, permission: "agenda.edit", locate: ({ itemId }, db) => locateItem(db, itemId) },
  ({ db, actor, ip, input, location }) =>
    db.$transaction(async (tx) => {
      const summary =
        input.summary === undefined
          ? {}
          : input.summary === null
            ? { summary: Prisma.DbNull, summaryPlain: "" }
            : {
                summary: input.summary as unknown as Prisma.InputJsonValue,
                summaryPlain: toPlainText(input.summary),
              };
      await updateChecked(tx, input.itemId, input.version, "skrev", {
        title: input.title,
        caseNumber: input.caseNumber,
        responsible: input.responsible,
        proposalIntro: input.proposalIntro,
        proposalClauses: input.proposalClauses,
        isConfidential: input.isConfidential,
        ...summary,
      });
      await auditAgenda(tx, { actor, ip }, location.meeting?.id ?? null, {
        action: "agenda.update",
        entity: "AgendaItem",
        entityId: input.itemId,
        data: { version: input.version + 1, isConfidential: input.isConfidential },
      });
      return { version: input.version + 1 };
    }),
);

export const moveAgendaItem = defineAgendaAction(
  { schema: moveItemSchema, permission: "agenda.edit", locate: ({ itemId }, db) => locateItem(db, itemId) },
  ({ db, actor, ip, input, location }) =>
    db.$transaction(async (tx) => {
      const from = location.meeting?.id ?? null;
      const to = input.meetingId;
      // Lock both lists in a fixed order, so two moves the other way round cannot deadlock.
      for (const id of [from, to].filter((x): x is string => x !== null).sort()) await lockMeeting(tx, id);
      await checkedItem(tx, input.itemId, input.version, "flyttade det");
      if (from === to) return { meetingId: to, version: input.version };
      if (to) await targetMeeting(tx, location.bodyId, to);
      await tx.agendaItem.update({
        where: { id: input.itemId },
        data: {
          meetingId: to,
          position: to ? await nextPosition(tx, to) : null,
          version: { increment: 1 },
        },
      });
      if (from) await renumber(tx, from);
      if (to) await tx.meeting.update({ where: { id: to }, data: { agendaVersion: { increment: 1 } } });
      await auditAgenda(tx, { actor, ip }, to ?? from, {
        action: "agenda.move",
        entity: "AgendaItem",
        entityId: input.itemId,
        data: { from, to },
      });
      return { meetingId: to, version: input.version + 1 };
    }),
);

export const reorderAgenda = defineAgendaAction(
  { schema: reorderSchema, permission: "agenda.edit", locate: ({ meetingId }, db) => locateMeeting(db, meetingId) },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      await lockMeeting(tx, input.meetingId);
      const meeting = await tx.meeting.findUniqueOrThrow({
        where: { id: input.meetingId },
        select: { agendaVersion: true },
      });
      const items = await tx.agendaItem.findMany({
        where: { meetingId: input.meetingId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      });
      const current = items.map((i) => i.id);
      if (meeting.agendaVersion !== input.agendaVersion) {
        throw new AppError(
          "CONFLICT",
          "Någon annan har ändrat ärendelistan medan du ordnade den. Ladda om sidan och försök igen.",
          { current: { agendaVersion: meeting.agendaVersion, order: current } },
        );
      }
      let order: string[];
      if (input.order) {
        order = input.order;
        const same = order.length === current.length && new Set(order).size === order.length;
        if (!same || !order.every((id) => current.includes(id))) {
          throw new AppError("VALIDATION", "Den nya ordningen ska innehålla varje ärende på listan en gång.", {
            fieldErrors: { order: ["Ta med varje ärende på listan en gång."] },
          });
        }
      } else {
        const at = current.indexOf(input.itemId!);
        if (at < 0) throw new AppError("NOT_FOUND", "Ärendet finns inte på ärendelistan längre.");
        order = swapped(current, at, input.direction!);
      }
      const agendaVersion = await renumber(tx, input.meetingId, order);
      await auditAgenda(tx, { actor, ip }, input.meetingId, {
        action: "agenda.reorder",
        entity: "Meeting",
        entityId: input.meetingId,
        data: { order },
      });
      return { agendaVersion };
    }),
);

export const deleteAgendaItem = defineAgendaAction(
  { schema: deleteItemSchema, permission: "agenda.edit", locate: ({ itemId }, db) => locateItem(db, itemId) },
  ({ db, actor, ip, input, location }) =>
    db.$transaction(async (tx) => {
      const from = location.meeting?.id ?? null;
      if (from) await lockMeeting(tx, from);
      const item = await checkedItem(tx, input.itemId, input.version, "tog bort det");
      // An ärende a meeting has dealt with (bordlagt, återremitterat) is part of that history.
      const outcomes = await tx.agendaOutcome.count({ where: { agendaItemId: input.itemId } });
      if (outcomes > 0) {
        throw new AppError(
          "STATE",
          "Ärendet har behandlats på ett sammanträde (och finns i dess protokoll) och kan inte tas bort.",
        );
      }
      await tx.agendaItem.delete({ where: { id: input.itemId } });
      if (from) await renumber(tx, from);
      await auditAgenda(tx, { actor, ip }, from, {
        action: "agenda.delete",
        entity: "AgendaItem",
        entityId: input.itemId,
        data: { title: item.title },
      });
      return { deleted: input.itemId, bodyId: location.bodyId };
    }),
);

// ---------------------------------------------------------------------------------------------
// Handlingar
// ---------------------------------------------------------------------------------------------

export const uploadAgendaDocument = defineAgendaAction(
  {
    schema: uploadDocumentSchema,
    permission: "agenda.edit",
    locate: ({ itemId }, db) => locateItem(db, itemId),
  },
  async ({ db, actor, ip, input, location }) => {
    const bytes = await fileBytes(input.file);
    // Inside, not only the first bytes: a real Word package of sane size, a PDF without script.
    const inspected = await inspectUpload(bytes);
    if (!inspected.ok) {
      throw new AppError("VALIDATION", inspected.message, { fieldErrors: { file: [inspected.message] } });
    }
    const kind = inspected.kind;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return db.$transaction(async (tx) => {
      const item = await tx.agendaItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { state: true } });
      if (item.state !== "PREPARING") throw new AppError("STATE", NOT_PREPARING);
      const last = await tx.agendaDocument.aggregate({
        where: { agendaItemId: input.itemId },
        _max: { position: true },
      });
      const created = await tx.agendaDocument.create({
        data: {
          agendaItemId: input.itemId,
          title: input.title,
          fileName: safeFileName(input.file.name, kind),
          mimeType: kind === "pdf" ? PDF_MIME : DOCX_MIME,
          bytes,
          sha256,
          isConfidential: input.isConfidential,
          position: (last._max.position ?? 0) + 1,
        },
        select: { id: true },
      });
      await auditAgenda(tx, { actor, ip }, location.meeting?.id ?? null, {
        action: "agenda.document.upload",
        entity: "AgendaDocument",
        entityId: created.id,
        data: { sha256, size: bytes.length, kind, isConfidential: input.isConfidential },
      });
      return created;
    });
  },
);

/** Locks the ärende's row and refuses once a meeting has dealt with it: its handlingar are then part of the record. */
async function lockPreparingItem(tx: Tx, itemId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ state: string }[]>`
    SELECT "state"::text AS state FROM "AgendaItem" WHERE "id" = ${itemId} FOR UPDATE`;
  if (row && row.state !== "PREPARING") throw new AppError("STATE", NOT_PREPARING);
}

/** The handling's ärende, locked as lockPreparingItem does (a handling changes only while its ärende is prepared). */
async function lockDocumentItem(tx: Tx, documentId: string): Promise<string> {
  const { agendaItemId } = await tx.agendaDocument.findUniqueOrThrow({
    where: { id: documentId },
    select: { agendaItemId: true },
  });
  await lockPreparingItem(tx, agendaItemId);
  return agendaItemId;
}

export const deleteAgendaDocument = defineAgendaAction(
  { schema: documentSchema, permission: "agenda.edit", locate: ({ documentId }, db) => locateDocument(db, documentId) },
  ({ db, actor, ip, input, location }) =>
    db.$transaction(async (tx) => {
      await lockDocumentItem(tx, input.documentId);
      const doc = await tx.agendaDocument.delete({
        where: { id: input.documentId },
        select: { agendaItemId: true, sha256: true },
      });
      await renumberDocuments(tx, doc.agendaItemId);
      await auditAgenda(tx, { actor, ip }, location.meeting?.id ?? null, {
        action: "agenda.document.delete",
        entity: "AgendaDocument",
        entityId: input.documentId,
        data: { sha256: doc.sha256 },
      });
      return { deleted: input.documentId, itemId: doc.agendaItemId };
    }),
);

export const moveAgendaDocument = defineAgendaAction(
  {
    schema: moveDocumentSchema,
    permission: "agenda.edit",
    locate: ({ documentId }, db) => locateDocument(db, documentId),
  },
  ({ db, actor, ip, input, location }) =>
    db.$transaction(async (tx) => {
      const agendaItemId = await lockDocumentItem(tx, input.documentId);
      const all = await tx.agendaDocument.findMany({
        where: { agendaItemId },
        orderBy: { position: "asc" },
        select: { id: true },
      });
      const order = all.map((d) => d.id);
      await renumberDocuments(tx, agendaItemId, swapped(order, order.indexOf(input.documentId), input.direction));
      await auditAgenda(tx, { actor, ip }, location.meeting?.id ?? null, {
        action: "agenda.document.reorder",
        entity: "AgendaDocument",
        entityId: input.documentId,
        data: { direction: input.direction },
      });
      return { itemId: agendaItemId };
    }),
);

// ---------------------------------------------------------------------------------------------
// Import of a tjänsteskrivelse
// ---------------------------------------------------------------------------------------------

export const importTjansteskrivelse = defineAgendaAction(
  { schema: importSchema, permission: "agenda.edit", locate: ({ itemId }, db) => locateItem(db, itemId) },
  async ({ db, actor, ip, input, location }) => {
    const read = await readTjansteskrivelse(await fileBytes(input.file));
    if (!read.ok) throw new AppError("VALIDATION", read.message, { fieldErrors: { file: [read.message] } });
    return db.$transaction(async (tx) => {
      await updateChecked(tx, input.itemId, input.version, "hämtade dokumentet", {
        ...(read.summary
          ? { summary: read.summary as unknown as Prisma.InputJsonValue, summaryPlain: read.summaryPlain }
          : {}),
        ...(read.proposal ? { proposalIntro: read.proposal.intro, proposalClauses: read.proposal.clauses } : {}),
      });
      await auditAgenda(tx, { actor, ip }, location.meeting?.id ?? null, {
        action: "agenda.import",
        entity: "AgendaItem",
        entityId: input.itemId,
        data: {
          summary: read.summary !== null,
          clauses: read.proposal?.clauses.length ?? null,
          size: input.file.size,
        },
      });
      return {
        version: input.version + 1,
        summary: read.summary !== null,
        proposal: read.proposal ? { intro: read.proposal.intro !== "", clauses: read.proposal.clauses.length } : null,
      };
    });
  },
);
