// The gate of every admin page: the signed-in user (else the sign-in page, back to `path`), who
// must hold `permission`; anyone else gets 404, so the pages do not tell that they exist.
import { notFound } from "next/navigation";
import { authorizeGlobal, type GlobalPermission } from "@/server/authz";
import { requireUser } from "@/server/session";

export async function requireAdminPage(path: string, permission: GlobalPermission) {
  const user = await requireUser(path);
  if (!authorizeGlobal(user, permission).ok) notFound();
  return user;
}
