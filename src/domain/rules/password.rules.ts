// The password policy, one place for the admin forms, the account page and their actions.
import { z } from "@/lib/zod";
import { MIN_PASSWORD_LENGTH } from "./password.policy";

/** A new password; `missing` is the message when none was sent ("Ange ett lösenord."). */
export function newPasswordField(missing: string) {
  return z
    .string({ error: missing })
    .min(
      MIN_PASSWORD_LENGTH,
      `Lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken. Ett par ord med mellanslag är lätt att minnas.`,
    )
    .max(1024, "Lösenordet får vara högst 1024 tecken.");
}

/** The password typed twice must match (superRefine of a form with password and passwordConfirm). */
export function checkPasswordsMatch(v: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx): void {
  if (v.password !== v.passwordConfirm) {
    ctx.addIssue({
      code: "custom",
      path: ["passwordConfirm"],
      message: "Lösenorden stämmer inte överens. Skriv samma lösenord två gånger.",
    });
  }
}
