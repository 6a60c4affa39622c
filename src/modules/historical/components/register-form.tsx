"use client";

import { startTransition, useState, type ComponentProps } from "react";
import { registerHistoricalFormAction } from "@/modules/historical/historical.actions";
import { MAX_SCAN_BYTES, SCAN_TOO_LARGE } from "@/modules/historical/historical.limits";
import { inputClass } from "@/ui/form-feedback";
import { HintedField } from "@/ui/hinted-field";
import { SubmitButton } from "@/ui/submit-button";
import { useHistoricalForm } from "./use-historical-form";

/** A field of the form: the shared HintedField, its control identified and named by `name`. */
function Field({ name, children, ...field }: Omit<ComponentProps<typeof HintedField>, "id"> & { name: string }) {
  return (
    <HintedField id={name} {...field}>
      {(aria) => children({ ...aria, name })}
    </HintedField>
  );
}

/**
 * Registers a protocol justerat on paper, with its scanned PDF. Works without JavaScript (a plain
 * form posting to the server action; the page comes back with what was typed). With JavaScript
 * the form is sent without being reset, so after a refusal even the chosen file is still there,
 * and a file over the limit is refused before it is sent.
 */
export function RegisterHistoricalForm({
  bodyId,
  bodySlug,
  bodyName,
}: {
  bodyId: string;
  bodySlug: string;
  bodyName: string;
}) {
  const { state, action, pending, errors, value } = useHistoricalForm(registerHistoricalFormAction);
  const [tooLarge, setTooLarge] = useState(false);
  const err = (name: string) => (name === "file" && tooLarge ? [SCAN_TOO_LARGE] : errors(name));
  const failed = state.status === "failed" || tooLarge;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
        const over = file !== undefined && file.size > MAX_SCAN_BYTES;
        setTooLarge(over);
        if (over) return;
        const data = new FormData(form);
        startTransition(() => action(data));
      }}
      className="mt-6 max-w-2xl space-y-5"
      noValidate
    >
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="bodySlug" value={bodySlug} />
      {failed && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold">
            {tooLarge ? SCAN_TOO_LARGE : state.status === "failed" ? state.failure.message : ""}
          </p>
          {state.status === "failed" && state.failure.code === "VALIDATION" && (
            <p className="mt-1 text-sm">Det du skrivit finns kvar. Rätta fälten som är markerade nedan.</p>
          )}
        </div>
      )}
      <Field name="meetingDate" label="Sammanträdets datum" errors={err("meetingDate")}>
        {(aria) => <input {...aria} type="date" required defaultValue={value("meetingDate")} className={inputClass} />}
      </Field>
      <Field
        name="title"
        label="Rubrik (frivillig)"
        hint={`Lämnas den tom blir rubriken "${bodyName}, sammanträde" och datumet.`}
        errors={err("title")}
      >
        {(aria) => <input {...aria} defaultValue={value("title")} maxLength={300} className={inputClass} />}
      </Field>
      <Field name="description" label="Beskrivning (frivillig)" errors={err("description")}>
        {(aria) => <textarea {...aria} rows={3} defaultValue={value("description")} className={inputClass} />}
      </Field>
      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Paragrafer</legend>
        <p id="range-hint" className="text-sm text-slate-700">
          Numren löper genom organets år. De får inte finnas i något annat protokoll samma år, i Paragraf eller
          inskannat. Lämna tomt om protokollet saknar numrering.
        </p>
        <div className="mt-2 grid grid-cols-2 gap-3">
          <Field name="firstNumber" label="Första §" errors={err("firstNumber")}>
            {(aria) => (
              <input {...aria} inputMode="numeric" defaultValue={value("firstNumber")} className={inputClass} />
            )}
          </Field>
          <Field name="lastNumber" label="Sista §" errors={err("lastNumber")}>
            {(aria) => (
              <input {...aria} inputMode="numeric" defaultValue={value("lastNumber")} className={inputClass} />
            )}
          </Field>
        </div>
        <div className="mt-3">
          <Field
            name="paragraphs"
            label="Paragrafernas rubriker (frivilligt, för sökningen)"
            hint='En paragraf per rad: nummer; rubrik; diarienummer (diarienumret kan utelämnas). T.ex. "12; Budget 2020; KS 2019/117".'
            errors={err("paragraphs")}
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={6}
                defaultValue={value("paragraphs")}
                className={`${inputClass} font-mono text-sm`}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Justering och anslag (datumen på papperet)</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="adjustedOn" label="Justerat" errors={err("adjustedOn")}>
            {(aria) => (
              <input {...aria} type="date" required defaultValue={value("adjustedOn")} className={inputClass} />
            )}
          </Field>
          <Field name="postedOn" label="Anslaget uppsatt" errors={err("postedOn")}>
            {(aria) => <input {...aria} type="date" required defaultValue={value("postedOn")} className={inputClass} />}
          </Field>
          <Field name="takeDownOn" label="Anslaget nedtaget (om känt)" errors={err("takeDownOn")}>
            {(aria) => <input {...aria} type="date" defaultValue={value("takeDownOn")} className={inputClass} />}
          </Field>
        </div>
      </fieldset>
      <Field
        name="file"
        label="Det inskannade protokollet (PDF)"
        hint={
          state.status === "failed"
            ? "Högst 20 MB. Kontrollera att filen fortfarande är vald innan du skickar igen."
            : "Högst 20 MB. Filen sparas och visas exakt som den är."
        }
        errors={err("file")}
      >
        {(aria) => <input {...aria} type="file" required accept="application/pdf,.pdf" className="mt-1 block" />}
      </Field>
      <div>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="isPublic"
            aria-describedby="isPublic-hint"
            defaultChecked={state.status === "failed" ? value("isPublic") === "on" : true}
          />
          <span className="font-medium">Offentligt: visa protokollet i det publika arkivet och sökningen</span>
        </label>
        <p id="isPublic-hint" className="text-sm text-slate-700">
          Bocka ur för ett protokoll som inte ska publiceras; det syns då bara här i arbetsytan.
        </p>
      </div>
      <p className="text-sm">
        Protokollet märks överallt som inskannat, justerat på papper och inte signerat i Paragraf. Det kan inte ändras
        efter registreringen.
      </p>
      <SubmitButton pending={pending} pendingText="Registrerar…">
        Registrera protokollet
      </SubmitButton>
    </form>
  );
}
