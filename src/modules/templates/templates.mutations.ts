// A body's § templates: create, edit (version-checked), reorder and delete, each one transaction
// with an audit row; and a § made from a template, last in a meeting, by the same path as "add §"
// (drafting's appendParagraphs: numbering continues the body's year) with the template's content.
import type { Prisma } from "@/generated/prisma/client";
import { moveItem } from "@/domain/rules/meeting.rules";
import {
  appendParagraphs,
  auditParagraphChange,
  defineDraftingChange,
  templateDraft,
  templateDraftSelect,
} from "@/modules/drafting";
import { byMeetingId, defineTemplateAction, type RunContext } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import {
  addFromTemplateSchema,
  createTemplateSchema,
  moveTemplateSchema,
  templateRefSchema,
  updateTemplateSchema,
  type TemplateContent,
} from "./templates.schema";

type Tx = Prisma.TransactionClient;

const GONE = "Mallen finns inte längre; den kan ha tagits bort. Ladda om sidan.";

/** The body of the template the input names (for the permission table). */
async function byTemplate({ templateId }: { templateId: string }, db: Tx) {
  return db.paragraphTemplate.findUnique({ where: { id: templateId }, select: { bodyId: true } });
}

/** The template's columns from its content. */
function columns(c: TemplateContent) {
  return {
    title: c.title,
    decisionIntro: c.decision.intro,
    decisionClauses: c.decision.clauses,
    sections: c.sections as unknown as Prisma.InputJsonValue,
    isOpening: c.isOpening,
  };
}

function audit(
  tx: Tx,
  ctx: Pick<RunContext, "actor" | "ip">,
  action: string,
  templateId: string,
  data: Prisma.InputJsonValue,
) {
  return writeAudit(tx, {
    userId: ctx.actor.userId,
    meetingId: null,
    action,
    entity: "ParagraphTemplate",
    entityId: templateId,
    ip: ctx.ip,
    data,
  });
}

export const createTemplate = defineTemplateAction(
  { schema: createTemplateSchema, permission: "templates.manage", locate: async ({ bodyId }) => ({ bodyId }) },
  ({ db, input, bodyId, ...ctx }) =>
    db.$transaction(async (tx) => {
      const body = await tx.body.findUnique({ where: { id: bodyId }, select: { id: true } });
      if (!body) throw new AppError("NOT_FOUND", "Organet finns inte.");
      const last = await tx.paragraphTemplate.aggregate({ where: { bodyId }, _max: { position: true } });
      const created = await tx.paragraphTemplate.create({
        data: { bodyId, ...columns(input), position: (last._max.position ?? 0) + 1 },
        select: { id: true, position: true },
      });
      await audit(tx, ctx, "template.create", created.id, { title: input.title, isOpening: input.isOpening });
      return { id: created.id };
    }),
);

export const updateTemplate = defineTemplateAction(
  { schema: updateTemplateSchema, permission: "templates.manage", locate: (input, db) => byTemplate(input, db) },
  ({ db, input, ...ctx }) =>
    db.$transaction(async (tx) => {
      // Compare-and-set on the version: two saves from the same version cannot both win.
      const updated = await tx.paragraphTemplate.updateMany({
        where: { id: input.templateId, version: input.version },
        data: { ...columns(input), version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const current = await tx.paragraphTemplate.findUnique({
          where: { id: input.templateId },
          select: { version: true, title: true },
        });
        if (!current) throw new AppError("NOT_FOUND", GONE);
        throw new AppError(
          "CONFLICT",
          "Någon annan har sparat mallen medan du skrev. Dina ändringar finns kvar i formuläret; ladda om sidan för att se den sparade mallen, eller spara igen för att skriva över den.",
          { current },
        );
      }
      await audit(tx, ctx, "template.update", input.templateId, {
        version: input.version + 1,
        title: input.title,
        isOpening: input.isOpening,
      });
      return { id: input.templateId, version: input.version + 1 };
    }),
);

/** The body's templates in order, numbered 1… again after `ids` (two steps are not needed: no unique index). */
async function renumber(tx: Tx, ids: readonly string[]) {
  for (const [i, id] of ids.entries()) await tx.paragraphTemplate.update({ where: { id }, data: { position: i + 1 } });
}

async function bodyOrder(tx: Tx, bodyId: string) {
  return tx.paragraphTemplate.findMany({
    where: { bodyId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}

export const moveTemplate = defineTemplateAction(
  { schema: moveTemplateSchema, permission: "templates.manage", locate: (input, db) => byTemplate(input, db) },
  ({ db, input, bodyId, ...ctx }) =>
    db.$transaction(async (tx) => {
      const list = await bodyOrder(tx, bodyId);
      const index = list.findIndex((t) => t.id === input.templateId);
      if (index < 0) throw new AppError("NOT_FOUND", GONE);
      const moved = moveItem(list, index, input.direction);
      await renumber(
        tx,
        moved.map((t) => t.id),
      );
      await audit(tx, ctx, "template.move", input.templateId, { direction: input.direction });
      return { position: moved.findIndex((t) => t.id === input.templateId) + 1 };
    }),
);

export const deleteTemplate = defineTemplateAction(
  { schema: templateRefSchema, permission: "templates.manage", locate: (input, db) => byTemplate(input, db) },
  ({ db, input, bodyId, ...ctx }) =>
    db.$transaction(async (tx) => {
      const gone = await tx.paragraphTemplate.deleteMany({ where: { id: input.templateId } });
      if (gone.count === 0) throw new AppError("NOT_FOUND", GONE);
      await renumber(
        tx,
        (await bodyOrder(tx, bodyId)).map((t) => t.id),
      );
      await audit(tx, ctx, "template.delete", input.templateId, {});
      return { deleted: input.templateId };
    }),
);

/**
 * A § last in the meeting with the template's rubrik, decision and sections (copied: the § is
 * protocol content, the template is not). "meeting.edit" of the meeting; the template must be
 * one of the meeting's body's.
 */
export const addParagraphFromTemplate = defineDraftingChange(
  addFromTemplateSchema,
  byMeetingId,
  async (tx, { actor, ip, input, meeting }) => {
    const template = await tx.paragraphTemplate.findUnique({
      where: { id: input.templateId },
      select: templateDraftSelect,
    });
    if (!template || template.bodyId !== meeting.bodyId) {
      throw new AppError("VALIDATION", "Mallen finns inte bland organets mallar. Ladda om sidan och välj en annan.", {
        fieldErrors: { templateId: ["Välj en av organets mallar."] },
      });
    }
    const [created] = await appendParagraphs(tx, meeting.id, [templateDraft(template)]);
    await auditParagraphChange(tx, { actor, ip, meeting }, "paragraph.add", created!.id, {
      number: created!.number,
      templateId: template.id,
    });
    return created!;
  },
);
