// A form control with its visible label above it (label htmlFor = the control's id), as every
// form here lays out its fields.
import type { ReactNode } from "react";

export function LabelledField({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
