// The live view's server-sent events: every event of the meeting's log after the one the device
// has (Last-Event-ID, sent by the browser's EventSource itself when it reconnects), then each new
// one as it is committed. Same permission as a tap (meeting.live, or a member's own: meeting.liveSeat).
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import { readLiveEvents, toWire } from "./live.queries";
import type { LiveHub } from "./live.hub";
import { liveSseResponse } from "./live.sse";

export interface LiveStreamOptions {
  hub: LiveHub;
  /** How often the stream looks for missed events and keeps proxies from closing it (ms). */
  heartbeatMs?: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The seq after which to send: Last-Event-ID (or ?efter= for a first connection), else 0. */
export function parseLastEventId(value: string | null | undefined): number {
  const n = Number(value ?? "");
  return Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : 0;
}

export async function liveStreamResponse(
  db: PrismaClient,
  actor: Actor | null,
  slug: string,
  lastEventId: number,
  options: LiveStreamOptions,
): Promise<Response> {
  if (!actor) return text(401, "Logga in för att följa sammanträdet.");
  const meeting = await findMeetingAccess(db, { slug });
  // A ledamot or ersättare on their own device (meeting.liveSeat) sees it as the members' view does.
  if (!meeting || !authorize(actor, "members.readAgenda", meeting).ok) return text(404, "Sammanträdet finns inte.");
  const decision = authorize(actor, "meeting.live", meeting);
  if (!decision.ok && !authorize(actor, "meeting.liveSeat", meeting).ok)
    return text(decision.reason === "state" ? 409 : 403, decision.message);

  let last = lastEventId;
  return liveSseResponse({
    hub: options.hub,
    meetingId: meeting.id,
    retryMs: 1_000,
    heartbeatMs: options.heartbeatMs,
    signal: options.signal,
    async read(send) {
      for (const e of await readLiveEvents(db, meeting.id, last)) {
        send(`id: ${e.seq}\nevent: live\ndata: ${JSON.stringify(toWire(e))}\n\n`);
        last = e.seq;
      }
    },
  });
}
