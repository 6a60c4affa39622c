import { AGENDA_FATES } from "@/domain/rules/agenda-fate.rules";
import { z } from "@/lib/zod";

const STALE_PAGE = "Sidan är inaktuell. Ladda om den och försök igen.";

/**
 * The agenda → protocol form: for each ärende on the list its fate (and, for återremiss, the
 * reason), whether the body's opening items come first, and the ärendelista's version the
 * secretary saw (a list changed meanwhile is refused, not guessed at).
 */
export const agendaToProtocolSchema = z.object({
  meetingId: z.string().min(1).max(64),
  agendaVersion: z.number({ error: STALE_PAGE }).int(STALE_PAGE).min(1, STALE_PAGE),
  includeOpening: z.boolean(),
  items: z
    .array(
      z.object({
        itemId: z.string().min(1).max(64),
        fate: z.enum(AGENDA_FATES, { error: "Välj beslut, utgår, bordläggs eller återremitteras." }),
        reason: z.string().trim().max(2000, "Skälet får vara högst 2000 tecken."),
      }),
    )
    .max(500, "Högst 500 ärenden på en ärendelista."),
});

export type AgendaToProtocolInput = z.infer<typeof agendaToProtocolSchema>;
