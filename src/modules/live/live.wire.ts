// The live log as JSON between the server and the devices (the page, the stream). No Prisma here:
// the view imports it.
import type { LiveEvent, LiveEventData } from "@/domain/rules/live.rules";

/** An event as the view and the stream carry it (JSON: the time as an ISO string). */
export interface LiveEventWire {
  seq: number;
  at: string;
  /** The device's id for the tap: a device knows its own taps from the other device's. */
  clientEventId: string;
  data: LiveEventData;
}

export type StoredLiveEvent = LiveEvent & { clientEventId: string };

export const toWire = (e: StoredLiveEvent): LiveEventWire => ({
  seq: e.seq,
  at: e.at.toISOString(),
  clientEventId: e.clientEventId,
  data: e.data,
});

export const fromWire = (e: LiveEventWire): LiveEvent => ({ seq: e.seq, at: new Date(e.at), data: e.data });
