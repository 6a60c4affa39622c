"use client";

// A draft's own settings on the meeting page: where its § numbering starts, and what its notice
// will say about the förvaringsplats, the anslagstavla and who certifies it. Plain forms posting
// to server actions (they work without JavaScript).
import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { FieldError, FormResult, inputClass, secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { firstNumberFormAction, noticeSettingsFormAction, type SettingsFormState } from "../meeting-settings.actions";
import type { MeetingSettings } from "../meeting-settings.queries";

const initial: SettingsFormState = { ...INITIAL_FORM_STATE, values: null, attempt: 0 };

function describedBy(state: SettingsFormState, name: string, errorId: string, ...more: string[]) {
  const invalid = !!state.fieldErrors[name];
  return {
    "aria-invalid": invalid || undefined,
    "aria-describedby": [...more, invalid ? errorId : null].filter(Boolean).join(" ") || undefined,
  };
}

function FirstNumberForm({ settings }: { settings: MeetingSettings }) {
  const [state, action, pending] = useActionState(firstNumberFormAction, initial);
  const value = state.values?.firstNumber ?? settings.firstParagraphNumber?.toString() ?? "";
  const now =
    settings.currentFirst === null
      ? `Sammanträdet har inga paragrafer än; den första blir § ${settings.firstParagraphNumber ?? settings.continuesAt}.`
      : `Paragraferna börjar nu på § ${settings.currentFirst}.`;
  return (
    <form key={state.attempt} action={action} noValidate className="mt-3">
      <input type="hidden" name="meetingId" value={settings.meetingId} />
      <input type="hidden" name="slug" value={settings.slug} />
      <label htmlFor="forsta-paragraf" className="block font-medium">
        Första paragrafnummer
      </label>
      <p id="forsta-paragraf-tips" className="text-sm">
        {now} Numreringen fortsätter annars organets år (nästa lediga är § {settings.continuesAt}). Ange ett nummer när
        årets tidigare sammanträden fördes på papper; paragraferna numreras om från det. Lämna tomt för att fortsätta
        organets numrering.
      </p>
      <input
        id="forsta-paragraf"
        name="firstNumber"
        inputMode="numeric"
        defaultValue={value}
        className={`${inputClass} max-w-[10rem]`}
        {...describedBy(state, "firstNumber", "forsta-paragraf-fel", "forsta-paragraf-tips")}
      />
      <FieldError state={state} name="firstNumber" id="forsta-paragraf-fel" />
      <SubmitButton pending={pending} pendingText="Sparar…" className={`${secondaryButton} mt-2`}>
        Spara första paragrafnumret
      </SubmitButton>
      <FormResult state={state} id="forsta-paragraf-resultat" />
    </form>
  );
}

function NoticeSettingsForm({ settings }: { settings: MeetingSettings }) {
  const [state, action, pending] = useActionState(noticeSettingsFormAction, initial);
  const v = (name: "storagePlace" | "noticeBoard" | "certifier") => state.values?.[name] ?? settings.own[name] ?? "";
  const org = settings.organisation;
  const fields = [
    {
      name: "storagePlace" as const,
      id: "anslag-eget-forvaring",
      label: "Förvaringsplats för protokollet",
      fallback: org.storagePlace,
    },
    { name: "noticeBoard" as const, id: "anslag-eget-tavla", label: "Anslagstavla", fallback: org.noticeBoard },
    { name: "certifier" as const, id: "anslag-eget-intygar", label: "Anslaget intygas av", fallback: org.certifiedBy },
  ];
  return (
    <form key={state.attempt} action={action} noValidate className="mt-4">
      <input type="hidden" name="meetingId" value={settings.meetingId} />
      <input type="hidden" name="slug" value={settings.slug} />
      <p className="text-sm">
        Uppgifterna skrivs in i anslaget när protokollet justeras. Lämna ett fält tomt för organisationens uppgift.
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {fields.map((f) => (
          <div key={f.name}>
            <label htmlFor={f.id} className="block font-medium">
              {f.label}
            </label>
            <input
              id={f.id}
              name={f.name}
              type="text"
              defaultValue={v(f.name)}
              className={inputClass}
              {...describedBy(state, f.name, `${f.id}-fel`, `${f.id}-tips`)}
            />
            <p id={`${f.id}-tips`} className="mt-1 text-sm">
              Organisationens: {f.fallback || "inte angiven"}
            </p>
            <FieldError state={state} name={f.name} id={`${f.id}-fel`} />
          </div>
        ))}
      </div>
      <SubmitButton pending={pending} pendingText="Sparar…" className={`${secondaryButton} mt-2`}>
        Spara anslagets uppgifter
      </SubmitButton>
      <FormResult state={state} id="anslag-eget-resultat" />
    </form>
  );
}

export function MeetingSettingsSection({ settings }: { settings: MeetingSettings }) {
  return (
    <section aria-labelledby="numrering-anslag" className="no-print mb-8 rounded border border-slate-300 p-4">
      <h2 id="numrering-anslag" className="text-xl font-semibold">
        Numrering och anslag
      </h2>
      <FirstNumberForm settings={settings} />
      <NoticeSettingsForm settings={settings} />
    </section>
  );
}
