// A form's submit button that is disabled and says what is happening while the action runs.
import type { ReactNode } from "react";
import { primaryButton } from "./form-feedback";

export function SubmitButton({
  pending,
  pendingText,
  children,
  className = primaryButton,
}: {
  pending: boolean;
  pendingText: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? pendingText : children}
    </button>
  );
}
