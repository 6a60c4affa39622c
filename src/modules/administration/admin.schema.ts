// Schemas shared by the admin forms and their server actions: users, body roles, memberships.
import { requiredText, z } from "@/lib/zod";
import { isIsoDate } from "@/lib/iso-date";
import { checkPasswordsMatch, newPasswordField } from "@/domain/rules/password.rules";
import { BODY_POSITIONS, BODY_ROLES, MEMBERSHIP_ROLES, NEW_PERSON } from "./admin.constants";

const id = z.string().trim().min(1).max(64);

// Stored lower-case so "Anna@Kommun.se" and "anna@kommun.se" are the same account (sign-in
// lower-cases too).
const emailField = z
  .string({ error: "Ange e-postadressen." })
  .trim()
  .toLowerCase()
  .min(1, "Ange e-postadressen.")
  .max(254, "E-postadressen får vara högst 254 tecken.")
  .pipe(z.email({ error: "Ange en giltig e-postadress, t.ex. namn@kommun.se." }));

const nameField = requiredText(200, { missing: "Ange namnet.", tooLong: "Namnet får vara högst 200 tecken." });

const passwordField = newPasswordField("Ange ett lösenord.");

/** "" = no person, NEW_PERSON = a new person with the user's name, otherwise a person id. */
const personLinkField = z
  .string()
  .trim()
  .max(64)
  .transform((v) =>
    v === ""
      ? ({ kind: "none" } as const)
      : v === NEW_PERSON
        ? ({ kind: "new" } as const)
        : ({ kind: "existing", personId: v } as const),
  );

export const createUserSchema = z
  .object({
    email: emailField,
    name: nameField,
    personLink: personLinkField,
    /** Where a new person belongs; only needed with NEW_PERSON. */
    organisationId: z.string().trim().max(64),
    password: passwordField,
    passwordConfirm: z.string(),
    isAdmin: z.boolean(),
  })
  .superRefine((v, ctx) => {
    checkPasswordsMatch(v, ctx);
    if (v.personLink.kind === "new" && v.organisationId === "") {
      ctx.addIssue({
        code: "custom",
        path: ["organisationId"],
        message: "Välj vilken organisation den nya personen hör till.",
      });
    }
  });

export const updateUserSchema = z.object({
  userId: id,
  email: emailField,
  name: nameField,
  isAdmin: z.boolean(),
});

export const setPasswordSchema = z
  .object({ userId: id, password: passwordField, passwordConfirm: z.string() })
  .superRefine(checkPasswordsMatch);

export const bodyRoleSchema = z.object({
  userId: id,
  bodyId: z.string({ error: "Välj organ." }).trim().min(1, "Välj organ.").max(64),
  role: z.enum(BODY_ROLES, { error: "Välj roll: sekreterare eller ledamot." }),
});

const isoDateField = (what: string) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.`, abort: true })
    .refine(isIsoDate, `Ange ${what} som ÅÅÅÅ-MM-DD, t.ex. 2023-01-01.`);

export const addMembershipSchema = z
  .object({
    bodyId: id,
    /** A person of the body's organisation, or NEW_PERSON with `newPersonName`. */
    personId: z.string({ error: "Välj person." }).trim().min(1, "Välj person.").max(64),
    newPersonName: z.string().trim().max(200, "Namnet får vara högst 200 tecken."),
    role: z.enum(MEMBERSHIP_ROLES, { error: "Välj ledamot eller ersättare." }),
    position: z
      .enum(["", ...BODY_POSITIONS] as const, { error: "Välj ordförande, vice ordförande eller ingen." })
      .transform((v) => (v === "" ? null : v)),
    represents: requiredText(200, {
      missing: "Ange vad personen representerar.",
      blank: "Ange vilken kommun eller vilket parti personen representerar, t.ex. Vimmerby kommun.",
      tooLong: "Högst 200 tecken.",
    }),
    termStart: isoDateField("mandatperiodens första dag"),
    termEnd: isoDateField("mandatperiodens sista dag"),
    hasVotingRight: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.personId === NEW_PERSON && v.newPersonName === "") {
      ctx.addIssue({ code: "custom", path: ["newPersonName"], message: "Skriv den nya personens namn." });
    }
    if (isIsoDate(v.termStart) && isIsoDate(v.termEnd) && v.termEnd < v.termStart) {
      ctx.addIssue({ code: "custom", path: ["termEnd"], message: "Mandatperioden kan inte sluta före den börjar." });
    }
    if (v.position && v.role !== "MEMBER") {
      ctx.addIssue({
        code: "custom",
        path: ["position"],
        message: "Bara en ledamot kan vara ordförande eller vice ordförande.",
      });
    }
  });

export const removeMembershipSchema = z.object({ membershipId: id });
