"use client";

// Närvarolistan: each person, role, the §§ present ("59-62") and, when recorded, the clock times
// the person came and left; a ledamot who did not attend is listed as frånvarande. A new person (an official, a
// guest) is typed in and added on an explicit act (the button or Enter), never while typing; a row
// still waiting for that holds the list's saving back, and the save status says so.
import { memo, useEffect, useMemo, useRef, useState } from "react";
import {
  compressParagraphNumbers,
  expandParagraphRanges,
  formatParagraphRanges,
  parseParagraphRanges,
} from "@/lib/paragraph-ranges";
import { AddButton, MoveRemoveButtons, SelectField, SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { EditorSection } from "@/modules/drafting/editor/editor-section";
import { useFormOwner } from "@/modules/drafting/editor/form-owner";
import { patchAt, removeAt, swap } from "@/modules/drafting/editor/list";
import { fieldError } from "@/modules/drafting/editor/save-status";
import { ConflictChoice } from "@/modules/drafting/components/conflict-panel";
import { PersonSelect } from "@/modules/drafting/components/person-select";
import type { ActionFailure } from "@/server/action";
import { useAutosave } from "@/modules/drafting/editor/use-autosave";
import type { PersonOption } from "@/server/protocol.queries";
import type { AttendanceRole } from "@/domain/protocol/protocol.types";
import { attendanceRoleTerms } from "@/domain/vocabulary";
import { addAttendancePersonAction, saveAttendanceAction } from "@/modules/drafting/meeting.actions";
import type { StoredAttendanceRow } from "@/modules/drafting/meeting.schema";
import { ATTENDANCE_ROLES } from "@/modules/drafting/meeting.constants";

/** A row of the list as the editor holds it: the shape a stored row is shown in. */
export type AttendanceRowValue = StoredAttendanceRow;

type RowTextField = "ranges" | "arrivalTime" | "departureTime" | "title" | "represents";

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

/** Range text in one spelling ("59 - 62,64" → "59-62, 64"); unreadable text stays as typed. */
function canonicalRanges(text: string): string {
  if (text.trim() === "") return "";
  const parsed = parseParagraphRanges(text);
  return parsed.ok ? formatParagraphRanges(parsed.ranges, "bare") : text;
}

/** A clock time in one spelling ("1410", "14.10" → "14:10"); other text stays as typed. */
function canonicalTime(text: string | undefined): string {
  const t = (text ?? "").trim();
  const m = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(t);
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : t;
}

/** "kl. 14:10 – 15:30" for a conflict's comparison; "" when no time is given. */
function timesLabel(r: AttendanceRowValue): string {
  const from = canonicalTime(r.arrivalTime);
  const to = canonicalTime(r.departureTime);
  if (from && to) return `kl. ${from} – ${to}`;
  if (from) return `från kl. ${from}`;
  return to ? `till kl. ${to}` : "";
}

/** "59-62" → "§§ 59-62" for a conflict's comparison; "" → the whole meeting. */
function rangesLabel(text: string): string {
  if (text.trim() === "") return "hela sammanträdet";
  const parsed = parseParagraphRanges(text);
  return parsed.ok ? formatParagraphRanges(parsed.ranges) : `§ ${text.trim()}`;
}

/** Whether two lists say the same once stored (spacing and range spelling aside). */
export function sameAttendance(a: readonly AttendanceRowValue[], b: readonly AttendanceRowValue[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      return (
        x.personId !== "" &&
        x.personId === y.personId &&
        x.role === y.role &&
        x.represents.trim() === y.represents.trim() &&
        x.title.trim() === y.title.trim() &&
        canonicalRanges(x.ranges) === canonicalRanges(y.ranges) &&
        x.replacesPersonId === y.replacesPersonId &&
        canonicalTime(x.arrivalTime) === canonicalTime(y.arrivalTime) &&
        canonicalTime(x.departureTime) === canonicalTime(y.departureTime)
      );
    })
  );
}

/** The stored list a conflict answer carries, or null when it carries none. */
function storedRows(current: unknown): { version: number; value: AttendanceRowValue[] } | null {
  const c = current as { version?: unknown; rows?: unknown } | null;
  if (!c || typeof c.version !== "number" || !Array.isArray(c.rows)) return null;
  return { version: c.version, value: (c.rows as StoredAttendanceRow[]).map((r) => ({ ...r })) };
}

/** A row waiting for its new person holds the save back; the status and the field say why. */
function waitingForPerson(rows: readonly AttendanceRowValue[]): ActionFailure | null {
  const i = rows.findIndex((r) => !r.personId);
  if (i < 0) return null;
  const message = rows[i]!.name.trim()
    ? `Rad ${i + 1}: lägg till ${rows[i]!.name.trim()} som ny person (knappen eller Enter), eller välj en person i listan.`
    : `Rad ${i + 1}: välj en person i listan, eller skriv namnet på en ny person och lägg till den.`;
  return { ok: false, code: "VALIDATION", message, fieldErrors: { [`rows.${i}.name`]: [message] } };
}

/** Memoised: re-renders on its own edits and when its props change, not with the rest of the editor. */
export const AttendanceEditor = memo(function AttendanceEditor(props: {
  meetingId: string;
  initial: AttendanceRowValue[];
  initialVersion: number;
  people: PersonOption[];
  /** The meeting's § numbers, for the per-§ toggles. */
  paragraphNumbers: readonly number[];
  onValue: (rows: AttendanceRowValue[]) => void;
  /** A person added here, so that every person list on the page offers them at once. */
  onPersonAdded: (person: PersonOption) => void;
}) {
  const auto = useAutosave<AttendanceRowValue[]>({
    storageKey: `paragraf:attendance:${props.meetingId}`,
    initial: props.initial,
    initialVersion: props.initialVersion,
    save: async (rows, version) =>
      waitingForPerson(rows) ??
      saveAttendanceAction({
        meetingId: props.meetingId,
        version,
        rows: rows.map((r) => ({ ...r, replacesPersonId: r.replacesPersonId || null })),
      }),
    fromConflict: storedRows,
    same: sameAttendance,
  });
  const rows = auto.value;
  const set = auto.update;
  const err = (path: string) => fieldError(auto.failure, path);
  const { onValue, onPersonAdded } = props;
  useEffect(() => onValue(rows), [rows, onValue]);

  // Every person a row names is offered by its select, even one added elsewhere since the page
  // was loaded (a select never falls back to showing another person).
  const known = new Set(props.people.map((p) => p.personId));
  const extra = rows
    .flatMap((r) => [
      { personId: r.personId, name: r.name },
      { personId: r.replacesPersonId, name: "" },
    ])
    .filter((p) => p.personId && !known.has(p.personId) && known.add(p.personId))
    .map((p) => ({ personId: p.personId, name: p.name || "(namn saknas)", hint: null }));
  const everyone = [...props.people, ...extra];
  const nameOf = (personId: string) => everyone.find((p) => p.personId === personId)?.name ?? "";
  const inMeeting = new Set(rows.map((r) => r.personId).filter(Boolean));
  const patch = (i: number, change: Partial<AttendanceRowValue>) => set((prev) => patchAt(prev, i, change));
  /** A text field of row i: its id "narvaro-<i>-<idPart>", its value and error those of `field`. */
  const rowText = (i: number, field: RowTextField, idPart: string, label: string, placeholder?: string) => (
    <TextField
      id={`narvaro-${i}-${idPart}`}
      label={label}
      value={rows[i]![field] ?? ""}
      error={err(`rows.${i}.${field}`)}
      placeholder={placeholder}
      onChange={(x) => patch(i, { [field]: x })}
    />
  );

  // Adding a new person: one request at a time per row, on the button or Enter.
  const [adding, setAdding] = useState<AttendanceRowValue | null>(null);
  const [addError, setAddError] = useState<{ row: AttendanceRowValue; message: string } | null>(null);
  const addingRef = useRef(false);
  const addPerson = async (row: AttendanceRowValue) => {
    const name = row.name.trim();
    if (addingRef.current) return;
    if (!name) {
      setAddError({ row, message: "Skriv den nya personens namn först." });
      return;
    }
    addingRef.current = true;
    setAdding(row);
    setAddError(null);
    try {
      const result = await addAttendancePersonAction({ meetingId: props.meetingId, name });
      if (!result.ok) {
        setAddError({ row, message: result.message });
        return;
      }
      const { personId } = result.data;
      onPersonAdded({ personId, name: result.data.name, hint: null });
      set((prev) => {
        let j = prev.indexOf(row);
        if (j < 0) j = prev.findIndex((r) => !r.personId && r.name.trim() === name);
        return j < 0 ? prev : prev.map((r, k) => (k === j ? { ...r, personId, name: result.data.name } : r));
      });
    } catch {
      setAddError({ row, message: "Personen kunde inte läggas till: ingen anslutning. Försök igen." });
    } finally {
      addingRef.current = false;
      setAdding(null);
    }
  };

  const describe = (r: AttendanceRowValue | undefined) =>
    r
      ? [
          r.personId ? nameOf(r.personId) || r.name : `${r.name} (ny)`,
          attendanceRoleTerms[r.role].label,
          r.role === "ABSENT" && !r.ranges.trim() ? "" : rangesLabel(r.ranges),
          timesLabel(r),
          r.represents.trim(),
          r.title.trim(),
        ]
          .filter(Boolean)
          .join(", ")
      : "";
  const conflict = auto.conflict;
  const conflictRows = conflict
    ? Array.from({ length: Math.max(conflict.mine.length, conflict.theirs.length) }, (_, i) => ({
        label: `Rad ${i + 1}`,
        mine: describe(conflict.mine[i]),
        theirs: describe(conflict.theirs[i]),
      })).filter((r) => r.mine !== r.theirs)
    : [];

  return (
    <EditorSection className="mt-6" offscreenHeight={3000} headingId="narvaro" title="Närvaro" save={auto}>
      <p className="mt-1 text-sm text-slate-700">
        Paragrafer skrivs som t.ex. <kbd>59-62</kbd> eller <kbd>59, 61</kbd>. Tomt betyder hela sammanträdet. En person
        som byter roll (ersättare som går in och tjänstgör) får en rad per roll. Tider skrivs som <kbd>14:10</kbd> och
        lämnas tomma om de inte antecknats. En ledamot som inte kom får rollen Frånvarande ledamot; den ersättare som
        tjänstgjorde i stället anger ledamoten under Tjänstgör för.
      </p>
      {conflict ? (
        <ConflictChoice
          title="Konflikt i närvarolistan: någon annan har sparat listan medan du ändrade den"
          intro="Dina ändringar är inte sparade och inte borttagna. Jämför raderna och välj vilken lista som ska gälla."
          rows={conflictRows}
          onKeepMine={() => auto.resolve("mine")}
          onTakeTheirs={() => auto.resolve("theirs")}
        />
      ) : (
        auto.status === "conflict" && (
          <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2">
            Någon annan har ändrat närvarolistan. Dina ändringar finns kvar här; ladda om sidan för att jämföra.
          </p>
        )
      )}
      <ol className="mt-3 space-y-3">
        {rows.map((r, i) => (
          <li
            key={i}
            className="rounded border border-slate-200 p-2 [contain-intrinsic-block-size:auto_250px] [content-visibility:auto]"
          >
            <div className="grid gap-2 sm:grid-cols-3">
              <PersonSelect
                id={`narvaro-${i}-person`}
                label={`Rad ${i + 1}: person`}
                value={r.personId || NEW}
                people={everyone}
                meetingPersonIds={inMeeting}
                extraOptions={[{ value: NEW, label: "Ny person…" }]}
                onChange={(x) => patch(i, x === NEW ? { personId: "", name: "" } : { personId: x, name: nameOf(x) })}
              />
              {!r.personId && (
                <div>
                  <TextField
                    id={`narvaro-${i}-namn`}
                    label="Namn på ny person"
                    value={r.name}
                    readOnly={adding === r}
                    error={(addError?.row === r ? addError.message : undefined) ?? err(`rows.${i}.name`)}
                    onChange={(x) => patch(i, { name: x })}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") {
                        e.preventDefault();
                        void addPerson(r);
                      }
                    }}
                  />
                  <div className="mt-1">
                    <SmallButton variant="primary" disabled={adding === r} onClick={() => void addPerson(r)}>
                      {adding === r ? "Lägger till…" : "Lägg till som ny person"}
                    </SmallButton>
                  </div>
                </div>
              )}
              <SelectField
                id={`narvaro-${i}-roll`}
                label="Roll"
                value={r.role}
                options={roleOptions}
                onChange={(x) => patch(i, { role: x as AttendanceRole })}
              />
              {(r.role !== "ABSENT" || r.ranges.trim() !== "") &&
                rowText(i, "ranges", "paragrafer", "Paragrafer", "hela")}
              {(r.role !== "ABSENT" || !!r.arrivalTime || !!r.departureTime) && (
                <div className="grid grid-cols-2 gap-2">
                  {rowText(i, "arrivalTime", "kom", "Kom kl.", "14:10")}
                  {rowText(i, "departureTime", "gick", "Gick kl.", "15:30")}
                </div>
              )}
              {r.role === "OTHER"
                ? rowText(i, "title", "titel", "Titel")
                : rowText(i, "represents", "foretrader", "Kommun eller parti")}
              {r.role === "SERVING_SUBSTITUTE" && (
                <PersonSelect
                  id={`narvaro-${i}-ersatter`}
                  label="Tjänstgör för"
                  value={r.replacesPersonId}
                  placeholder="(ej angivet)"
                  people={everyone}
                  meetingPersonIds={inMeeting}
                  onChange={(x) => patch(i, { replacesPersonId: x })}
                />
              )}
            </div>
            {props.paragraphNumbers.length > 0 && r.role !== "ABSENT" && (
              <ParagraphToggles index={i} ranges={r.ranges} paragraphNumbers={props.paragraphNumbers} set={set} />
            )}
            <div className="mt-2 flex gap-2">
              <MoveRemoveButtons
                what={`rad ${i + 1}`}
                isFirst={i === 0}
                isLast={i === rows.length - 1}
                onMove={(d) => set((prev) => swap(prev, i, d === "up" ? i - 1 : i + 1))}
                onRemove={() => set((prev) => removeAt(prev, i))}
              />
            </div>
          </li>
        ))}
      </ol>
      <AddButton
        onClick={() =>
          set((prev) => [
            ...prev,
            {
              personId: "",
              name: "",
              role: "MEMBER",
              represents: "",
              title: "",
              ranges: "",
              replacesPersonId: "",
              arrivalTime: "",
              departureTime: "",
            },
          ])
        }
      >
        Lägg till person
      </AddButton>
    </EditorSection>
  );
});

/**
 * The per-§ toggles of one row (a checkbox per §), behind a disclosure: the range field is the
 * row's primary input, and 60 §§ in a dozen rows would otherwise be 720 checkboxes on the page
 * whether anyone uses them or not (every element on the page makes each keystroke dearer, issue
 * 16). The checkboxes exist only while the disclosure is open; memoised on the row's ranges.
 */
const ParagraphToggles = memo(function ParagraphToggles({
  index: i,
  ranges,
  paragraphNumbers,
  set,
}: {
  index: number;
  ranges: string;
  paragraphNumbers: readonly number[];
  set: (change: (rows: AttendanceRowValue[]) => AttendanceRowValue[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const form = useFormOwner();
  const covered = useMemo(() => coveredNumbers(ranges, paragraphNumbers), [ranges, paragraphNumbers]);
  return (
    <details className="mt-2" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="w-fit cursor-pointer text-sm font-medium">Närvarande i §: välj i en lista</summary>
      {open && (
        <fieldset className="mt-1">
          <legend className="sr-only">Närvarande i §</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {paragraphNumbers.map((n) => (
              <label key={n} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  form={form}
                  checked={covered?.has(n) ?? false}
                  disabled={covered === null}
                  onChange={(e) => {
                    const next = new Set(covered ?? []);
                    if (e.target.checked) next.add(n);
                    else next.delete(n);
                    set((prev) => patchAt(prev, i, { ranges: rangesText(next, paragraphNumbers) }));
                  }}
                />
                {n}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </details>
  );
});
