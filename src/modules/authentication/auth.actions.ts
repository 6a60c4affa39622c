"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut, TooManyAttempts } from "@/server/auth";
import { endAllSessions } from "@/server/session-version";
import { getDb } from "@/server/db";
import { CHOOSE_PASSWORD_PATH, getCurrentUser, getPasswordHolder } from "@/server/session";
import type { ActionFailure } from "@/server/action";
import { ownAccountContext } from "@/server/action-context";
import { changeOwnPassword, sendPasswordCode } from "./account.mutations";
import { safeReturnPath } from "./return-path";

export interface LoginState {
  error: string | null;
  email: string;
  /** Counts answers, so the form can start afresh (empty password) after each one. */
  attempt: number;
}

export async function loginAction(prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const attempt = prev.attempt + 1;
  if (!email || !password) return { error: "Fyll i både e-postadress och lösenord.", email, attempt };
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (
      e instanceof TooManyAttempts ||
      (e instanceof AuthError && (e as { code?: string }).code === "too_many_attempts")
    ) {
      return { error: "För många misslyckade försök. Vänta en kvart och försök igen.", email, attempt };
    }
    if (e instanceof AuthError) {
      // The same message whether the account exists or not.
      return { error: "Fel e-postadress eller lösenord.", email, attempt };
    }
    throw e;
  }
  // A password someone else set: the account page first (every other page would send it there).
  const mustChange = await getDb().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { passwordMustChange: true },
  });
  redirect(mustChange?.passwordMustChange ? CHOOSE_PASSWORD_PATH : safeReturnPath(form.get("next")));
}

/** Signs out everywhere: every session of this user, in every browser, ends now. */
export async function logoutAction(): Promise<void> {
  const user = (await getCurrentUser()) ?? (await getPasswordHolder())?.actor;
  if (user) await endAllSessions(getDb(), user.userId);
  await signOut({ redirectTo: "/" });
}

/** Sign in through the organisation's OpenID Connect provider (when configured). */
export async function oidcLoginAction(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeReturnPath(form.get("next")) });
}

export interface ChangePasswordState {
  failure: ActionFailure | null;
  attempt: number;
}

/** The user's own new password; every session ends, so the next page is the login. */
export async function changePasswordAction(prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const text = (name: string) => String(form.get(name) ?? "");
  const result = await changeOwnPassword(await ownAccountContext(), {
    currentPassword: text("currentPassword"),
    password: text("password"),
    passwordConfirm: text("passwordConfirm"),
    ...(form.has("emailCode") ? { emailCode: text("emailCode") } : {}),
  });
  if (!result.ok) return { failure: result, attempt: prev.attempt + 1 };
  await signOut({ redirectTo: "/logga-in?losenord=bytt" });
  return { failure: null, attempt: prev.attempt + 1 };
}

export interface SendCodeState {
  failure: ActionFailure | null;
  /** The address the last code went to (the account's own). */
  sentTo: string | null;
}

/** A one-time code to the account's own address, for choosing a password someone else set. */
export async function sendPasswordCodeAction(): Promise<SendCodeState> {
  const result = await sendPasswordCode(await ownAccountContext(), {});
  return result.ok ? { failure: null, sentTo: result.data.sentTo } : { failure: result, sentTo: null };
}
