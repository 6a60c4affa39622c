import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./authz";
import { auth, type SessionWithVersion } from "./auth";
import { getDb } from "./db";
import { findReadableMeeting, type MeetingAccess } from "./meeting-access";

export interface CurrentUser extends Actor {
  name: string;
  email: string;
}

/**
 * The signed-in user with fresh roles, once per request; null when signed out, and null when the
 * session was issued before the user's session version was raised (logout elsewhere, a new
 * password). next-auth's jwt callback refuses such a token too; this check does not rely on it.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({ where: { id }, include: { bodyRoles: true } });
  if (!user || (session as SessionWithVersion).sessionVersion !== user.sessionVersion) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    personId: user.personId,
    bodyRoles: user.bodyRoles.map((r) => ({ bodyId: r.bodyId, role: r.role })),
  };
});

/** The signed-in user, or a redirect to the login page that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * The signed-in user and a meeting they may read; the login page (coming back to `returnTo`) when
 * signed out, and 404 when the meeting does not exist or they may not read it (reveal nothing).
 */
export async function requireReadableMeeting(
  slug: string,
  returnTo: string,
): Promise<{ user: CurrentUser; access: MeetingAccess }> {
  const user = await requireUser(returnTo);
  const access = await findReadableMeeting(getDb(), user, slug);
  if (!access) notFound();
  return { user, access };
}
