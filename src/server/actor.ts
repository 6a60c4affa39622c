// The actor of a user in one organisation (issue 19.1): the roles the permission table
// (src/server/authz.ts) reads. Used by the session (src/server/session.ts) and by the scripts and
// tests that act as a user without a request.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "./authz";

/**
 * `userId`'s actor in `organisationId`: admin when the organisation made them one, their roles in
 * its bodies, their person when it is one of its people. Null organisation: no roles at all.
 */
export async function loadActor(
  db: Pick<PrismaClient, "organisationUser" | "bodyRole" | "body" | "person" | "user">,
  userId: string,
  organisationId: string | null,
  /** The account's own fields, when the caller has just read them (the session does). */
  account?: { isAdmin: boolean; personId: string | null },
): Promise<Actor> {
  const { isAdmin: isPlatformAdmin, personId } =
    account ?? (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { isAdmin: true, personId: true } }));
  if (!organisationId) {
    return {
      userId,
      isAdmin: false,
      isPlatformAdmin,
      organisationId: null,
      organisationBodyIds: [],
      personId: null,
      bodyRoles: [],
    };
  }
  const [membership, bodyRoles, bodies] = await Promise.all([
    db.organisationUser.findUnique({ where: { userId_organisationId: { userId, organisationId } } }),
    db.bodyRole.findMany({ where: { userId, body: { organisationId } } }),
    db.body.findMany({ where: { organisationId }, select: { id: true } }),
  ]);
  const person =
    membership && personId
      ? await db.person.findFirst({ where: { id: personId, organisationId }, select: { id: true } })
      : null;
  return {
    userId,
    isAdmin: membership?.isAdmin ?? false,
    isPlatformAdmin,
    organisationId: membership ? organisationId : null,
    organisationBodyIds: membership ? bodies.map((b) => b.id) : [],
    personId: person?.id ?? null,
    bodyRoles: membership ? bodyRoles.map((r) => ({ bodyId: r.bodyId, role: r.role })) : [],
  };
}

/** The actor of the user with `email` in the first organisation they belong to (scripts, tests). */
export async function loadActorByEmail(
  db: Pick<PrismaClient, "organisationUser" | "bodyRole" | "body" | "person" | "user">,
  email: string,
): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, organisations: { select: { organisationId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  return loadActor(db, user.id, user.organisations[0]?.organisationId ?? null);
}
