"use client";
// Controls the live views share: the choice of a person among the §'s participants (who moves, who
// reserves, on whose behalf the floor is asked) and the refusal of the last tap.
import type { SelectHTMLAttributes } from "react";

export interface PersonOption {
  personId: string;
  name: string;
}

export type PersonSelectProps = {
  people: readonly PersonOption[];
  placeholder: string;
  onChange: (personId: string) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "children">;

export function PersonSelect({ people, placeholder, onChange, ...select }: PersonSelectProps) {
  return (
    <select {...select} onChange={(e) => onChange(e.target.value)}>
      <option value="">{placeholder}</option>
      {people.map((p) => (
        <option key={p.personId} value={p.personId}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

/** The server's refusal of the last tap, said at once (nothing when there is none). */
export function LiveError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="font-semibold text-red-800">
      {message}
    </p>
  ) : null;
}
