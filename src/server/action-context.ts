import { headers } from "next/headers";
import { MUST_CHANGE_PASSWORD_MESSAGE } from "@/domain/rules/account.rules";
import type { ActionContext } from "./action";
import { clientAddress } from "./client-address";
import { getDb } from "./db";
import { getCurrentUser, getPasswordHolder } from "./session";

/**
 * The signed-in user, the database and the caller's address, for a server action. An account that
 * must choose its own password first has no user here (session.ts): every action refuses it, and
 * says why.
 */
export async function actionContext(): Promise<ActionContext> {
  const h = await headers();
  const actor = await getCurrentUser();
  const held = !actor && (await getPasswordHolder()) !== null;
  return {
    actor,
    db: getDb(),
    ip: clientAddress(h),
    ...(held ? { signedOutBecause: MUST_CHANGE_PASSWORD_MESSAGE } : {}),
  };
}

/**
 * The context of the one action such an account may take, changing its own password: the account
 * as a role-less actor (an ordinary user's actor otherwise; that action reads no roles).
 */
export async function ownAccountContext(): Promise<ActionContext> {
  const h = await headers();
  const actor = (await getCurrentUser()) ?? (await getPasswordHolder())?.actor ?? null;
  return { actor, db: getDb(), ip: clientAddress(h) };
}
