// A change the secretary makes to a meeting being drafted: allowed by "meeting.edit", run in one
// transaction, recorded by an audit row in that transaction.
import type { z } from "@/lib/zod";
import type { Prisma } from "@/generated/prisma/client";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { lockMeeting } from "@/server/meeting-access";

/**
 * Locates the meeting of the § an input names (for defineMeetingAction's `locate`): found through
 * the § in the same query as the meeting's access data (src/server/meeting-access.ts).
 */
export function byParagraph({ paragraphId }: { paragraphId: string }) {
  return { paragraphId };
}

type MeetingAction<S extends z.ZodType, T> = Parameters<typeof defineMeetingAction<S, T>>;

/**
 * A drafting mutation: defineMeetingAction with the permission "meeting.edit", the change run in
 * one transaction (it writes its audit row there with auditChange or auditMeetingChange).
 */
export function defineDraftingChange<S extends z.ZodType, T>(
  schema: S,
  locate: MeetingAction<S, T>[0]["locate"],
  change: (tx: Prisma.TransactionClient, ctx: Parameters<MeetingAction<S, T>[1]>[0]) => Promise<T>,
) {
  return defineMeetingAction({ schema, permission: "meeting.edit", locate }, (ctx) =>
    ctx.db.$transaction((tx) => change(tx, ctx)),
  );
}

type Change<S extends z.ZodType, T> = Parameters<typeof defineDraftingChange<S, T>>[2];

/**
 * A drafting mutation of the meeting the input names by `meetingId`: its current row (the fields
 * `select` names) is read in the transaction, after taking the meeting's row lock if `lock` says
 * so (changes that renumber), and handed to the change.
 */
export function defineMeetingChange<S extends z.ZodType<{ meetingId: string }>, Sel extends Prisma.MeetingSelect, T>(
  options: { schema: S; select: Sel; lock?: boolean },
  change: (
    tx: Prisma.TransactionClient,
    ctx: Parameters<Change<S, T>>[1],
    current: Prisma.MeetingGetPayload<{ select: Sel }>,
  ) => Promise<T>,
) {
  return defineDraftingChange(options.schema, byMeetingId, async (tx, ctx) => {
    if (options.lock) await lockMeeting(tx, ctx.meeting.id);
    const current = await tx.meeting.findUniqueOrThrow({ where: { id: ctx.meeting.id }, select: options.select });
    return change(tx, ctx, current as Prisma.MeetingGetPayload<{ select: Sel }>);
  });
}

/** Who changed which meeting, and from where: the part of a mutation's context the audit row needs. */
export interface ChangedBy {
  actor: { userId: string };
  ip: string | null;
  meeting: { id: string };
}

/** An audit row for a change to one record of the meeting (a §, an attachment, a person). */
export async function auditChange(
  tx: Prisma.TransactionClient,
  { actor, ip, meeting }: ChangedBy,
  action: string,
  target: { entity: string; id: string },
  data?: Prisma.InputJsonValue,
): Promise<void> {
  await writeAudit(tx, {
    userId: actor.userId,
    meetingId: meeting.id,
    action,
    entity: target.entity,
    entityId: target.id,
    ip,
    ...(data === undefined ? {} : { data }),
  });
}

/** An audit row for a change to the meeting itself (header, attendance, signers, settings). */
export function auditMeetingChange(
  tx: Prisma.TransactionClient,
  by: ChangedBy,
  action: string,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  return auditChange(tx, by, action, { entity: "Meeting", id: by.meeting.id }, data);
}

/** An audit row for a change to one § of the meeting. */
export function auditParagraphChange(
  tx: Prisma.TransactionClient,
  by: ChangedBy,
  action: string,
  paragraphId: string,
  data?: Prisma.InputJsonValue,
): Promise<void> {
  return auditChange(tx, by, action, { entity: "Paragraph", id: paragraphId }, data);
}
