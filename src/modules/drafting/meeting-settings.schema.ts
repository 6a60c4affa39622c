// Schemas of a draft's own settings: where its § numbering starts, and its notice's förvaringsplats,
// anslagstavla and certifier (null: the organisation's).
import { z } from "@/lib/zod";

const id = z.string().min(1).max(64);

/** "" → null (the body's year continues); otherwise a whole number 1–9999. */
export const firstNumberField = z
  .string({ error: "Ange första paragrafnumret som ett heltal, t.ex. 101." })
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d{1,4}$/.test(v) || Number(v) < 1) {
      ctx.addIssue({
        code: "custom",
        message: "Ange första paragrafnumret som ett heltal mellan 1 och 9999, t.ex. 101.",
      });
      return z.NEVER;
    }
    return Number(v);
  });

export const setFirstParagraphNumberSchema = z.object({ meetingId: id, firstNumber: firstNumberField });

const optional = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} får vara högst ${max} tecken.`)
    .transform((v) => (v === "" ? null : v));

export const saveNoticeSettingsSchema = z.object({
  meetingId: id,
  storagePlace: optional("Förvaringsplatsen", 300),
  noticeBoard: optional("Anslagstavlans adress", 300),
  certifier: optional("Namnet på den som intygar anslaget", 200),
});
