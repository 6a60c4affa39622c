import { storedPdfResponse } from "@/server/pdf-response";
import { findPublicPdf } from "@/modules/publication";
import { getDb } from "@/server/db";
import { notFoundResponse, routeOrganisation } from "@/app/(public)/[org]/organisation";

/**
 * The public PDF: the signed original when nothing is withheld and nothing changed after
 * justering, otherwise the public copy (confidential §§ left out, rättelser, current notice
 * dates), issued once and served from storage (modules/publication/issued-copies.ts). Either one verifies on
 * /verifiera. The original with confidential text stays in the archive. The organisation's only.
 */
export async function GET(req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  const pdf = organisation && (await findPublicPdf(getDb(), (await params).slug, organisation.id));
  if (!pdf) return notFoundResponse("Protokollet finns inte.");
  return storedPdfResponse(req, pdf, {
    // As the public protocol page: a rättelse or new notice dates replace the file, so a shared
    // cache keeps it at most a minute and a browser asks again (the ETag makes that cheap).
    cacheControl: "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
    contentDisposition: `inline; filename="${pdf.fileName}"`,
    noindex: pdf.noindex,
  });
}
