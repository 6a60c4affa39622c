"use server";

// The platform admin's form action (works without JavaScript).
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import { formAnswer as answer, readForm as read } from "./form-answer";
import { createOrganisation } from "./platform.mutations";

export async function createOrganisationFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await createOrganisation(
    await actionContext(),
    read(form, ["name", "slug", "kind", "caseNumberPrefix", "adminEmail", "adminName", "password", "passwordConfirm"]),
  );
  return answer(
    prev,
    form,
    result,
    result.ok ? `Organisationen är skapad. Dess anslagstavla: /${result.data.slug}/anslagstavla.` : "",
  );
}
