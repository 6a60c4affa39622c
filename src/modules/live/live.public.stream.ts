// The public live stream's server-sent events: the public state (live.public.ts, the same
// projection as the page) on connecting, then again whenever it changes: woken by the log's
// NOTIFY (LiveHub) and looking every few seconds (a § retitled or marked confidential, the
// meeting made not public). When the meeting stops being public (or its protocol leaves the
// draft) the stream says "end" and closes; the browser's reconnect then gets 404. Never the log.
import type { PrismaClient } from "@/generated/prisma/client";
import type { LiveHub } from "./live.hub";
import { findPublicLive } from "./live.public.queries";
import { liveSseResponse } from "./live.sse";

export interface PublicLiveStreamOptions {
  hub: LiveHub;
  /** How often the stream looks for changes and keeps proxies from closing it (ms). */
  heartbeatMs?: number;
  signal?: AbortSignal;
}

const NOT_FOUND = "Sammanträdet finns inte eller sänds inte offentligt.";

export async function publicLiveStreamResponse(
  db: PrismaClient,
  organisationId: string,
  slug: string,
  options: PublicLiveStreamOptions,
): Promise<Response> {
  const first = await findPublicLive(db, organisationId, slug);
  if (!first)
    return new Response(NOT_FOUND, {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  let sent = "";
  return liveSseResponse({
    hub: options.hub,
    meetingId: first.meetingId,
    retryMs: 2_000,
    heartbeatMs: options.heartbeatMs,
    signal: options.signal,
    async read(send) {
      const now = await findPublicLive(db, organisationId, slug);
      if (!now) {
        send("event: end\ndata: {}\n\n");
        return "end";
      }
      // Only a changed state is sent (a heartbeat with nothing new sends the ping alone).
      const json = JSON.stringify(now.state);
      if (json !== sent) {
        send(`id: ${now.state.seq}\nevent: state\ndata: ${json}\n\n`);
        sent = json;
      }
    },
  });
}
