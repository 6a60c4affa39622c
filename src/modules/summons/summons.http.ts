// The kallelse PDF and the handlingar bundle as HTTP responses: the members' version in the
// workspace (whoever may read the meeting: its body's secretaries, members, signers), the public
// version for a kungörelse that is up on the anslagstavla (only through toPublicSummons).
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { toPublicSummons } from "@/domain/publication/public.rules";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { bundlePlan, bundleSummons, RenderBusyError, renderSummonsPdf } from "@/pdf";
import { authorize } from "@/server/authz";
import { today } from "@/server/clock";
import { findMeetingAccess } from "@/server/meeting-access";
import { storedPdfResponse } from "@/server/pdf-response";
import { getCurrentUser } from "@/server/session";
import { findHandlingBytes, findKungorelse, findSummons } from "./summons.queries";

export type SummonsFile = "kallelse" | "handlingar";

const text = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra } });

/** The kallelse, or the kallelse with the PDF handlingar after it. */
export async function summonsFileBytes(
  db: PrismaClient,
  summons: SummonsDTO,
  version: "members" | "public",
  file: SummonsFile,
): Promise<Uint8Array> {
  const kallelse = await renderSummonsPdf(summons, version);
  if (file === "kallelse") return kallelse;
  // `summons` is already the public projection for the public version: its plan has no
  // confidential ärende or handling, so their bytes are never read.
  const plan = bundlePlan(summons);
  const bytes = await findHandlingBytes(
    db,
    summons.meeting.id,
    plan.map((p) => p.documentId),
  );
  const bundle = await bundleSummons(
    kallelse,
    plan.filter((p) => bytes.has(p.documentId)).map((p) => ({ ...p, bytes: bytes.get(p.documentId)! })),
  );
  return bundle.bytes;
}

async function respond(
  req: Request,
  db: PrismaClient,
  summons: SummonsDTO,
  version: "members" | "public",
  file: SummonsFile,
): Promise<Response> {
  let bytes: Uint8Array;
  try {
    bytes = await summonsFileBytes(db, summons, version, file);
  } catch (error) {
    if (error instanceof RenderBusyError) return text(error.message, 503, { "retry-after": "10" });
    throw error;
  }
  const name = `${summons.meeting.slug}-${file === "kallelse" ? "kallelse" : "kallelse-med-handlingar"}${version === "public" ? "-offentlig" : ""}.pdf`;
  return storedPdfResponse(
    req,
    { bytes, sha256: createHash("sha256").update(bytes).digest("hex") },
    {
      cacheControl: version === "public" ? "public, max-age=0, must-revalidate" : "private, no-store",
      contentDisposition: `inline; filename="${name}"`,
    },
  );
}

/**
 * GET /moten/<slug>/kallelse/kallelse.pdf and …/handlingar.pdf: the members' version for the
 * body's own ("members.readConfidential": its secretaries, members, ledamöter and ersättare); the
 * others who may read the meeting (a chair, justerare or meeting secretary from outside the body)
 * get the public version, without confidential ärenden and handlingar.
 */
export async function workspaceSummonsResponse(
  req: Request,
  db: PrismaClient,
  slug: string,
  file: SummonsFile,
): Promise<Response> {
  const user = await getCurrentUser();
  const access = await findMeetingAccess(db, { slug });
  if (!user || !access || !authorize(user, "meeting.read", access).ok) return text("Kallelsen finns inte.", 404);
  const summons = await findSummons(db, { id: access.id });
  if (!summons || summons.items.length === 0) return text("Sammanträdet har ingen ärendelista.", 404);
  if (!authorize(user, "members.readConfidential", access).ok) {
    return respond(req, db, toPublicSummons(summons), "public", file);
  }
  return respond(req, db, summons, "members", file);
}

/**
 * GET /<org>/anslagstavla/kungorelse/<slug>/…: the public version, while the kungörelse is up, of
 * the organisation `organisationId` only.
 */
export async function publicSummonsResponse(
  req: Request,
  db: PrismaClient,
  slug: string,
  file: SummonsFile,
  organisationId: string,
): Promise<Response> {
  const summons = await findKungorelse(db, slug, today(), organisationId);
  if (!summons) return text("Kungörelsen finns inte på anslagstavlan.", 404);
  return respond(req, db, summons, "public", file);
}
