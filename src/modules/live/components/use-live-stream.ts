"use client";
// The live log's server-sent events for a view (the live view, the projector, a member's device):
// EventSource reconnects by itself and sends Last-Event-ID; a refused or broken stream is opened
// again from the last event seen. The public board follows its own stream with the same loop.
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { LiveSeat } from "@/domain/rules/live.rules";
import type { LiveEventWire } from "../live.wire";

/** What every view of the live meeting is given: the meeting's frame and the log so far. */
export interface LiveFrameProps {
  slug: string;
  /** "Direktionen": the body's name in the propositionsordning's findings. */
  bodyName: string;
  seats: LiveSeat[];
  paragraphs: { id: string; number: number; title: string }[];
  seatCount: number;
  initialEvents: LiveEventWire[];
}

/** "ended": the server ended the stream (access taken away, sessions ended, or sent for justering). */
export type LiveConnection = "connecting" | "open" | "reconnecting" | "ended";

/** The connection as a view says it. */
export const CONNECTION_TEXT: Record<LiveConnection, string> = {
  open: "Synkad",
  connecting: "Ansluter…",
  reconnecting: "Återansluter…",
  ended: "Avslutad: ladda om sidan",
};

/**
 * The log a view shows: the events it was given and those the stream brings, each once, in seq
 * order; `onEvent` (stable, or the stream is opened again) is told of each event received.
 */
export function useLiveLog(
  slug: string,
  initialEvents: LiveEventWire[],
  onEvent?: (e: LiveEventWire) => void,
): { events: LiveEventWire[]; connection: LiveConnection } {
  const [events, setEvents] = useState<LiveEventWire[]>(initialEvents);
  const lastSeq = useRef(initialEvents.reduce((m, e) => Math.max(m, e.seq), 0));
  const receive = useCallback(
    (e: LiveEventWire) => {
      lastSeq.current = Math.max(lastSeq.current, e.seq);
      setEvents((prev) => (prev.some((x) => x.seq === e.seq) ? prev : [...prev, e].sort((a, b) => a.seq - b.seq)));
      onEvent?.(e);
    },
    [onEvent],
  );
  const connection = useLiveStream(slug, lastSeq, receive);
  return { events, connection };
}

/** A stream followed by `followEvents`: stopped for good, dropped for now, or opened again at once. */
export interface EventFollower {
  stop(): void;
  drop(): void;
  reopen(): void;
}

/**
 * Follows the server-sent events at `url()` (asked again at each opening): `events` get the data
 * of the events they name; `onBroken` hears of each error, and a stream the browser gives up on
 * (closed: refused, or broken for good) is opened again after `retryMs`.
 */
export function followEvents(opts: {
  url: () => string;
  events: Record<string, (data: string) => void>;
  onOpening?: () => void;
  onOpen: () => void;
  onBroken: () => void;
  retryMs: number;
}): EventFollower {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const open = () => {
    opts.onOpening?.();
    source = new EventSource(opts.url());
    source.onopen = () => opts.onOpen();
    for (const [name, handle] of Object.entries(opts.events))
      source.addEventListener(name, (m) => handle((m as MessageEvent<string>).data));
    source.onerror = () => {
      if (stopped) return;
      opts.onBroken();
      if (source && source.readyState === EventSource.CLOSED) {
        source.close();
        timer = setTimeout(open, opts.retryMs);
      }
    };
  };
  const drop = () => {
    clearTimeout(timer);
    source?.close();
  };
  open();
  return {
    stop: () => {
      stopped = true;
      drop();
    },
    drop,
    reopen: () => {
      if (stopped) return;
      drop();
      open();
    },
  };
}

export function useLiveStream(
  slug: string,
  lastSeq: RefObject<number>,
  receive: (e: LiveEventWire) => void,
): LiveConnection {
  const [connection, setConnection] = useState<LiveConnection>("connecting");
  useEffect(() => {
    const stream = followEvents({
      url: () => `/api/moten/${encodeURIComponent(slug)}/live?efter=${lastSeq.current}`,
      events: {
        live: (data) => receive(JSON.parse(data) as LiveEventWire),
        // Access ended: stop for good rather than be refused again every 2 s.
        end: () => {
          stream.stop();
          setConnection("ended");
        },
      },
      onOpen: () => setConnection("open"),
      onBroken: () => setConnection("reconnecting"),
      retryMs: 2_000,
    });
    // The device says the network went away: say so at once, and drop the stream (it may hang
    // half-open); back online, open it again at once from the last event seen, not after the
    // browser's back-off.
    const offline = () => {
      stream.drop();
      setConnection((c) => (c === "ended" ? c : "reconnecting"));
    };
    const online = () => stream.reopen();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    return () => {
      stream.stop();
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
    };
  }, [slug, lastSeq, receive]);
  return connection;
}
