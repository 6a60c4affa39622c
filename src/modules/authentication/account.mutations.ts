// A user changes their own password. The current password is checked like the re-entry for
// signing (rate-limited, failures audited); the change ends every session of the user at once,
// this one too, so whoever knew the old password is out everywhere. The new password is the
// holder's own: it clears the mark of a password an admin set (User.passwordMustChange), and may
// not be that same password again. Such a marked account also types a one-time code mailed to its
// address (sendPasswordCode): the admin who set the password knows it, but does not read the mail.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "@/lib/zod";
import { checkPasswordsMatch, newPasswordField } from "@/domain/rules/password.rules";
import {
  EMAIL_CODE_DIGITS,
  emailCodeExpiry,
  emailCodeProblem,
  normaliseEmailCode,
  SAME_PASSWORD_MESSAGE,
} from "@/domain/rules/account.rules";
import { defineSelfAction, type RunContext } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { appBaseUrl } from "@/server/config";
import { AppError } from "@/server/errors";
import { afterCommit, PASSWORD_CODE_MAIL_KIND, queueMail } from "@/server/jobs/outbox";
import { checkPasswordReentry } from "@/server/password-reentry";
import { RateLimiter } from "@/server/rate-limit";
import { endAllSessions } from "@/server/session-version";
import { buildPasswordCodeMail } from "./account.mail";

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Skriv ditt nuvarande lösenord." })
      .min(1, "Skriv ditt nuvarande lösenord.")
      .max(1024, "Lösenordet får vara högst 1024 tecken."),
    password: newPasswordField("Ange ett nytt lösenord."),
    passwordConfirm: z.string(),
    /** The code mailed to the account's address; asked only while its password must change. */
    emailCode: z.string().max(40, "Koden har åtta siffror.").optional(),
  })
  .superRefine(checkPasswordsMatch);

/** Five codes mailed per account and quarter of an hour (no mail flood); five wrong codes typed. */
export const PASSWORD_CODE_SEND_LIMIT = { scope: "password-code-send", max: 5, windowMs: 15 * 60_000 };
export const PASSWORD_CODE_CHECK_LIMIT = { scope: "password-code-check", max: 5, windowMs: 15 * 60_000 };

const codeError = (message: string) => new AppError("VALIDATION", message, { fieldErrors: { emailCode: [message] } });

/** The code typed by a marked account: sent, not expired, not guessed too often, and right. */
async function checkEmailCode(
  { db, actor, ip, now: at }: Pick<RunContext, "db" | "actor" | "ip" | "now">,
  typed: string | undefined,
) {
  const stored = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { passwordCodeHash: true, passwordCodeExpiresAt: true },
  });
  const problem = emailCodeProblem({ hash: stored.passwordCodeHash, expiresAt: stored.passwordCodeExpiresAt }, at);
  if (problem) throw codeError(problem);
  const limiter = new RateLimiter(PASSWORD_CODE_CHECK_LIMIT, () => db);
  const attempt = await limiter.hit(actor.userId);
  const audit = (action: string) =>
    writeAudit(db, {
      userId: actor.userId,
      meetingId: null,
      action,
      entity: "User",
      entityId: actor.userId,
      ip,
      data: { attempt: attempt.count },
    });
  if (attempt.limited) {
    await audit("user.passwordCode.limited");
    throw codeError("För många felaktiga koder. Vänta en kvart och tryck sedan på ”Skicka kod” för en ny.");
  }
  const code = normaliseEmailCode(typed ?? "");
  if (!code || !(await verify(stored.passwordCodeHash!, code).catch(() => false))) {
    await audit("user.passwordCode.failed");
    throw codeError("Fel kod. Skriv koden ur det senaste mejlet, eller tryck på ”Skicka kod” för en ny.");
  }
  await limiter.reset(actor.userId);
}

export const changeOwnPassword = defineSelfAction(
  {
    schema: changePasswordSchema,
    messages: { unauthenticated: "Logga in igen för att byta lösenord.", validation: "Kontrollera fälten." },
  },
  async (ctx) => {
    const { db, ip, actor, input } = ctx;
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
    const { passwordMustChange } = await db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { passwordMustChange: true },
    });
    if (passwordMustChange) await checkEmailCode(ctx, input.emailCode);
    const passwordHash = await hash(input.password);
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: actor.userId },
        data: { passwordHash, passwordMustChange: false, passwordCodeHash: null, passwordCodeExpiresAt: null },
      });
      await endAllSessions(tx, actor.userId);
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "user.changePassword",
        entity: "User",
        entityId: actor.userId,
        ip,
        data: { sessionsEnded: true, ...(passwordMustChange ? { withEmailCode: true } : {}) },
      });
    });
    return { sessionsEnded: true as const };
  },
);

/**
 * Mails a one-time code to the account's own address, for an account whose password someone else
 * set (a new code replaces the last). The address is the account's, never one typed here.
 */
export const sendPasswordCode = defineSelfAction(
  { schema: z.object({}), messages: { unauthenticated: "Logga in igen för att få en kod." } },
  async ({ db, actor, ip, now: at }) => {
    const user = await db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { email: true, name: true, passwordMustChange: true },
    });
    if (!user.passwordMustChange) {
      throw new AppError("STATE", "Ditt lösenord är ditt eget; byt det utan kod.");
    }
    const sent = await new RateLimiter(PASSWORD_CODE_SEND_LIMIT, () => db).hit(actor.userId);
    if (sent.limited) throw new AppError("STATE", "Du har fått många koder nyss. Vänta en kvart och försök igen.");
    const code = String(randomInt(0, 10 ** EMAIL_CODE_DIGITS)).padStart(EMAIL_CODE_DIGITS, "0");
    const passwordCodeHash = await hash(code);
    const expiresAt = emailCodeExpiry(at);
    const mailId = await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: actor.userId },
        data: { passwordCodeHash, passwordCodeExpiresAt: expiresAt },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "user.passwordCode.sent",
        entity: "User",
        entityId: actor.userId,
        ip,
        data: {},
      });
      const mail = buildPasswordCodeMail({
        to: user.email,
        userName: user.name,
        code,
        expiresAt,
        baseUrl: appBaseUrl(),
      });
      return queueMail(tx, mail, PASSWORD_CODE_MAIL_KIND);
    });
    await afterCommit(db, [mailId]);
    return { sentTo: user.email };
  },
);
