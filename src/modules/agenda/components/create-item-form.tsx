"use client";

// A new ärende: its rubrik and Dnr; on a meeting's ärendelista (last) or in the body's pool.
import { useActionState } from "react";
import { createItemFormAction } from "../agenda.actions";
import { INITIAL_AGENDA_FORM_STATE } from "../agenda.form-state";
import { SubmitButton } from "@/ui/submit-button";
import { FailureAlert, TextField } from "./form-parts";

export function CreateItemForm({ bodyId, meetingId }: { bodyId: string; meetingId: string | null }) {
  const [state, action, pending] = useActionState(createItemFormAction, INITIAL_AGENDA_FORM_STATE);
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3">
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="meetingId" value={meetingId ?? ""} />
      <FailureAlert state={state} />
      <TextField state={state} name="title" id="new-title" label="Rubrik" required />
      <TextField
        state={state}
        name="caseNumber"
        id="new-caseNumber"
        label="Diarienummer (valfritt)"
        hint="T.ex. ITSAM 2026/12."
      />
      <SubmitButton pending={pending} pendingText="Skapar…">
        {meetingId ? "Lägg till ärendet på listan" : "Skapa ärendet"}
      </SubmitButton>
    </form>
  );
}
