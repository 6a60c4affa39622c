// The numbers new §§ of a meeting get, for one § (the editor's "add §") or many at once (the
// agenda turned into §§, src/modules/agenda): the meeting's first number when it has no §§ yet
// and the secretary set one, else after its own last §, else after the body's highest § of the
// year in Paragraf and in registered paper protocols (meeting.rules.ts nextParagraphNumber).
// A number another meeting of the year, or a scanned protocol, already holds is refused.
import type { Prisma } from "@/generated/prisma/client";
import { nextParagraphNumber } from "@/domain/rules/meeting.rules";
import { historicalRangesOfYear } from "@/modules/historical";
import { AppError } from "@/server/errors";

type Tx = Prisma.TransactionClient;

async function ensureNumberFree(tx: Tx, bodyId: string, year: number, numbers: number[], meetingId: string) {
  const clash = await tx.paragraph.findFirst({
    where: { bodyId, year, number: { in: numbers }, meetingId: { not: meetingId } },
    select: { number: true, meeting: { select: { slug: true } } },
  });
  if (clash) {
    throw new AppError(
      "STATE",
      `§ ${clash.number} används redan i ett annat sammanträde samma år (${clash.meeting.slug}). Numrera om det sammanträdet först.`,
    );
  }
  // A protocol justerat on paper and registered with its scan holds its §§ too.
  const scanned = (await historicalRangesOfYear(tx, bodyId, year)).find((r) =>
    numbers.some((n) => n >= r.first && n <= r.last),
  );
  if (scanned) {
    throw new AppError(
      "STATE",
      `§§ ${scanned.first}–${scanned.last} samma år finns i ett inskannat protokoll (sammanträdet ${scanned.meetingDate}). Välj ett första paragrafnummer efter dem.`,
    );
  }
}

/** The next `count` § numbers of the meeting, checked free; with the body and year they belong to. */
export async function nextParagraphNumbers(
  tx: Tx,
  meetingId: string,
  count: number,
): Promise<{ bodyId: string; year: number; numbers: number[] }> {
  const m = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { date: true, bodyId: true, firstParagraphNumber: true },
  });
  const year = m.date.getUTCFullYear();
  const own = await tx.paragraph.findMany({ where: { meetingId }, select: { number: true } });
  const yearNumbers = await tx.paragraph.findMany({ where: { bodyId: m.bodyId, year }, select: { number: true } });
  // The secretary's first § number (meeting-settings.mutations.ts) starts a meeting without §§;
  // otherwise the year continues after its §§ in Paragraf and in registered paper protocols.
  const first =
    own.length === 0 && m.firstParagraphNumber !== null
      ? m.firstParagraphNumber
      : nextParagraphNumber(
          own.map((p) => p.number),
          [
            ...yearNumbers.map((p) => p.number),
            ...(await historicalRangesOfYear(tx, m.bodyId, year)).map((r) => r.last),
          ],
        );
  const numbers = Array.from({ length: count }, (_, i) => first + i);
  if (count > 0) await ensureNumberFree(tx, m.bodyId, year, numbers, meetingId);
  return { bodyId: m.bodyId, year, numbers };
}
