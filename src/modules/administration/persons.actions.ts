"use server";

// Form actions of the person administration (they work without JavaScript).
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import { formAnswer, readForm as read } from "./form-answer";
import * as mutations from "./persons.mutations";

export async function renamePersonFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.renamePerson(await actionContext(), read(form, ["personId", "name"]));
  return formAnswer(prev, form, result, "Namnet är ändrat. Justerade protokoll visar namnet som de signerades.");
}

export async function mergePersonsFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.mergePersons(await actionContext(), read(form, ["personId", "duplicateId"]));
  return formAnswer(prev, form, result, "Personerna är sammanslagna.");
}

export async function removePersonFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.removePerson(await actionContext(), read(form, ["personId"]));
  return formAnswer(prev, form, result, "Personen är borttagen.");
}

export async function setPersonIdentityFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.setPersonIdentity(await actionContext(), read(form, ["personId", "personnummer"]));
  return formAnswer(
    prev,
    form,
    result,
    result.ok && !result.data.registered
      ? "Personnumret är borttaget. Personen kan inte signera med e-legitimation."
      : "Personnumret är sparat. Personen kan signera med e-legitimation.",
  );
}
