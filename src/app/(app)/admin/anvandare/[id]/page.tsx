import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BodyRoles, EditUserForm, SetPasswordForm, findUserDetail, listBodies } from "@/modules/administration";
import { authorizeGlobal } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Användare" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ skapad?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireUser(`/admin/anvandare/${id}`);
  if (!authorizeGlobal(actor, "admin.manageUsers").ok) notFound();
  const [user, bodies] = await Promise.all([findUserDetail(getDb(), id), listBodies(getDb())]);
  if (!user) notFound();
  const justCreated = (await searchParams).skapad === "1";
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        <Link href="/admin" className="text-[var(--color-brand)] underline underline-offset-2">
          Administration
        </Link>{" "}
        ›{" "}
        <Link href="/admin/anvandare" className="text-[var(--color-brand)] underline underline-offset-2">
          Användare
        </Link>{" "}
        › {user.name}
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">{user.name}</h1>
      {justCreated && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-2 text-green-900">
          Användaren är skapad. Ge den roller i organ nedan.
        </p>
      )}
      <p className="mt-2 text-[var(--color-muted)]">
        {user.person
          ? `Person i protokollen: ${user.person.name} (${user.person.organisationName}).`
          : "Inte kopplad till någon person i protokollen."}{" "}
        {user.hasPassword ? "" : "Kontot har inget lösenord och kan bara logga in med inloggningstjänst."}
      </p>

      <section aria-labelledby="rubrik-uppgifter" className="mt-8">
        <h2 id="rubrik-uppgifter" className="text-2xl font-semibold">
          Uppgifter
        </h2>
        <EditUserForm user={user} isSelf={user.id === actor.userId} />
      </section>

      <section aria-labelledby="rubrik-roller" className="mt-10">
        <h2 id="rubrik-roller" className="text-2xl font-semibold">
          Roller i organ
        </h2>
        <BodyRoles user={user} bodies={bodies} />
      </section>

      <section aria-labelledby="rubrik-losenord" className="mt-10">
        <h2 id="rubrik-losenord" className="text-2xl font-semibold">
          Nytt lösenord
        </h2>
        <SetPasswordForm userId={user.id} />
      </section>
    </>
  );
}
