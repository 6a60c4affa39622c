"use client";

// The notice dates after justering: a plain form posting to a server action (works without JavaScript).
import { useActionState, type InputHTMLAttributes } from "react";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import type { NoticeDTO } from "@/domain/protocol/protocol.types";
import type { NoticeEditWindow } from "@/domain/rules/notice.rules";
import {
  FieldError,
  FormResult as Result,
  inputClass as input,
  secondaryButton as secondary,
} from "@/ui/form-feedback";
import { LabelledField } from "@/ui/labelled-field";
import { SubmitButton } from "@/ui/submit-button";
import { noticeFormAction, type NoticeFormState } from "../notice.actions";

const initialNotice: NoticeFormState = { ...INITIAL_FORM_STATE, values: null, attempt: 0 };

export interface NoticeFormProps {
  meetingId: string;
  slug: string;
  /** The notice as it stands: the form starts from its dates and places. */
  notice: Pick<NoticeDTO, "postedOn" | "takeDownOn" | "storagePlace" | "noticeBoard">;
  /** What the form may offer today (the posting date is fixed once the notice has been up since an earlier day). */
  bounds: Omit<NoticeEditWindow, "isTakenDown">;
  /** The legal window in one sentence. */
  rules: string;
}

/**
 * One field of the form: its label, the input named `name` (a text input unless said), an optional
 * tip and the field's error; the input is described by `describedBy` (the rules), the tip and the
 * error, in that order.
 */
function NoticeField({
  state,
  id,
  label,
  name,
  describedBy,
  tip,
  type = "text",
  className = input,
  ...inputProps
}: {
  state: NoticeFormState;
  id: string;
  label: string;
  name: string;
  describedBy?: string;
  tip?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const invalid = !!state.fieldErrors[name];
  const tipId = `${id}-tips`;
  const errorId = `${id}-fel`;
  return (
    <LabelledField id={id} label={label}>
      <input
        id={id}
        name={name}
        type={type}
        className={className}
        {...inputProps}
        aria-invalid={invalid || undefined}
        aria-describedby={[describedBy, tip ? tipId : null, invalid ? errorId : null].filter(Boolean).join(" ")}
      />
      {tip && (
        <p id={tipId} className="mt-1 text-sm">
          {tip}
        </p>
      )}
      <FieldError state={state} name={name} id={errorId} />
    </LabelledField>
  );
}

/** The notice dates after justering; the server decides (notice.rules.ts), the inputs only help. */
export function NoticeForm(props: NoticeFormProps) {
  const { meetingId, slug, notice, bounds } = props;
  const [state, action, pending] = useActionState(noticeFormAction, initialNotice);
  const values = state.values ?? { ...notice, noticeBoard: notice.noticeBoard ?? "" };
  return (
    // noValidate: the date pickers offer the allowed range, and the server's Swedish message
    // explains a date outside it.
    <form key={state.attempt} action={action} noValidate className="mt-3 rounded border border-slate-300 p-3">
      <h3 className="font-semibold">Ändra anslaget</h3>
      <p id="anslag-regler" className="mt-1 text-sm">
        {props.rules}
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="slug" value={slug} />
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <NoticeField
          state={state}
          id="anslag-uppsatt"
          label="Datum då anslaget sätts upp"
          name="postedOn"
          describedBy="anslag-regler"
          type="date"
          required
          readOnly={!bounds.canMovePosting}
          defaultValue={values.postedOn}
          min={bounds.earliestPosting}
          max={bounds.latestPosting}
          className={`${input} read-only:bg-slate-100`}
        />
        <NoticeField
          state={state}
          id="anslag-nedtaget"
          label="Datum då anslaget tas ned"
          name="takeDownOn"
          describedBy="anslag-regler"
          tip="Lämna tomt för sista dagen att överklaga."
          type="date"
          defaultValue={values.takeDownOn}
          min={bounds.earliestTakeDown}
        />
      </div>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <NoticeField
          state={state}
          id="anslag-forvaring"
          label="Förvaringsplats för protokollet"
          name="storagePlace"
          defaultValue={values.storagePlace}
        />
        <NoticeField
          state={state}
          id="anslag-tavla"
          label="Anslagstavla"
          name="noticeBoard"
          tip="Webbadress eller plats där anslaget sitter."
          defaultValue={values.noticeBoard}
        />
      </div>
      <SubmitButton pending={pending} pendingText="Sparar…" className={`${secondary} mt-2`}>
        Spara anslaget
      </SubmitButton>
      <Result state={state} id="anslag-resultat" />
    </form>
  );
}
