// The live view's server-sent events: every event of the meeting's log after the one the device
// has (Last-Event-ID, sent by the browser's EventSource itself when it reconnects), then each new
// one as it is committed. Same permission as a tap (meeting.live, or a member's own: meeting.liveSeat).
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import { currentScope, runInScope } from "@/server/tenancy";
import { readLiveEvents, toWire } from "./live.queries";
import type { LiveHub } from "./live.hub";

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

  const encoder = new TextEncoder();
  // The request's organisation: a wake comes from the hub's LISTEN connection, which runs in the
  // async context of whichever request opened it (perhaps another organisation's), so each read
  // enters this request's scope itself (row-level security would otherwise show it nothing).
  const scope = currentScope();
  let last = lastEventId;
  let stop: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let running: Promise<void> | null = null;
      let again = false;
      const send = (chunk: string) => {
        if (open) controller.enqueue(encoder.encode(chunk));
      };
      // One read at a time; a wake during a read reads once more after it.
      const pump = (): Promise<void> => {
        if (running) {
          again = true;
          return running;
        }
        running = runInScope(scope, async () => {
          do {
            again = false;
            try {
              for (const e of await readLiveEvents(db, meeting.id, last)) {
                send(`id: ${e.seq}\nevent: live\ndata: ${JSON.stringify(toWire(e))}\n\n`);
                last = e.seq;
              }
            } catch {
              // The database is away for a moment: the next wake or heartbeat reads again.
            }
          } while (again && open);
        }).finally(() => {
          running = null;
        });
        return running;
      };
      send("retry: 1000\n\n");
      const unsubscribe = await options.hub.subscribe(meeting.id, () => void pump());
      const heartbeat = setInterval(() => {
        send(": ping\n\n");
        void pump();
      }, options.heartbeatMs ?? 5_000);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      options.signal?.addEventListener("abort", stop);
      await pump();
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: the compression in front (scripts/serve.mjs) leaves the stream unbuffered.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}
