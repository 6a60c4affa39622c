import { workspaceExtractResponse } from "@/modules/publication";
import { findMeetingAccess } from "@/server/meeting-access";
import { authorize } from "@/server/authz";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * Utdrag ur protokoll as PDF: GET /moten/<slug>/utdrag?paragraf=59&paragraf=60, for those who
 * may read the meeting (meeting.read), of a justerat protocol only. 404 for everyone else, as
 * the meeting page (do not reveal that it exists).
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const access = await findMeetingAccess(getDb(), { slug });
  if (!user || !access || !authorize(user, "meeting.read", access).ok)
    return new Response("Protokollet finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return workspaceExtractResponse(getDb(), slug, req.url);
}
