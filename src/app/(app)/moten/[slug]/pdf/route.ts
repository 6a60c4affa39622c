import { findMeetingAccess } from "@/modules/meeting/meeting.access";
import { isAdjusted } from "@/modules/protocol/protocol.format";
import { findProtocolBySlug } from "@/modules/protocol/protocol.queries";
import { renderSealedCopy, withChangesAfterAdjustment } from "@/modules/signoff/corrected-pdf";
import { renderProtocolPdf } from "@/pdf";
import { authorize } from "@/server/authz";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The protocol as PDF. A justerat protocol is served from storage, byte for byte what was
 * signed, unless its notice dates were changed afterwards: then (as with ?med-rattelser) a copy
 * sealed anew from current data, so no stale dates are shown; ?original still gives the stored
 * file. A draft is rendered now and marked UTKAST.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const access = await findMeetingAccess(getDb(), { slug });
  if (!user || !access || !authorize(user, "meeting.read", access).ok) return text("Protokollet finns inte.", 404);
  const query = new URL(req.url).searchParams;
  let bytes: Uint8Array;
  let name = `${slug}.pdf`;
  if (isAdjusted(access.status)) {
    const current = await withChangesAfterAdjustment(getDb(), (await findProtocolBySlug(getDb(), slug))!);
    const revised = !!current.notice?.revisedAt;
    if (!query.has("original") && (revised || query.has("med-rattelser"))) {
      const copy = await renderSealedCopy(current);
      if (!copy) return text("Protokollet har inga rättelser.", 404);
      bytes = copy;
      name = `${slug}${(current.corrections?.length ?? 0) > 0 ? "-med-rattelser" : ""}${revised ? "-andrat-anslag" : ""}.pdf`;
    } else {
      const file = await getDb().protocolFile.findUnique({ where: { meetingId_kind: { meetingId: access.id, kind: "PROTOCOL" } } });
      if (!file) return text("Den justerade PDF:en saknas.", 500);
      bytes = file.bytes;
    }
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
