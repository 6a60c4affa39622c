"use client";

// A small form posting to one of the agenda's form actions (works without JavaScript): hidden
// fields and a button, and the Swedish refusal shown above it when the action says no.
import { useActionState, type ReactNode } from "react";
import { INITIAL_AGENDA_FORM_STATE, type AgendaFormState } from "../agenda.form-state";
import { secondaryButton } from "@/ui/form-feedback";
import { SubmitButton } from "@/ui/submit-button";
import { FailureAlert } from "./form-parts";

type FormAction = (prev: AgendaFormState, form: FormData) => Promise<AgendaFormState>;

export function ActionForm({
  action,
  hidden,
  label,
  pendingText,
  children,
  className = "inline",
  buttonClassName = `${secondaryButton} px-2 py-1 text-sm`,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  label: ReactNode;
  pendingText: string;
  children?: ReactNode;
  className?: string;
  buttonClassName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_AGENDA_FORM_STATE);
  return (
    <form action={formAction} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FailureAlert state={state} className="mb-1 text-sm" />
      {children}
      <SubmitButton pending={pending} pendingText={pendingText} className={buttonClassName}>
        {label}
      </SubmitButton>
    </form>
  );
}

/** "Upp" and "Ned" for one row of an ordered list (none past either end), each naming the row for a screen reader. */
export function MoveButtons({
  action,
  hidden,
  title,
  index,
  count,
}: {
  action: FormAction;
  hidden: Record<string, string | number>;
  title: string;
  index: number;
  count: number;
}) {
  const moves = [
    { direction: "up", word: "Upp", shown: index > 0 },
    { direction: "down", word: "Ned", shown: index < count - 1 },
  ] as const;
  return moves
    .filter((m) => m.shown)
    .map((m) => (
      <ActionForm
        key={m.direction}
        action={action}
        hidden={{ ...hidden, direction: m.direction }}
        label={
          <>
            {m.word}
            <span className="sr-only">: {title}</span>
          </>
        }
        pendingText="Flyttar…"
      />
    ));
}
