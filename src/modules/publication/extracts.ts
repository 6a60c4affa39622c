// Utdrag ur protokoll from the pages (issue 14 point 7): an extract PDF of chosen §§ of a
// justerat protocol. The workspace gets the protocol as read access shows it; the public gets only
// public §§, through the public projection (public.rules.ts), never a confidential § or a
// withheld field. Rendered on the PDF worker pool; not stored (an extract is a fresh copy).
import type { PrismaClient } from "@/generated/prisma/client";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import { parseExtractParagraphs, planExtract, type ExtractAudience } from "@/domain/rules/extract.rules";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { RenderBusyError, renderExtractPdf } from "@/pdf";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { isPublicProtocolSlug } from "./public.queries";
import { today } from "@/server/clock";

const text = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra } });

/** The § numbers of a request: ?paragraf=59&paragraf=60 (checkboxes) or ?paragraf=59-61. */
function requested(url: string): number[] | null {
  return parseExtractParagraphs(new URL(url).searchParams.getAll("paragraf"));
}

async function extractResponse(
  protocol: ProtocolDTO,
  url: string,
  audience: ExtractAudience,
  cacheControl: string,
): Promise<Response> {
  const plan = planExtract(protocol, requested(url), audience);
  if (!plan.ok) return text(plan.message, plan.status);
  const source = audience === "public" ? toPublicProtocol(protocol, today()) : protocol;
  let bytes: Uint8Array;
  try {
    bytes = await renderExtractPdf(source, plan.paragraphNumbers);
  } catch (error) {
    if (error instanceof RenderBusyError) return text(error.message, 503, { "retry-after": "10" });
    throw error;
  }
  const numbers = plan.paragraphNumbers.join("-");
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${protocol.meeting.slug}-utdrag-${numbers.length > 60 ? "flera" : numbers}.pdf"`,
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * GET /moten/<slug>/utdrag: for a user the route has checked may read the meeting (meeting.read).
 * The protocol as that user reads it, confidential §§ included.
 */
export async function workspaceExtractResponse(db: PrismaClient, slug: string, url: string): Promise<Response> {
  const protocol = await findProtocolBySlug(db, slug);
  if (!protocol) return text("Protokollet finns inte.", 404);
  return extractResponse(protocol, url, "workspace", "private, no-store");
}

/**
 * GET /<org>/protokoll/<slug>/utdrag: anyone; a public (justerat, published) protocol of the
 * organisation `organisationId`, its public §§ only.
 */
export async function publicExtractResponse(
  db: PrismaClient,
  slug: string,
  url: string,
  organisationId?: string,
): Promise<Response> {
  if (!(await isPublicProtocolSlug(db, slug, organisationId))) return text("Protokollet finns inte.", 404);
  const protocol = await findProtocolBySlug(db, slug);
  if (!protocol) return text("Protokollet finns inte.", 404);
  return extractResponse(protocol, url, "public", "public, max-age=0, s-maxage=60");
}
