// Reading an admin form and answering it (users, bodies, organisation, people): the confirmation,
// or the failure with what was typed, never a password (React resets a form after its action;
// without JavaScript the page is new). The admin pages are refreshed after a change.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/action";
import type { AdminFormState } from "./admin.form-state";

/** The named fields of a form: each text as typed ("" when missing), each checkbox ticked or not. */
export function readForm<T extends string, C extends string = never>(
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
function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !k.toLowerCase().includes("password")) out[k] = v;
  }
  return out;
}

export function formAnswer<T>(
  prev: AdminFormState,
  form: FormData,
  result: ActionResult<T>,
  message: string,
): AdminFormState {
  const attempt = prev.attempt + 1;
  if (!result.ok) return { status: "failed", failure: result, values: typedValues(form), attempt };
  revalidatePath("/admin", "layout");
  return { status: "saved", message, attempt };
}

/**
 * The answer to a form that creates something: the failure with what was typed, or (the pages
 * under `refresh` refreshed) the new thing's own page at `pageOf(created)`.
 */
export function answerOrOpen<T>(
  prev: AdminFormState,
  form: FormData,
  result: ActionResult<T>,
  refresh: string,
  pageOf: (created: T) => string,
): AdminFormState {
  if (!result.ok) return formAnswer(prev, form, result, "");
  revalidatePath(refresh, "layout");
  redirect(pageOf(result.data));
}
