"use client";

import { deleteHistoricalFormAction } from "@/modules/historical/historical.actions";
import { inputClass, secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { useHistoricalForm } from "./use-historical-form";

/** An admin removes a wrong registration, saying why (kept in the audit log). */
export function DeleteHistoricalForm({ id, bodySlug }: { id: string; bodySlug: string }) {
  const { state, action, pending, errors: errorsOf, value } = useHistoricalForm(deleteHistoricalFormAction);
  const errors = errorsOf("reason");
  return (
    <form action={action} className="mt-4 max-w-xl space-y-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="bodySlug" value={bodySlug} />
      {state.status === "failed" && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-2">
          {state.failure.message}
        </p>
      )}
      <div>
        <label htmlFor="reason" className="block font-medium">
          Varför tas registreringen bort?
        </label>
        <input
          id="reason"
          name="reason"
          defaultValue={value("reason")}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={errors.length > 0 ? "reason-error" : undefined}
          className={inputClass}
        />
        {errors.length > 0 && (
          <p id="reason-error" className="mt-1 text-sm text-red-800">
            {errors.join(" ")}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} pendingText="Tar bort…" className={secondaryButton}>
        Ta bort registreringen
      </SubmitButton>
    </form>
  );
}
