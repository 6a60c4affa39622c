import { isIsoDate } from "@/lib/iso-date";
import { z } from "@/lib/zod";

const meetingId = z.string().min(1).max(64);

export const sendForAdjustmentSchema = z.object({ meetingId });

export const signSchema = z.object({
  meetingId,
  password: z.string({ error: "Skriv ditt lösenord för att signera." }).min(1, "Skriv ditt lösenord för att signera.").max(1024),
});

export const returnSchema = z.object({
  meetingId,
  comment: z.string().trim().min(1, "Skriv vad som behöver ändras, så att sekreteraren vet vad som ska rättas.").max(5_000, "Kommentaren får vara högst 5 000 tecken."),
});

export const correctionSchema = z.object({
  meetingId,
  paragraphNumber: z
    .union([z.literal(""), z.coerce.number().int().min(1, "Ange ett paragrafnummer.").max(99_999)])
    .transform((v) => (v === "" ? null : v)),
  text: z.string().trim().min(1, "Skriv rättelsen: vad som var fel och vad som gäller.").max(10_000, "Rättelsen får vara högst 10 000 tecken."),
  password: z.string().min(1, "Skriv ditt lösenord för att signera rättelsen.").max(1024),
});

const DATE_FORMAT = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2021-12-17.";

/** The notice dates after justering; an empty take-down date means the end of the appeal period. */
export const noticeEditSchema = z.object({
  meetingId,
  postedOn: z
    .string({ error: "Ange datum då anslaget sätts upp." })
    .trim()
    .refine((v) => v !== "", "Ange datum då anslaget sätts upp.")
    .refine((v) => v === "" || isIsoDate(v), DATE_FORMAT),
  takeDownOn: z
    .string({ error: DATE_FORMAT })
    .trim()
    .refine((v) => v === "" || isIsoDate(v), DATE_FORMAT)
    .transform((v) => (v === "" ? null : v)),
});
