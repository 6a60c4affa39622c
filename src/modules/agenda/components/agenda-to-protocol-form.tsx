"use client";

// The agenda → protocol form: per ärende what the meeting did (beslut, utgår, bordläggs,
// återremitteras with its reason), and whether the body's opening items come first. A plain form
// posting to a server action: it works without JavaScript.
import { useActionState } from "react";
import type { AgendaFate } from "@/domain/protocol/protocol.types";
import { AGENDA_FATES } from "@/domain/rules/agenda-fate.rules";
import { agendaFateTerms } from "@/domain/vocabulary";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import { FieldError, FormResult, inputClass } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { agendaToProtocolAction, type AgendaToProtocolFormState } from "../agenda-to-protocol.actions";
import type { AgendaToProtocolView } from "../agenda-to-protocol.queries";

const initial: AgendaToProtocolFormState = { ...INITIAL_FORM_STATE, values: null, attempt: 0 };

const HINT: Record<AgendaFate, string> = {
  DECIDED: "en paragraf med förslaget till beslut som beslutstext",
  STRUCK: "ingen paragraf",
  TABLED: "en paragraf; ärendet går tillbaka till organets ärenden för ett senare sammanträde",
  RETURNED: "en paragraf med skälet; ärendet går tillbaka till beredning",
};

export function AgendaToProtocolForm({ view }: { view: AgendaToProtocolView }) {
  const [state, action, pending] = useActionState(agendaToProtocolAction, initial);
  const values = state.values;
  const offerOpening = !view.started && view.openingItems.length > 0;
  const described = (name: string, errorId: string, ...more: string[]) => {
    const invalid = !!state.fieldErrors[name];
    const ids = [...more, invalid ? errorId : null].filter(Boolean).join(" ");
    return { "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined };
  };
  return (
    <form key={state.attempt} action={action} className="mt-4">
      <input type="hidden" name="meetingId" value={view.meetingId} />
      <input type="hidden" name="slug" value={view.slug} />
      <input type="hidden" name="agendaVersion" value={view.agendaVersion} />
      <p id="utfall-tips" className="text-sm">
        Beslut ger {HINT.DECIDED}. Utgår ger {HINT.STRUCK}. Bordläggs ger {HINT.TABLED}. Återremitteras ger{" "}
        {HINT.RETURNED}.
      </p>
      {offerOpening && (
        <div className="mt-4 flex items-start gap-2">
          <input
            id="inledande"
            name="includeOpening"
            type="checkbox"
            defaultChecked={values?.includeOpening ?? true}
            className="mt-1"
            aria-describedby="inledande-lista"
          />
          <div>
            <label htmlFor="inledande" className="font-medium">
              Börja med organets inledande paragrafer
            </label>
            <p id="inledande-lista" className="text-sm">
              {view.openingItems.join(", ")}
            </p>
          </div>
        </div>
      )}
      <ol className="mt-4 space-y-4">
        {view.pending.map((item) => {
          const fateName = `fate.${item.id}`;
          const reasonName = `reason.${item.id}`;
          return (
            <li key={item.id} className="rounded border border-slate-300 p-3">
              <input type="hidden" name="item" value={item.id} />
              <fieldset>
                <legend className="font-semibold">
                  Ärende {item.position}: {item.title}
                </legend>
                <p className="text-sm text-[var(--color-muted)]">
                  {[
                    item.caseNumber,
                    item.isExtra ? "extra ärende" : null,
                    item.isConfidential ? "sekretess" : null,
                    item.hasProposal ? "förslag till beslut finns" : "inget förslag till beslut",
                    item.documentCount === 1 ? "1 handling" : `${item.documentCount} handlingar`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {item.returnReason && <p className="text-sm">Återremitterat tidigare: {item.returnReason}</p>}
                <div className="mt-2 grid gap-3 sm:grid-cols-[14rem_1fr]">
                  <div>
                    <label htmlFor={`utfall-${item.id}`} className="block font-medium">
                      Utfall
                    </label>
                    <select
                      id={`utfall-${item.id}`}
                      name={fateName}
                      defaultValue={values?.fates[item.id] ?? "DECIDED"}
                      className={inputClass}
                      {...described(fateName, `utfall-${item.id}-fel`, "utfall-tips")}
                    >
                      {AGENDA_FATES.map((f) => (
                        <option key={f} value={f}>
                          {agendaFateTerms[f].label}
                        </option>
                      ))}
                    </select>
                    <FieldError state={state} name={fateName} id={`utfall-${item.id}-fel`} />
                  </div>
                  <div>
                    <label htmlFor={`skal-${item.id}`} className="block font-medium">
                      Skäl till återremiss
                    </label>
                    <input
                      id={`skal-${item.id}`}
                      name={reasonName}
                      type="text"
                      maxLength={2000}
                      defaultValue={values?.reasons[item.id] ?? ""}
                      className={inputClass}
                      {...described(reasonName, `skal-${item.id}-fel`, `skal-${item.id}-tips`)}
                    />
                    <p id={`skal-${item.id}-tips`} className="mt-1 text-sm">
                      Krävs vid återremiss; står i paragrafen.
                    </p>
                    <FieldError state={state} name={reasonName} id={`skal-${item.id}-fel`} />
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <SubmitButton
        pending={pending}
        pendingText="För över…"
        className="mt-4 rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        För över ärendelistan till protokollet
      </SubmitButton>
      <FormResult state={state} id="till-protokoll-resultat" />
    </form>
  );
}
