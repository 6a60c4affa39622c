// What the admin mutations share: a field's validation error, the unique index catching a
// concurrent insert, a row that must still exist, which fields a change altered, and the audit
// row every admin change writes in its own transaction, and the acting admin's name for the mails
// that tell a user what an admin did to their account.
import { Prisma } from "@/generated/prisma/client";
import type { RunContext } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";

export type Tx = Prisma.TransactionClient;

export function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
}

/** A concurrent insert passes the check before it; the unique index catches it. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** The row read, or NOT_FOUND with `message` when it is gone. */
export function found<T>(row: T | null, message: string): T {
  if (row === null) throw new AppError("NOT_FOUND", message);
  return row;
}

/** The keys of `data` whose value differs from `current`'s. */
export function changedKeys<D extends object>(current: { [K in keyof D]: unknown }, data: D): (keyof D)[] {
  // Lists (a body's opening items) compare by their items, not by identity.
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
  return (Object.keys(data) as (keyof D)[]).filter((k) => !same(data[k], current[k]));
}

/**
 * The audit row of an admin change (no meeting), by the action's actor from its address, in the
 * organisation it changes (the actor's, unless named): that organisation's admins read it on
 * /admin/logg, row-level security lets no other organisation see it.
 */
export function auditAdmin(
  tx: Tx,
  { actor, ip }: Pick<RunContext, "actor" | "ip">,
  action: string,
  [entity, entityId]: [string, string],
  data: Prisma.InputJsonValue,
  organisationId: string | null = actor.organisationId ?? null,
): Promise<void> {
  return writeAudit(tx, { userId: actor.userId, meetingId: null, organisationId, action, entity, entityId, ip, data });
}

/**
 * The organisation the admin works in (issue 19.1): every admin change is to it. An actor without
 * one never gets here (authorizeGlobal), so this is the type's check, not a user's error.
 */
export function adminOrganisation({ actor }: Pick<RunContext, "actor">): string {
  if (!actor.organisationId) throw new AppError("FORBIDDEN", "Du administrerar ingen organisation.");
  return actor.organisationId;
}

/** An organisation named in the input must be the admin's own (the first line; row-level security is the second). */
export function ownOrganisation(
  by: Pick<RunContext, "actor">,
  organisationId: string,
  field = "organisationId",
): string {
  if (organisationId !== adminOrganisation(by)) throw fieldError(field, "Organisationen finns inte; ladda om sidan.");
  return organisationId;
}

/** The acting admin's name, as the mails to a user about their account give it. */
export async function actorName(tx: Tx, { actor }: Pick<RunContext, "actor">): Promise<string> {
  return (await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } })).name;
}
