// A labelled form field with its hint and its errors tied to it (aria-describedby, aria-invalid).
import type { ReactNode } from "react";

export function Field({
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
  children: (aria: Record<string, string | boolean | undefined>) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null].filter(Boolean);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": errors.length > 0 ? true : undefined,
        "aria-describedby": described.length > 0 ? described.join(" ") : undefined,
      })}
      {errors.length > 0 && (
        <ul id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {errors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
