// Paragraph use cases: each is one transaction with one audit row.
import type { Prisma } from "@/generated/prisma/client";
import type { z } from "@/lib/zod";
import { moveItem, renumber } from "@/domain/rules/meeting.rules";
import { findParagraphForEditing } from "@/server/protocol.queries";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { appendParagraphs } from "./paragraph.append";
import { deleteParagraphParts } from "./paragraph.persist";
import {
  paragraphFields,
  paragraphPeople,
  rememberPartsHash,
  saveParagraphFieldsOnly,
  writeChangedParagraphParts,
} from "./paragraph.stored";
import {
  addParagraphSchema,
  moveParagraphSchema,
  paragraphRefSchema,
  reorderParagraphsSchema,
  saveParagraphSchema,
  type ParagraphContent,
} from "./paragraph.schema";
import {
  auditMeetingChange,
  auditParagraphChange,
  byParagraph,
  defineDraftingChange,
  defineMeetingChange,
} from "./change";
import { checkPeopleInOrganisation, meetingOrganisationId } from "./meeting.guards";

type Tx = Prisma.TransactionClient;

/** Every person referenced must belong to the meeting's organisation. */
async function checkPeople(tx: Tx, meetingId: string, content: ParagraphContent): Promise<void> {
  const ids = paragraphPeople(content);
  if (ids.length === 0) return;
  await checkPeopleInOrganisation(tx, await meetingOrganisationId(tx, meetingId), ids);
}

/** A save from a version that is no longer the stored one: the stored § goes back to the editor. */
async function refuseStale(db: Tx, paragraphId: string): Promise<never> {
  const current = await findParagraphForEditing(db, paragraphId);
  if (!current) throw new AppError("NOT_FOUND", "Paragrafen finns inte längre; den kan ha tagits bort.");
  throw new AppError(
    "CONFLICT",
    "Någon annan har sparat paragrafen medan du skrev. Jämför texterna och välj vad som ska gälla.",
    { current },
  );
}

/** The whole save in one transaction: compare-and-set, people, the changed parts, the audit row. */
const saveWholeParagraph: Parameters<
  typeof defineDraftingChange<typeof saveParagraphSchema, { version: number }>
>[2] = async (tx, { actor, ip, input, meeting }) => {
  const { paragraphId, version, content } = input;
  // Compare-and-set on the version: concurrent saves from the same version cannot both win.
  const updated = await tx.paragraph.updateMany({
    where: { id: paragraphId, version },
    data: { ...paragraphFields(content), version: { increment: 1 } },
  });
  if (updated.count === 0) await refuseStale(tx, paragraphId);
  await checkPeople(tx, meeting.id, content);
  // Only the parts that changed are written again (an autosave usually changes one text).
  await writeChangedParagraphParts(tx, paragraphId, content, (id) => id);
  // The next autosave of this § then knows its parts without reading them (saveParagraphFieldsOnly).
  await rememberPartsHash(tx, paragraphId, content);
  await auditParagraphChange(tx, { actor, ip, meeting }, "paragraph.save", paragraphId, { version: version + 1 });
  return { version: version + 1 };
};

/**
 * Save a whole § (autosave). A save based on an older version is refused with the stored
 * version attached, so the editor can show both texts: nothing is silently overwritten.
 * The usual autosave changes only the §'s own fields (its title, decision, flags): that is one
 * statement (saveParagraphFieldsOnly: version check, the row, the audit row), without holding a
 * transaction open across round trips; a save from an older version is refused as before (the
 * stored § attached), without a transaction; anything else (a part changed, a person of another
 * organisation) falls through to the whole save in a transaction, which answers as before.
 */
export const saveParagraph = defineMeetingAction(
  { schema: saveParagraphSchema, permission: "meeting.edit", locate: byParagraph },
  async (ctx) => {
    const { actor, ip, input, meeting } = ctx;
    const saved = await saveParagraphFieldsOnly(ctx.db, {
      paragraphId: input.paragraphId,
      version: input.version,
      fields: paragraphFields(input.content),
      content: input.content,
      people: paragraphPeople(input.content),
      audit: { userId: actor.userId, meetingId: meeting.id, ip, action: "paragraph.save" },
      now: ctx.now,
    });
    if (saved !== null) return { version: saved };
    // A save from an older version (or of a § since deleted) is answered without a transaction:
    // when many editors save at once, the losers do not queue for connections to learn it.
    const stored = await ctx.db.paragraph.findUnique({ where: { id: input.paragraphId }, select: { version: true } });
    if (stored?.version !== input.version) await refuseStale(ctx.db, input.paragraphId);
    return ctx.db.$transaction((tx) => saveWholeParagraph(tx, ctx));
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
    const [created] = await appendParagraphs(tx, meeting.id, [
      { title: input.title, decisionIntro: "", decisionClauses: [], sections: [] },
    ]);
    await auditParagraphChange(tx, { actor, ip, meeting }, "paragraph.add", created!.id, { number: created!.number });
    return created!;
  },
);

async function orderedParagraphs(tx: Tx, meetingId: string) {
  return tx.paragraph.findMany({
    where: { meetingId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, bodyId: true, year: true },
  });
}

type NumberingChange<S extends z.ZodType, T> = Parameters<typeof defineDraftingChange<S, T>>[2];

/**
 * A change to the numbering of the meeting's §§ (moving one, deleting one): the change gets the
 * §§ in number order and the index in it of the § the input names (-1 when it is gone).
 */
function defineNumberingChange<S extends z.ZodType<{ paragraphId: string }>, T>(
  schema: S,
  change: (
    tx: Tx,
    ctx: Parameters<NumberingChange<S, T>>[1],
    list: Awaited<ReturnType<typeof orderedParagraphs>>,
    index: number,
  ) => Promise<T>,
) {
  return defineDraftingChange(schema, byParagraph, async (tx, ctx) => {
    // Moves, deletions and reorders of one meeting's §§ queue behind each other.
    await lockMeeting(tx, ctx.meeting.id);
    const list = await orderedParagraphs(tx, ctx.meeting.id);
    const index = list.findIndex((p) => p.id === ctx.input.paragraphId);
    return change(tx, ctx, list, index);
  });
}

export const moveParagraph = defineNumberingChange(
  moveParagraphSchema,
  async (tx, { actor, ip, input, meeting }, list, index) => {
    const moved = moveItem(list, index, input.direction);
    const numbers = renumber(moved, list[0]!.number);
    await applyNumbers(tx, numbers);
    await auditParagraphChange(tx, { actor, ip, meeting }, "paragraph.move", input.paragraphId, {
      direction: input.direction,
    });
    return { numbers };
  },
);

/**
 * All the meeting's §§ in a new order (a drag in the outline), renumbered from the first number.
 * Refused as a conflict when the stored order is not the one the editor saw (`expected`): someone
 * else moved, added or removed a § meanwhile. The meeting's row is locked, so two reorders queue.
 */
export const reorderParagraphs = defineMeetingChange(
  { schema: reorderParagraphsSchema, select: { id: true }, lock: true },
  async (tx, { actor, ip, input, meeting }) => {
    const list = await orderedParagraphs(tx, meeting.id);
    const current = list.map((p) => p.id);
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((id, i) => id === b[i]);
    if (!same(current, input.expected)) {
      throw new AppError(
        "CONFLICT",
        "Någon annan har flyttat, lagt till eller tagit bort paragrafer medan du flyttade. Ladda om sidan och försök igen.",
        { current: { order: current } },
      );
    }
    const byId = new Map(list.map((p) => [p.id, p]));
    if (
      input.order.length !== list.length ||
      new Set(input.order).size !== list.length ||
      !input.order.every((id) => byId.has(id))
    ) {
      throw new AppError("VALIDATION", "Den nya ordningen ska innehålla varje paragraf i protokollet en gång.", {
        fieldErrors: { order: ["Ta med varje paragraf i protokollet en gång."] },
      });
    }
    if (list.length === 0 || same(current, input.order)) return { numbers: [] };
    const numbers = renumber(
      input.order.map((id) => byId.get(id)!),
      list[0]!.number,
    );
    await applyNumbers(tx, numbers);
    await auditMeetingChange(tx, { actor, ip, meeting }, "paragraph.reorder", { order: input.order });
    return { numbers };
  },
);

export const deleteParagraph = defineNumberingChange(
  paragraphRefSchema,
  async (tx, { actor, ip, meeting }, list, index) => {
    const target = list[index];
    if (!target) throw new AppError("NOT_FOUND", "Paragrafen finns inte längre.");
    await deleteParagraphParts(tx, target.id);
    await tx.attachment.deleteMany({ where: { paragraphId: target.id } });
    await tx.paragraph.delete({ where: { id: target.id } });
    const rest = list.filter((p) => p.id !== target.id);
    // Close the gap: the §§ after it move up one number.
    if (rest.length > 0) await applyNumbers(tx, renumber(rest, list[0]!.number));
    await auditParagraphChange(tx, { actor, ip, meeting }, "paragraph.delete", target.id, { number: target.number });
    return { deleted: target.id };
  },
);
