import { headers } from "next/headers";
import type { ActionContext } from "./action";
import { clientAddress } from "./client-address";
import { getDb } from "./db";
import { getCurrentUser } from "./session";

/** The signed-in user, the database and the caller's address, for a server action. */
export async function actionContext(): Promise<ActionContext> {
  const h = await headers();
  return { actor: await getCurrentUser(), db: getDb(), ip: clientAddress(h) };
}
