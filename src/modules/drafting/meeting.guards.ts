// Checks the drafting mutations share, inside their transaction: the meeting's organisation, the
// people a change names, and the compare-and-set of a meeting's version counters.
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

/** The organisation of the meeting's body. */
export async function meetingOrganisationId(tx: Tx, meetingId: string): Promise<string> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { body: { select: { organisationId: true } } },
  });
  return m.body.organisationId;
}

/** Every person named must belong to the organisation; else a Swedish validation error. */
export async function checkPeopleInOrganisation(tx: Tx, organisationId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const count = await tx.person.count({ where: { id: { in: unique }, organisationId } });
  if (count !== unique.length) {
    throw new AppError("VALIDATION", "En vald person finns inte i organisationen; välj personen igen i listan.", {
      fieldErrors: { _: ["En vald person finns inte i organisationen."] },
    });
  }
}

/**
 * Compare-and-set on one of the meeting's own version counters (attendance, signers): raises it by
 * one when it is still `expected`; false when another save came first.
 */
export async function bumpMeetingVersion(
  tx: Tx,
  meetingId: string,
  counter: "attendanceVersion" | "signersVersion",
  expected: number,
): Promise<boolean> {
  const updated = await tx.meeting.updateMany({
    where: { id: meetingId, [counter]: expected },
    data: { [counter]: { increment: 1 } },
  });
  return updated.count > 0;
}
