"use client";

import { useActionState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/domain/rules/password.rules";
import { changePasswordAction, type ChangePasswordState } from "@/modules/authentication/auth.actions";
import { primaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";

const FIELDS = [
  { name: "currentPassword", label: "Nuvarande lösenord", autoComplete: "current-password" },
  {
    name: "password",
    label: "Nytt lösenord",
    autoComplete: "new-password",
    hint: `Minst ${MIN_PASSWORD_LENGTH} tecken.`,
  },
  { name: "passwordConfirm", label: "Upprepa det nya lösenordet", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {
    failure: null,
    attempt: 0,
  });
  const errors = state.failure?.code === "VALIDATION" ? state.failure.fieldErrors : {};
  return (
    <form key={state.attempt} action={action} className="mt-6 max-w-sm space-y-4" noValidate>
      {state.failure && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.failure.message}
        </p>
      )}
      {FIELDS.map((f) => {
        const error = errors[f.name]?.join(" ");
        const hint = "hint" in f ? f.hint : undefined;
        const describedBy =
          [hint ? `${f.name}-tips` : "", error ? `${f.name}-fel` : ""].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="block font-medium">
              {f.label}
            </label>
            {hint && (
              <p id={`${f.name}-tips`} className="text-sm text-slate-700">
                {hint}
              </p>
            )}
            <input
              id={f.name}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
            />
            {error && (
              <p id={`${f.name}-fel`} className="mt-1 text-sm text-red-800">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <SubmitButton
        pending={pending}
        pendingText="Byter lösenord…"
        className={`${primaryButton} hover:bg-[var(--color-brand-dark)]`}
      >
        Byt lösenord
      </SubmitButton>
    </form>
  );
}
