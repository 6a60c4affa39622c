"use client";

// The ärende's fields: rubrik, Dnr, ansvarig, förslag till beslut (intro and att-clauses, one per
// line), sekretess. A save against an older version is refused and nothing is lost: the form keeps
// what was typed, shows what is saved now, and offers both ways out (keep mine: save again over
// it; take theirs: reload), as the § editor's conflict panel does.
import Link from "next/link";
import { useActionState } from "react";
import { updateItemFormAction } from "../agenda.actions";
import { INITIAL_AGENDA_FORM_STATE } from "../agenda.form-state";
import type { SummonsItemDTO } from "@/domain/summons/summons.types";
import { secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { TextField } from "./form-parts";

/** An ärende's own fields as the kallelse states them, and the version the edit is made against. */
export type EditableItem = Pick<
  SummonsItemDTO,
  "id" | "title" | "caseNumber" | "responsible" | "proposalIntro" | "proposalClauses" | "isConfidential"
> & { version: number };

type Saved = Partial<EditableItem> & { version?: number };

export function ItemEditForm({ item }: { item: EditableItem }) {
  const [state, action, pending] = useActionState(updateItemFormAction, INITIAL_AGENDA_FORM_STATE);
  const conflict =
    state.status === "failed" && state.failure.code === "CONFLICT" ? (state.failure.current as Saved | null) : null;
  // After a conflict the next save is made over the version saved now ("keep mine").
  const version = conflict?.version ?? item.version;
  const confidential = state.status === "failed" ? state.values.isConfidential === "on" : item.isConfidential;
  return (
    <form action={action} className="mt-3 max-w-2xl space-y-4" key={`${item.version}-${version}`}>
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={version} />
      {state.status === "failed" && (
        <div role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          <p className="font-medium">{state.failure.message}</p>
          {conflict && (
            <>
              <p className="mt-2">Dina ändringar finns kvar i formuläret nedan. Den sparade versionen:</p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-medium">Rubrik</dt>
                <dd>{conflict.title}</dd>
                <dt className="font-medium">Diarienummer</dt>
                <dd>{conflict.caseNumber ?? "–"}</dd>
                <dt className="font-medium">Förslag till beslut</dt>
                <dd className="whitespace-pre-line">
                  {[conflict.proposalIntro, ...(conflict.proposalClauses ?? [])].filter(Boolean).join("\n") || "–"}
                </dd>
              </dl>
              <p className="mt-2 flex flex-wrap gap-3">
                <SubmitButton pending={pending} pendingText="Sparar…">
                  Behåll mina ändringar (spara över)
                </SubmitButton>
                <Link href={`/arenden/${item.id}`} className={secondaryButton}>
                  Ta den sparade versionen
                </Link>
              </p>
            </>
          )}
        </div>
      )}
      <TextField state={state} name="title" label="Rubrik" initial={item.title} required />
      <TextField state={state} name="caseNumber" label="Diarienummer" initial={item.caseNumber ?? ""} />
      <TextField
        state={state}
        name="responsible"
        label="Ansvarig tjänsteperson"
        hint="Namn och titel, t.ex. Ann Svensson, förbundsdirektör."
        initial={item.responsible ?? ""}
      />
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Förslag till beslut</legend>
        <TextField
          state={state}
          name="proposalIntro"
          label="Inledning"
          hint="T.ex. Direktionen föreslås besluta"
          initial={item.proposalIntro}
          rows={2}
        />
        <TextField
          state={state}
          name="proposalClauses"
          label="Att-satser"
          hint="En att-sats per rad, t.ex. att godkänna budgeten."
          initial={item.proposalClauses.join("\n")}
          rows={5}
        />
      </fieldset>
      <div className="flex items-start gap-2">
        <input
          id="isConfidential"
          name="isConfidential"
          type="checkbox"
          defaultChecked={confidential}
          className="mt-1"
          aria-describedby="isConfidential-hint"
        />
        <div>
          <label htmlFor="isConfidential" className="font-medium">
            Sekretess
          </label>
          <p id="isConfidential-hint" className="text-sm text-slate-700">
            Ärendet och dess handlingar visas bara för organets ledamöter, ersättare och sekreterare.
          </p>
        </div>
      </div>
      {!conflict && (
        <SubmitButton pending={pending} pendingText="Sparar…">
          Spara ärendet
        </SubmitButton>
      )}
    </form>
  );
}
