// The registration form of a historical protocol (justerat on paper), as zod with Swedish messages.
import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/iso-date";
import { MAX_SCAN_BYTES, SCAN_TOO_LARGE } from "./historical.limits";

const id = z.string().min(1).max(64);

const date = (what: string) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, `Ange ${what}.`)
    .refine(isIsoDate, `Ange ${what} som ÅÅÅÅ-MM-DD, t.ex. 2019-03-14.`);

const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isIsoDate(v), `Ange ${what} som ÅÅÅÅ-MM-DD, eller lämna fältet tomt.`)
    .transform((v) => (v === "" ? null : v));

const paragraphNumber = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
    if (!(n >= 1)) {
      ctx.addIssue({ code: "custom", message: "Ange paragrafens nummer, t.ex. 12." });
      return z.NEVER;
    }
    return n;
  });

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v));

export const registerHistoricalSchema = z.object({
  bodyId: id,
  meetingDate: date("sammanträdets datum"),
  title: optionalText(300, "Rubriken får vara högst 300 tecken."),
  description: optionalText(2000, "Beskrivningen får vara högst 2 000 tecken."),
  firstNumber: paragraphNumber,
  lastNumber: paragraphNumber,
  adjustedOn: date("datum för justeringen"),
  postedOn: date("datum då anslaget sattes upp"),
  takeDownOn: optionalDate("datum då anslaget togs ned"),
  paragraphs: z.string().max(60_000, "Listan över paragrafer är för lång."),
  isPublic: z.boolean(),
  file: z
    .instanceof(File, { message: "Välj det inskannade protokollet som PDF-fil." })
    .refine((f) => f.size > 0, "Filen är tom; välj en PDF-fil.")
    .refine((f) => f.size <= MAX_SCAN_BYTES, SCAN_TOO_LARGE),
});

export type RegisterHistoricalInput = z.input<typeof registerHistoricalSchema>;

export const deleteHistoricalSchema = z.object({
  id,
  reason: z
    .string()
    .trim()
    .min(1, "Skriv varför registreringen tas bort, t.ex. fel PDF-fil.")
    .max(500, "Högst 500 tecken."),
});
