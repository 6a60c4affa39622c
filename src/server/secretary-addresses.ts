import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The addresses to tell a meeting's secretaries at: the meeting's secretary (Person.email) and the
 * body's secretaries (their accounts' e-mail), trimmed, lower-cased, each once. Used by the
 * förhinder mails and the take-down reminder.
 */
export async function secretaryAddresses(
  db: Pick<PrismaClient, "person" | "bodyRole">,
  bodyId: string,
  secretaryId: string | null,
): Promise<string[]> {
  const [person, roles] = await Promise.all([
    secretaryId ? db.person.findUnique({ where: { id: secretaryId }, select: { email: true } }) : null,
    db.bodyRole.findMany({ where: { bodyId, role: "SECRETARY" }, select: { user: { select: { email: true } } } }),
  ]);
  const all = [person?.email ?? null, ...roles.map((r) => r.user.email)].filter((e): e is string => !!e?.trim());
  return [...new Set(all.map((e) => e.trim().toLowerCase()))];
}
