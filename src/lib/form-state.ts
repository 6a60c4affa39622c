/** What a form posting to a server action shows after an answer (the forms work without JavaScript). */
export interface FormState {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
}

export const INITIAL_FORM_STATE: FormState = { ok: false, message: null, fieldErrors: {} };

/** A text field of a posted form; "" when missing or a file. */
export function formField(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}
