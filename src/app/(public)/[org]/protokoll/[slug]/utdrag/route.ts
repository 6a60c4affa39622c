import { publicExtractResponse } from "@/modules/publication";
import { getDb } from "@/server/db";
import { notFoundResponse, routeOrganisation } from "@/app/(public)/[org]/organisation";

/**
 * Utdrag ur ett offentligt protokoll: GET /<org>/protokoll/<slug>/utdrag?paragraf=59. Public §§
 * only, through the public projection; a confidential § is refused (modules/publication/extracts.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  if (!organisation) return notFoundResponse("Protokollet finns inte.");
  return publicExtractResponse(getDb(), (await params).slug, req.url, organisation.id);
}
