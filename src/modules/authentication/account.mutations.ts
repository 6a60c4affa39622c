// A user changes their own password. The current password is checked like the re-entry for
// signing (rate-limited, failures audited); the change ends every session of the user at once,
// this one too, so whoever knew the old password is out everywhere.
import { hash } from "@node-rs/argon2";
import { z } from "@/lib/zod";
import { checkPasswordsMatch, newPasswordField } from "@/domain/rules/password.rules";
import { fromError, refuseUnstorable, toFieldErrors, type ActionContext, type ActionResult } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { checkPasswordReentry } from "@/server/password-reentry";
import { endAllSessions } from "@/server/session-version";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Skriv ditt nuvarande lösenord." }).min(1, "Skriv ditt nuvarande lösenord.").max(1024, "Lösenordet får vara högst 1024 tecken."),
    password: newPasswordField("Ange ett nytt lösenord."),
    passwordConfirm: z.string(),
  })
  .superRefine(checkPasswordsMatch);

export async function changeOwnPassword(ctx: ActionContext, raw: unknown): Promise<ActionResult<{ sessionsEnded: true }>> {
  const { actor, db, ip } = ctx;
  if (!actor) return { ok: false, code: "UNAUTHENTICATED", message: "Logga in igen för att byta lösenord." };
  const unstorable = refuseUnstorable(raw);
  if (unstorable) return unstorable;
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "VALIDATION", message: "Kontrollera fälten.", fieldErrors: toFieldErrors(parsed.error) };
  try {
    await checkPasswordReentry({ db, ip, actor }, parsed.data.currentPassword, { action: "user.changePassword", meetingId: null });
  } catch (e) {
    const failure = fromError(e);
    // The re-entry check names the field "password"; here the current password is another field.
    if (failure.code === "VALIDATION") return { ...failure, fieldErrors: { currentPassword: failure.fieldErrors.password ?? [failure.message] } };
    return failure;
  }
  const passwordHash = await hash(parsed.data.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await endAllSessions(tx, actor.userId);
    await writeAudit(tx, { userId: actor.userId, meetingId: null, action: "user.changePassword", entity: "User", entityId: actor.userId, ip, data: { sessionsEnded: true } });
  });
  return { ok: true, data: { sessionsEnded: true } };
}
