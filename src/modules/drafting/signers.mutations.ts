// Saving the signers per § (MeetingSigner): one transaction, one audit row, its own version.
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { saveSignersSchema } from "./signers.schema";

export const saveSigners = defineMeetingAction(
  { schema: saveSignersSchema, permission: "meeting.edit", locate: byMeetingId },
  ({ db, actor, ip, input, meeting }) =>
    db.$transaction(async (tx) => {
      const m = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { signersVersion: true, body: { select: { organisationId: true } } },
      });
      const updated = await tx.meeting.updateMany({
        where: { id: meeting.id, signersVersion: input.version },
        data: { signersVersion: { increment: 1 } },
      });
      if (updated.count === 0) {
        throw new AppError("CONFLICT", "Någon annan har ändrat undertecknarna medan du skrev. Ladda om och jämför.", {
          current: { version: m.signersVersion },
        });
      }
      const ids = [...new Set(input.signers.map((s) => s.personId))];
      const found = await tx.person.count({ where: { id: { in: ids }, organisationId: m.body.organisationId } });
      if (found !== ids.length) {
        throw new AppError("VALIDATION", "En vald person finns inte i organisationen; välj personen igen i listan.", {
          fieldErrors: { _: ["En vald person finns inte i organisationen."] },
        });
      }
      await tx.meetingSigner.deleteMany({ where: { meetingId: meeting.id } });
      await tx.meetingSigner.createMany({
        data: input.signers.map((s, position) => ({
          meetingId: meeting.id,
          personId: s.personId,
          role: s.role,
          position,
          fromNumbers: s.ranges.map((r) => r.from),
          toNumbers: s.ranges.map((r) => r.to),
        })),
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "meeting.signers",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: { signers: input.signers.length },
      });
      return { version: input.version + 1 };
    }),
);
