// The state of a form about a historical protocol (register one, remove one): the action for
// <form action>, whether it is being sent, and after a refusal each field's errors and the value
// typed, to show again.
import { useActionState } from "react";
import {
  fieldError,
  INITIAL_HISTORICAL_FORM_STATE,
  valueOf,
  type HistoricalFormState,
} from "@/modules/historical/historical.form-state";

export function useHistoricalForm(
  serverAction: (prev: HistoricalFormState, form: FormData) => Promise<HistoricalFormState>,
) {
  const [state, action, pending] = useActionState<HistoricalFormState, FormData>(
    serverAction,
    INITIAL_HISTORICAL_FORM_STATE,
  );
  return {
    state,
    action,
    pending,
    errors: (name: string) => fieldError(state, name),
    value: (name: string, fallback = "") => valueOf(state, name, fallback),
  };
}
