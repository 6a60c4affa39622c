import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "./authz";
import { auth, type SessionWithVersion } from "./auth";
import { getDb } from "./db";
import { loadActor } from "./actor";
import { addLogContext } from "./log";
import { findReadableMeeting, type MeetingAccess } from "./meeting-access";
import { asPlatform, currentScope, NO_SCOPE, PLATFORM_SCOPE, enterOrganisation } from "./tenancy";

export interface UserOrganisation {
  id: string;
  slug: string;
  name: string;
  isAdmin: boolean;
}

export interface CurrentUser extends Actor {
  name: string;
  email: string;
  /** The platform's admin (User.isAdmin): creates organisations; no say in one by itself. */
  isPlatformAdmin: boolean;
  /** The organisation this request works in (null: the user belongs to none). */
  organisation: UserOrganisation | null;
  /** Every organisation the user belongs to, for the switcher. */
  organisations: UserOrganisation[];
  /** The session's version: a long-lived response (a live stream) ends once the user's is raised. */
  sessionVersion: number;
}

/** The organisation a user with several works in: its slug, chosen in the header. */
export const ORGANISATION_COOKIE = "paragraf-organisation";

/** A signed-in account whose password someone else set: it may only choose its own (account page). */
export interface PasswordHolder {
  /** Role-less: the account's own password is all it may act on. */
  actor: Actor;
  name: string;
  email: string;
}

type SignedIn = { user: CurrentUser; mustChangePassword: null } | { user: null; mustChangePassword: PasswordHolder };

/**
 * Whoever holds a current session, once per request: the user with fresh roles, or (the password
 * was set by an admin and not yet replaced, User.passwordMustChange) only the account, which enters
 * no organisation and gets no roles. Null when signed out, and when the session was issued before
 * the user's session version was raised (logout elsewhere, a new password). next-auth's jwt
 * callback refuses such a token too; this check does not rely on it.
 */
const readSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  // The account and its organisations are the platform's (no organisation is known yet).
  const user = await asPlatform(() =>
    getDb().user.findUnique({
      where: { id },
      include: {
        organisations: {
          select: { isAdmin: true, organisation: { select: { id: true, slug: true, name: true } } },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
  );
  if (!user || (session as SessionWithVersion).sessionVersion !== user.sessionVersion) return null;
  if (user.passwordMustChange) {
    const actor = await loadActor(getDb(), user.id, null, user);
    return { user: null, mustChangePassword: { actor, name: user.name, email: user.email } };
  }
  const organisations = user.organisations.map((m) => ({ ...m.organisation, isAdmin: m.isAdmin }));
  const chosen = (await cookies()).get(ORGANISATION_COOKIE)?.value;
  const candidate = organisations.find((o) => o.slug === chosen) ?? organisations[0] ?? null;
  // The request works in that organisation from here on; a request already bound to another one
  // (a public page of organisation A read by a user of B) keeps its own and gets no roles.
  const scope = currentScope();
  const organisation =
    candidate && (scope === NO_SCOPE || scope === PLATFORM_SCOPE || scope === candidate.id) ? candidate : null;
  if (organisation) enterOrganisation(organisation.id);
  // Every later log line of the request names the user and the organisation (ids only).
  addLogContext({ userId: user.id, ...(organisation ? { organisationId: organisation.id } : {}) });
  const actor = await loadActor(getDb(), user.id, organisation?.id ?? null, user);
  return {
    user: {
      ...actor,
      name: user.name,
      email: user.email,
      isPlatformAdmin: user.isAdmin,
      organisation,
      organisations,
      sessionVersion: user.sessionVersion,
    },
    mustChangePassword: null,
  };
});

/**
 * The signed-in user with fresh roles; null when signed out, and null while the account must choose
 * its own password (its password was set by someone else): the ONE place that holds such an account
 * back, so every page, action and route that asks for the user refuses it until the password is its
 * holder's. Only the account page and its password change read it, through getPasswordHolder.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => (await readSignedIn())?.user ?? null);

/** The signed-in account that must choose its own password first; null otherwise. */
export async function getPasswordHolder(): Promise<PasswordHolder | null> {
  return (await readSignedIn())?.mustChangePassword ?? null;
}

/** Where such an account is sent from every page: the account page, to choose its password. */
export const CHOOSE_PASSWORD_PATH = "/konto";

/**
 * The signed-in user, or a redirect to the login page that comes back to `returnTo` (to the account
 * page instead while the account must choose its own password).
 */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  if (await getPasswordHolder()) redirect(CHOOSE_PASSWORD_PATH);
  redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
}

/** The account page: the signed-in account, whether or not it must choose its password first. */
export async function requireAccountHolder(
  returnTo: string,
): Promise<PasswordHolder & { mustChangePassword: boolean }> {
  const signedIn = await readSignedIn();
  if (!signedIn) redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
  if (signedIn.user)
    return { actor: signedIn.user, name: signedIn.user.name, email: signedIn.user.email, mustChangePassword: false };
  return { ...signedIn.mustChangePassword, mustChangePassword: true };
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
