"use client";

import { useActionState, type InputHTMLAttributes } from "react";
import { loginAction, type LoginState } from "@/modules/authentication/auth.actions";
import { primaryButton } from "@/ui/form-feedback";
import { LabelledField } from "@/ui/labelled-field";
import { SubmitButton } from "@/ui/submit-button";

/** A required field of the sign-in form under its label; its name is its id. */
function LoginField({ id, label, ...input }: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <LabelledField id={id} label={label}>
      <input id={id} name={id} required {...input} className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
    </LabelledField>
  );
}

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
      <LoginField
        id="email"
        label="E-postadress"
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        aria-describedby={state.error ? "login-fel" : undefined}
      />
      <LoginField id="password" label="Lösenord" type="password" autoComplete="current-password" />
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
