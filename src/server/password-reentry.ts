// Re-entering the password to sign or to add a rättelse: the last guard before a signature that
// makes a protocol legally binding. Someone at an unlocked, signed-in computer could guess at it,
// so attempts are limited per user (in PostgreSQL, shared by every app process) and every
// failed or refused attempt leaves an audit row — never the password itself.
import { verify } from "@node-rs/argon2";
import type { ActionContext } from "./action";
import type { Actor } from "./authz";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { RateLimiter } from "./rate-limit";

/** 5 attempts per user in 15 minutes; a correct password clears the count. */
export const PASSWORD_REENTRY_LIMIT = { scope: "password-reentry", max: 5, windowMs: 15 * 60_000 };

export const REENTRY_FAILED = "auth.reentry.failed";
export const REENTRY_LIMITED = "auth.reentry.limited";

/**
 * Checks the signed-in user's password for `purpose` (the action it unlocks, e.g.
 * "protocol.sign"); throws a Swedish field error when it is wrong or when there were too many
 * attempts.
 */
export async function checkPasswordReentry(
  ctx: Pick<ActionContext, "db" | "ip"> & { actor: Actor },
  password: string,
  purpose: { action: string; meetingId: string | null },
): Promise<void> {
  const { db, actor, ip } = ctx;
  const limiter = new RateLimiter(PASSWORD_REENTRY_LIMIT, () => db);
  const attempt = await limiter.hit(actor.userId);
  const audit = (action: string) =>
    writeAudit(db, {
      userId: actor.userId,
      meetingId: purpose.meetingId,
      action,
      entity: "User",
      entityId: actor.userId,
      ip,
      data: { for: purpose.action, attempt: attempt.count },
    });
  if (attempt.limited) {
    await audit(REENTRY_LIMITED);
    const minutes = Math.max(1, Math.ceil(attempt.retryAfterMs / 60_000));
    const message = `För många felaktiga lösenord. Vänta ${minutes} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`;
    throw new AppError("VALIDATION", message, { fieldErrors: { password: [message] } });
  }
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  const ok = user?.passwordHash ? await verify(user.passwordHash, password).catch(() => false) : false;
  if (!ok) {
    await audit(REENTRY_FAILED);
    throw new AppError("VALIDATION", "Fel lösenord.", {
      fieldErrors: { password: ["Fel lösenord. Skriv lösenordet du loggar in med."] },
    });
  }
  await limiter.reset(actor.userId);
}
