// What a ledamot's or ersättare's own live page shows: the meeting's frame and log, who they are,
// and whether the body lets them vote on their own device.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz";
import type { LiveFrameProps } from "./components/use-live-stream";
import { readLiveMeeting } from "./live.queries";
import { LIVE_NOT_FOUND, liveFrame, openLivePage, type LivePageRefusal } from "./live.page";

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
): Promise<MemberLivePageData | LivePageRefusal> {
  const page = await openLivePage(db, actor, slug, "members.readAgenda", "meeting.liveSeat");
  if (!page) return LIVE_NOT_FOUND;
  const { access, decision } = page;
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
  if (!live || !body) return LIVE_NOT_FOUND;
  return {
    meetingId: live.id,
    date: live.date,
    personId: actor.personId,
    selfVoting: body.liveSelfVoting,
    frame: liveFrame(live),
  };
}
