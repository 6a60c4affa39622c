// Revocable sessions. Sessions are signed JWTs (no session table), so each carries the user's
// sessionVersion from sign-in; raising the version in the database ends every session issued
// before, everywhere at once. Checked on every read of a session (server/auth.ts, session.ts).
// No next-auth import here: mutations and tests use it without loading the auth framework.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getDb } from "./db";

/** True when the token's user still exists and the token carries that user's current version. */
export async function isSessionCurrent(
  token: Record<string, unknown>,
  db: Pick<PrismaClient, "user"> = getDb(),
): Promise<boolean> {
  if (typeof token.uid !== "string" || typeof token.sv !== "number") return false;
  const user = await db.user.findUnique({ where: { id: token.uid }, select: { sessionVersion: true } });
  return user?.sessionVersion === token.sv;
}

/** Ends every session of the user at once (logout, a new password): their tokens' version is now old. */
export async function endAllSessions(
  db: Pick<PrismaClient, "user"> | Prisma.TransactionClient,
  userId: string,
): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
