"use client";

// Uncontrolled, labelled form controls for plain <form action> forms that work without
// JavaScript. Each error and hint is tied to its control (aria-describedby); ids are prefixed
// with the form's id so several forms can share a page.
import { useActionState, type FormEventHandler, type ReactNode } from "react";
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

/**
 * An admin form's state and action (for <form action>), with each field's error and value to
 * show; `field` and `box` hand a field of the form `formId` all of that at once.
 */
export function useAdminForm(
  serverAction: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>,
  formId = "",
) {
  const [state, action] = useActionState<AdminFormState, FormData>(serverAction, INITIAL_FORM_STATE);
  const err = (name: string) => fieldError(state, name);
  const value = (name: string, fallback?: string) => valueOf(state, name, fallback);
  return {
    state,
    action,
    err,
    value,
    /** Props of an input or select: the form, the name, its error and the value to show. */
    field: (name: string, fallback?: string) => ({
      form: formId,
      name,
      error: err(name),
      defaultValue: value(name, fallback),
    }),
    /** Props of a checkbox: ticked as sent when the submit failed, else as `fallback`. */
    box: (name: string, fallback: boolean) => ({
      form: formId,
      name,
      error: err(name),
      defaultChecked: state.status === "failed" ? state.values[name] === "on" : fallback,
    }),
  };
}

/** An admin form: its hidden fields, its overall answer, then its fields; new after each submit. */
export function AdminForm({
  id,
  state,
  action,
  hidden = {},
  className = "mt-4 max-w-xl space-y-4",
  onInput,
  children,
}: {
  id: string;
  state: AdminFormState;
  action: (form: FormData) => void;
  hidden?: Record<string, string>;
  className?: string;
  onInput?: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <form key={state.attempt} id={id} action={action} onInput={onInput} className={className} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormStatus state={state} />
      {children}
    </form>
  );
}

/** A control's id (prefixed with its form's), name, and the attributes tying it to its error and hint. */
function controlProps({ form, name, error, hint }: Common) {
  const id = `${form}-${name}`;
  return {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby":
      [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  };
}

const noteClass = { hint: "text-sm text-[var(--color-muted)]", error: "mt-1 text-sm text-red-800" };

/** A control's hint or error, with the id its aria-describedby names. */
function Note({ of, kind, text }: { of: string; kind: keyof typeof noteClass; text?: ReactNode }) {
  return text ? (
    <p id={`${of}-${kind}`} className={noteClass[kind]}>
      {text}
    </p>
  ) : null;
}

/** A control under its label and hint, above its error. */
function Labelled({ form, name, label, error, hint, className, children }: Common & { children: ReactNode }) {
  const id = `${form}-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <Note of={id} kind="hint" text={hint} />
      {children}
      <Note of={id} kind="error" text={error} />
    </div>
  );
}

export function InputField({
  type = "text",
  defaultValue,
  required,
  autoComplete,
  ...common
}: Common & {
  type?: "text" | "email" | "password" | "date";
  defaultValue?: string;
  required?: boolean;
  autoComplete?: string;
}) {
  return (
    <Labelled {...common}>
      <input
        {...controlProps(common)}
        type={type}
        defaultValue={defaultValue}
        required={required}
        autoComplete={autoComplete}
        className={inputClass}
      />
    </Labelled>
  );
}

export function TextAreaField({ defaultValue, rows, ...common }: Common & { defaultValue?: string; rows?: number }) {
  return (
    <Labelled {...common}>
      <textarea {...controlProps(common)} defaultValue={defaultValue} rows={rows} className={inputClass} />
    </Labelled>
  );
}

/** A select: its first options as `children`, then one option per item of `options`, if given. */
export function SelectField({
  defaultValue,
  required,
  options = [],
  children,
  ...common
}: Common & {
  defaultValue?: string;
  required?: boolean;
  options?: readonly { id: string; name: string }[];
  children?: ReactNode;
}) {
  return (
    <Labelled {...common}>
      <select {...controlProps(common)} defaultValue={defaultValue} required={required} className={inputClass}>
        {children}
        <NamedOptions items={options} />
      </select>
    </Labelled>
  );
}

export function CheckboxField({
  defaultChecked,
  disabled,
  ...common
}: Common & { defaultChecked?: boolean; disabled?: boolean }) {
  const control = controlProps(common);
  return (
    <div className={common.className}>
      <div className="flex items-center gap-2">
        <input {...control} type="checkbox" defaultChecked={defaultChecked} disabled={disabled} className="h-4 w-4" />
        <label htmlFor={control.id}>{common.label}</label>
      </div>
      <Note of={control.id} kind="hint" text={common.hint} />
      <Note of={control.id} kind="error" text={common.error} />
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

/** One option per item of a select: the item's id is sent, its name is shown. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((o) => (
    <option key={o.id} value={o.id}>
      {o.name}
    </option>
  ));
}

/** A select's options for a fixed list of values (an enum), each shown by its Swedish label. */
export function choices<V extends string>(values: readonly V[], label: (value: V) => string) {
  return values.map((id) => ({ id, name: label(id) }));
}
