"use client";

// A new ärende: its rubrik and Dnr; on a meeting's ärendelista (last) or in the body's pool.
import { useActionState } from "react";
import { createItemFormAction } from "../agenda.actions";
import { fieldErrors, INITIAL_AGENDA_FORM_STATE, valueOf } from "../agenda.form-state";
import { inputClass } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { HintedField } from "@/ui/hinted-field";
import { FailureAlert } from "./form-parts";

export function CreateItemForm({ bodyId, meetingId }: { bodyId: string; meetingId: string | null }) {
  const [state, action, pending] = useActionState(createItemFormAction, INITIAL_AGENDA_FORM_STATE);
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3">
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="meetingId" value={meetingId ?? ""} />
      <FailureAlert state={state} />
      <HintedField id="new-title" label="Rubrik" errors={fieldErrors(state, "title")}>
        {(aria) => (
          <input {...aria} name="title" required defaultValue={valueOf(state, "title")} className={inputClass} />
        )}
      </HintedField>
      <HintedField
        id="new-caseNumber"
        label="Diarienummer (valfritt)"
        hint="T.ex. ITSAM 2026/12."
        errors={fieldErrors(state, "caseNumber")}
      >
        {(aria) => (
          <input {...aria} name="caseNumber" defaultValue={valueOf(state, "caseNumber")} className={inputClass} />
        )}
      </HintedField>
      <SubmitButton pending={pending} pendingText="Skapar…">
        {meetingId ? "Lägg till ärendet på listan" : "Skapa ärendet"}
      </SubmitButton>
    </form>
  );
}
