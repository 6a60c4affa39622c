import { headers } from "next/headers";
import type { ActionContext } from "./action";
import { getDb } from "./db";
import { getCurrentUser } from "./session";

/** The signed-in user, the database and the caller's address, for a server action. */
export async function actionContext(): Promise<ActionContext> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  return { actor: await getCurrentUser(), db: getDb(), ip };
}
