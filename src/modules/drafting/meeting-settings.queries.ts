// What the draft's settings section shows: where its numbering starts and its notice settings,
// with the organisation's values it falls back to.
import type { PrismaClient } from "@/generated/prisma/client";
import { nextParagraphNumber } from "@/domain/rules/meeting.rules";
import { noticeSettingsFor, type NoticeSettings } from "@/domain/rules/bodies.rules";

export interface MeetingSettings {
  meetingId: string;
  slug: string;
  /** The number set by the secretary, or null (the body's year continues). */
  firstParagraphNumber: number | null;
  /** The first § as it stands, or null without §§. */
  currentFirst: number | null;
  paragraphCount: number;
  /** Where the body's year would continue: after its highest § in other meetings. */
  continuesAt: number;
  own: { storagePlace: string | null; noticeBoard: string | null; certifier: string | null };
  /** The organisation's settings (what an empty field means). */
  organisation: NoticeSettings;
}

export async function findMeetingSettings(db: PrismaClient, slug: string): Promise<MeetingSettings | null> {
  const m = await db.meeting.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      date: true,
      bodyId: true,
      firstParagraphNumber: true,
      noticeStoragePlace: true,
      noticeBoard: true,
      noticeCertifier: true,
      paragraphs: { select: { number: true }, orderBy: { number: "asc" } },
      body: {
        select: {
          organisation: {
            select: { name: true, storagePlace: true, noticeBoard: true, noticeWording: true, noticeCertifier: true },
          },
        },
      },
    },
  });
  if (!m) return null;
  const others = await db.paragraph.findMany({
    where: { bodyId: m.bodyId, year: m.date.getUTCFullYear(), meetingId: { not: m.id } },
    select: { number: true },
  });
  return {
    meetingId: m.id,
    slug: m.slug,
    firstParagraphNumber: m.firstParagraphNumber,
    currentFirst: m.paragraphs[0]?.number ?? null,
    paragraphCount: m.paragraphs.length,
    continuesAt: nextParagraphNumber(
      [],
      others.map((o) => o.number),
    ),
    own: { storagePlace: m.noticeStoragePlace, noticeBoard: m.noticeBoard, certifier: m.noticeCertifier },
    organisation: noticeSettingsFor(m.body.organisation, {
      noticeStoragePlace: null,
      noticeBoard: null,
      noticeCertifier: null,
    }),
  };
}
