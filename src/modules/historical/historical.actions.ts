"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { actionContext } from "@/server/action-context";
import { formField } from "@/lib/form-state";
import type { HistoricalFormState } from "./historical.form-state";
import * as mutations from "./historical.mutations";

const TEXT_FIELDS = [
  "meetingDate",
  "title",
  "description",
  "firstNumber",
  "lastNumber",
  "adjustedOn",
  "postedOn",
  "takeDownOn",
  "paragraphs",
] as const;

/**
 * Form action (works without JavaScript): register the protocol and open the body's list of
 * historical protocols; on failure the form gets back what was typed, with the errors.
 */
export async function registerHistoricalFormAction(
  _prev: HistoricalFormState,
  form: FormData,
): Promise<HistoricalFormState> {
  const values: Record<string, string> = {};
  for (const name of TEXT_FIELDS) values[name] = formField(form, name);
  values.isPublic = form.get("isPublic") === "on" ? "on" : "";
  const bodySlug = formField(form, "bodySlug");
  const result = await mutations.registerHistoricalProtocol(await actionContext(), {
    ...values,
    bodyId: formField(form, "bodyId"),
    isPublic: values.isPublic === "on",
    file: form.get("file"),
  });
  if (!result.ok) return { status: "failed", failure: result, values };
  // The archive's filters (bodies, years) and the public pages follow.
  updateTag("public");
  revalidatePath(`/organ/${bodySlug}/historiska`);
  redirect(`/organ/${encodeURIComponent(bodySlug)}/historiska?registrerat=${encodeURIComponent(result.data.slug)}`);
}

export async function deleteHistoricalFormAction(
  _prev: HistoricalFormState,
  form: FormData,
): Promise<HistoricalFormState> {
  const values = { reason: formField(form, "reason") };
  const bodySlug = formField(form, "bodySlug");
  const result = await mutations.deleteHistoricalProtocol(await actionContext(), {
    id: formField(form, "id"),
    reason: values.reason,
  });
  if (!result.ok) return { status: "failed", failure: result, values };
  updateTag("public");
  redirect(`/organ/${encodeURIComponent(bodySlug)}/historiska?borttaget=${encodeURIComponent(result.data.slug)}`);
}
