// The gate of every admin page: the signed-in user (else the sign-in page, back to `path`), who
// must hold `permission`; anyone else gets 404, so the pages do not tell that they exist.
import { notFound } from "next/navigation";
import { authorizeGlobal, type GlobalPermission } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { findOrganisationSettings } from "./bodies.queries";

export async function requireAdminPage(path: string, permission: GlobalPermission) {
  const user = await requireUser(path);
  if (!authorizeGlobal(user, permission).ok) notFound();
  return user;
}

/**
 * The gate of an admin page about one organisation's settings: the organisation named in the
 * query (the first one when none is named) and the others; 404 when there is no such organisation.
 */
export async function requireOrganisationPage(path: string, permission: GlobalPermission, wantedId?: string) {
  await requireAdminPage(path, permission);
  const found = await findOrganisationSettings(getDb(), wantedId);
  if (!found) notFound();
  return found;
}
