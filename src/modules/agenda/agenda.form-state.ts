// What an agenda form shows after a submit: nothing yet, a success line, or the failure with the
// values typed (a form without JavaScript is a new page; nothing typed is lost).
import type { ActionFailure } from "@/server/action";

export type AgendaFormState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "failed"; failure: ActionFailure; values: Record<string, string> };

export const INITIAL_AGENDA_FORM_STATE: AgendaFormState = { status: "idle" };

export function fieldErrors(state: AgendaFormState, name: string): string[] {
  if (state.status !== "failed" || state.failure.code !== "VALIDATION") return [];
  return Object.entries(state.failure.fieldErrors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, messages]) => messages);
}

export function valueOf(state: AgendaFormState, name: string, fallback = ""): string {
  return state.status === "failed" ? (state.values[name] ?? fallback) : fallback;
}
