"use client";

// "Lägg till paragraf från mall": the body's templates in a list and a button; the § comes last in
// the meeting with the template's rubrik, decision and sections. A plain form (works without
// JavaScript); the editor opens at the new §.
import { useActionState } from "react";
import { FormResult } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { addFromTemplateFormAction } from "../templates.actions";
import { INITIAL_TEMPLATE_FORM_STATE } from "../templates.form-state";

export function TemplatePicker({
  meetingId,
  slug,
  templates,
}: {
  meetingId: string;
  slug: string;
  templates: readonly { id: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(addFromTemplateFormAction, INITIAL_TEMPLATE_FORM_STATE);
  if (templates.length === 0) return null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <div>
        <label htmlFor={`mall-${meetingId}`} className="block font-medium">
          Paragraf från mall
        </label>
        <select
          id={`mall-${meetingId}`}
          name="templateId"
          defaultValue={state.values?.templateId ?? templates[0]!.id}
          className="mt-1 rounded border border-slate-500 px-2 py-1.5"
        >
          {templates.map(({ id, title }) => (
            <option key={id} value={id} label={title} />
          ))}
        </select>
      </div>
      <SubmitButton pending={pending} pendingText="Lägger till…">
        Lägg till paragraf från mall
      </SubmitButton>
      <div className="w-full">
        <FormResult state={state} id={`mall-${meetingId}-result`} />
      </div>
    </form>
  );
}
