// Bilagor: PDF files attached to a §, stored in the database with their SHA-256.
import { createHash } from "node:crypto";
import { z } from "@/lib/zod";
import { defineMeetingAction } from "@/server/action";
import { AppError } from "@/server/errors";
import { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "./attachment.limits";
import { auditChange, byParagraph, defineDraftingChange } from "./change";

export { MAX_ATTACHMENT_BYTES } from "./attachment.limits";

const uploadSchema = z.object({
  paragraphId: z.string().min(1).max(64),
  label: z
    .string()
    .trim()
    .min(1, "Skriv en rubrik för bilagan, t.ex. Bilaga 1 – detaljerad intäktsbudget.")
    .max(300, "Rubriken får vara högst 300 tecken."),
  file: z
    .instanceof(File, { message: "Välj en PDF-fil." })
    .refine((f) => f.size > 0, "Filen är tom; välj en PDF-fil.")
    .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, ATTACHMENT_TOO_LARGE),
});

export const uploadAttachment = defineMeetingAction(
  { schema: uploadSchema, permission: "meeting.edit", locate: byParagraph },
  async ({ db, actor, ip, input, meeting }) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    // The type the browser claims is not trusted: a PDF starts with "%PDF-".
    if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") {
      throw new AppError("VALIDATION", "Bilagan måste vara en PDF-fil.", {
        fieldErrors: { file: ["Filen är inte en PDF. Spara den som PDF och försök igen."] },
      });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const fileName = input.file.name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 200) || "bilaga.pdf";
    return db.$transaction(async (tx) => {
      const position = await tx.attachment.count({ where: { paragraphId: input.paragraphId } });
      const created = await tx.attachment.create({
        data: {
          paragraphId: input.paragraphId,
          label: input.label,
          fileName,
          mimeType: "application/pdf",
          bytes,
          sha256,
          position,
        },
        select: { id: true },
      });
      await auditChange(
        tx,
        { actor, ip, meeting },
        "attachment.upload",
        { entity: "Attachment", id: created.id },
        { sha256, size: bytes.length },
      );
      return created;
    });
  },
);

export const deleteAttachment = defineDraftingChange(
  z.object({ attachmentId: z.string().min(1).max(64) }),
  async ({ attachmentId }, db) => {
    const a = await db.attachment.findUnique({
      where: { id: attachmentId },
      select: { paragraph: { select: { meetingId: true } } },
    });
    return a ? { id: a.paragraph.meetingId } : null;
  },
  async (tx, { actor, ip, input, meeting }) => {
    await tx.basisDocument.updateMany({ where: { attachmentId: input.attachmentId }, data: { attachmentId: null } });
    await tx.attachment.delete({ where: { id: input.attachmentId } });
    await auditChange(tx, { actor, ip, meeting }, "attachment.delete", {
      entity: "Attachment",
      id: input.attachmentId,
    });
    return { deleted: input.attachmentId };
  },
);
