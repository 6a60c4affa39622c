import { z } from "@/lib/zod";

const meetingId = z.string().min(1).max(64);

export const sendForAdjustmentSchema = z.object({ meetingId });

export const signSchema = z.object({
  meetingId,
  password: z
    .string({ error: "Skriv ditt lösenord för att signera." })
    .min(1, "Skriv ditt lösenord för att signera.")
    .max(1024),
});

/** Starting a signature with e-legitimation: the meeting only (the provider asks who). */
export const startEidSchema = z.object({ meetingId });

/** Writing it, once the provider's answer is verified (server-side only, never from a form). */
export const signWithEidSchema = z.object({ meetingId });

export const returnSchema = z.object({
  meetingId,
  comment: z
    .string()
    .trim()
    .min(1, "Skriv vad som behöver ändras, så att sekreteraren vet vad som ska rättas.")
    .max(5_000, "Kommentaren får vara högst 5 000 tecken."),
});

/** A rättelse's § and text, as written on the form. */
const correctionContent = {
  meetingId,
  paragraphNumber: z
    .union([z.literal(""), z.coerce.number().int().min(1, "Ange ett paragrafnummer.").max(99_999)])
    .transform((v) => (v === "" ? null : v)),
  text: z
    .string()
    .trim()
    .min(1, "Skriv rättelsen: vad som var fel och vad som gäller.")
    .max(10_000, "Rättelsen får vara högst 10 000 tecken."),
};

export const correctionSchema = z.object({
  ...correctionContent,
  password: z.string().min(1, "Skriv ditt lösenord för att signera rättelsen.").max(1024),
});

/** "Signera rättelsen med e-legitimation": the rättelse the legitimation will be bound to. */
export const startEidCorrectionSchema = z.object(correctionContent);

/** Writing it, once the provider's answer is verified (server-side only, never from a form). */
export const correctionWithEidSchema = z.object({
  meetingId,
  paragraphNumber: z.number().int().min(1).nullable(),
  text: z.string().min(1),
});
