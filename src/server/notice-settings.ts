// The notice settings that apply to one protocol: its own choice (made before justering), else
// the organisation's (admin: /admin/organisation), else the defaults. Read at justering to write
// the Notice, and by the forms that show what the notice will say.
import type { Prisma } from "@/generated/prisma/client";
import { noticeSettingsFor, type NoticeSettings } from "@/domain/rules/bodies.rules";

type Db = Pick<Prisma.TransactionClient, "meeting">;

/** The organisation's notice settings, as read here and by the organisation's admin page. */
export const organisationNoticeSelect = {
  name: true,
  storagePlace: true,
  noticeBoard: true,
  noticeWording: true,
  noticeCertifier: true,
} as const;

/** The protocol's own notice choices, which win over the organisation's. */
const meetingNoticeSelect = { noticeStoragePlace: true, noticeBoard: true, noticeCertifier: true } as const;

/**
 * `imported`: the förvaringsplats an imported protocol's notice came with; used when neither the
 * protocol nor the organisation names one.
 */
export async function noticeSettingsOf(
  db: Db,
  meetingId: string,
  imported: string | null = null,
): Promise<NoticeSettings> {
  const { body, ...own } = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { ...meetingNoticeSelect, body: { select: { organisation: { select: organisationNoticeSelect } } } },
  });
  const organisation = body.organisation;
  return noticeSettingsFor(
    // The organisation's setting wins over an imported place; the organisation's name comes last.
    { ...organisation, storagePlace: organisation.storagePlace ?? imported },
    own,
  );
}
