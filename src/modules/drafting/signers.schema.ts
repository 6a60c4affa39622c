// The signers per § (issue 14): who signs as sekreterare, ordförande or justerare, for which §§.
import { z } from "@/lib/zod";
import { rangesField } from "./meeting.schema";

const id = z.string().min(1).max(64);

export const SIGNER_ROLES = ["SECRETARY", "CHAIR", "ADJUSTER"] as const;

export const signerRowSchema = z.object({
  role: z.enum(SIGNER_ROLES, { error: "Välj roll: sekreterare, ordförande eller justerare." }),
  personId: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      if (v.trim() === "") {
        ctx.addIssue({ code: "custom", message: "Välj vem som undertecknar." });
        return z.NEVER;
      }
      return v;
    }),
  /** "5-6, 8"; "" = the whole meeting. */
  ranges: rangesField,
});

export const saveSignersSchema = z
  .object({
    meetingId: id,
    version: z.number().int().min(1).max(2_147_483_647),
    signers: z.array(signerRowSchema).max(30, "Högst 30 undertecknare."),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.signers.forEach((s, i) => {
      const key = `${s.role}:${s.personId}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["signers", i, "personId"],
          message: "Personen står redan i samma roll: ange alla paragrafer på den första raden, t.ex. 1-4, 7.",
        });
      }
      seen.add(key);
    });
  });

export type SaveSignersInput = z.input<typeof saveSignersSchema>;
