// A § template's input: the § schema's rubrik, decision and sections (src/modules/drafting/
// paragraph.schema.ts, the same Swedish messages and limits), whether it is one of the body's
// opening §§; and the references the other actions take.
import { z } from "@/lib/zod";
import { decisionSchema, sectionsSchema, titleSchema } from "@/modules/drafting";

const id = z.string().min(1).max(64);

export const templateContentSchema = z.object({
  title: titleSchema,
  decision: decisionSchema,
  sections: sectionsSchema,
  isOpening: z.boolean(),
});
export type TemplateContent = z.output<typeof templateContentSchema>;

export const createTemplateSchema = templateContentSchema.extend({ bodyId: id });

export const updateTemplateSchema = templateContentSchema.extend({
  templateId: id,
  version: z.number({ error: "Versionen saknas; ladda om sidan." }).int().min(1).max(2_147_483_647),
});

export const templateRefSchema = z.object({ templateId: id });

export const moveTemplateSchema = templateRefSchema.extend({
  direction: z.enum(["up", "down"], { error: "Välj upp eller ned." }),
});

/** A § last in the meeting, made from one of its body's templates. */
export const addFromTemplateSchema = z.object({
  meetingId: id,
  templateId: z.string({ error: "Välj en mall." }).min(1, "Välj en mall.").max(64),
});
