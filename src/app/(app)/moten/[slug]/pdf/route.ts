import { findMeetingAccess } from "@/modules/meeting/meeting.access";
import { isAdjusted } from "@/modules/protocol/protocol.format";
import { findProtocolBySlug } from "@/modules/protocol/protocol.queries";
import { renderCorrectedPdf, withCorrections } from "@/modules/signoff/corrected-pdf";
import { renderProtocolPdf } from "@/pdf";
import { authorize } from "@/server/authz";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * The protocol as PDF. A justerat protocol is served from storage, byte for byte what was
 * signed; a draft is rendered now and marked UTKAST.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const access = await findMeetingAccess(getDb(), { slug });
  if (!user || !access || !authorize(user, "meeting.read", access).ok) {
    return new Response("Protokollet finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  let bytes: Uint8Array;
  let name = `${slug}.pdf`;
  const corrected = new URL(req.url).searchParams.has("med-rattelser");
  if (isAdjusted(access.status) && corrected) {
    const copy = await renderCorrectedPdf(await withCorrections(getDb(), (await findProtocolBySlug(getDb(), slug))!));
    if (!copy) return new Response("Protokollet har inga rättelser.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    bytes = copy;
    name = `${slug}-med-rattelser.pdf`;
  } else if (isAdjusted(access.status)) {
    const file = await getDb().protocolFile.findUnique({ where: { meetingId_kind: { meetingId: access.id, kind: "PROTOCOL" } } });
    if (!file) return new Response("Den justerade PDF:en saknas.", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
    bytes = file.bytes;
  } else {
    bytes = await renderProtocolPdf((await findProtocolBySlug(getDb(), slug))!);
    name = `${slug}-utkast.pdf`;
  }
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
