"use client";

// The sign-off forms: plain forms posting to server actions, so they work without JavaScript.
import { useActionState } from "react";
import { INITIAL_FORM_STATE as initial } from "@/lib/form-state";
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

export function SignForm({ meetingId, slug, roles }: Props & { roles: string }) {
  const [state, action, pending] = useActionState(signFormAction, initial);
  const err = state.fieldErrors.password ? { "aria-invalid": true, "aria-describedby": "signera-losenord-fel" } : {};
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Signera som {roles}</h3>
      <p className="mt-1 text-sm">
        Läs protokollet först. Du bekräftar med ditt lösenord att protokollet stämmer med det som beslutades.
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="signera-losenord" className="mt-2 block font-medium">
        Ditt lösenord
      </label>
      <input
        id="signera-losenord"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        className={input}
        {...err}
      />
      <FieldError state={state} name="password" id="signera-losenord-fel" />
      <SubmitButton pending={pending} pendingText="Signerar…" className={`${primary} mt-2`}>
        Signera protokollet
      </SubmitButton>
      <Result state={state} id="signera-resultat" />
    </form>
  );
}

export function ReturnForm({ meetingId, slug }: Props) {
  const [state, action, pending] = useActionState(returnFormAction, initial);
  const err = state.fieldErrors.comment ? { "aria-invalid": true, "aria-describedby": "tillbaka-fel" } : {};
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Skicka tillbaka till sekreteraren</h3>
      <p className="mt-1 text-sm">
        Om något behöver rättas. Underskrifter som redan getts blir ogiltiga och protokollet blir ett utkast igen.
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="tillbaka-kommentar" className="mt-2 block font-medium">
        Vad behöver ändras?
      </label>
      <textarea id="tillbaka-kommentar" name="comment" rows={3} required className={input} {...err} />
      <FieldError state={state} name="comment" id="tillbaka-fel" />
      <SubmitButton pending={pending} pendingText="Skickar…" className={`${secondary} mt-2`}>
        Skicka tillbaka
      </SubmitButton>
      <Result state={state} id="tillbaka-resultat" />
    </form>
  );
}

export function CorrectionForm({ meetingId, slug }: Props) {
  const [state, action, pending] = useActionState(correctionFormAction, initial);
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Rättelse</h3>
      <p className="mt-1 text-sm">
        Ett justerat protokoll ändras aldrig. En rättelse läggs till sist, daterad och signerad; originaltexten finns
        kvar.
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="rattelse-paragraf" className="mt-2 block font-medium">
        Paragraf (lämna tomt för hela protokollet)
      </label>
      <input id="rattelse-paragraf" name="paragraphNumber" inputMode="numeric" className={input} />
      <FieldError state={state} name="paragraphNumber" id="rattelse-paragraf-fel" />
      <label htmlFor="rattelse-text" className="mt-2 block font-medium">
        Rättelse
      </label>
      <textarea id="rattelse-text" name="text" rows={3} required className={input} />
      <FieldError state={state} name="text" id="rattelse-text-fel" />
      <label htmlFor="rattelse-losenord" className="mt-2 block font-medium">
        Ditt lösenord
      </label>
      <input
        id="rattelse-losenord"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        className={input}
      />
      <FieldError state={state} name="password" id="rattelse-losenord-fel" />
      <SubmitButton pending={pending} pendingText="Signerar…" className={`${secondary} mt-2`}>
        Signera och lägg till rättelse
      </SubmitButton>
      <Result state={state} id="rattelse-resultat" />
    </form>
  );
}
