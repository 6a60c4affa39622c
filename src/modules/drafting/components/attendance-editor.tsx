"use client";

// Närvarolistan: each person, role and the §§ present ("59-62"); new names can be typed in.
import { useEffect } from "react";
import {
  compressParagraphNumbers,
  expandParagraphRanges,
  formatParagraphRanges,
  parseParagraphRanges,
} from "@/lib/paragraph-ranges";
import { SelectField, SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { SaveStatus, fieldError } from "@/modules/drafting/editor/save-status";
import { useAutosave } from "@/modules/drafting/editor/use-autosave";
import type { PersonOption } from "@/server/protocol.queries";
import type { AttendanceRole } from "@/domain/protocol/protocol.types";
import { attendanceRoleTerms } from "@/domain/vocabulary";
import { saveAttendanceAction } from "@/modules/drafting/meeting.actions";
import { ATTENDANCE_ROLES } from "@/modules/drafting/meeting.schema";

export interface AttendanceRowValue {
  personId: string;
  /** For a person not yet in the list of people. */
  name: string;
  role: AttendanceRole;
  represents: string;
  title: string;
  ranges: string;
  replacesPersonId: string;
}

const roleOptions = ATTENDANCE_ROLES.map((x) => ({ value: x, label: attendanceRoleTerms[x].label }));

const NEW = "__ny__";

/** The §§ a row covers, from its range text ("" = the whole meeting); null while unreadable. */
function coveredNumbers(ranges: string, all: readonly number[]): Set<number> | null {
  if (ranges.trim() === "") return new Set(all);
  const parsed = parseParagraphRanges(ranges);
  return parsed.ok ? new Set(expandParagraphRanges(parsed.ranges)) : null;
}

/** Back to range text: "" when every § is covered (the whole meeting). */
function rangesText(numbers: Set<number>, all: readonly number[]): string {
  if (all.every((n) => numbers.has(n))) return "";
  return formatParagraphRanges(compressParagraphNumbers([...numbers]), "bare");
}

export function AttendanceEditor(props: {
  meetingId: string;
  initial: AttendanceRowValue[];
  initialVersion: number;
  people: PersonOption[];
  /** The meeting's § numbers, for the per-§ toggles. */
  paragraphNumbers: readonly number[];
  onValue: (rows: AttendanceRowValue[]) => void;
}) {
  const auto = useAutosave<AttendanceRowValue[]>({
    storageKey: `paragraf:attendance:${props.meetingId}`,
    initial: props.initial,
    initialVersion: props.initialVersion,
    save: async (rows, version) => {
      const result = await saveAttendanceAction({
        meetingId: props.meetingId,
        version,
        rows: rows.map((r) => ({ ...r, personId: r.personId || null, replacesPersonId: r.replacesPersonId || null })),
      });
      // New people got ids: keep them so the next save does not create them again.
      if (result.ok)
        auto.update((prev) =>
          prev.map((r, i) => (r.personId ? r : { ...r, personId: result.data.personIds[i] ?? "" })),
        );
      return result;
    },
  });
  const rows = auto.value;
  const set = auto.update;
  const err = (path: string) => fieldError(auto.failure, path);
  const { onValue } = props;
  useEffect(() => onValue(rows), [rows, onValue]);
  const people = props.people.map((p) => ({ value: p.personId, label: p.hint ? `${p.name} (${p.hint})` : p.name }));
  const patch = (i: number, change: Partial<AttendanceRowValue>) =>
    set((prev) => prev.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <section aria-labelledby="narvaro" className="mt-6 rounded border-2 border-slate-300 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="narvaro" className="text-xl font-semibold">
          Närvaro
        </h2>
        <SaveStatus status={auto.status} failure={auto.failure} />
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Paragrafer skrivs som t.ex. <kbd>59-62</kbd> eller <kbd>59, 61</kbd>. Tomt betyder hela sammanträdet. En person
        som byter roll (ersättare som går in och tjänstgör) får en rad per roll.
      </p>
      {auto.status === "conflict" && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2">
          Någon annan har ändrat närvarolistan. Dina ändringar finns kvar här; ladda om sidan för att se deras.
        </p>
      )}
      <ol className="mt-3 space-y-3">
        {rows.map((r, i) => (
          <li key={i} className="rounded border border-slate-200 p-2">
            <div className="grid gap-2 sm:grid-cols-3">
              <SelectField
                id={`narvaro-${i}-person`}
                label={`Rad ${i + 1}: person`}
                value={r.personId || NEW}
                options={[...people, { value: NEW, label: "Ny person…" }]}
                onChange={(x) =>
                  patch(
                    i,
                    x === NEW
                      ? { personId: "", name: "" }
                      : { personId: x, name: props.people.find((p) => p.personId === x)?.name ?? "" },
                  )
                }
              />
              {!r.personId && (
                <TextField
                  id={`narvaro-${i}-namn`}
                  label="Namn på ny person"
                  value={r.name}
                  error={err(`rows.${i}.name`)}
                  onChange={(x) => patch(i, { name: x })}
                />
              )}
              <SelectField
                id={`narvaro-${i}-roll`}
                label="Roll"
                value={r.role}
                options={roleOptions}
                onChange={(x) => patch(i, { role: x as AttendanceRole })}
              />
              <TextField
                id={`narvaro-${i}-paragrafer`}
                label="Paragrafer"
                value={r.ranges}
                error={err(`rows.${i}.ranges`)}
                placeholder="hela"
                onChange={(x) => patch(i, { ranges: x })}
              />
              {r.role === "OTHER" ? (
                <TextField
                  id={`narvaro-${i}-titel`}
                  label="Titel"
                  value={r.title}
                  error={err(`rows.${i}.title`)}
                  onChange={(x) => patch(i, { title: x })}
                />
              ) : (
                <TextField
                  id={`narvaro-${i}-foretrader`}
                  label="Kommun eller parti"
                  value={r.represents}
                  error={err(`rows.${i}.represents`)}
                  onChange={(x) => patch(i, { represents: x })}
                />
              )}
              {r.role === "SERVING_SUBSTITUTE" && (
                <SelectField
                  id={`narvaro-${i}-ersatter`}
                  label="Tjänstgör för"
                  value={r.replacesPersonId}
                  placeholder="(ej angivet)"
                  options={people}
                  onChange={(x) => patch(i, { replacesPersonId: x })}
                />
              )}
            </div>
            {props.paragraphNumbers.length > 0 && (
              <fieldset className="mt-2">
                <legend className="text-sm font-medium">Närvarande i §</legend>
                <div className="flex flex-wrap gap-x-3 gap-y-1">
                  {props.paragraphNumbers.map((n) => {
                    const covered = coveredNumbers(r.ranges, props.paragraphNumbers);
                    return (
                      <label key={n} className="flex items-center gap-1 text-sm">
                        <input
                          type="checkbox"
                          checked={covered?.has(n) ?? false}
                          disabled={covered === null}
                          onChange={(e) => {
                            const next = new Set(covered ?? []);
                            if (e.target.checked) next.add(n);
                            else next.delete(n);
                            patch(i, { ranges: rangesText(next, props.paragraphNumbers) });
                          }}
                        />
                        {n}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            )}
            <div className="mt-2 flex gap-2">
              <SmallButton
                label={`Flytta rad ${i + 1} uppåt`}
                disabled={i === 0}
                onClick={() => set((prev) => move(prev, i, i - 1))}
              >
                ↑
              </SmallButton>
              <SmallButton
                label={`Flytta rad ${i + 1} nedåt`}
                disabled={i === rows.length - 1}
                onClick={() => set((prev) => move(prev, i, i + 1))}
              >
                ↓
              </SmallButton>
              <SmallButton
                variant="danger"
                label={`Ta bort rad ${i + 1}`}
                onClick={() => set((prev) => prev.filter((_, j) => j !== i))}
              >
                Ta bort
              </SmallButton>
            </div>
          </li>
        ))}
      </ol>
      <div className="mt-2">
        <SmallButton
          onClick={() =>
            set((prev) => [
              ...prev,
              { personId: "", name: "", role: "MEMBER", represents: "", title: "", ranges: "", replacesPersonId: "" },
            ])
          }
        >
          Lägg till person
        </SmallButton>
      </div>
    </section>
  );
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (to < 0 || to >= copy.length) return copy;
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}
