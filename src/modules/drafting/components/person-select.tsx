"use client";

// Choosing a person: a native select (keyboard and screen readers work as everywhere) that lists
// the body's ledamöter and ersättare first and the people of this meeting after them, with a
// search field beside it that reaches every person of the organisation. Searching only narrows
// the list; it never changes the choice, and the chosen person is always in the list.
import { useId, useState } from "react";
import type { PersonOption } from "@/server/protocol.queries";
import { useFormOwner } from "@/modules/drafting/editor/form-owner";

const inputClass =
  "mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** Lower case without accents, so "ostlund" finds "Östlund" and "segersteen" "Segerstéen". */
function folded(text: string): string {
  return text
    .toLocaleLowerCase("sv")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function labelOf(p: PersonOption): string {
  return p.hint ? `${p.name} (${p.hint})` : p.name;
}

export function PersonSelect(props: {
  id: string;
  label: string;
  value: string;
  /** Every person of the organisation; those with a hint are the body's members. */
  people: readonly PersonOption[];
  /** Shown without searching besides the members: the people of this meeting. */
  meetingPersonIds: ReadonlySet<string>;
  onChange: (personId: string) => void;
  placeholder?: string;
  /** Options after the people, e.g. "Ny person…". */
  extraOptions?: readonly { value: string; label: string }[];
  error?: string;
  className?: string;
}) {
  const [query, setQuery] = useState("");
  const form = useFormOwner();
  const countId = useId();
  const q = folded(query.trim());
  const shown = props.people.filter((p) =>
    p.personId === props.value
      ? true
      : q === ""
        ? p.hint !== null || props.meetingPersonIds.has(p.personId)
        : folded(labelOf(p)).includes(q),
  );
  const members = shown.filter((p) => p.hint !== null);
  const others = shown.filter((p) => p.hint === null);
  const hidden = props.people.length - shown.length;
  const errorId = `${props.id}-error`;
  const option = (p: PersonOption) => (
    <option key={p.personId} value={p.personId}>
      {labelOf(p)}
    </option>
  );
  return (
    <div className={props.className}>
      <label id={`${props.id}-etikett`} htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select
        id={props.id}
        form={form}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={[countId, props.error ? errorId : null].filter(Boolean).join(" ")}
        className={inputClass}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {members.length > 0 && <optgroup label="Organets ledamöter och ersättare">{members.map(option)}</optgroup>}
        {others.length > 0 && (
          <optgroup label={q === "" ? "Övriga i sammanträdet" : "Övriga i organisationen"}>
            {others.map(option)}
          </optgroup>
        )}
        {q !== "" && shown.length === 0 && (
          <option value="__ingen__" disabled>
            Ingen person matchar ”{query.trim()}”
          </option>
        )}
        {props.extraOptions?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${props.id}-sok`} className="mt-1 block text-xs text-slate-700">
        Sök bland alla personer
      </label>
      <input
        id={`${props.id}-sok`}
        form={form}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-controls={props.id}
        aria-describedby={`${props.id}-etikett ${countId}`}
        className="w-full rounded border border-slate-400 bg-white px-2 py-0.5 text-sm"
      />
      <p id={countId} className="text-xs text-slate-700">
        {q !== ""
          ? `${shown.length} ${shown.length === 1 ? "person visas" : "personer visas"} i listan.`
          : hidden > 0
            ? `${hidden} ${hidden === 1 ? "person" : "personer"} till i organisationen: sök för att visa.`
            : ""}
      </p>
      {props.error && (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {props.error}
        </p>
      )}
    </div>
  );
}
