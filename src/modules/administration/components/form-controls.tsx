"use client";

// Uncontrolled, labelled form controls for plain <form action> forms that work without
// JavaScript. Each error and hint is tied to its control (aria-describedby); ids are prefixed
// with the form's id so several forms can share a page.
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { SubmitButton as PendingButton } from "@/ui/submit-button";
import {
  fieldError,
  INITIAL_FORM_STATE,
  valueOf,
  type AdminFormState,
} from "@/modules/administration/admin.form-state";

const inputClass =
  "mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

interface Common {
  form: string;
  name: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** An admin form's state and action (for <form action>), with each field's error and value to show. */
export function useAdminForm(serverAction: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>) {
  const [state, action] = useActionState<AdminFormState, FormData>(serverAction, INITIAL_FORM_STATE);
  return {
    state,
    action,
    err: (name: string) => fieldError(state, name),
    value: (name: string, fallback?: string) => valueOf(state, name, fallback),
  };
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-[var(--color-muted)]">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

export function InputField({
  form,
  name,
  label,
  error,
  hint,
  className,
  type = "text",
  defaultValue,
  required,
  autoComplete,
}: Common & {
  type?: "text" | "email" | "password" | "date";
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
}) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={inputClass}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function SelectField({
  form,
  name,
  label,
  error,
  hint,
  className,
  defaultValue,
  required,
  children,
}: Common & { defaultValue?: string; required?: boolean; children: ReactNode }) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={inputClass}
      >
        {children}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxField({
  form,
  name,
  label,
  error,
  hint,
  className,
  defaultChecked,
  disabled,
}: Common & { defaultChecked?: boolean; disabled?: boolean }) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          className="h-4 w-4"
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** The form's overall answer: the failure (with errors not tied to a field) or the confirmation. */
export function FormStatus({ state }: { state: AdminFormState }) {
  if (state.status === "failed") {
    const general = state.failure.code === "VALIDATION" ? state.failure.fieldErrors["_"] : undefined;
    return (
      <div role="alert" className="rounded border border-red-700 bg-red-50 p-2 text-red-900">
        <p>{state.failure.message}</p>
        {general?.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
    );
  }
  if (state.status === "saved") {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 p-2 text-green-900">
        {state.message}
      </p>
    );
  }
  return null;
}

export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
}: {
  children: ReactNode;
  pendingText: string;
  variant?: "primary" | "danger";
}) {
  const { pending } = useFormStatus();
  const style =
    variant === "danger"
      ? "border border-red-700 bg-white px-2 py-1 text-sm text-red-800 hover:bg-red-50"
      : "bg-[var(--color-brand)] px-4 py-2 font-semibold text-white hover:bg-[var(--color-brand-dark)]";
  return (
    <PendingButton pending={pending} pendingText={pendingText} className={`rounded disabled:opacity-60 ${style}`}>
      {children}
    </PendingButton>
  );
}
