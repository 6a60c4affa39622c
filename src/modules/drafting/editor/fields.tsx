"use client";

// Labelled form controls with their error messages tied to them (aria-describedby), for the editor.
import type { ReactNode } from "react";
import { useFormOwner } from "./form-owner";

const controlClass =
  "w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";
const inputClass = `mt-1 ${controlClass}`;
/**
 * Around a one-line text input: its own height (a line of text-base, py-1.5 and the border, as the
 * input is by itself) and layout and size containment, so that the input is where a keystroke's
 * layout starts and ends. Without it, a key in the § title laid out the page from the root down
 * (17 of some 1,700 layout objects; issue 16's benchmark, bench/editor/layout-trace.ts); with it,
 * the input's own 4 objects. (The § heading that shows the title is still laid out, once a key.)
 */
const oneLineBox = "mt-1 h-[calc(2.25rem+2px)] [contain:size_layout]";

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

interface Base {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: string;
  className?: string;
}

function describedBy(id: string, error?: string, hint?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** The label, the hint and the error around one control, tied to it by id. */
function Labelled({ id, label, error, hint, className, children }: Base & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * A labelled control's own attributes: its id, whether it is invalid, what describes it, and the
 * editor part's form it belongs to (form-owner.tsx).
 */
function useControl(id: string, error?: string, hint?: string) {
  return {
    id,
    form: useFormOwner(),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, error, hint),
    className: inputClass,
  };
}

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  value,
  onChange,
  ...rest
}: Base & { value: string; onChange: (v: string) => void } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    "value" | "onChange" | "id"
  >) {
  const control = useControl(id, error, hint);
  return (
    <Labelled id={id} label={label} error={error} hint={hint} className={className}>
      <div className={oneLineBox}>
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...control}
          className={`${controlClass} h-full`}
          {...rest}
        />
      </div>
    </Labelled>
  );
}

export function TextAreaField({
  value,
  onChange,
  rows = 3,
  ...base
}: Base & { value: string; onChange: (v: string) => void; rows?: number }) {
  const control = useControl(base.id, base.error, base.hint);
  return (
    <Labelled {...base}>
      <textarea value={value} rows={rows} onChange={(e) => onChange(e.target.value)} {...control} />
    </Labelled>
  );
}

/** One item per line (beslutsunderlag, expediering). Empty lines are kept while typing. */
export function LinesField({
  value,
  onChange,
  ...rest
}: Base & { value: string[]; onChange: (v: string[]) => void; rows?: number }) {
  return (
    <TextAreaField
      {...rest}
      value={value.join("\n")}
      onChange={(text) => onChange(text.split("\n"))}
      hint={rest.hint ?? "En per rad."}
    />
  );
}

export function SelectField({
  value,
  onChange,
  options,
  placeholder,
  ...base
}: Base & {
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  const control = useControl(base.id, base.error, base.hint);
  return (
    <Labelled {...base}>
      <select value={value} onChange={(e) => onChange(e.target.value)} {...control}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  className,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  className?: string;
}) {
  const form = useFormOwner();
  return (
    <div className={`flex items-center gap-2 ${className ?? ""}`}>
      <input
        id={id}
        form={form}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="h-4 w-4"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function SmallButton({
  children,
  onClick,
  variant = "plain",
  label,
  disabled,
}: {
  children: ReactNode;
  onClick: () => void;
  variant?: "plain" | "danger" | "primary";
  label?: string;
  disabled?: boolean;
}) {
  const styles = {
    plain: "border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border-red-700 bg-white text-red-800 hover:bg-red-50",
    primary: "border-[var(--color-brand)] bg-[var(--color-brand)] text-white hover:bg-[var(--color-brand-dark)]",
  };
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      disabled={disabled}
      className={`rounded border px-2 py-1 text-sm disabled:opacity-50 ${styles[variant]}`}
    >
      {children}
    </button>
  );
}

/** The remove button beside one item of a list, level with the item's fields below their labels. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <div className="mt-6">
      <SmallButton variant="danger" label={label} onClick={onClick}>
        Ta bort
      </SmallButton>
    </div>
  );
}

/** The button under a list that adds an item to it. */
export function AddButton({ children, onClick }: { children: ReactNode; onClick: () => void }) {
  return (
    <div className="mt-2">
      <SmallButton onClick={onClick}>{children}</SmallButton>
    </div>
  );
}

/**
 * A list of texts (att-satser, propositions): each a text area labelled "<label> <n>" with a button
 * removing it; `ordered` lists them in an <ol>. `onChange` gets a change of the list, for the
 * editor to apply to its current state.
 */
export function TextAreaList({
  id,
  label,
  items,
  ordered,
  error,
  onChange,
}: {
  id: (i: number) => string;
  label: string;
  items: readonly string[];
  ordered: boolean;
  error?: (i: number) => string | undefined;
  onChange: (change: (items: readonly string[]) => string[]) => void;
}) {
  const rows = items.map((text, i) => {
    const Row = ordered ? "li" : "div";
    return (
      <Row key={i} className="flex items-start gap-2">
        <TextAreaField
          className="flex-1"
          id={id(i)}
          label={`${label} ${i + 1}`}
          value={text}
          rows={2}
          error={error?.(i)}
          onChange={(v) => onChange((list) => list.map((x, j) => (j === i ? v : x)))}
        />
        <RemoveButton
          label={`Ta bort ${label.toLowerCase()} ${i + 1}`}
          onClick={() => onChange((list) => list.filter((_, j) => j !== i))}
        />
      </Row>
    );
  });
  return ordered ? <ol className="mt-2 space-y-2">{rows}</ol> : <>{rows}</>;
}

/** Move up, move down and remove one item of a list; the buttons' labels name it ("rad 2", "§ 59"). */
export function MoveRemoveButtons({
  what,
  isFirst,
  isLast,
  onMove,
  onRemove,
}: {
  what: string;
  isFirst: boolean;
  isLast: boolean;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
}) {
  return (
    <>
      <SmallButton label={`Flytta ${what} uppåt`} disabled={isFirst} onClick={() => onMove("up")}>
        ↑
      </SmallButton>
      <SmallButton label={`Flytta ${what} nedåt`} disabled={isLast} onClick={() => onMove("down")}>
        ↓
      </SmallButton>
      <SmallButton variant="danger" label={`Ta bort ${what}`} onClick={onRemove}>
        Ta bort
      </SmallButton>
    </>
  );
}

/** A titled group of fields. */
export function FieldGroup({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    // Stacked (relative, isolate): its own paint layer, so a key in one of its fields repaints it and
    // reuses the §'s other parts as they were painted.
    <fieldset id={id} className="relative isolate mt-4 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}
