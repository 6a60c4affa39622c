// A ledamot's or ersättare's own taps during the live meeting (meeting.liveSeat): ask for the
// floor, replik, withdraw, and their own ballot in an open vote when the body lets them
// (Body.liveSelfVoting). Always for themself: the person is the session's, never the form's. The
// tap lands in the same log as the secretary's and the chair's (appendLiveEvent), under the same
// rules: not taking part in the § (absent, jävig, an ersättare whose ledamot is back) is refused.
import type { LiveEventData } from "@/domain/rules/live.rules";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { appendLiveEvent } from "./live.mutations";
import { recordSeatEventSchema, type SeatAction } from "./member.schema";

export const SELF_VOTING_OFF =
  "Organet låter inte ledamöterna rösta på egna enheter. Sekreteraren för in rösterna; säg din röst högt.";

/** The log's event for a member's own action: the person is `personId`, the session's. */
export function seatEvent(action: SeatAction, personId: string): LiveEventData {
  switch (action.type) {
    case "ballot":
      return { type: "ballot", voteId: action.voteId, personId, choice: action.choice };
    case "speakRequest":
      return { type: "speakRequest", paragraphId: action.paragraphId, personId, replik: action.replik };
    case "speakWithdraw":
      return { type: "speakWithdraw", paragraphId: action.paragraphId, personId };
  }
}

export const recordSeatEvent = defineMeetingAction(
  {
    schema: recordSeatEventSchema,
    permission: "meeting.liveSeat",
    locate: byMeetingId,
    // A ledamot or ersättare without an account role sees the meeting as the members' view does.
    visibleWith: "members.readAgenda",
  },
  ({ db, actor, ip, now, input, meeting }) =>
    db.$transaction(async (tx) => {
      const personId = actor.personId;
      if (!personId) throw new AppError("FORBIDDEN", "Ditt konto är inte kopplat till en ledamot eller ersättare.");
      if (input.action.type === "ballot") {
        await lockMeeting(tx, meeting.id);
        const m = await tx.meeting.findUniqueOrThrow({
          where: { id: meeting.id },
          select: { body: { select: { liveSelfVoting: true } } },
        });
        if (!m.body.liveSelfVoting) throw new AppError("FORBIDDEN", SELF_VOTING_OFF);
      }
      const event = seatEvent(input.action, personId);
      return appendLiveEvent(tx, { actor, ip, now, meeting, input: { clientEventId: input.clientEventId, event } });
    }),
);
