import { findReadableMeeting } from "@/server/meeting-access";
import { isAdjusted } from "@/domain/lifecycle";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { findAdjustedPdf } from "@/modules/publication";
import { RenderBusyError, renderProtocolPdf } from "@/pdf";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The protocol as PDF. A justerat protocol is served from storage: byte for byte what was
 * signed, unless its notice dates were changed afterwards: then (as with ?med-rattelser) the
 * issued copy with current data, so no stale dates are shown; ?original still gives the signed
 * file (modules/publication/issued-copies.ts). A draft is rendered now and marked UTKAST.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await findReadableMeeting(getDb(), await getCurrentUser(), slug);
  if (!access) return text("Protokollet finns inte.", 404);
  const query = new URL(req.url).searchParams;
  const protocol = (await findProtocolBySlug(getDb(), slug))!;
  let bytes: Uint8Array;
  let name: string;
  if (isAdjusted(access.status)) {
    const pdf = await findAdjustedPdf(getDb(), protocol, {
      original: query.has("original"),
      withCorrections: query.has("med-rattelser"),
    });
    if (pdf === "no-changes") return text("Protokollet har inga rättelser.", 404);
    if (!pdf) return text("Den justerade PDF:en saknas.", 500);
    bytes = pdf.bytes;
    name = pdf.fileName;
  } else {
    try {
      // On a worker thread (src/pdf/render-pool.ts): other visitors are served meanwhile.
      bytes = await renderProtocolPdf(protocol);
    } catch (error) {
      if (error instanceof RenderBusyError)
        return new Response(error.message, {
          status: 503,
          headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "10" },
        });
      throw error;
    }
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
