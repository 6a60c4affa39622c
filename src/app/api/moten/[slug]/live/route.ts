import { getLiveHub, liveStreamResponse, parseLastEventId } from "@/modules/live";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * The live meeting's server-sent events (meeting.live): the log after Last-Event-ID (the
 * browser's EventSource sends it when it reconnects; ?efter= on the first connection), then each
 * event as it is committed on any app instance (PostgreSQL LISTEN/NOTIFY).
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const after = req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("efter");
  const user = await getCurrentUser();
  return liveStreamResponse(getDb(), user, slug, parseLastEventId(after), {
    hub: getLiveHub(),
    signal: req.signal,
    sessionVersion: user?.sessionVersion,
  });
}
