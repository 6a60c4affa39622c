"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { FormResult } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { prefillAttendanceFormAction } from "../members.actions";

/** "Förifyll närvaron": the absent ledamöter as frånvarande, the suggested ersättare serving. */
export function PrefillAttendanceForm({
  meetingId,
  slug,
  version,
}: {
  meetingId: string;
  slug: string;
  version: number;
}) {
  const [state, action, pending] = useActionState(prefillAttendanceFormAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} pendingText="Förifyller…">
        Förifyll närvaron
      </SubmitButton>
      <FormResult state={state} id="forifyll-svar" />
    </form>
  );
}
