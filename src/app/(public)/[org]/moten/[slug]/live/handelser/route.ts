import { getLiveHub, publicLiveStreamResponse } from "@/modules/live";
import { getDb } from "@/server/db";
import { notFoundResponse, routeOrganisation } from "@/app/(public)/[org]/organisation";

export const dynamic = "force-dynamic";

/**
 * The public live stream's server-sent events: the public state (the same projection as the
 * page) whenever it changes; 404 when the meeting is not public, not there, or another
 * organisation's. Read-only: there is nothing to post here.
 */
export async function GET(req: Request, { params }: { params: Promise<{ org: string; slug: string }> }) {
  const organisation = await routeOrganisation(params);
  if (!organisation) return notFoundResponse("Sammanträdet finns inte eller sänds inte offentligt.");
  const { slug } = await params;
  return publicLiveStreamResponse(getDb(), organisation.id, slug, { hub: getLiveHub(), signal: req.signal });
}
