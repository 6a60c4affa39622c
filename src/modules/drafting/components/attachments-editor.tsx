"use client";

import { useRef, useState, useTransition } from "react";
import { FieldGroup, SmallButton } from "@/modules/drafting/editor/fields";
import type { AttachmentDTO } from "@/domain/protocol/protocol.types";
import { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "@/modules/drafting/attachment.limits";
import { deleteAttachmentAction, uploadAttachmentAction } from "@/modules/drafting/paragraph.actions";
import { SubmitButton } from "@/ui/submit-button";

/** Bilagor of a §: PDF upload, list with download links, removal. */
export function AttachmentsEditor(props: {
  paragraphId: string;
  number: number;
  meetingSlug: string;
  attachments: AttachmentDTO[];
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  const key = `p${props.number}-bilaga`;
  return (
    <FieldGroup title="Bilagor" id={key}>
      {props.attachments.length > 0 && (
        <ul className="mb-2 space-y-1">
          {props.attachments.map((a) => (
            <li key={a.id} className="flex items-center gap-2">
              <a href={`/moten/${props.meetingSlug}/bilagor/${a.id}`} className="text-[var(--color-brand)] underline">
                {a.label}
              </a>
              <SmallButton
                variant="danger"
                label={`Ta bort bilagan ${a.label}`}
                onClick={() =>
                  start(async () => {
                    const r = await deleteAttachmentAction({ attachmentId: a.id });
                    setError(r.ok ? null : r.message);
                    if (r.ok) props.onChanged();
                  })
                }
              >
                Ta bort
              </SmallButton>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={form}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          // Checked here too: a file over the limit is never sent (the server would refuse it
          // after the upload), and the form keeps what was typed.
          const file = data.get("file");
          if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES) {
            setError(ATTACHMENT_TOO_LARGE);
            return;
          }
          start(async () => {
            let r: Awaited<ReturnType<typeof uploadAttachmentAction>>;
            try {
              r = await uploadAttachmentAction(data);
            } catch {
              // The request itself failed (connection lost, or refused before the action ran).
              setError("Bilagan kunde inte laddas upp. Rubriken och filen finns kvar här; försök igen.");
              return;
            }
            if (r.ok) {
              setError(null);
              form.current?.reset();
              props.onChanged();
            } else
              setError(
                r.code === "VALIDATION" ? Object.values(r.fieldErrors).flat().join(" ") || r.message : r.message,
              );
          });
        }}
      >
        <input type="hidden" name="paragraphId" value={props.paragraphId} />
        <div>
          <label htmlFor={`${key}-rubrik`} className="block text-sm font-medium">
            Bilagans rubrik
          </label>
          <input
            id={`${key}-rubrik`}
            name="label"
            required
            className="mt-1 rounded border border-slate-500 px-2 py-1.5"
            placeholder="Bilaga 1 – …"
          />
        </div>
        <div>
          <label htmlFor={`${key}-fil`} className="block text-sm font-medium">
            PDF-fil
          </label>
          <input
            id={`${key}-fil`}
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            required
            className="mt-1 text-sm"
          />
        </div>
        <SubmitButton
          pending={pending}
          pendingText="Laddar upp…"
          className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm disabled:opacity-50"
        >
          Ladda upp bilaga
        </SubmitButton>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </FieldGroup>
  );
}
