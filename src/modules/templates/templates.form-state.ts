// What a template form shows after a submit: the outcome with each field's errors, and what was
// typed (a form without JavaScript is a new page; nothing typed is lost).
import type { FormState } from "@/lib/form-state";

export interface TemplateFormState extends FormState {
  /** Someone else saved the template meanwhile: its version now, which the next save goes over. */
  currentVersion?: number;
  values?: Record<string, string>;
}

export const INITIAL_TEMPLATE_FORM_STATE: TemplateFormState = { ok: false, message: null, fieldErrors: {} };

/** The value typed before a refused submit, else the stored one. */
export function typed(state: TemplateFormState, name: string, stored: string): string {
  return state.values?.[name] ?? stored;
}

/** The errors of a field and of its parts ("decision" gives "decision.intro" too). */
export function errorsOf(state: TemplateFormState, name: string): string[] {
  return Object.entries(state.fieldErrors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}
