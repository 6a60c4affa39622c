"use client";

import { useActionState } from "react";
import { loginAction, type LoginState } from "@/modules/authentication/auth.actions";
import { primaryButton } from "@/ui/form-feedback";
import { LabelledField } from "@/ui/labelled-field";
import { SubmitButton } from "@/ui/submit-button";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {
    error: null,
    email: "",
    attempt: 0,
  });
  return (
    <form key={state.attempt} action={action} className="mt-6 max-w-sm space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <p id="login-fel" role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      )}
      <LabelledField id="email" label="E-postadress">
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-describedby={state.error ? "login-fel" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
        />
      </LabelledField>
      <LabelledField id="password" label="Lösenord">
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
        />
      </LabelledField>
      <SubmitButton
        pending={pending}
        pendingText="Loggar in…"
        className={`${primaryButton} hover:bg-[var(--color-brand-dark)]`}
      >
        Logga in
      </SubmitButton>
    </form>
  );
}
