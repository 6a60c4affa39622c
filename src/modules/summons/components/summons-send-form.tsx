"use client";

// "Skicka kallelse": a plain form posting to a server action (works without JavaScript).
import { useActionState } from "react";
import { FormResult } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { sendSummonsFormAction, type SummonsFormState } from "../summons.actions";

const initial: SummonsFormState = { ok: false, message: null, fieldErrors: {}, withoutEmail: [], failed: [] };

export function SummonsSendForm(props: {
  meetingId: string;
  slug: string;
  agendaVersion: number;
  sentBefore: boolean;
}) {
  const [state, action, pending] = useActionState(sendSummonsFormAction, initial);
  return (
    <form action={action} className="mt-3 rounded border border-slate-300 p-3" aria-describedby="kallelse-skicka-info">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="slug" value={props.slug} />
      <input type="hidden" name="agendaVersion" value={props.agendaVersion} />
      <p id="kallelse-skicka-info">
        {props.sentBefore
          ? "Kallelsen är redan skickad. Skickar du igen får ledamöter och ersättare en ny kallelse som ersätter den förra."
          : "Ledamöter och ersättare får ett e-postmeddelande med ärendelistan och länkar till kallelsen och handlingarna."}
      </p>
      <div className="mt-2">
        <SubmitButton pending={pending} pendingText="Skickar …">
          {props.sentBefore ? "Skicka ny kallelse" : "Skicka kallelse"}
        </SubmitButton>
      </div>
      <FormResult state={state} id="kallelse-skicka-resultat" />
      {state.ok && (state.withoutEmail.length > 0 || state.failed.length > 0) && (
        <div role="status" className="mt-2 rounded border border-amber-700 bg-amber-50 p-2">
          {state.withoutEmail.length > 0 && (
            <p>Saknar e-postadress och behöver kallas på annat sätt: {state.withoutEmail.join(", ")}.</p>
          )}
          {state.failed.length > 0 && <p>E-posten kunde inte skickas till: {state.failed.join(", ")}.</p>}
        </div>
      )}
    </form>
  );
}
