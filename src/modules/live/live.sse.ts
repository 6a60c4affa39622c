// The one server-sent-event loop of the live streams (the secretary's and members' log stream,
// live.stream.ts; the public state stream, live.public.stream.ts): read what is new once on
// connecting, again whenever the meeting's log NOTIFY wakes the hub, and every heartbeat (which
// also keeps proxies from closing the connection). One read at a time; a wake during a read reads
// once more after it. Each read enters the request's tenancy scope itself: a wake comes from the
// hub's LISTEN connection, which runs in the async context of whichever request opened it.
import { currentScope, runInScope } from "@/server/tenancy";
import type { LiveHub } from "./live.hub";

export interface LiveSseOptions {
  hub: LiveHub;
  meetingId: string;
  /** The browser's reconnect delay (ms). */
  retryMs: number;
  /** How often the stream reads anyway and pings (ms). */
  heartbeatMs?: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
  /**
   * Reads what is new and sends it; "end" closes the stream. A failure (the database away for a
   * moment) is ignored: the next wake or heartbeat reads again.
   */
  read: (send: (chunk: string) => void) => Promise<void | "end">;
}

export function liveSseResponse(options: LiveSseOptions): Response {
  const scope = currentScope();
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
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
              if ((await options.read(send)) === "end") {
                stop();
                return;
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
      send(`retry: ${options.retryMs}\n\n`);
      const unsubscribe = await options.hub.subscribe(options.meetingId, () => void pump());
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
