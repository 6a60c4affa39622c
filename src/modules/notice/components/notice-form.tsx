"use client";

// The notice dates after justering: a plain form posting to a server action (works without JavaScript).
import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "@/lib/form-state";
import {
  FieldError,
  FormResult as Result,
  inputClass as input,
  secondaryButton as secondary,
} from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { noticeFormAction, type NoticeFormState } from "../notice.actions";

interface Props {
  meetingId: string;
  slug: string;
}

const initialNotice: NoticeFormState = { ...INITIAL_FORM_STATE, values: null, attempt: 0 };

export interface NoticeFormProps extends Props {
  postedOn: string;
  takeDownOn: string;
  storagePlace: string;
  noticeBoard: string;
  /** The posting date is fixed once the notice has been up since an earlier day. */
  canMovePosting: boolean;
  earliestPosting: string;
  latestPosting: string;
  earliestTakeDown: string;
  /** The legal window in one sentence. */
  rules: string;
}

/** The notice dates after justering; the server decides (notice.rules.ts), the inputs only help. */
export function NoticeForm(props: NoticeFormProps) {
  const { meetingId, slug } = props;
  const [state, action, pending] = useActionState(noticeFormAction, initialNotice);
  const values = state.values ?? {
    postedOn: props.postedOn,
    takeDownOn: props.takeDownOn,
    storagePlace: props.storagePlace,
    noticeBoard: props.noticeBoard,
  };
  const described = (name: string, errorId: string, ...more: string[]) => {
    const invalid = !!state.fieldErrors[name];
    return {
      "aria-invalid": invalid || undefined,
      "aria-describedby": [...more, invalid ? errorId : null].filter(Boolean).join(" "),
    };
  };
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
        <div>
          <label htmlFor="anslag-uppsatt" className="block font-medium">
            Datum då anslaget sätts upp
          </label>
          <input
            id="anslag-uppsatt"
            name="postedOn"
            type="date"
            required
            readOnly={!props.canMovePosting}
            defaultValue={values.postedOn}
            min={props.earliestPosting}
            max={props.latestPosting}
            className={`${input} read-only:bg-slate-100`}
            {...described("postedOn", "anslag-uppsatt-fel", "anslag-regler")}
          />
          <FieldError state={state} name="postedOn" id="anslag-uppsatt-fel" />
        </div>
        <div>
          <label htmlFor="anslag-nedtaget" className="block font-medium">
            Datum då anslaget tas ned
          </label>
          <input
            id="anslag-nedtaget"
            name="takeDownOn"
            type="date"
            defaultValue={values.takeDownOn}
            min={props.earliestTakeDown}
            className={input}
            {...described("takeDownOn", "anslag-nedtaget-fel", "anslag-regler", "anslag-nedtaget-tips")}
          />
          <p id="anslag-nedtaget-tips" className="mt-1 text-sm">
            Lämna tomt för sista dagen att överklaga.
          </p>
          <FieldError state={state} name="takeDownOn" id="anslag-nedtaget-fel" />
        </div>
      </div>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="anslag-forvaring" className="block font-medium">
            Förvaringsplats för protokollet
          </label>
          <input
            id="anslag-forvaring"
            name="storagePlace"
            type="text"
            defaultValue={values.storagePlace}
            className={input}
            {...described("storagePlace", "anslag-forvaring-fel")}
          />
          <FieldError state={state} name="storagePlace" id="anslag-forvaring-fel" />
        </div>
        <div>
          <label htmlFor="anslag-tavla" className="block font-medium">
            Anslagstavla
          </label>
          <input
            id="anslag-tavla"
            name="noticeBoard"
            type="text"
            defaultValue={values.noticeBoard}
            className={input}
            {...described("noticeBoard", "anslag-tavla-fel", "anslag-tavla-tips")}
          />
          <p id="anslag-tavla-tips" className="mt-1 text-sm">
            Webbadress eller plats där anslaget sitter.
          </p>
          <FieldError state={state} name="noticeBoard" id="anslag-tavla-fel" />
        </div>
      </div>
      <SubmitButton pending={pending} pendingText="Sparar…" className={`${secondary} mt-2`}>
        Spara anslaget
      </SubmitButton>
      <Result state={state} id="anslag-resultat" />
    </form>
  );
}
