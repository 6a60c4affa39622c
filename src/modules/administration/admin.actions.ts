"use server";

// Form actions for the admin pages (they work without JavaScript): read the form, call the
// mutation with the session user, and answer with a confirmation or the failure.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/action";
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import * as mutations from "./admin.mutations";

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const checked = (form: FormData, name: string) => form.get(name) === "on";

/** Echo the typed values back on failure, never the passwords. */
function valuesOf(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !k.toLowerCase().includes("password")) out[k] = v;
  }
  return out;
}

function answer<T>(prev: AdminFormState, form: FormData, result: ActionResult<T>, message: string): AdminFormState {
  const attempt = prev.attempt + 1;
  if (!result.ok) return { status: "failed", failure: result, values: valuesOf(form), attempt };
  revalidatePath("/admin", "layout");
  return { status: "saved", message, attempt };
}

export async function createUserFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.createUser(await actionContext(), {
    email: text(form, "email"),
    name: text(form, "name"),
    personLink: text(form, "personLink"),
    organisationId: text(form, "organisationId"),
    password: text(form, "password"),
    passwordConfirm: text(form, "passwordConfirm"),
    isAdmin: checked(form, "isAdmin"),
  });
  if (!result.ok) return answer(prev, form, result, "");
  revalidatePath("/admin", "layout");
  redirect(`/admin/anvandare/${result.data.id}?skapad=1`);
}

export async function updateUserFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateUser(await actionContext(), {
    userId: text(form, "userId"),
    email: text(form, "email"),
    name: text(form, "name"),
    isAdmin: checked(form, "isAdmin"),
  });
  return answer(prev, form, result, "Ändringarna är sparade.");
}

export async function setPasswordFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.setUserPassword(await actionContext(), {
    userId: text(form, "userId"),
    password: text(form, "password"),
    passwordConfirm: text(form, "passwordConfirm"),
  });
  return answer(prev, form, result, "Det nya lösenordet är sparat. Lämna det till användaren på ett säkert sätt.");
}

export async function grantBodyRoleFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.grantBodyRole(await actionContext(), {
    userId: text(form, "userId"),
    bodyId: text(form, "bodyId"),
    role: text(form, "role"),
  });
  return answer(prev, form, result, "Rollen är tillagd.");
}

export async function revokeBodyRoleFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.revokeBodyRole(await actionContext(), {
    userId: text(form, "userId"),
    bodyId: text(form, "bodyId"),
    role: text(form, "role"),
  });
  return answer(prev, form, result, "Rollen är borttagen.");
}

export async function addMembershipFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.addMembership(await actionContext(), {
    bodyId: text(form, "bodyId"),
    personId: text(form, "personId"),
    newPersonName: text(form, "newPersonName"),
    role: text(form, "role"),
    position: text(form, "position"),
    represents: text(form, "represents"),
    termStart: text(form, "termStart"),
    termEnd: text(form, "termEnd"),
    hasVotingRight: checked(form, "hasVotingRight"),
  });
  return answer(prev, form, result, "Uppdraget är tillagt.");
}

export async function removeMembershipFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.removeMembership(await actionContext(), { membershipId: text(form, "membershipId") });
  return answer(prev, form, result, "Uppdraget är borttaget.");
}
