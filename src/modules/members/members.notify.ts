// After a förhinder is reported or withdrawn (committed): a mail to the secretary naming the person
// and, for a ledamot, the ersättare to call in, through the outbox (server/jobs/outbox.ts; called
// after the change has committed). Mail never fails the change.
import type { PrismaClient } from "@/generated/prisma/client";
import { appBaseUrl } from "@/server/config";
import { queueMailAfterCommit } from "@/server/jobs/outbox";
import { readMeetingAbsences } from "./absence.data";
import { buildAbsenceMail } from "./members.mail";
import { secretaryAddresses } from "@/server/secretary-addresses";

export async function notifyAbsence(
  db: PrismaClient,
  meetingId: string,
  personId: string,
  change: { withdrawn: boolean; note: string | null; name: string },
  baseUrl = appBaseUrl(),
): Promise<{ sent: boolean }> {
  const data = await readMeetingAbsences(db, meetingId);
  if (!data) return { sent: false };
  const seat = data.seats.find((s) => s.personId === personId);
  const suggestion = data.suggestions.find((s) => s.absent.personId === personId);
  const to = await secretaryAddresses(db, data.meeting.body.id, data.meeting.secretaryId);
  if (to.length === 0) return { sent: false };
  const mail = buildAbsenceMail({
    baseUrl,
    to,
    bodyName: data.meeting.body.name,
    bodyGenitive: data.meeting.body.genitiveName,
    meetingDate: data.meeting.date,
    meetingSlug: data.meeting.slug,
    person: { name: change.name, role: seat?.role ?? "SUBSTITUTE", represents: seat?.represents ?? "" },
    note: change.note,
    suggestion: seat?.role === "MEMBER" ? (suggestion?.message ?? null) : null,
    withdrawn: change.withdrawn,
  });
  const { queued } = await queueMailAfterCommit(db, mail, withdrawnKind(change.withdrawn));
  return { sent: queued };
}

const withdrawnKind = (withdrawn: boolean) => (withdrawn ? "absence.withdrawn" : "absence.reported");
