"use client";

// Pieces the agenda's forms share: the refusal shown above a form, and a file field that refuses a
// file over the limit before it is sent (with JavaScript; the server checks size and content anyway).
import { useState, type ChangeEvent, type FormEvent } from "react";
import { fieldErrors, type AgendaFormState } from "../agenda.form-state";
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
