import { findReadableMeeting } from "@/server/meeting-access";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/** Download a § attachment (bilaga) for someone who may read the meeting. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const notFound = () =>
    new Response("Bilagan finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const access = await findReadableMeeting(getDb(), await getCurrentUser(), slug);
  if (!access) return notFound();
  const a = await getDb().attachment.findFirst({ where: { id, paragraph: { meetingId: access.id } } });
  if (!a?.bytes) return notFound();
  return new Response(Buffer.from(a.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(a.fileName ?? "bilaga.pdf")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
