// The live view's server-sent events: every event of the meeting's log after the one the device
// has (Last-Event-ID, sent by the browser's EventSource itself when it reconnects), then each new
// one as it is committed. Same permission as a tap (meeting.live, or a member's own: meeting.liveSeat).
import type { PrismaClient } from "@/generated/prisma/client";
import { loadActor } from "@/server/actor";
import { authorize, type Actor, type MeetingResource } from "@/server/authz";
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
  /** The session's version (User.sessionVersion when it was issued): once raised, the stream ends. */
  sessionVersion?: number;
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The seq after which to send: Last-Event-ID (or ?efter= for a first connection), else 0. */
export function parseLastEventId(value: string | null | undefined): number {
  const n = Number(value ?? "");
  return Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : 0;
}

/** Why `actor` may not follow `meeting`'s log (the answer to send), or null when they may. */
function refusal(actor: Actor, meeting: MeetingResource | null): Response | null {
  // A ledamot or ersättare on their own device (meeting.liveSeat) sees it as the members' view does.
  if (!meeting || !authorize(actor, "members.readAgenda", meeting).ok) return text(404, "Sammanträdet finns inte.");
  const decision = authorize(actor, "meeting.live", meeting);
  if (!decision.ok && !authorize(actor, "meeting.liveSeat", meeting).ok)
    return text(decision.reason === "state" ? 409 : 403, decision.message);
  return null;
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
  const refused = refusal(actor, meeting);
  if (refused || !meeting) return refused ?? text(404, "Sammanträdet finns inte.");

  /**
   * Asked again as the stream reads (a wake or the heartbeat; a yes holds for a second, so a burst
   * of taps costs one check): a session ended since (a new password, logout elsewhere), a role or
   * seat taken away, or the protocol sent for justering ends the stream, as it would refuse a new
   * connection. A stream stays open for hours.
   */
  let allowedUntil = 0;
  async function stillAllowed(): Promise<boolean> {
    if (performance.now() < allowedUntil) return true;
    const [account, current] = await Promise.all([
      db.user.findUnique({
        where: { id: actor!.userId },
        select: { isAdmin: true, personId: true, sessionVersion: true },
      }),
      findMeetingAccess(db, { slug }),
    ]);
    if (!account) return false;
    if (options.sessionVersion !== undefined && account.sessionVersion !== options.sessionVersion) return false;
    const now = await loadActor(db, actor!.userId, actor!.organisationId ?? null, account);
    if (refusal(now, current) !== null) return false;
    allowedUntil = performance.now() + 1_000;
    return true;
  }

  let last = lastEventId;
  return liveSseResponse({
    hub: options.hub,
    meetingId: meeting.id,
    retryMs: 1_000,
    heartbeatMs: options.heartbeatMs,
    signal: options.signal,
    async read(send) {
      // The check beside the read, not before it: a change still reaches the devices within 1 s.
      const [allowed, events] = await Promise.all([stillAllowed(), readLiveEvents(db, meeting.id, last)]);
      if (!allowed) {
        send("event: end\ndata: {}\n\n");
        return "end";
      }
      for (const e of events) {
        send(`id: ${e.seq}\nevent: live\ndata: ${JSON.stringify(toWire(e))}\n\n`);
        last = e.seq;
      }
    },
  });
}
