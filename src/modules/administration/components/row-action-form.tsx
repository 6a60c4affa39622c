"use client";

import type { ReactNode } from "react";
import type { AdminFormState } from "@/modules/administration/admin.form-state";
import { SubmitButton, useAdminForm } from "./form-controls";

/** A one-button form in a table row (revoke a role, remove a membership), with its own error. */
export function RowActionForm({
  action: serverAction,
  fields,
  children,
  pendingText,
}: {
  action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;
  fields: Record<string, string>;
  children: ReactNode;
  pendingText: string;
}) {
  const { state, action } = useAdminForm(serverAction);
  return (
    <form action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="danger" pendingText={pendingText}>
        {children}
      </SubmitButton>
      {state.status === "failed" && (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {state.failure.message}
        </p>
      )}
    </form>
  );
}
