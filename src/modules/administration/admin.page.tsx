// The gate of every admin page: the signed-in user (else the sign-in page, back to `path`), who
// must hold `permission`; anyone else gets 404, so the pages do not tell that they exist.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { authorizeGlobal, type GlobalPermission } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { findOrganisationSettings } from "./bodies.queries";
import { AdminPage } from "./components/admin-page";

export async function requireAdminPage(path: string, permission: GlobalPermission) {
  const user = await requireUser(path);
  // An organisation's admin (authorizeGlobal needs the organisation): its pages show it only.
  if (!authorizeGlobal(user, permission).ok || !user.organisationId) notFound();
  return { ...user, organisationId: user.organisationId };
}

/**
 * A page directly under Administration, for its page.tsx to export: `title` is the tab's title,
 * the breadcrumb's last step and the heading; the gate is requireAdminPage(path, permission); the
 * content is read and rendered only behind it.
 */
export function adminPage(
  { path, title, permission }: { path: string; title: string; permission: GlobalPermission },
  content: (organisationId: string) => Promise<ReactNode>,
): { metadata: Metadata; Page: () => Promise<ReactNode> } {
  return {
    metadata: { title },
    Page: async () => {
      const { organisationId } = await requireAdminPage(path, permission);
      return (
        <AdminPage here={title} title={title}>
          {await content(organisationId)}
        </AdminPage>
      );
    },
  };
}

/**
 * The gate of an admin page about one organisation's settings: the organisation named in the
 * query (the first one when none is named) and the others; 404 when there is no such organisation.
 */
export async function requireOrganisationPage(path: string, permission: GlobalPermission, wantedId?: string) {
  const { organisationId } = await requireAdminPage(path, permission);
  // The admin's own organisation only (another's id is "not found").
  if (wantedId && wantedId !== organisationId) notFound();
  const found = await findOrganisationSettings(getDb(), organisationId);
  if (!found) notFound();
  return found;
}
