import { z } from "@/lib/zod";

/**
 * "Skicka kallelse": the meeting and the ärendelista's version the secretary looked at; a list
 * changed meanwhile (an ärende added, moved or reordered) is refused, so what is sent is what
 * was seen.
 */
export const sendSummonsSchema = z.object({
  meetingId: z.string({ error: "Sammanträdet saknas." }).min(1, "Sammanträdet saknas.").max(200),
  agendaVersion: z.coerce
    .number({ error: "Ärendelistans version saknas; ladda om sidan." })
    .int("Ärendelistans version saknas; ladda om sidan.")
    .min(1, "Ärendelistans version saknas; ladda om sidan."),
});

export type SendSummonsInput = z.infer<typeof sendSummonsSchema>;
