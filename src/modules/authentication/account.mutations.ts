// A user changes their own password. The current password is checked like the re-entry for
// signing (rate-limited, failures audited); the change ends every session of the user at once,
// this one too, so whoever knew the old password is out everywhere. The new password is the
// holder's own: it clears the mark of a password an admin set (User.passwordMustChange), and may
// not be that same password again.
import { hash } from "@node-rs/argon2";
import { z } from "@/lib/zod";
import { checkPasswordsMatch, newPasswordField } from "@/domain/rules/password.rules";
import { SAME_PASSWORD_MESSAGE } from "@/domain/rules/account.rules";
import { defineSelfAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { checkPasswordReentry } from "@/server/password-reentry";
import { endAllSessions } from "@/server/session-version";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Skriv ditt nuvarande lösenord." })
      .min(1, "Skriv ditt nuvarande lösenord.")
      .max(1024, "Lösenordet får vara högst 1024 tecken."),
    password: newPasswordField("Ange ett nytt lösenord."),
    passwordConfirm: z.string(),
  })
  .superRefine(checkPasswordsMatch);

export const changeOwnPassword = defineSelfAction(
  {
    schema: changePasswordSchema,
    messages: { unauthenticated: "Logga in igen för att byta lösenord.", validation: "Kontrollera fälten." },
  },
  async ({ db, ip, actor, input }) => {
    const purpose = { action: "user.changePassword", meetingId: null };
    try {
      await checkPasswordReentry({ db, ip, actor }, input.currentPassword, purpose);
    } catch (e) {
      // The re-entry check names the field "password"; here the current password is another field.
      if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
      const currentPassword = e.details?.fieldErrors?.password ?? [e.message];
      throw new AppError("VALIDATION", e.message, { fieldErrors: { currentPassword } });
    }
    if (input.password === input.currentPassword) {
      throw new AppError("VALIDATION", SAME_PASSWORD_MESSAGE, { fieldErrors: { password: [SAME_PASSWORD_MESSAGE] } });
    }
    const passwordHash = await hash(input.password);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordMustChange: false } });
      await endAllSessions(tx, actor.userId);
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "user.changePassword",
        entity: "User",
        entityId: actor.userId,
        ip,
        data: { sessionsEnded: true },
      });
    });
    return { sessionsEnded: true as const };
  },
);
