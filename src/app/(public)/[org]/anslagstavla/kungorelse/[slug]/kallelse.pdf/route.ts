import { publicSummonsResponse } from "@/modules/summons";
import { getDb } from "@/server/db";
import { notFoundResponse, routeOrganisation } from "@/app/(public)/[org]/organisation";

export const dynamic = "force-dynamic";

/** The public kallelse PDF of a kungörelse of the organisation that is up on its anslagstavla (404 otherwise). */
export async function GET(req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  if (!organisation) return notFoundResponse("Kungörelsen finns inte på anslagstavlan.");
  return publicSummonsResponse(req, getDb(), (await params).slug, "kallelse", organisation.id);
}
