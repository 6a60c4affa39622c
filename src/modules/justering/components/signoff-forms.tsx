"use client";

// The sign-off forms: plain forms posting to server actions, so they work without JavaScript.
import { useActionState, type ReactNode } from "react";
import { INITIAL_FORM_STATE as initial, type FormState } from "@/lib/form-state";
import {
  FieldError,
  FormResult as Result,
  inputClass as input,
  primaryButton as primary,
  secondaryButton as secondary,
} from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import {
  correctionFormAction,
  returnFormAction,
  sendForAdjustmentFormAction,
  signFormAction,
  startEidFormAction,
} from "../signoff.actions";

interface Props {
  meetingId: string;
  slug: string;
}

export function SendForAdjustmentForm({ meetingId, slug }: Props) {
  const [state, action, pending] = useActionState(sendForAdjustmentFormAction, initial);
  return (
    <form action={action}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <SubmitButton pending={pending} pendingText="Skickar…">
        Skicka till justering
      </SubmitButton>
      <Result state={state} id="skicka-resultat" />
    </form>
  );
}

/** A sign-off form in its box: what it does, the meeting it acts on, its fields, the button and the answer. */
function SignoffForm({
  form: [state, action, pending],
  meetingId,
  slug,
  title,
  intro,
  submit,
  resultId,
  children,
}: Props & {
  form: [FormState, (payload: FormData) => void, boolean];
  title: string;
  intro: ReactNode;
  submit: { text: string; pendingText: string; className: string };
  resultId: string;
  children: ReactNode;
}) {
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">{title}</h3>
      <p className="mt-1 text-sm">{intro}</p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      {children}
      <SubmitButton pending={pending} pendingText={submit.pendingText} className={`${submit.className} mt-2`}>
        {submit.text}
      </SubmitButton>
      <Result state={state} id={resultId} />
    </form>
  );
}

/** A labelled input (a text area when it has `rows`) posting `name`, its error from the answer tied to it. */
function Field({
  state,
  id,
  name,
  label,
  errorId = `${id}-fel`,
  rows,
  ...rest
}: {
  state: FormState;
  id: string;
  name: string;
  label: string;
  errorId?: string;
  rows?: number;
  type?: string;
  autoComplete?: string;
  inputMode?: "numeric";
  required?: boolean;
}) {
  const control = {
    id,
    name,
    className: input,
    ...rest,
    ...(state.fieldErrors[name] ? { "aria-invalid": true, "aria-describedby": errorId } : {}),
  };
  return (
    <>
      <label htmlFor={id} className="mt-2 block font-medium">
        {label}
      </label>
      {rows ? <textarea rows={rows} {...control} /> : <input {...control} />}
      <FieldError state={state} name={name} id={errorId} />
    </>
  );
}

const password = { name: "password", label: "Ditt lösenord", type: "password", autoComplete: "current-password" };

/** The password's level, said wherever it is offered (issue 18: the fallback, clearly labelled). */
export const PASSWORD_LEVEL_NOTE = "Signering med lösenord – lägre säkerhetsnivå än e-legitimation.";

export function SignForm({ roles, eid, ...props }: Props & { roles: string; eid: boolean }) {
  const form = useActionState(signFormAction, initial);
  return (
    <SignoffForm
      {...props}
      form={form}
      title={eid ? `Signera som ${roles} med lösenord (reservväg)` : `Signera som ${roles}`}
      intro={
        <>
          Läs protokollet först. Du bekräftar med ditt lösenord att protokollet stämmer med det som beslutades.{" "}
          <strong>{PASSWORD_LEVEL_NOTE}</strong>
        </>
      }
      submit={{ text: "Signera protokollet", pendingText: "Signerar…", className: eid ? secondary : primary }}
      resultId="signera-resultat"
    >
      <Field state={form[0]} id="signera-losenord" {...password} required />
    </SignoffForm>
  );
}

/** "Signera med e-legitimation": a fresh legitimation at the provider for this signature. */
export function SignEidForm({ roles, provider, ...props }: Props & { roles: string; provider: string }) {
  const form = useActionState(startEidFormAction, initial);
  return (
    <SignoffForm
      {...props}
      form={form}
      title={`Signera som ${roles} med e-legitimation`}
      intro={
        <>
          Läs protokollet först. Du legitimerar dig med {provider} (tillitsnivå 3) och bekräftar att protokollet stämmer
          med det som beslutades. Underskriften gäller exakt det innehåll du ser nu.
        </>
      }
      submit={{ text: "Signera med e-legitimation", pendingText: "Skickar till e-legitimation…", className: primary }}
      resultId="signera-eid-resultat"
    >
      {null}
    </SignoffForm>
  );
}

export function ReturnForm(props: Props) {
  const form = useActionState(returnFormAction, initial);
  return (
    <SignoffForm
      {...props}
      form={form}
      title="Skicka tillbaka till sekreteraren"
      intro="Om något behöver rättas. Underskrifter som redan getts blir ogiltiga och protokollet blir ett utkast igen."
      submit={{ text: "Skicka tillbaka", pendingText: "Skickar…", className: secondary }}
      resultId="tillbaka-resultat"
    >
      <Field
        state={form[0]}
        id="tillbaka-kommentar"
        errorId="tillbaka-fel"
        name="comment"
        label="Vad behöver ändras?"
        rows={3}
        required
      />
    </SignoffForm>
  );
}

/**
 * A rättelse, signed like a signature: with e-legitimation when the organisation has a provider
 * (a fresh legitimation bound to this rättelse), the password beside it as the weaker fallback.
 */
export function CorrectionForm({ eid, ...props }: Props & { eid?: { name: string; only: boolean } }) {
  const [state, action, pending] = useActionState(correctionFormAction, initial);
  const withPassword = !eid?.only;
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Rättelse</h3>
      <p className="mt-1 text-sm">
        Ett justerat protokoll ändras aldrig. En rättelse läggs till sist, daterad och signerad; originaltexten finns
        kvar.
        {eid &&
          ` Du signerar rättelsen med ${eid.name} (tillitsnivå 3); underskriften gäller exakt den text du skriver.`}
      </p>
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <input type="hidden" name="slug" value={props.slug} />
      <Field
        state={state}
        id="rattelse-paragraf"
        name="paragraphNumber"
        label="Paragraf (lämna tomt för hela protokollet)"
        inputMode="numeric"
      />
      <Field state={state} id="rattelse-text" name="text" label="Rättelse" rows={3} required />
      {eid && (
        <button type="submit" name="via" value="e-legitimation" disabled={pending} className={`${primary} mt-2`}>
          {pending ? "Signerar…" : "Signera rättelsen med e-legitimation"}
        </button>
      )}
      {withPassword && (
        <>
          {eid && <p className="mt-3 text-sm font-semibold">{PASSWORD_LEVEL_NOTE}</p>}
          <Field state={state} id="rattelse-losenord" {...password} required={!eid} />
          <button type="submit" name="via" value="losenord" disabled={pending} className={`${secondary} mt-2`}>
            {pending ? "Signerar…" : eid ? "Signera rättelsen med lösenord" : "Signera och lägg till rättelse"}
          </button>
        </>
      )}
      <Result state={state} id="rattelse-resultat" />
    </form>
  );
}
