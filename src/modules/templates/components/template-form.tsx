"use client";

// A § template: rubrik, whether it is one of the body's opening §§, the decision (intro and
// att-clauses, one per line) and its sections (rubrik and rich text). A plain form posting to a
// server action: without JavaScript each section's text is a textarea; with it, the § editor's
// rich-text field. A section with neither rubrik nor text is left out; one empty section is
// always offered to add.
import { createElement, useActionState, useState, useSyncExternalStore } from "react";
import type { RichDoc, SectionDTO } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { RichTextEditor } from "@/modules/drafting/client";
import { FormResult, inputClass } from "@/ui/form-feedback";
import { HintedField } from "@/ui/hinted-field";
import { SubmitButton } from "@/ui/submit-button";
import { saveTemplateFormAction } from "../templates.actions";
import { errorsOf, INITIAL_TEMPLATE_FORM_STATE, typed, type TemplateFormState } from "../templates.form-state";
import type { TemplateRow } from "../templates.queries";

const EMPTY: RichDoc = { type: "doc", content: [] };
const noop = () => () => {};

/** True once the page runs in a browser with JavaScript (false on the server and without it). */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

function parsedDoc(text: string | undefined): RichDoc | null {
  if (!text) return null;
  try {
    const doc = JSON.parse(text) as RichDoc;
    return doc && doc.type === "doc" && Array.isArray(doc.content) ? doc : null;
  } catch {
    return null;
  }
}

function SectionText({ n, section, state }: { n: number; section: SectionDTO | null; state: TemplateFormState }) {
  const hydrated = useHydrated();
  const name = `sections.${n}`;
  const stored = section?.content ?? EMPTY;
  const [doc, setDoc] = useState<RichDoc>(() => parsedDoc(state.values?.[`${name}.content`]) ?? stored);
  const errors = errorsOf(state, `${name}.content`);
  if (hydrated) {
    return (
      <div>
        <input type="hidden" name={`${name}.content`} value={JSON.stringify(doc)} />
        <RichTextEditor id={`tpl-${name}-content`} label={`Text i avsnitt ${n + 1}`} value={doc} onChange={setDoc} />
        {errors.length > 0 && <p className="mt-1 text-sm text-red-800">{errors.join(" ")}</p>}
      </div>
    );
  }
  return (
    <>
      {section && <input type="hidden" name={`${name}.original`} value={JSON.stringify(section.content)} />}
      <HintedField
        id={`tpl-${name}-text`}
        label={`Text i avsnitt ${n + 1}`}
        hint="En tom rad börjar ett nytt stycke. Med JavaScript påslaget kan texten formateras."
        errors={errors}
      >
        {(aria) => (
          <textarea
            {...aria}
            name={`${name}.text`}
            rows={4}
            defaultValue={typed(state, `${name}.text`, section ? toPlainText(section.content) : "")}
            className={inputClass}
          />
        )}
      </HintedField>
    </>
  );
}

function Text({
  state,
  name,
  errorKey = name,
  label,
  hint,
  stored,
  rows,
  required,
}: {
  state: TemplateFormState;
  name: string;
  /** Where the schema's errors for it are ("decision.intro"). */
  errorKey?: string;
  label: string;
  hint?: string;
  stored: string;
  rows?: number;
  required?: boolean;
}) {
  const id = `tpl-${name}`;
  const value = typed(state, name, stored);
  return (
    <HintedField id={id} label={label} hint={hint} errors={errorsOf(state, errorKey)}>
      {(aria) =>
        // A textarea when given rows, else one line.
        createElement(rows ? "textarea" : "input", {
          ...aria,
          name,
          rows,
          required,
          defaultValue: value,
          className: inputClass,
        })
      }
    </HintedField>
  );
}

/** Create (no `template`) or edit a template of the body. */
export function TemplateForm({
  bodyId,
  bodySlug,
  bodyName,
  template,
}: {
  bodyId: string;
  bodySlug: string;
  bodyName: string;
  template?: TemplateRow;
}) {
  const [state, action, pending] = useActionState(saveTemplateFormAction, INITIAL_TEMPLATE_FORM_STATE);
  const sections: (SectionDTO | null)[] = [...(template?.sections ?? []), null];
  const opening = state.values ? state.values.isOpening === "on" : (template?.isOpening ?? false);
  const formId = template ? `mall-form-${template.id}` : "ny-mall";
  return (
    <form action={action} className="mt-3 max-w-3xl space-y-4" aria-describedby={`${formId}-result`}>
      <input type="hidden" name="bodyId" value={bodyId} />
      <input type="hidden" name="bodySlug" value={bodySlug} />
      <input type="hidden" name="templateId" value={template?.id ?? ""} />
      <input type="hidden" name="version" value={state.currentVersion ?? template?.version ?? 1} />
      <input type="hidden" name="sectionCount" value={sections.length} />
      <FormResult state={state} id={`${formId}-result`} />
      <Text state={state} name="title" label="Paragrafens rubrik" stored={template?.title ?? ""} required />
      <div className="flex items-start gap-2">
        <input
          id={`${formId}-isOpening`}
          name="isOpening"
          type="checkbox"
          defaultChecked={opening}
          className="mt-1"
          aria-describedby={`${formId}-isOpening-hint`}
        />
        <div>
          <label htmlFor={`${formId}-isOpening`} className="font-medium">
            Inledande paragraf
          </label>
          <p id={`${formId}-isOpening-hint`} className="text-sm text-slate-700">
            Ett nytt sammanträde och ärendelistan som förs över till protokollet kan börja med organets inledande
            paragrafer, i listans ordning.
          </p>
        </div>
      </div>
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Beslut</legend>
        <Text
          state={state}
          name="decisionIntro"
          errorKey="decision.intro"
          label="Inledning"
          hint={`T.ex. ${bodyName} beslutar:`}
          stored={template?.decisionIntro ?? ""}
          rows={2}
        />
        <Text
          state={state}
          name="decisionClauses"
          errorKey="decision.clauses"
          label="Att-satser"
          hint="En att-sats per rad, t.ex. att utse Anna Berg att jämte ordföranden justera protokollet."
          stored={template?.decisionClauses.join("\n") ?? ""}
          rows={4}
        />
      </fieldset>
      {sections.map((section, n) => (
        <fieldset key={n} className="space-y-3 rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{section ? `Avsnitt ${n + 1}` : "Nytt avsnitt (valfritt)"}</legend>
          <Text
            state={state}
            name={`sections.${n}.heading`}
            label={`Rubrik för avsnitt ${n + 1}`}
            hint={
              section ? "Töm rubrik och text för att ta bort avsnittet." : "T.ex. Ärendet. Tom rubrik: löpande text."
            }
            stored={section?.heading ?? ""}
          />
          <SectionText n={n} section={section} state={state} />
        </fieldset>
      ))}
      <SubmitButton pending={pending} pendingText="Sparar…">
        {template ? "Spara mallen" : "Skapa mallen"}
      </SubmitButton>
    </form>
  );
}
