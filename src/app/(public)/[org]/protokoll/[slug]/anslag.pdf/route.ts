import { findNoticePdf } from "@/modules/publication";
import { getDb } from "@/server/db";
import { notFoundResponse, routeOrganisation } from "@/app/(public)/[org]/organisation";

/**
 * The notice (anslag/bevis) as a PDF page of its own: rendered and sealed once per state and
 * then served from storage (modules/publication/issued-copies.ts). The organisation's only.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  const pdf = organisation && (await findNoticePdf(getDb(), (await params).slug, organisation.id));
  if (!pdf) return notFoundResponse("Anslaget finns inte.");
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
