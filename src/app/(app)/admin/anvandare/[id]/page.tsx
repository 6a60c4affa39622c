import type { Metadata } from "next";
import { notFound } from "next/navigation";
import {
  AdminPage,
  AdminSection,
  BodyRoles,
  EditUserForm,
  SetPasswordForm,
  findUserDetail,
  listBodies,
  requireAdminPage,
} from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Användare" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ skapad?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/anvandare/${id}`, "admin.manageUsers");
  const [user, bodies] = await Promise.all([
    findUserDetail(getDb(), id, actor.organisationId),
    listBodies(getDb(), actor.organisationId),
  ]);
  if (!user) notFound();
  return (
    <AdminPage
      trail={[{ href: "/admin/anvandare", label: "Användare" }]}
      here={user.name}
      title={user.name}
      notice={(await searchParams).skapad === "1" && "Användaren är skapad. Ge den roller i organ nedan."}
    >
      <p className="mt-2 text-[var(--color-muted)]">
        {user.person
          ? `Person i protokollen: ${user.person.name} (${user.person.organisationName}).`
          : "Inte kopplad till någon person i protokollen."}{" "}
        {user.hasPassword ? "" : "Kontot har inget lösenord och kan bara logga in med inloggningstjänst."}
      </p>
      <AdminSection id="rubrik-uppgifter" title="Uppgifter" className="mt-8">
        <EditUserForm user={user} isSelf={user.id === actor.userId} />
      </AdminSection>
      <AdminSection id="rubrik-roller" title="Roller i organ">
        <BodyRoles user={user} bodies={bodies} />
      </AdminSection>
      <AdminSection id="rubrik-losenord" title="Nytt lösenord">
        <SetPasswordForm userId={user.id} />
      </AdminSection>
    </AdminPage>
  );
}
