// The route handlers' logic: the e-arkiv package of one justerat protocol, and every justerat
// protocol of a body and year in one zip (one package folder each). Asked of the one permission
// table ("earkiv.export": the body's secretaries and the administrators, once justerat), audited
// (one row per package, written before the first byte goes out), streamed.
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { writeAudit } from "@/server/audit";
import { findMeetingAccess, findReadableMeeting } from "@/server/meeting-access";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { earkivPackageFor, listAdjustedSlugs } from "./earkiv.queries";
import type { EarkivPackage } from "./package";
import { addPackage, newZip, zipStream } from "./zip";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

function zipResponse(zip: ReturnType<typeof newZip>, fileName: string): Response {
  return new Response(zipStream(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The audit row of one exported package (the app's routes and `npm run earkiv`): enough to
 * recognise the package later, as its root METS names every file's checksum.
 */
export async function auditEarkivExport(
  db: PrismaClient,
  who: { userId: string | null; ip: string | null },
  meetingId: string,
  pkg: EarkivPackage,
  extra: Record<string, string> = {},
): Promise<void> {
  await writeAudit(db, {
    userId: who.userId,
    meetingId,
    action: "earkiv.export",
    entity: "Meeting",
    entityId: meetingId,
    ip: who.ip,
    data: {
      objid: pkg.objid,
      metsSha256: sha256Hex(pkg.files.find((f) => f.path === "METS.xml")!.bytes),
      files: pkg.files.length,
      bytes: pkg.files.reduce((n, f) => n + f.bytes.length, 0),
      containsConfidential: pkg.containsConfidential,
      ...extra,
    },
  });
}

/** GET /moten/<slug>/e-arkiv: the package of one justerat protocol. */
export async function meetingEarkivResponse(
  db: PrismaClient,
  actor: Actor | null,
  ip: string | null,
  slug: string,
): Promise<Response> {
  // Someone who may not read the meeting learns nothing about it (404), as on the PDF routes.
  const access = await findReadableMeeting(db, actor, slug);
  if (!access || !actor) return text("Protokollet finns inte.", 404);
  const decision = authorize(actor, "earkiv.export", access);
  if (!decision.ok) return text(decision.message, decision.reason === "state" ? 409 : 403);
  const built = await earkivPackageFor(db, access.slug);
  if (!built.ok) return text(built.message, 409);
  await auditEarkivExport(db, { userId: actor.userId, ip }, access.id, built.pkg);
  const zip = newZip();
  addPackage(zip, built.pkg);
  return zipResponse(zip, `${built.pkg.objid}.zip`);
}

/** GET /organ/<body>/e-arkiv/<year>: every justerat protocol of the body with its meeting in that year. */
export async function bodyYearEarkivResponse(
  db: PrismaClient,
  actor: Actor | null,
  ip: string | null,
  bodySlug: string,
  yearText: string,
): Promise<Response> {
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!actor) return text("Organet finns inte.", 404);
  if (!Number.isInteger(year)) return text("Ange året med fyra siffror, t.ex. /e-arkiv/2021.", 400);
  const bodies = await db.body.findMany({ where: { slug: bodySlug }, select: { id: true, slug: true } });
  // A body slug is unique within its organisation: the one whose protocols the actor may export.
  let chosen: { slug: string; meetings: { id: string; slug: string }[] } | null = null;
  for (const body of bodies) {
    const meetings = [];
    for (const slug of await listAdjustedSlugs(db, body.id, year)) {
      const access = await findMeetingAccess(db, { slug });
      if (access && authorize(actor, "earkiv.export", access).ok) meetings.push({ id: access.id, slug });
    }
    if (meetings.length > 0) {
      chosen = { slug: body.slug, meetings };
      break;
    }
  }
  if (!chosen) return text(`Det finns inga justerade protokoll ${year} som du får lämna till e-arkivet.`, 404);
  // Every package built before anything is audited or sent: one that cannot be built stops the export.
  const packages: { meetingId: string; pkg: EarkivPackage }[] = [];
  for (const m of chosen.meetings) {
    const built = await earkivPackageFor(db, m.slug);
    if (!built.ok) return text(`${m.slug}: ${built.message}`, 409);
    packages.push({ meetingId: m.id, pkg: built.pkg });
  }
  const zip = newZip();
  for (const { meetingId, pkg } of packages) {
    await auditEarkivExport(db, { userId: actor.userId, ip }, meetingId, pkg, { bulk: `${chosen.slug}-${year}` });
    addPackage(zip, pkg);
  }
  return zipResponse(zip, `paragraf-${chosen.slug}-${year}-e-arkiv.zip`);
}
