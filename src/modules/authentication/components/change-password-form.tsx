"use client";

import { useActionState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/domain/rules/password.policy";
import {
  changePasswordAction,
  sendPasswordCodeAction,
  type ChangePasswordState,
  type SendCodeState,
} from "@/modules/authentication/auth.actions";
import { primaryButton, secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";

const CODE_FIELD = {
  name: "emailCode",
  label: "Kod från e-posten",
  autoComplete: "one-time-code",
  hint: "Åtta siffror. Tryck på ”Skicka kod” ovan för att få den.",
  type: "text",
} as const;

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

/**
 * For an account whose password someone else set: a one-time code to the account's own address,
 * which the change-password form below then asks for.
 */
export function SendPasswordCodeForm() {
  const [state, action, pending] = useActionState<SendCodeState, FormData>(sendPasswordCodeAction, {
    failure: null,
    sentTo: null,
  });
  return (
    <form action={action} className="mt-4 max-w-prose space-y-2">
      {state.failure && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.failure.message}
        </p>
      )}
      {state.sentTo && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          En kod är skickad till {state.sentTo}. Den gäller i en halvtimme.
        </p>
      )}
      <SubmitButton pending={pending} pendingText="Skickar kod…" className={secondaryButton}>
        Skicka kod
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ withEmailCode = false }: { withEmailCode?: boolean }) {
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
      {(withEmailCode ? [CODE_FIELD, ...FIELDS] : FIELDS).map((f) => {
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
              type={"type" in f ? f.type : "password"}
              {...("type" in f ? { inputMode: "numeric" as const } : {})}
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
