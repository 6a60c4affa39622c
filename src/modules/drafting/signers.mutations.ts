// Saving the signers per § (MeetingSigner): one transaction, one audit row, its own version.
import { AppError } from "@/server/errors";
import { saveSignersSchema } from "./signers.schema";
import { auditMeetingChange, defineMeetingChange } from "./change";
import { bumpMeetingVersion, checkPeopleInOrganisation } from "./meeting.guards";

export const saveSigners = defineMeetingChange(
  { schema: saveSignersSchema, select: { signersVersion: true, body: { select: { organisationId: true } } } },
  async (tx, { actor, ip, input, meeting }, m) => {
    if (!(await bumpMeetingVersion(tx, meeting.id, "signersVersion", input.version))) {
      throw new AppError("CONFLICT", "Någon annan har ändrat undertecknarna medan du skrev. Ladda om och jämför.", {
        current: { version: m.signersVersion },
      });
    }
    const personIds = input.signers.map((s) => s.personId);
    await checkPeopleInOrganisation(tx, m.body.organisationId, personIds);
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
    await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.signers", { signers: input.signers.length });
    return { version: input.version + 1 };
  },
);
