// What the live page shows: the meeting, its seats and §§, the log so far, and what the actor may do.
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import type { LiveSeat } from "@/domain/rules/live.rules";
import { readLiveMeeting, toWire, type LiveEventWire } from "./live.queries";
import type { LiveFrameProps } from "./components/use-live-stream";

export interface LivePageData {
  meetingId: string;
  slug: string;
  bodyName: string;
  date: Date;
  seats: LiveSeat[];
  paragraphs: { id: string; number: number; title: string }[];
  seatCount: number;
  events: LiveEventWire[];
  /** May end the meeting (it writes the draft: meeting.edit). */
  canClose: boolean;
}

/**
 * The page's data, or why not: "not-found" (no such meeting or not readable: 404), "forbidden"
 * (readable, but neither the secretary nor the chair), "state" (no longer a draft).
 */
export async function findLivePage(
  db: PrismaClient,
  actor: Actor,
  slug: string,
): Promise<LivePageData | { refused: "not-found" | "forbidden" | "state"; message: string }> {
  const access = await findMeetingAccess(db, { slug });
  if (!access || !authorize(actor, "meeting.read", access).ok)
    return { refused: "not-found", message: "Sammanträdet finns inte." };
  const decision = authorize(actor, "meeting.live", access);
  if (!decision.ok) return { refused: decision.reason === "state" ? "state" : "forbidden", message: decision.message };
  const live = await readLiveMeeting(db, { id: access.id });
  if (!live) return { refused: "not-found", message: "Sammanträdet finns inte." };
  return {
    meetingId: live.id,
    slug: live.slug,
    bodyName: live.bodyName,
    date: live.date,
    seats: [...live.input.seats],
    paragraphs: live.input.paragraphs,
    seatCount: live.input.seatCount,
    events: live.input.events.map(toWire),
    canClose: authorize(actor, "meeting.edit", access).ok,
  };
}

/** The props every live view takes from the page's data (the live view, the projector). */
export function liveFrameProps(slug: string, data: LivePageData): LiveFrameProps {
  const { bodyName, seats, paragraphs, seatCount, events } = data;
  return { slug, bodyName, seats, paragraphs, seatCount, initialEvents: events };
}
