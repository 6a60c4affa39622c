// What a form shows after its server action answered: the outcome, and each field's error. Plain
// markup, so the forms work without JavaScript.
import type { FormState } from "@/lib/form-state";

export const inputClass = "mt-1 w-full rounded border border-slate-500 px-2 py-1.5";
export const primaryButton = "rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white disabled:opacity-60";
export const secondaryButton = "rounded border border-slate-600 bg-white px-4 py-2 disabled:opacity-60";

export function FormResult({ state, id }: { state: FormState; id: string }) {
  if (!state.message) return null;
  const lines = state.fieldErrors._ ?? [];
  return (
    <div
      id={id}
      role={state.ok ? "status" : "alert"}
      className={`mt-2 rounded border p-2 ${state.ok ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50"}`}
    >
      <p>{state.message}</p>
      {lines.length > 0 && (
        <ul className="mt-1 list-disc pl-6">
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ state, name, id }: { state: FormState; name: string; id: string }) {
  const text = state.fieldErrors[name]?.join(" ");
  return text ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {text}
    </p>
  ) : null;
}
