"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { FieldError, FormResult, inputClass, secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { reportAbsenceFormAction, withdrawAbsenceFormAction } from "../members.actions";

/** "Jag kan inte delta" with an optional note (works without JavaScript). */
export function ReportAbsenceForm({ meetingId, label }: { meetingId: string; label: string }) {
  const [state, action, pending] = useActionState(reportAbsenceFormAction, INITIAL_FORM_STATE);
  const noteId = `forhinder-${meetingId}`;
  const hasError = (state.fieldErrors.note?.length ?? 0) > 0;
  return (
    <form action={action} className="mt-3 max-w-xl space-y-2" aria-label={`Anmäl förhinder, ${label}`}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <div>
        <label htmlFor={noteId} className="block font-medium">
          Meddelande till sekreteraren (frivilligt)
        </label>
        <textarea
          id={noteId}
          name="note"
          rows={2}
          maxLength={500}
          className={inputClass}
          aria-invalid={hasError ? true : undefined}
          aria-describedby={hasError ? `${noteId}-fel` : undefined}
        />
        <FieldError state={state} name="note" id={`${noteId}-fel`} />
      </div>
      <SubmitButton pending={pending} pendingText="Anmäler…">
        Jag kan inte delta
      </SubmitButton>
      <FormResult state={state} id={`${noteId}-svar`} />
    </form>
  );
}

/** Withdraw one's förhinder before the meeting. */
export function WithdrawAbsenceForm({ meetingId, label }: { meetingId: string; label: string }) {
  const [state, action, pending] = useActionState(withdrawAbsenceFormAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="mt-3" aria-label={`Återkalla förhinder, ${label}`}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <SubmitButton pending={pending} pendingText="Återkallar…" className={secondaryButton}>
        Återkalla förhindret, jag kan delta
      </SubmitButton>
      <FormResult state={state} id={`aterkalla-${meetingId}-svar`} />
    </form>
  );
}
