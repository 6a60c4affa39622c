// What the registration form shows after a submit: nothing yet, or the failure with the values
// typed (a form without JavaScript is a new page; with JavaScript the form is not reset).
import type { ActionFailure } from "@/server/action";

export type HistoricalFormState =
  { status: "idle" } | { status: "failed"; failure: ActionFailure; values: Record<string, string> };

export const INITIAL_HISTORICAL_FORM_STATE: HistoricalFormState = { status: "idle" };

export function fieldError(state: HistoricalFormState, name: string): string[] {
  if (state.status !== "failed" || state.failure.code !== "VALIDATION") return [];
  return state.failure.fieldErrors[name] ?? [];
}

export function valueOf(state: HistoricalFormState, name: string, fallback = ""): string {
  return state.status === "failed" ? (state.values[name] ?? fallback) : fallback;
}
