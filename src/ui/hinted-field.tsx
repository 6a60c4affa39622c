// A labelled form field with its hint and its errors tied to the control (aria-describedby,
// aria-invalid), for the server-action forms: the control gets its attributes from the render prop.
import type { ReactNode } from "react";
import { LabelledField } from "./labelled-field";

export type FieldAria = Record<string, string | boolean | undefined>;

export function HintedField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors: string[];
  children: (aria: FieldAria) => ReactNode;
}) {
  const invalid = errors.length > 0;
  const described = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <LabelledField id={id} label={label}>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": invalid || undefined, "aria-describedby": described || undefined })}
      {invalid && (
        <ul id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </LabelledField>
  );
}
