// The anslag after justering: the secretary moves its dates within the law (notice.rules.ts).
import { dbDate, isoDateOf, toSwedishDate } from "@/lib/iso-date";
import type { Finding } from "@/domain/rules/finding";
import { checkNoticeChange } from "@/domain/rules/notice.rules";
import { byMeetingId, defineMeetingAction, VALIDATION_MESSAGE } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { noticeEditSchema } from "./notice.schema";

/** Findings on "notice.postedOn" / "notice.takeDownOn" → the form's fields; anything else → "_". */
function noticeFieldErrors(findings: Finding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) {
    const key = f.field === "notice.postedOn" ? "postedOn" : f.field === "notice.takeDownOn" ? "takeDownOn" : "_";
    (out[key] ??= []).push(f.message);
  }
  return out;
}

/**
 * The secretary changes the notice dates after justering, within the rules of notice.rules.ts
 * (8 kap. 12 §, 13 kap. 5 § KL). What was signed does not change: the content hash does not
 * cover the notice. revisedAt makes the PDF routes serve a copy with the current dates.
 */
export const editNotice = defineMeetingAction(
  { schema: noticeEditSchema, permission: "notice.edit", locate: byMeetingId },
  async ({ db, actor, ip, meeting, input, now: at }) => {
    return db.$transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      const row = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { adjustedOn: true, notice: true },
      });
      if (!row.adjustedOn || !row.notice) throw new AppError("STATE", "Protokollet har inget anslag att ändra.");
      const current = { postedOn: isoDateOf(row.notice.postedOn), takeDownOn: isoDateOf(row.notice.takeDownOn) };
      const result = checkNoticeChange({
        adjustedOn: isoDateOf(row.adjustedOn),
        current,
        requested: input,
        today: toSwedishDate(at),
      });
      if (!result.ok) {
        const [first] = result.findings;
        if (result.findings.length === 1 && first!.field === "notice") throw new AppError("STATE", first!.message);
        throw new AppError("VALIDATION", VALIDATION_MESSAGE, { fieldErrors: noticeFieldErrors(result.findings) });
      }
      const place = {
        storagePlace: input.storagePlace ?? row.notice.storagePlace,
        noticeBoard: input.noticeBoard ?? row.notice.noticeBoard,
      };
      const placeChanged =
        place.storagePlace !== row.notice.storagePlace || place.noticeBoard !== row.notice.noticeBoard;
      if (!result.changed && !placeChanged) return { changed: false, ...current };
      await tx.notice.update({
        where: { meetingId: meeting.id },
        data: {
          postedOn: dbDate(result.notice.postedOn),
          takeDownOn: dbDate(result.notice.takeDownOn),
          ...place,
          revisedAt: at,
        },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "notice.edit",
        entity: "Notice",
        entityId: meeting.id,
        ip,
        data: {
          postedOn: { from: current.postedOn, to: result.notice.postedOn },
          takeDownOn: { from: current.takeDownOn, to: result.notice.takeDownOn },
          ...(placeChanged
            ? {
                storagePlace: { from: row.notice.storagePlace, to: place.storagePlace },
                noticeBoard: { from: row.notice.noticeBoard, to: place.noticeBoard },
              }
            : {}),
        },
      });
      return { changed: true, ...result.notice };
    });
  },
);
