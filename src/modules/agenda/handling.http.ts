// The one HTTP answer for a handling's download, for both URLs that serve it
// (/arenden/<id>/handlingar/<docId> and /mina-moten/handlingar/<id>): the bytes as an attachment of
// the handling's own type (PDF or DOCX, never sniffed), or the same 404 whether the handling does
// not exist or the reader may not have it (findAgendaDocument decides).
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz";
import { findAgendaDocument } from "./agenda.queries";
import { DOCX_MIME, PDF_MIME } from "./files";

export async function handlingResponse(
  db: PrismaClient,
  actor: Actor | null,
  itemId: string | null,
  documentId: string,
): Promise<Response> {
  const doc = await findAgendaDocument(db, actor, itemId, documentId);
  if (!doc) {
    return new Response("Handlingen finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
    });
  }
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "content-type": doc.mimeType === PDF_MIME ? PDF_MIME : DOCX_MIME,
      "content-length": String(doc.bytes.length),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${doc.sha256}"`,
    },
  });
}
