"use client";

// The sign-off forms: plain forms posting to server actions, so they work without JavaScript.
import { useActionState } from "react";
import { correctionFormAction, noticeFormAction, returnFormAction, sendForAdjustmentFormAction, signFormAction, type FormState, type NoticeFormState } from "@/modules/justering/signoff.actions";

const initial: FormState = { ok: false, message: null, fieldErrors: {} };
const input = "mt-1 w-full rounded border border-slate-500 px-2 py-1.5";
const primary = "rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white disabled:opacity-60";
const secondary = "rounded border border-slate-600 bg-white px-4 py-2 disabled:opacity-60";

function Result({ state, id }: { state: FormState; id: string }) {
  if (!state.message) return null;
  const lines = state.fieldErrors._ ?? [];
  return (
    <div id={id} role={state.ok ? "status" : "alert"} className={`mt-2 rounded border p-2 ${state.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}>
      <p>{state.message}</p>
      {lines.length > 0 && (
        <ul className="mt-1 list-disc pl-6">
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FieldError({ state, name, id }: { state: FormState; name: string; id: string }) {
  const text = state.fieldErrors[name]?.join(" ");
  return text ? <p id={id} className="mt-1 text-sm text-red-800">{text}</p> : null;
}

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
      <button type="submit" disabled={pending} className={primary}>{pending ? "Skickar…" : "Skicka till justering"}</button>
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
      <p className="mt-1 text-sm">Läs protokollet först. Du bekräftar med ditt lösenord att protokollet stämmer med det som beslutades.</p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="signera-losenord" className="mt-2 block font-medium">Ditt lösenord</label>
      <input id="signera-losenord" name="password" type="password" autoComplete="current-password" required className={input} {...err} />
      <FieldError state={state} name="password" id="signera-losenord-fel" />
      <button type="submit" disabled={pending} className={`${primary} mt-2`}>{pending ? "Signerar…" : "Signera protokollet"}</button>
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
      <p className="mt-1 text-sm">Om något behöver rättas. Underskrifter som redan getts blir ogiltiga och protokollet blir ett utkast igen.</p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="tillbaka-kommentar" className="mt-2 block font-medium">Vad behöver ändras?</label>
      <textarea id="tillbaka-kommentar" name="comment" rows={3} required className={input} {...err} />
      <FieldError state={state} name="comment" id="tillbaka-fel" />
      <button type="submit" disabled={pending} className={`${secondary} mt-2`}>{pending ? "Skickar…" : "Skicka tillbaka"}</button>
      <Result state={state} id="tillbaka-resultat" />
    </form>
  );
}

export function CorrectionForm({ meetingId, slug }: Props) {
  const [state, action, pending] = useActionState(correctionFormAction, initial);
  return (
    <form action={action} className="rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Rättelse</h3>
      <p className="mt-1 text-sm">Ett justerat protokoll ändras aldrig. En rättelse läggs till sist, daterad och signerad; originaltexten finns kvar.</p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="rattelse-paragraf" className="mt-2 block font-medium">Paragraf (lämna tomt för hela protokollet)</label>
      <input id="rattelse-paragraf" name="paragraphNumber" inputMode="numeric" className={input} />
      <FieldError state={state} name="paragraphNumber" id="rattelse-paragraf-fel" />
      <label htmlFor="rattelse-text" className="mt-2 block font-medium">Rättelse</label>
      <textarea id="rattelse-text" name="text" rows={3} required className={input} />
      <FieldError state={state} name="text" id="rattelse-text-fel" />
      <label htmlFor="rattelse-losenord" className="mt-2 block font-medium">Ditt lösenord</label>
      <input id="rattelse-losenord" name="password" type="password" autoComplete="current-password" required className={input} />
      <FieldError state={state} name="password" id="rattelse-losenord-fel" />
      <button type="submit" disabled={pending} className={`${secondary} mt-2`}>{pending ? "Signerar…" : "Signera och lägg till rättelse"}</button>
      <Result state={state} id="rattelse-resultat" />
    </form>
  );
}

const initialNotice: NoticeFormState = { ...initial, values: null, attempt: 0 };

export interface NoticeFormProps extends Props {
  postedOn: string;
  takeDownOn: string;
  /** The posting date is fixed once the notice has been up since an earlier day. */
  canMovePosting: boolean;
  earliestPosting: string;
  latestPosting: string;
  earliestTakeDown: string;
  /** The legal window in one sentence. */
  rules: string;
}

/** The notice dates after justering; the server decides (notice.rules.ts), the inputs only help. */
export function NoticeForm(props: NoticeFormProps) {
  const { meetingId, slug } = props;
  const [state, action, pending] = useActionState(noticeFormAction, initialNotice);
  const values = state.values ?? { postedOn: props.postedOn, takeDownOn: props.takeDownOn };
  const described = (name: string, errorId: string, ...more: string[]) => {
    const invalid = !!state.fieldErrors[name];
    return { "aria-invalid": invalid || undefined, "aria-describedby": [...more, invalid ? errorId : null].filter(Boolean).join(" ") };
  };
  return (
    // noValidate: the date pickers offer the allowed range, and the server's Swedish message explains a date outside it.
    <form key={state.attempt} action={action} noValidate className="mt-3 rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Ändra anslagets datum</h3>
      <p id="anslag-regler" className="mt-1 text-sm">{props.rules}</p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="anslag-uppsatt" className="block font-medium">Datum då anslaget sätts upp</label>
          <input
            id="anslag-uppsatt"
            name="postedOn"
            type="date"
            required
            readOnly={!props.canMovePosting}
            defaultValue={values.postedOn}
            min={props.earliestPosting}
            max={props.latestPosting}
            className={`${input} read-only:bg-slate-100`}
            {...described("postedOn", "anslag-uppsatt-fel", "anslag-regler")}
          />
          <FieldError state={state} name="postedOn" id="anslag-uppsatt-fel" />
        </div>
        <div>
          <label htmlFor="anslag-nedtaget" className="block font-medium">Datum då anslaget tas ned</label>
          <input
            id="anslag-nedtaget"
            name="takeDownOn"
            type="date"
            defaultValue={values.takeDownOn}
            min={props.earliestTakeDown}
            className={input}
            {...described("takeDownOn", "anslag-nedtaget-fel", "anslag-regler", "anslag-nedtaget-tips")}
          />
          <p id="anslag-nedtaget-tips" className="mt-1 text-sm">Lämna tomt för sista dagen att överklaga.</p>
          <FieldError state={state} name="takeDownOn" id="anslag-nedtaget-fel" />
        </div>
      </div>
      <button type="submit" disabled={pending} className={`${secondary} mt-2`}>{pending ? "Sparar…" : "Spara anslagets datum"}</button>
      <Result state={state} id="anslag-resultat" />
    </form>
  );
}
