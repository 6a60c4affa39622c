// The public live stream's server-sent events: the public state (live.public.ts, the same
// projection as the page) on connecting, then again whenever it changes: woken by the log's
// NOTIFY (LiveHub) and looking every few seconds (a § retitled or marked confidential, the
// meeting made not public). When the meeting stops being public (or its protocol leaves the
// draft) the stream says "end" and closes; the browser's reconnect then gets 404. Never the log.
import type { PrismaClient } from "@/generated/prisma/client";
import { currentScope, runInScope } from "@/server/tenancy";
import type { LiveHub } from "./live.hub";
import { findPublicLive } from "./live.public.queries";

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
  // The request's organisation: a wake comes from the hub's connection (another async context),
  // so every read runs in this scope explicitly.
  const scope = currentScope();
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let sent = "";
      let running: Promise<void> | null = null;
      let again = false;
      const send = (chunk: string) => {
        if (open) controller.enqueue(encoder.encode(chunk));
      };
      const pump = (): Promise<void> => {
        if (running) {
          again = true;
          return running;
        }
        running = runInScope(scope, async () => {
          do {
            again = false;
            try {
              const now = await findPublicLive(db, organisationId, slug);
              if (!now) {
                send("event: end\ndata: {}\n\n");
                stop();
                return;
              }
              const json = JSON.stringify(now.state);
              if (json !== sent) {
                send(`id: ${now.state.seq}\nevent: state\ndata: ${json}\n\n`);
                sent = json;
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
      send("retry: 2000\n\n");
      const unsubscribe = await options.hub.subscribe(first.meetingId, () => void pump());
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
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}
