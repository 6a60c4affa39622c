"use client";
// Controls the live views share: the choice of a person among the §'s participants (who moves, who
// reserves, on whose behalf the floor is asked).
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
