// The agenda's inputs (zod, Swedish messages). Empty optional texts become null; the att-clauses
// come one per line and empty lines are dropped.
import { requiredText, z } from "@/lib/zod";
import { richDocSchema } from "@/domain/richtext/richtext.schema";

const id = z.string({ error: "Uppgiften saknas." }).min(1, "Uppgiften saknas.").max(64);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .transform((v) => (v.trim() === "" ? null : v.trim()));

const title = requiredText(300, {
  missing: "Skriv ärendets rubrik.",
  blank: "Skriv ärendets rubrik, t.ex. Budget för 2026.",
  tooLong: "Rubriken får vara högst 300 tecken.",
});

const version = z.number({ error: "Versionen saknas; ladda om sidan." }).int().min(1).max(2_147_483_647);

export const createItemSchema = z.object({
  bodyId: id,
  /** Put it last on this meeting's ärendelista; null or "": the body's pool. */
  meetingId: id.nullable().optional(),
  title,
  caseNumber: optionalText(100, "Diarienumret"),
  isExtra: z.boolean().optional(),
});

export const updateItemSchema = z.object({
  itemId: id,
  version,
  title,
  caseNumber: optionalText(100, "Diarienumret"),
  responsible: optionalText(300, "Ansvarig tjänsteperson"),
  proposalIntro: z.string().max(5_000, "Inledningen till förslaget får vara högst 5 000 tecken.").trim(),
  proposalClauses: z
    .array(z.string().max(2_000, "En att-sats får vara högst 2 000 tecken."))
    .max(100, "Högst 100 att-satser.")
    .transform((rows) => rows.map((r) => r.trim()).filter((r) => r !== "")),
  /** Absent: the summary stays as it is (the form without an editor does not send it). */
  summary: richDocSchema.nullable().optional(),
  isConfidential: z.boolean(),
});

export const moveItemSchema = z.object({
  itemId: id,
  version,
  /** A meeting of the same body (a draft), or null for the body's pool. */
  meetingId: id.nullable(),
});

export const reorderSchema = z
  .object({
    meetingId: id,
    agendaVersion: version,
    /** The whole new order (every item of the list once)… */
    order: z.array(id).max(500).optional(),
    /** …or one item one step. */
    itemId: id.optional(),
    direction: z.enum(["up", "down"]).optional(),
  })
  .refine((v) => v.order !== undefined || (v.itemId !== undefined && v.direction !== undefined), {
    message: "Ange den nya ordningen.",
  });

export const deleteItemSchema = z.object({ itemId: id, version });

const upload = (what: string) =>
  z.instanceof(File, { message: `Välj ${what}.` }).refine((f) => f.size > 0, `Filen är tom; välj ${what}.`);

export const uploadDocumentSchema = z.object({
  itemId: id,
  title: requiredText(300, {
    missing: "Skriv handlingens titel.",
    blank: "Skriv handlingens titel, t.ex. Tjänsteskrivelse.",
    tooLong: "Titeln får vara högst 300 tecken.",
  }),
  isConfidential: z.boolean(),
  file: upload("en PDF- eller Word-fil (DOCX)"),
});

export const documentSchema = z.object({ documentId: id });

export const moveDocumentSchema = z.object({ documentId: id, direction: z.enum(["up", "down"]) });

export const importSchema = z.object({
  itemId: id,
  version,
  file: upload("en Word-fil (DOCX)"),
});
