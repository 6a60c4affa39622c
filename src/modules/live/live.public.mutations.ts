// The secretary's switch for the public live stream (KL 5:40): the meeting is public or not, as
// decided; meeting.edit (the secretary), one transaction with its audit row. Also the setting as
// the live page shows it.
import type { PrismaClient } from "@/generated/prisma/client";
import { z } from "@/lib/zod";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { isLivePublic } from "./live.public";

export const setLivePublicSchema = z.object({
  meetingId: z.string().min(1).max(64),
  /** "on" or "off": as decided; "law": as the law has it for the body's kind. */
  setting: z.enum(["on", "off", "law"], { error: "Välj om sammanträdet sänds offentligt." }),
});

export const setLivePublic = defineMeetingAction(
  { schema: setLivePublicSchema, permission: "meeting.edit", locate: byMeetingId },
  ({ db, actor, ip, input, meeting }) =>
    db.$transaction(async (tx) => {
      const livePublic = input.setting === "law" ? null : input.setting === "on";
      const m = await tx.meeting.update({
        where: { id: meeting.id },
        data: { livePublic },
        select: { livePublic: true, body: { select: { kind: true } } },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "live.public",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: { livePublic },
      });
      return { public: isLivePublic(m.livePublic, m.body.kind) };
    }),
);

export interface LivePublicSetting {
  meetingId: string;
  /** Public now (as set, or by the body's kind). */
  public: boolean;
  /** As set by the secretary; null: by the body's kind. */
  setting: boolean | null;
  fullmaktige: boolean;
  /** The public page's address. */
  path: string;
}

/** The switch's state for the live page (the caller has already been allowed the meeting). */
export async function readLivePublicSetting(db: PrismaClient, meetingId: string): Promise<LivePublicSetting> {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      slug: true,
      livePublic: true,
      body: { select: { kind: true, organisation: { select: { slug: true } } } },
    },
  });
  return {
    meetingId,
    public: isLivePublic(m.livePublic, m.body.kind),
    setting: m.livePublic,
    fullmaktige: m.body.kind === "FULLMAKTIGE",
    path: `/${encodeURIComponent(m.body.organisation.slug)}/moten/${encodeURIComponent(m.slug)}/live`,
  };
}
