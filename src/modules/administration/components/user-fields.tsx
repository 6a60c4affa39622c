"use client";

// The fields the user forms share: who the user is (create and edit) and a new password
// (create and the password form); the admin checkbox's words, once.
import type { ReactNode } from "react";
import { InputField } from "./form-controls";

export const ADMIN_LABEL = "Administratör (får hantera användare och organ)";

type FieldProps = (
  name: string,
  fallback?: string,
) => { form: string; name: string; error?: string; defaultValue: string };

/** Name and e-mail address; `stored` is the user's as saved (none for a new user). */
export function NameAndEmailFields({
  field,
  stored,
  emailHint,
}: {
  field: FieldProps;
  stored?: { name: string; email: string };
  emailHint?: ReactNode;
}) {
  return (
    <>
      <InputField {...field("name", stored?.name)} label="Namn" required autoComplete="off" />
      <InputField
        {...field("email", stored?.email)}
        label="E-postadress"
        type="email"
        required
        autoComplete="off"
        hint={emailHint}
      />
    </>
  );
}

/** A new password, typed twice; never filled in again after a failed submit. */
export function NewPasswordFields({
  form,
  err,
  labels,
  hint,
}: {
  form: string;
  err: (name: string) => string | undefined;
  labels: { password: string; passwordConfirm: string };
  hint: ReactNode;
}) {
  return (
    <>
      {(["password", "passwordConfirm"] as const).map((name) => (
        <InputField
          key={name}
          form={form}
          name={name}
          label={labels[name]}
          type="password"
          required
          autoComplete="new-password"
          error={err(name)}
          hint={name === "password" ? hint : undefined}
        />
      ))}
    </>
  );
}
