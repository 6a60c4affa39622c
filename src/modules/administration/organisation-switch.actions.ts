"use server";

// A user of several organisations chooses which one they work in (issue 19.1). Only one of their
// own: the session checks the cookie against their memberships on every request anyway.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, ORGANISATION_COOKIE } from "@/server/session";

export async function switchOrganisationAction(form: FormData): Promise<void> {
  const slug = String(form.get("organisation") ?? "");
  const user = await getCurrentUser();
  if (!user) redirect("/logga-in");
  if (user.organisations.some((o) => o.slug === slug)) {
    (await cookies()).set(ORGANISATION_COOKIE, slug, { httpOnly: true, sameSite: "lax", path: "/" });
  }
  redirect("/");
}
