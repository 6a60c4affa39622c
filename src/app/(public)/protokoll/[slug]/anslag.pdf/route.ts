import { findNoticePdf } from "@/modules/publication";
import { getDb } from "@/server/db";

/**
 * The notice (anslag/bevis) as a PDF page of its own: rendered and sealed once per state and
 * then served from storage (modules/publication/issued-copies.ts).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const pdf = await findNoticePdf(getDb(), slug);
  if (!pdf)
    return new Response("Anslaget finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${pdf.fileName}"`,
      // The notice dates can still change (editNotice): the same lifetime as the protocol page.
      "cache-control": "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
      "x-content-type-options": "nosniff",
      ...(pdf.noindex ? { "x-robots-tag": "noindex" } : {}),
    },
  });
}
