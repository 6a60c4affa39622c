"use client";

// A new ärende: its rubrik and Dnr; on a meeting's ärendelista (last) or in the body's pool. With
// `extraReturnTo`, an extra ärende added at the meeting (not in the kallelse; its § says so), after
// which the secretary is back on that page.
import { useActionState } from "react";
import { createItemFormAction } from "../agenda.actions";
import { INITIAL_AGENDA_FORM_STATE } from "../agenda.form-state";
import { SubmitButton } from "@/ui/submit-button";
import { FailureAlert, TextField } from "./form-parts";

export function CreateItemForm({
  bodyId,
  meetingId,
  extraReturnTo,
}: {
  bodyId: string;
  meetingId: string | null;
  extraReturnTo?: string;
}) {
  const [state, action, pending] = useActionState(createItemFormAction, INITIAL_AGENDA_FORM_STATE);
  const prefix = extraReturnTo ? "extra" : "new";
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3">
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="meetingId" value={meetingId ?? ""} />
      {extraReturnTo && (
        <>
          <input type="hidden" name="isExtra" value="on" />
          <input type="hidden" name="returnTo" value={extraReturnTo} />
        </>
      )}
      <FailureAlert state={state} />
      <TextField state={state} name="title" id={`${prefix}-title`} label="Rubrik" required />
      <TextField
        state={state}
        name="caseNumber"
        id={`${prefix}-caseNumber`}
        label="Diarienummer (valfritt)"
        hint="T.ex. ITSAM 2026/12."
      />
      <SubmitButton pending={pending} pendingText="Skapar…">
        {extraReturnTo ? "Lägg till som extra ärende" : meetingId ? "Lägg till ärendet på listan" : "Skapa ärendet"}
      </SubmitButton>
    </form>
  );
}
