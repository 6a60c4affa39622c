// The gate of a workspace page that shows one thing (a meeting's ärendelista, an ärende, a body's
// pool): the signed-in user, else the login page that comes back to the page; then what the page
// reads for that user, or 404 when there is nothing they may see (the same answer whether it does
// not exist or is not theirs: the page reveals nothing). Who may see what is decided by the readers
// and the callers through the permission table (authz.ts), never here.
import { notFound } from "next/navigation";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Decision } from "./authz";
import { getDb } from "./db";
import { requireUser, type CurrentUser } from "./session";

/**
 * What `find` reads for the signed-in user under `key` (a slug or an id); the login page (coming
 * back to `returnTo`) when signed out, 404 when it finds nothing.
 */
export async function requireFound<K, T>(
  returnTo: string,
  find: (db: PrismaClient, user: CurrentUser, key: K) => Promise<T | null>,
  key: K,
): Promise<T> {
  const user = await requireUser(returnTo);
  const found = await find(getDb(), user, key);
  if (!found) notFound();
  return found;
}

/**
 * The signed-in user and the body (organ) with that slug, when `decide` (a question to the
 * permission table) allows them this page of it; the login page when signed out, else 404.
 */
export async function requireBodyPage(
  bodySlug: string,
  returnTo: string,
  decide: (user: CurrentUser, bodyId: string) => Decision,
) {
  const user = await requireUser(returnTo);
  const body = await getDb().body.findFirst({ where: { slug: bodySlug } });
  if (!body || !decide(user, body.id).ok) notFound();
  return { user, body };
}
