// The answer of an admin form action (bodies, organisation, people): the confirmation, or the
// failure with what was typed (React resets a form after its action; without JavaScript the page
// is new). The admin pages are refreshed after a change.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/server/action";
import type { AdminFormState } from "./admin.form-state";

export const formText = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
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
