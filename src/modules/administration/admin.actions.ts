"use server";

// Form actions for the admin pages (they work without JavaScript): read the form, call the
// mutation with the session user, and answer with a confirmation or the failure.
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import { answerOrOpen, formAnswer as answer, readForm as read } from "./form-answer";
import * as mutations from "./admin.mutations";

export async function createUserFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.createUser(
    await actionContext(),
    read(form, ["email", "name", "personLink", "organisationId", "password", "passwordConfirm"], ["isAdmin"]),
  );
  return answerOrOpen(prev, form, result, "/admin", (user) => `/admin/anvandare/${user.id}?skapad=1`);
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
  return answer(
    prev,
    form,
    result,
    "Det nya lösenordet är sparat. Lämna det till användaren på ett säkert sätt; användaren väljer ett eget vid nästa inloggning.",
  );
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
