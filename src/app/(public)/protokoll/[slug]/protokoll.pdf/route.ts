import { findProtocolBySlug } from "@/modules/protocol/protocol.queries";
import { findPublicProtocol } from "@/modules/public/public.queries";
import { maskPersonalNumbers } from "@/modules/public/public.rules";
import { renderSealedCopy, withChangesAfterAdjustment } from "@/modules/signoff/corrected-pdf";
import { renderProtocolPdf } from "@/pdf";
import { getDb } from "@/server/db";

const notFound = () => new Response("Protokollet finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The public PDF. When nothing had to be withheld and nothing changed after justering it is the
 * signed original, byte for byte (so it verifies); otherwise a public copy rendered from the
 * masked protocol. The original with confidential text stays in the archive.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = getDb();
  const pub = await findPublicProtocol(db, slug);
  if (!pub) return notFound();
  const masked = JSON.stringify(pub) !== JSON.stringify(await findProtocolBySlug(db, slug));
  // Rättelser and changed notice dates are part of what the public reads (the original would show
  // the old dates): then the copy with them, sealed anew.
  const current = await withChangesAfterAdjustment(db, pub);
  const corrected = (current.corrections?.length ?? 0) > 0;
  const revised = !!current.notice?.revisedAt;
  let bytes: Uint8Array;
  if (corrected || revised) {
    bytes = (await renderSealedCopy({ ...current, corrections: current.corrections!.map((c) => ({ ...c, text: maskPersonalNumbers(c.text) })) }))!;
  } else if (!masked) {
    const file = await db.protocolFile.findFirst({ where: { meeting: { slug }, kind: "PROTOCOL" } });
    if (!file) return notFound();
    bytes = file.bytes;
  } else {
    bytes = await renderProtocolPdf(pub);
  }
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${slug}${masked ? "-offentlig-kopia" : ""}${corrected ? "-med-rattelser" : ""}${revised ? "-andrat-anslag" : ""}.pdf"`,
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
