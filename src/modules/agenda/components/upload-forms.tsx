"use client";

// Uploading a handling (PDF or DOCX) and importing a tjänsteskrivelse (DOCX). A file over the
// limit is refused before it is sent (with JavaScript); the server checks size and content anyway.
import { useActionState, type ReactNode } from "react";
import { importFormAction, uploadDocumentFormAction } from "../agenda.actions";
import { INITIAL_AGENDA_FORM_STATE, valueOf, type AgendaFormState } from "../agenda.form-state";
import { secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { FailureAlert, FileField, TextField, useFileLimit } from "./form-parts";

interface FileLimit {
  maxBytes: number;
  tooLarge: string;
}

/** A form that sends a file to an agenda action: hidden fields, the refusal, the fields, the submit. */
function FileForm({
  formAction,
  hidden,
  maxBytes,
  tooLarge,
  pendingText,
  submitLabel,
  children,
}: FileLimit & {
  formAction: (prev: AgendaFormState, form: FormData) => Promise<AgendaFormState>;
  hidden: Record<string, string | number>;
  pendingText: string;
  submitLabel: string;
  children: (state: AgendaFormState, limit: ReturnType<typeof useFileLimit>) => ReactNode;
}) {
  const [state, action, pending] = useActionState(formAction, INITIAL_AGENDA_FORM_STATE);
  const limit = useFileLimit(state, maxBytes, tooLarge);
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3" onSubmit={limit.onSubmit}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FailureAlert state={state} />
      {children(state, limit)}
      <SubmitButton pending={pending} pendingText={pendingText} className={secondaryButton}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

export function UploadDocumentForm({ itemId, ...fileLimit }: FileLimit & { itemId: string }) {
  return (
    <FileForm
      formAction={uploadDocumentFormAction}
      hidden={{ itemId }}
      {...fileLimit}
      pendingText="Laddar upp…"
      submitLabel="Ladda upp handlingen"
    >
      {(state, limit) => (
        <>
          <TextField state={state} name="title" id="doc-title" label="Handlingens titel" required />
          <FileField
            id="doc-file"
            label="Fil (PDF eller Word, DOCX)"
            hint="Högst 20 MB."
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            limit={limit}
          />
          <div className="flex items-center gap-2">
            <input
              id="doc-confidential"
              name="isConfidential"
              type="checkbox"
              defaultChecked={valueOf(state, "isConfidential") === "on"}
            />
            <label htmlFor="doc-confidential">
              Sekretess (visas bara för organets ledamöter, ersättare och sekreterare)
            </label>
          </div>
        </>
      )}
    </FileForm>
  );
}

export function ImportForm({ itemId, version, ...fileLimit }: FileLimit & { itemId: string; version: number }) {
  return (
    <FileForm
      formAction={importFormAction}
      hidden={{ itemId, version }}
      {...fileLimit}
      pendingText="Läser dokumentet…"
      submitLabel="Hämta från tjänsteskrivelsen"
    >
      {(_state, limit) => (
        <FileField
          id="import-file"
          label="Tjänsteskrivelse (Word, DOCX)"
          hint="Sammanfattningen och förslaget till beslut (rubriken Förslag till beslut och dess att-satser) fylls i från dokumentet och ersätter det som står nu."
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          limit={limit}
        />
      )}
    </FileForm>
  );
}
