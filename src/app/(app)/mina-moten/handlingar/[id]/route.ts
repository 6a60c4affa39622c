import { findMemberDocument } from "@/modules/members";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * A handling of an ärende on a meeting's ärendelista, for those the permission table lets read
 * the agenda (confidential ones only for the body's own). Not found for everyone else.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const doc = await findMemberDocument(getDb(), await getCurrentUser(), id);
  if (!doc) {
    return new Response("Handlingen finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
    });
  }
  const pdf = doc.mimeType === "application/pdf";
  return new Response(Buffer.from(doc.bytes), {
    headers: {
      "content-type": pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `${pdf ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
