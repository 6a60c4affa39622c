"use client";

import { useActionState, type InputHTMLAttributes } from "react";
import type { ActionFailure } from "@/server/action";
import { createMeetingFormAction } from "@/modules/drafting/meeting.actions";
import { LabelledField } from "@/ui/labelled-field";
import { SubmitButton } from "@/ui/submit-button";

function Error({ failure, name }: { failure: ActionFailure | null; name: string }) {
  const text = failure?.code === "VALIDATION" ? failure.fieldErrors[name]?.join(" ") : undefined;
  return text ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-800">
      {text}
    </p>
  ) : null;
}

const input = "mt-1 w-full rounded border border-slate-500 px-2 py-1.5";

/** A labelled input posting `name`, with its hint and its error from the last answer tied to it. */
function Field({
  failure,
  name,
  label,
  hint,
  className = input,
  ...rest
}: { failure: ActionFailure | null; name: string; label: string; hint?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name"
>) {
  const invalid = failure?.code === "VALIDATION" && !!failure.fieldErrors[name];
  const describedBy = [hint ? `${name}-hint` : null, invalid ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <LabelledField id={name} label={label}>
      {hint && (
        <p id={`${name}-hint`} className="text-sm">
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        className={className}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
      />
      <Error failure={failure} name={name} />
    </LabelledField>
  );
}

/**
 * Works without JavaScript: a plain form posting to the server action. `openingTitles`: the
 * body's opening §§ (its opening templates), offered as the meeting's first §§ (checked).
 */
export function CreateMeetingForm({
  bodyId,
  defaultDate,
  openingTitles = [],
}: {
  bodyId: string;
  defaultDate: string;
  openingTitles?: readonly string[];
}) {
  const [failure, action, pending] = useActionState<ActionFailure | null, FormData>(createMeetingFormAction, null);
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4">
      <input type="hidden" name="bodyId" value={bodyId} />
      {failure && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-2">
          {failure.message}
        </p>
      )}
      <Field failure={failure} name="date" label="Datum" type="date" required defaultValue={defaultDate} />
      <div className="grid grid-cols-2 gap-3">
        <Field failure={failure} name="startTime" label="Starttid" placeholder="10:00" />
        <Field failure={failure} name="endTime" label="Sluttid" placeholder="12:00" />
      </div>
      <Field failure={failure} name="place" label="Plats" placeholder="Rum eller Zoom" />
      <Field
        failure={failure}
        name="firstParagraphNumber"
        label="Första paragrafnummer (valfritt)"
        hint="Lämna tomt så fortsätter numreringen från organets senaste paragraf i år. Ange ett nummer om årets tidigare sammanträden fördes på papper."
        inputMode="numeric"
        className={`${input} max-w-[10rem]`}
      />
      <fieldset>
        <legend className="font-medium">Närvarolista</legend>
        <div className="mt-1 space-y-1">
          <label className="flex items-center gap-2">
            <input type="radio" name="attendanceFrom" value="members" defaultChecked /> Organets ledamöter och ersättare
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="attendanceFrom" value="previous" /> Samma personer som förra sammanträdet
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="attendanceFrom" value="none" /> Tom lista
          </label>
        </div>
      </fieldset>
      {openingTitles.length > 0 && (
        <fieldset aria-describedby="withOpening-hint">
          <legend className="font-medium">Inledande paragrafer</legend>
          <p id="withOpening-hint" className="text-sm">
            {openingTitles.join(", ")}. De får paragrafernas första nummer.
          </p>
          <label className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="withOpening" defaultChecked /> Börja med organets inledande paragrafer
          </label>
        </fieldset>
      )}
      <SubmitButton pending={pending} pendingText="Skapar…">
        Skapa sammanträde
      </SubmitButton>
    </form>
  );
}
