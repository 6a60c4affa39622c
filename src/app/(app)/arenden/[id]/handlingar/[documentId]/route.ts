import { findAgendaDocument } from "@/modules/agenda";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * Download a handling of an ärende, for those who may read the body's ärenden (its secretaries,
 * admins, members and ersättare; confidential handlingar only to them as well). Anyone else gets
 * the same 404 as for a handling that does not exist.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const doc = await findAgendaDocument(getDb(), await getCurrentUser(), id, documentId);
  if (!doc) {
    return new Response("Handlingen finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
    });
  }
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "content-type": doc.mimeType,
      "content-length": String(doc.bytes.length),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      etag: `"${doc.sha256}"`,
    },
  });
}
