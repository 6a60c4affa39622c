"use client";

// Uploading a handling (PDF or DOCX) and importing a tjänsteskrivelse (DOCX). A file over the
// limit is refused before it is sent (with JavaScript); the server checks size and content anyway.
import { useActionState } from "react";
import { importFormAction, uploadDocumentFormAction } from "../agenda.actions";
import { INITIAL_AGENDA_FORM_STATE, valueOf } from "../agenda.form-state";
import { secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { FailureAlert, FileField, TextField, useFileLimit } from "./form-parts";

export function UploadDocumentForm({
  itemId,
  maxBytes,
  tooLarge,
}: {
  itemId: string;
  maxBytes: number;
  tooLarge: string;
}) {
  const [state, action, pending] = useActionState(uploadDocumentFormAction, INITIAL_AGENDA_FORM_STATE);
  const limit = useFileLimit(state, maxBytes, tooLarge);
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3" onSubmit={limit.onSubmit}>
      <input type="hidden" name="itemId" value={itemId} />
      <FailureAlert state={state} />
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
      <SubmitButton pending={pending} pendingText="Laddar upp…" className={secondaryButton}>
        Ladda upp handlingen
      </SubmitButton>
    </form>
  );
}

export function ImportForm({
  itemId,
  version,
  maxBytes,
  tooLarge,
}: {
  itemId: string;
  version: number;
  maxBytes: number;
  tooLarge: string;
}) {
  const [state, action, pending] = useActionState(importFormAction, INITIAL_AGENDA_FORM_STATE);
  const limit = useFileLimit(state, maxBytes, tooLarge);
  return (
    <form action={action} className="mt-3 max-w-xl space-y-3" onSubmit={limit.onSubmit}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <FailureAlert state={state} />
      <FileField
        id="import-file"
        label="Tjänsteskrivelse (Word, DOCX)"
        hint="Sammanfattningen och förslaget till beslut (rubriken Förslag till beslut och dess att-satser) fylls i från dokumentet och ersätter det som står nu."
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        limit={limit}
      />
      <SubmitButton pending={pending} pendingText="Läser dokumentet…" className={secondaryButton}>
        Hämta från tjänsteskrivelsen
      </SubmitButton>
    </form>
  );
}
