// What the live page shows: the meeting, its seats and §§, the log so far, and what the actor may do.
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor, type Decision, type MeetingPermission } from "@/server/authz";
import { findMeetingAccess, type MeetingAccess } from "@/server/meeting-access";
import { readLiveMeeting, toWire, type LiveMeeting } from "./live.queries";
import type { LiveFrameProps } from "./components/use-live-stream";

export interface LivePageData {
  meetingId: string;
  bodyName: string;
  date: Date;
  frame: LiveFrameProps;
  /** May end the meeting (it writes the draft: meeting.edit). */
  canClose: boolean;
}

/** Why a live page is not shown: "not-found" (404), "forbidden", "state" (no longer a draft). */
export interface LivePageRefusal {
  refused: "not-found" | "forbidden" | "state";
  message: string;
}

export const LIVE_NOT_FOUND: LivePageRefusal = { refused: "not-found", message: "Sammanträdet finns inte." };

/**
 * The preamble of a live page: the meeting of `slug` when the actor may see it (`see`; otherwise
 * it is not found), and the permission table's decision on what the page does (`act`).
 */
export async function openLivePage(
  db: PrismaClient,
  actor: Actor,
  slug: string,
  see: MeetingPermission,
  act: MeetingPermission,
): Promise<{ access: MeetingAccess; decision: Decision } | null> {
  const access = await findMeetingAccess(db, { slug });
  if (!access || !authorize(actor, see, access).ok) return null;
  return { access, decision: authorize(actor, act, access) };
}

/**
 * The page's data, or why not: "not-found" (no such meeting or not readable: 404), "forbidden"
 * (readable, but neither the secretary nor the chair), "state" (no longer a draft).
 */
export async function findLivePage(
  db: PrismaClient,
  actor: Actor,
  slug: string,
): Promise<LivePageData | LivePageRefusal> {
  const page = await openLivePage(db, actor, slug, "meeting.read", "meeting.live");
  if (!page) return LIVE_NOT_FOUND;
  const { access, decision } = page;
  if (!decision.ok) return { refused: decision.reason === "state" ? "state" : "forbidden", message: decision.message };
  const live = await readLiveMeeting(db, { id: access.id });
  if (!live) return LIVE_NOT_FOUND;
  return {
    meetingId: live.id,
    bodyName: live.bodyName,
    date: live.date,
    frame: liveFrame(live),
    canClose: authorize(actor, "meeting.edit", access).ok,
  };
}

/** What every live view is given (the live view, the projector, a member's device): the meeting as read. */
export function liveFrame(live: LiveMeeting): LiveFrameProps {
  return {
    slug: live.slug,
    bodyName: live.bodyName,
    seats: [...live.input.seats],
    paragraphs: live.input.paragraphs,
    seatCount: live.input.seatCount,
    initialEvents: live.input.events.map(toWire),
  };
}

/** The props every live view takes from the page's data (the live view, the projector). */
export function liveFrameProps(slug: string, data: LivePageData): LiveFrameProps {
  return { ...data.frame, slug };
}
