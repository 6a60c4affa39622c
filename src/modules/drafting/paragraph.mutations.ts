// Paragraph use cases: each is one transaction with one audit row.
import type { Prisma } from "@/generated/prisma/client";
import { moveItem, renumber } from "@/domain/rules/meeting.rules";
import { findParagraphForEditing } from "@/server/protocol.queries";
import { byMeetingId } from "@/server/action";
import { AppError } from "@/server/errors";
import { nextParagraphNumbers } from "./paragraph.numbering";
import { createMotions, deleteParagraphParts, paragraphPartsData } from "./paragraph.persist";
import {
  addParagraphSchema,
  moveParagraphSchema,
  paragraphRefSchema,
  saveParagraphSchema,
  type ParagraphContent,
} from "./paragraph.schema";
import { auditChange, byParagraph, defineDraftingChange } from "./change";
import { checkPeopleInOrganisation, meetingOrganisationId } from "./meeting.guards";

type Tx = Prisma.TransactionClient;

/** Every person referenced must belong to the meeting's organisation. */
async function checkPeople(tx: Tx, meetingId: string, content: ParagraphContent): Promise<void> {
  const ids = [
    ...content.motions.map((m) => m.personId),
    ...content.reservations.map((r) => r.personId),
    ...content.recusals.map((r) => r.personId),
    ...content.notes.flatMap((n) => (n.personId ? [n.personId] : [])),
    ...content.votes.flatMap((v) => v.ballots.map((b) => b.personId)),
  ];
  if (ids.length === 0) return;
  await checkPeopleInOrganisation(tx, await meetingOrganisationId(tx, meetingId), ids);
}

/**
 * Save a whole § (autosave). A save based on an older version is refused with the stored
 * version attached, so the editor can show both texts: nothing is silently overwritten.
 */
export const saveParagraph = defineDraftingChange(
  saveParagraphSchema,
  byParagraph,
  async (tx, { actor, ip, input, meeting }) => {
    const { paragraphId, version, content } = input;
    // Compare-and-set on the version: concurrent saves from the same version cannot both win.
    const updated = await tx.paragraph.updateMany({
      where: { id: paragraphId, version },
      data: {
        caseNumber: content.caseNumber,
        title: content.title,
        decisionIntro: content.decision.intro,
        decisionClauses: content.decision.clauses,
        isConfidential: content.isConfidential,
        isImmediatelyAdjusted: content.isImmediatelyAdjusted,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      const current = await findParagraphForEditing(tx, paragraphId);
      if (!current) throw new AppError("NOT_FOUND", "Paragrafen finns inte längre; den kan ha tagits bort.");
      throw new AppError(
        "CONFLICT",
        "Någon annan har sparat paragrafen medan du skrev. Jämför texterna och välj vad som ska gälla.",
        { current },
      );
    }
    await checkPeople(tx, meeting.id, content);
    await deleteParagraphParts(tx, paragraphId);
    const same = (id: string) => id;
    await tx.paragraph.update({ where: { id: paragraphId }, data: paragraphPartsData(content, same) });
    await createMotions(tx, paragraphId, content.motions, same);
    await auditChange(
      tx,
      { actor, ip, meeting },
      "paragraph.save",
      { entity: "Paragraph", id: paragraphId },
      { version: version + 1 },
    );
    return { version: version + 1 };
  },
);

/** The meeting's §§ in order, renumbered from `firstNumber` (two steps: the unique index). */
async function applyNumbers(tx: Tx, numbers: { id: string; number: number }[]): Promise<void> {
  for (const { id } of numbers) await tx.paragraph.update({ where: { id }, data: { number: { multiply: -1 } } });
  for (const { id, number } of numbers) await tx.paragraph.update({ where: { id }, data: { number } });
}

export const addParagraph = defineDraftingChange(
  addParagraphSchema,
  byMeetingId,
  async (tx, { actor, ip, input, meeting }) => {
    const {
      bodyId,
      year,
      numbers: [number],
    } = await nextParagraphNumbers(tx, meeting.id, 1);
    const created = await tx.paragraph.create({
      data: {
        meetingId: meeting.id,
        bodyId,
        year,
        number: number!,
        title: input.title,
        decisionIntro: "",
        decisionClauses: [],
      },
      select: { id: true, number: true },
    });
    await auditChange(tx, { actor, ip, meeting }, "paragraph.add", { entity: "Paragraph", id: created.id }, { number });
    return created;
  },
);

async function orderedParagraphs(tx: Tx, meetingId: string) {
  return tx.paragraph.findMany({
    where: { meetingId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, bodyId: true, year: true },
  });
}

export const moveParagraph = defineDraftingChange(
  moveParagraphSchema,
  byParagraph,
  async (tx, { actor, ip, input, meeting }) => {
    const list = await orderedParagraphs(tx, meeting.id);
    const index = list.findIndex((p) => p.id === input.paragraphId);
    const moved = moveItem(list, index, input.direction);
    const numbers = renumber(moved, list[0]!.number);
    await applyNumbers(tx, numbers);
    await auditChange(
      tx,
      { actor, ip, meeting },
      "paragraph.move",
      { entity: "Paragraph", id: input.paragraphId },
      { direction: input.direction },
    );
    return { numbers };
  },
);

export const deleteParagraph = defineDraftingChange(
  paragraphRefSchema,
  byParagraph,
  async (tx, { actor, ip, input, meeting }) => {
    const list = await orderedParagraphs(tx, meeting.id);
    const target = list.find((p) => p.id === input.paragraphId);
    if (!target) throw new AppError("NOT_FOUND", "Paragrafen finns inte längre.");
    await deleteParagraphParts(tx, target.id);
    await tx.attachment.deleteMany({ where: { paragraphId: target.id } });
    await tx.paragraph.delete({ where: { id: target.id } });
    const rest = list.filter((p) => p.id !== target.id);
    // Close the gap: the §§ after it move up one number.
    if (rest.length > 0) await applyNumbers(tx, renumber(rest, list[0]!.number));
    await auditChange(
      tx,
      { actor, ip, meeting },
      "paragraph.delete",
      { entity: "Paragraph", id: target.id },
      { number: target.number },
    );
    return { deleted: target.id };
  },
);
