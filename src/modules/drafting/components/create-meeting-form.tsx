"use client";

import { useActionState } from "react";
import type { ActionFailure } from "@/server/action";
import { createMeetingFormAction } from "@/modules/drafting/meeting.actions";
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

/** Works without JavaScript: a plain form posting to the server action. */
export function CreateMeetingForm({ bodyId, defaultDate }: { bodyId: string; defaultDate: string }) {
  const [failure, action, pending] = useActionState<ActionFailure | null, FormData>(createMeetingFormAction, null);
  const invalid = (name: string) =>
    failure?.code === "VALIDATION" && failure.fieldErrors[name]
      ? { "aria-invalid": true, "aria-describedby": `${name}-error` }
      : {};
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4">
      <input type="hidden" name="bodyId" value={bodyId} />
      {failure && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-2">
          {failure.message}
        </p>
      )}
      <div>
        <label htmlFor="date" className="block font-medium">
          Datum
        </label>
        <input
          id="date"
          name="date"
          type="date"
          required
          defaultValue={defaultDate}
          className={input}
          {...invalid("date")}
        />
        <Error failure={failure} name="date" />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor="startTime" className="block font-medium">
            Starttid
          </label>
          <input id="startTime" name="startTime" placeholder="10:00" className={input} {...invalid("startTime")} />
          <Error failure={failure} name="startTime" />
        </div>
        <div>
          <label htmlFor="endTime" className="block font-medium">
            Sluttid
          </label>
          <input id="endTime" name="endTime" placeholder="12:00" className={input} {...invalid("endTime")} />
          <Error failure={failure} name="endTime" />
        </div>
      </div>
      <div>
        <label htmlFor="place" className="block font-medium">
          Plats
        </label>
        <input id="place" name="place" placeholder="Rum eller Zoom" className={input} {...invalid("place")} />
        <Error failure={failure} name="place" />
      </div>
      <div>
        <label htmlFor="firstParagraphNumber" className="block font-medium">
          Första paragrafnummer (valfritt)
        </label>
        <p id="firstParagraphNumber-hint" className="text-sm">
          Lämna tomt så fortsätter numreringen från organets senaste paragraf i år. Ange ett nummer om årets tidigare
          sammanträden fördes på papper.
        </p>
        <input
          id="firstParagraphNumber"
          name="firstParagraphNumber"
          inputMode="numeric"
          className={`${input} max-w-[10rem]`}
          aria-describedby={
            failure?.code === "VALIDATION" && failure.fieldErrors.firstParagraphNumber
              ? "firstParagraphNumber-hint firstParagraphNumber-error"
              : "firstParagraphNumber-hint"
          }
          aria-invalid={failure?.code === "VALIDATION" && !!failure.fieldErrors.firstParagraphNumber ? true : undefined}
        />
        <Error failure={failure} name="firstParagraphNumber" />
      </div>
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
      <SubmitButton pending={pending} pendingText="Skapar…">
        Skapa sammanträde
      </SubmitButton>
    </form>
  );
}
