import { findPublicProtocol } from "@/modules/public/public.queries";
import { renderNoticePdf } from "@/pdf";
import { getDb } from "@/server/db";

/** The notice (anslag/bevis) as a PDF page of its own. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const pub = await findPublicProtocol(getDb(), slug);
  if (!pub?.notice) return new Response("Anslaget finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const bytes = await renderNoticePdf(pub);
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${slug}-anslag.pdf"`,
      // The notice dates can still change (editNotice): the same lifetime as the protocol page.
      "cache-control": "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
      "x-content-type-options": "nosniff",
    },
  });
}
