// Schemas of the person administration: rename, merge, remove, the identity for e-legitimation.
import { z } from "@/lib/zod";
import { personnummerProblem } from "@/server/eid/personnummer";

const id = z.string().trim().min(1).max(64);

export const renamePersonSchema = z.object({
  personId: id,
  name: z.string({ error: "Ange namnet." }).trim().min(1, "Ange namnet.").max(200, "Namnet får vara högst 200 tecken."),
});

export const mergePersonsSchema = z
  .object({
    /** The person who stays. */
    personId: id,
    /** The duplicate: its references move to personId, then it is removed. */
    duplicateId: z
      .string({ error: "Välj personen som ska slås ihop." })
      .trim()
      .min(1, "Välj personen som ska slås ihop.")
      .max(64),
  })
  .refine((v) => v.personId !== v.duplicateId, {
    path: ["duplicateId"],
    message: "Välj en annan person: en person kan inte slås ihop med sig själv.",
  });

export const removePersonSchema = z.object({ personId: id });

/**
 * The personnummer an e-legitimation must return for the person to sign (12 digits, Luhn); empty
 * removes it. Stored only as an HMAC (server/eid/identity.ts).
 */
export const setPersonIdentitySchema = z.object({
  personId: id,
  personnummer: z
    .string()
    .trim()
    .max(20, "Personnumret ska ha 12 siffror: ÅÅÅÅMMDD-NNNN.")
    .superRefine((value, ctx) => {
      const problem = value === "" ? null : personnummerProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
});
