import { workspaceExtractResponse } from "@/modules/publication";
import { findReadableMeeting } from "@/server/meeting-access";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * Utdrag ur protokoll as PDF: GET /moten/<slug>/utdrag?paragraf=59&paragraf=60, for those who
 * may read the meeting (meeting.read), of a justerat protocol only. 404 for everyone else, as
 * the meeting page (do not reveal that it exists).
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await findReadableMeeting(getDb(), await getCurrentUser(), slug)))
    return new Response("Protokollet finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return workspaceExtractResponse(getDb(), slug, req.url);
}
