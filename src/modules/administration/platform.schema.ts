// The platform admin's form: a new organisation and its first admin (issue 19.1).
import { z } from "@/lib/zod";
import { organisationSlugProblem } from "@/domain/rules/organisation.rules";
import { checkPasswordsMatch, newPasswordField } from "@/domain/rules/password.rules";

const KINDS = ["KOMMUN", "KOMMUNALFORBUND", "REGION"] as const;

export const createOrganisationSchema = z
  .object({
    name: z
      .string({ error: "Ange organisationens namn." })
      .trim()
      .min(2, "Ange organisationens namn.")
      .max(200, "Namnet får vara högst 200 tecken."),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .superRefine((v, ctx) => {
        const problem = organisationSlugProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    kind: z.enum(KINDS, { error: "Välj kommun, kommunalförbund eller region." }),
    caseNumberPrefix: z
      .string()
      .trim()
      .min(1, "Ange diarieprefixet (t.ex. KS).")
      .max(20, "Prefixet får vara högst 20 tecken."),
    adminEmail: z
      .string({ error: "Ange den första administratörens e-postadress." })
      .trim()
      .toLowerCase()
      .min(1, "Ange den första administratörens e-postadress.")
      .max(254, "E-postadressen får vara högst 254 tecken.")
      .pipe(z.email({ error: "Ange en giltig e-postadress, t.ex. namn@kommun.se." })),
    /** For a new account only; an existing account (any organisation's) just joins. */
    adminName: z.string().trim().max(200, "Namnet får vara högst 200 tecken."),
    password: z.string().max(1000),
    passwordConfirm: z.string().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.password === "" && v.passwordConfirm === "") return;
    const parsed = newPasswordField("Ange ett lösenord.").safeParse(v.password);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: ["password"], message: parsed.error.issues[0]!.message });
    checkPasswordsMatch(v, ctx);
  });
