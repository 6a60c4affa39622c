"use client";

// Pieces the agenda's forms share: the refusal shown above a form, and a file field that refuses a
// file over the limit before it is sent (with JavaScript; the server checks size and content anyway).
import { useState, type ChangeEvent, type FormEvent } from "react";
import { fieldErrors, valueOf, type AgendaFormState } from "../agenda.form-state";
import { inputClass } from "@/ui/form-feedback";
import { HintedField } from "@/ui/hinted-field";

/** The action's Swedish refusal, if the last submit failed. */
export function FailureAlert({ state, className = "" }: { state: AgendaFormState; className?: string }) {
  if (state.status !== "failed") return null;
  return (
    <p role="alert" className={`rounded border border-red-700 bg-red-50 p-2 ${className}`}>
      {state.failure.message}
    </p>
  );
}

/** The chosen file's size against the limit: the field's errors, and a submit that waits for a smaller file. */
export function useFileLimit(state: AgendaFormState, maxBytes: number, tooLarge: string) {
  const [overLimit, setOverLimit] = useState(false);
  return {
    errors: overLimit ? [tooLarge] : fieldErrors(state, "file"),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setOverLimit((e.currentTarget.files?.[0]?.size ?? 0) > maxBytes),
    onSubmit: (e: FormEvent) => {
      if (overLimit) e.preventDefault();
    },
  };
}

export function FileField({
  id,
  label,
  hint,
  accept,
  limit,
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  limit: ReturnType<typeof useFileLimit>;
}) {
  return (
    <HintedField id={id} label={label} hint={hint} errors={limit.errors}>
      {(aria) => (
        <input
          {...aria}
          name="file"
          type="file"
          required
          accept={accept}
          onChange={limit.onChange}
          className="mt-1 block"
        />
      )}
    </HintedField>
  );
}

/**
 * A text field of an agenda form (a textarea when given rows): named as the action reads it, with
 * that name's errors, and after a refused submit the value typed (otherwise `initial`).
 */
export function TextField({
  state,
  name,
  id = name,
  label,
  hint,
  initial = "",
  required,
  rows,
}: {
  state: AgendaFormState;
  name: string;
  id?: string;
  label: string;
  hint?: string;
  initial?: string;
  required?: boolean;
  rows?: number;
}) {
  const defaultValue = valueOf(state, name, initial);
  return (
    <HintedField id={id} label={label} hint={hint} errors={fieldErrors(state, name)}>
      {(aria) =>
        rows ? (
          <textarea {...aria} name={name} rows={rows} defaultValue={defaultValue} className={inputClass} />
        ) : (
          <input {...aria} name={name} required={required} defaultValue={defaultValue} className={inputClass} />
        )
      }
    </HintedField>
  );
}
