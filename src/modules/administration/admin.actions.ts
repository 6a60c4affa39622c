"use server";

// Form actions for the admin pages (they work without JavaScript): read the form, call the
// mutation with the session user, and answer with a confirmation or the failure.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/action";
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import * as mutations from "./admin.mutations";

/** The named fields of a form: each text as typed ("" when missing), each checkbox ticked or not. */
function read<T extends string, C extends string = never>(
  form: FormData,
  texts: readonly T[],
  checkboxes: readonly C[] = [],
): Record<T, string> & Record<C, boolean> {
  const out: Record<string, string | boolean> = {};
  for (const name of texts) {
    const v = form.get(name);
    out[name] = typeof v === "string" ? v : "";
  }
  for (const name of checkboxes) out[name] = form.get(name) === "on";
  return out as Record<T, string> & Record<C, boolean>;
}

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
  const result = await mutations.createUser(
    await actionContext(),
    read(form, ["email", "name", "personLink", "organisationId", "password", "passwordConfirm"], ["isAdmin"]),
  );
  if (!result.ok) return answer(prev, form, result, "");
  revalidatePath("/admin", "layout");
  redirect(`/admin/anvandare/${result.data.id}?skapad=1`);
}

export async function updateUserFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateUser(
    await actionContext(),
    read(form, ["userId", "email", "name"], ["isAdmin"]),
  );
  return answer(prev, form, result, "Ändringarna är sparade.");
}

export async function setPasswordFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.setUserPassword(
    await actionContext(),
    read(form, ["userId", "password", "passwordConfirm"]),
  );
  return answer(prev, form, result, "Det nya lösenordet är sparat. Lämna det till användaren på ett säkert sätt.");
}

export async function grantBodyRoleFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.grantBodyRole(await actionContext(), read(form, ["userId", "bodyId", "role"]));
  return answer(prev, form, result, "Rollen är tillagd.");
}

export async function revokeBodyRoleFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.revokeBodyRole(await actionContext(), read(form, ["userId", "bodyId", "role"]));
  return answer(prev, form, result, "Rollen är borttagen.");
}

export async function addMembershipFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.addMembership(
    await actionContext(),
    read(
      form,
      ["bodyId", "personId", "newPersonName", "role", "position", "represents", "termStart", "termEnd"],
      ["hasVotingRight"],
    ),
  );
  return answer(prev, form, result, "Uppdraget är tillagt.");
}

export async function removeMembershipFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.removeMembership(await actionContext(), read(form, ["membershipId"]));
  return answer(prev, form, result, "Uppdraget är borttaget.");
}
