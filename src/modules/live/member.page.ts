// What a ledamot's or ersättare's own live page shows: the meeting's frame and log, who they are,
// and whether the body lets them vote on their own device.
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import type { LiveFrameProps } from "./components/use-live-stream";
import { readLiveMeeting, toWire } from "./live.queries";

export interface MemberLivePageData {
  meetingId: string;
  date: Date;
  frame: LiveFrameProps;
  /** The session's person: the only one this page acts for. */
  personId: string;
  selfVoting: boolean;
}

/**
 * The page's data, or why not: "not-found" (no such meeting, or not the body's), "forbidden"
 * (not a ledamot or ersättare of the body on the day), "state" (no longer a draft).
 */
export async function findMemberLivePage(
  db: PrismaClient,
  actor: Actor,
  slug: string,
): Promise<MemberLivePageData | { refused: "not-found" | "forbidden" | "state"; message: string }> {
  const access = await findMeetingAccess(db, { slug });
  if (!access || !authorize(actor, "members.readAgenda", access).ok)
    return { refused: "not-found", message: "Sammanträdet finns inte." };
  const decision = authorize(actor, "meeting.liveSeat", access);
  if (!decision.ok || !actor.personId)
    return {
      refused: decision.ok || decision.reason !== "state" ? "forbidden" : "state",
      message: decision.ok
        ? "Ditt konto är inte kopplat till en ledamot eller ersättare."
        : decision.reason === "state"
          ? decision.message
          : "Sidan är för organets ledamöter och ersättare.",
    };
  const live = await readLiveMeeting(db, { id: access.id });
  const body = await db.body.findUnique({ where: { id: access.bodyId }, select: { liveSelfVoting: true } });
  if (!live || !body) return { refused: "not-found", message: "Sammanträdet finns inte." };
  return {
    meetingId: live.id,
    date: live.date,
    personId: actor.personId,
    selfVoting: body.liveSelfVoting,
    frame: {
      slug: live.slug,
      bodyName: live.bodyName,
      seats: [...live.input.seats],
      paragraphs: live.input.paragraphs,
      seatCount: live.input.seatCount,
      initialEvents: live.input.events.map(toWire),
    },
  };
}
