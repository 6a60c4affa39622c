import { storedPdfResponse } from "@/server/pdf-response";
import { findPublicPdf } from "@/modules/publication";
import { getDb } from "@/server/db";

const notFound = () =>
  new Response("Protokollet finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The public PDF: the signed original when nothing is withheld and nothing changed after
 * justering, otherwise the public copy (confidential §§ left out, rättelser, current notice
 * dates), issued once and served from storage (modules/publication/issued-copies.ts). Either one verifies on
 * /verifiera. The original with confidential text stays in the archive.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const pdf = await findPublicPdf(getDb(), slug);
  if (!pdf) return notFound();
  return storedPdfResponse(req, pdf, {
    // As the public protocol page: a rättelse or new notice dates replace the file, so a shared
    // cache keeps it at most a minute and a browser asks again (the ETag makes that cheap).
    cacheControl: "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
    contentDisposition: `inline; filename="${pdf.fileName}"`,
    noindex: pdf.noindex,
  });
}
