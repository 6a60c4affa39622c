// A draft's own settings: the first § number (renumbering its §§) and the notice's förvaringsplats,
// anslagstavla and certifier chosen before justering. One transaction and one audit row each.
import type { Prisma } from "@/generated/prisma/client";
import { firstNumberClash } from "@/domain/rules/bodies.rules";
import { nextParagraphNumber } from "@/domain/rules/meeting.rules";
import { AppError } from "@/server/errors";
import { saveNoticeSettingsSchema, setFirstParagraphNumberSchema } from "./meeting-settings.schema";
import { auditMeetingChange, defineMeetingChange } from "./change";

type Tx = Prisma.TransactionClient;

/** The body's §§ of the year in other meetings, with the meeting each is in. */
async function otherNumbersOfYear(tx: Tx, bodyId: string, year: number, meetingId: string) {
  return tx.paragraph.findMany({
    where: { bodyId, year, meetingId: { not: meetingId } },
    select: { number: true, meeting: { select: { slug: true } } },
    orderBy: { number: "asc" },
  });
}

/**
 * Where the meeting's numbering starts. A number: the §§ are renumbered from it, refused (with
 * the Swedish reason and a free number) if any would take a number another meeting of the body's
 * year has. Empty: the body's year continues (after its highest § elsewhere).
 */
export const setFirstParagraphNumber = defineMeetingChange(
  {
    schema: setFirstParagraphNumberSchema,
    select: { date: true, bodyId: true, firstParagraphNumber: true },
    lock: true,
  },
  async (tx, { actor, ip, input, meeting }, m) => {
    const year = m.date.getUTCFullYear();
    const own = await tx.paragraph.findMany({
      where: { meetingId: meeting.id },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    });
    const others = await otherNumbersOfYear(tx, m.bodyId, year, meeting.id);
    const first =
      input.firstNumber ??
      nextParagraphNumber(
        [],
        others.map((o) => o.number),
      );
    const clash = firstNumberClash(
      first,
      own.length,
      others.map((o) => o.number),
    );
    if (clash !== null) {
      const slug = others.find((o) => o.number === clash)!.meeting.slug;
      const free = nextParagraphNumber(
        [],
        others.map((o) => o.number),
      );
      const message =
        `§ ${clash} finns redan i ett annat sammanträde samma år (${slug}). ` +
        `Välj ett nummer så att sammanträdets ${own.length > 1 ? `${own.length} paragrafer` : "paragrafer"} inte krockar, t.ex. ${free}.`;
      throw new AppError("VALIDATION", message, { fieldErrors: { firstNumber: [message] } });
    }
    // Two steps past the unique index (body, year, number): negative first, then the new numbers.
    const moves = own.map((p, i) => ({ id: p.id, from: p.number, to: first + i })).filter((p) => p.from !== p.to);
    for (const p of moves) await tx.paragraph.update({ where: { id: p.id }, data: { number: -p.to } });
    for (const p of moves) await tx.paragraph.update({ where: { id: p.id }, data: { number: p.to } });
    await tx.meeting.update({ where: { id: meeting.id }, data: { firstParagraphNumber: input.firstNumber } });
    await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.firstParagraphNumber", {
      from: m.firstParagraphNumber,
      to: input.firstNumber,
      first,
      renumbered: moves.length,
    });
    return { firstNumber: input.firstNumber, first, numbers: own.map((p, i) => ({ id: p.id, number: first + i })) };
  },
);

/** The notice's settings for this protocol, before justering; empty fields: the organisation's. */
export const saveNoticeSettings = defineMeetingChange(
  {
    schema: saveNoticeSettingsSchema,
    select: { noticeStoragePlace: true, noticeBoard: true, noticeCertifier: true },
  },
  async (tx, { actor, ip, input, meeting }, current) => {
    const data = {
      noticeStoragePlace: input.storagePlace,
      noticeBoard: input.noticeBoard,
      noticeCertifier: input.certifier,
    };
    await tx.meeting.update({ where: { id: meeting.id }, data });
    await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.noticeSettings", { from: current, to: data });
    return data;
  },
);
