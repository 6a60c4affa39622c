// Reads what a package holds, as /verifiera, the PDF routes and the signoff module read it: the
// protocol as signed (server/protocol.queries.ts, names frozen at justering), the stored original
// and notice (ProtocolFile), the copies handed out (IssuedCopy), the rättelser and the notice's
// revision (findSignoffInfo), the bilagor's bytes and the meeting's audit rows.
import type { PrismaClient } from "@/generated/prisma/client";
import { isAdjusted } from "@/domain/lifecycle";
import { findProtocolBySlug, findSignoffInfo } from "@/server/protocol.queries";
import { today } from "@/server/clock";
import { buildEarkivPackage, type EarkivInput, type EarkivPackage } from "./package";
import { loadSchemas } from "./schemas";

export const SOFTWARE_VERSION = "Paragraf 0.1.0";

export type EarkivRead = { ok: true; input: EarkivInput } | { ok: false; message: string };

export async function readEarkivInput(db: PrismaClient, slug: string): Promise<EarkivRead> {
  const protocol = await findProtocolBySlug(db, slug);
  if (!protocol) return { ok: false, message: `Sammanträdet "${slug}" finns inte.` };
  if (!isAdjusted(protocol.meeting.status))
    return { ok: false, message: "Bara ett justerat protokoll kan lämnas till e-arkivet." };
  const meetingId = protocol.meeting.id;
  const [meeting, files, copies, attachments, audit, info] = await Promise.all([
    db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      select: { contentHash: true, hashSalt: true, createdAt: true },
    }),
    db.protocolFile.findMany({
      where: { meetingId },
      select: { kind: true, bytes: true, sha256: true, createdAt: true },
    }),
    db.issuedCopy.findMany({
      where: { meetingId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { kind: true, bytes: true, sha256: true, createdAt: true, correctionCount: true },
    }),
    db.attachment.findMany({
      where: { paragraph: { meetingId }, bytes: { not: null } },
      orderBy: [{ paragraph: { number: "asc" } }, { position: "asc" }],
      select: {
        label: true,
        fileName: true,
        mimeType: true,
        bytes: true,
        position: true,
        createdAt: true,
        paragraph: { select: { number: true } },
      },
    }),
    db.auditLog.findMany({
      where: { meetingId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, at: true, action: true, data: true, user: { select: { id: true, name: true } } },
    }),
    findSignoffInfo(db, meetingId),
  ]);
  const original = files.find((f) => f.kind === "PROTOCOL");
  if (!original || !meeting.contentHash) return { ok: false, message: "Den justerade PDF:en saknas." };
  const notice = files.find((f) => f.kind === "NOTICE");
  const stored = (f: { bytes: Uint8Array; sha256: string; createdAt: Date }) => ({
    bytes: new Uint8Array(f.bytes),
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  });
  return {
    ok: true,
    input: {
      protocol,
      contentHash: meeting.contentHash,
      contentHashSalt: meeting.hashSalt,
      meetingCreatedAt: meeting.createdAt.toISOString(),
      corrections: info.corrections,
      noticeRevisedAt: info.noticeRevisedAt,
      original: stored(original),
      storedNotice: notice ? stored(notice) : null,
      issuedCopies: copies.map((c) => ({ ...stored(c), kind: c.kind, correctionCount: c.correctionCount })),
      attachments: attachments.map((a) => ({
        paragraphNumber: a.paragraph.number,
        position: a.position,
        label: a.label,
        fileName: a.fileName,
        mimeType: a.mimeType,
        bytes: new Uint8Array(a.bytes!),
        createdAt: a.createdAt.toISOString(),
      })),
      audit: audit.map((a) => ({ id: a.id, at: a.at.toISOString(), action: a.action, user: a.user, data: a.data })),
      today: today(),
      schemas: loadSchemas(),
      softwareVersion: SOFTWARE_VERSION,
    },
  };
}

/** The package of one justerat protocol, or why there is none. */
export async function earkivPackageFor(
  db: PrismaClient,
  slug: string,
): Promise<{ ok: true; pkg: EarkivPackage } | { ok: false; message: string }> {
  const read = await readEarkivInput(db, slug);
  return read.ok ? { ok: true, pkg: buildEarkivPackage(read.input) } : read;
}

/** The justerade protocols of a body whose meeting date falls in `year`, oldest first. */
export async function listAdjustedSlugs(db: PrismaClient, bodyId: string, year: number): Promise<string[]> {
  const rows = await db.meeting.findMany({
    where: {
      bodyId,
      status: "ADJUSTED",
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
    },
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

/** The years in which a body has justerade protocols, newest first. */
export async function listAdjustedYears(db: PrismaClient, bodyId: string): Promise<number[]> {
  const rows = await db.meeting.findMany({ where: { bodyId, status: "ADJUSTED" }, select: { date: true } });
  return [...new Set(rows.map((r) => r.date.getUTCFullYear()))].sort((a, b) => b - a);
}
