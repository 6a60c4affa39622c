// What an admin form shows after a submit: nothing yet, a confirmation, or the failure with the
// values typed (React resets a form after its action, and without JavaScript the page is new).
import type { ActionFailure } from "@/server/action";

export type AdminFormState =
  | { status: "idle"; attempt: number }
  | { status: "saved"; message: string; attempt: number }
  | { status: "failed"; failure: ActionFailure; values: Record<string, string>; attempt: number };

export const INITIAL_FORM_STATE: AdminFormState = { status: "idle", attempt: 0 };

/** The Swedish error texts for one field, joined, or undefined. */
export function fieldError(state: AdminFormState, name: string): string | undefined {
  if (state.status !== "failed" || state.failure.code !== "VALIDATION") return undefined;
  return state.failure.fieldErrors[name]?.join(" ");
}

/** The value to show in a field: what was typed before a failed submit, else the stored value. */
export function valueOf(state: AdminFormState, name: string, fallback = ""): string {
  return state.status === "failed" ? (state.values[name] ?? fallback) : fallback;
}
