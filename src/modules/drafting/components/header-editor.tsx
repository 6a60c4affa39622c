"use client";

// Meeting header: place and time, secretary, justerare, justeringens plats och tid (place, date,
// time). Autosaved. With signers per § the secretary and justerare are set in SignersEditor instead.
import { memo, useEffect, useMemo } from "react";
import { FieldGroup, SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { PersonSelect } from "@/modules/drafting/components/person-select";
import { EditorSection } from "@/modules/drafting/editor/editor-section";
import { removeAt } from "@/modules/drafting/editor/list";
import { fieldError } from "@/modules/drafting/editor/save-status";
import { useAutosave } from "@/modules/drafting/editor/use-autosave";
import type { PersonOption } from "@/server/protocol.queries";
import { saveMeetingHeaderAction } from "@/modules/drafting/meeting.actions";

export interface HeaderValue {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  adjustmentPlace: string;
  adjustmentDate: string;
  /** "10:00"; a draft kept in the browser from before the field existed lacks it. */
  adjustmentTime: string;
  secretaryPersonId: string;
  adjusterPersonIds: string[];
}

type TextKey = Exclude<keyof HeaderValue, "secretaryPersonId" | "adjusterPersonIds">;

/** Memoised: re-renders on its own edits and when its props change, not with the rest of the editor. */
export const HeaderEditor = memo(function HeaderEditor(props: {
  meetingId: string;
  initial: HeaderValue;
  initialVersion: number;
  /** Every person of the organisation, those added in the attendance list included. */
  people: PersonOption[];
  /** The people in the attendance list as it stands, listed without searching. */
  attendancePersonIds: readonly string[];
  /**
   * The meeting names its signers per § (hasSignersPerParagraph, as the PDF and the checker
   * decide): the secretary and justerare here are then not used, so they are not offered.
   */
  signersPerParagraph: boolean;
  onValue: (v: HeaderValue) => void;
}) {
  const auto = useAutosave<HeaderValue>({
    storageKey: `paragraf:header:${props.meetingId}`,
    initial: props.initial,
    initialVersion: props.initialVersion,
    save: (v, version) =>
      saveMeetingHeaderAction({
        ...v,
        meetingId: props.meetingId,
        version,
        adjustmentTime: v.adjustmentTime ?? "",
        secretaryPersonId: v.secretaryPersonId || null,
        adjusterPersonIds: v.adjusterPersonIds.filter(Boolean),
      }),
  });
  const v = auto.value;
  const set = auto.update;
  const err = (path: string) => fieldError(auto.failure, path);
  const { onValue } = props;
  useEffect(() => onValue(v), [v, onValue]);
  const { attendancePersonIds, people, signersPerParagraph } = props;
  const inMeeting = useMemo(() => new Set(attendancePersonIds), [attendancePersonIds]);
  /** One text field of the header, bound to its value and its error. */
  const text = (key: TextKey, id: string, label: string, extra: { type?: "date"; placeholder?: string } = {}) => (
    <TextField
      id={id}
      label={label}
      value={v[key] ?? ""}
      error={err(key)}
      onChange={(x) => set((p) => ({ ...p, [key]: x }))}
      {...extra}
    />
  );

  const { failure } = auto;
  // The person lists (every person of the organisation) are rendered anew only when the choice, the
  // people or the attendance change, not on a key in a text field of the header.
  const secretary = useMemo(
    () =>
      !signersPerParagraph && (
        <PersonSelect
          id="sekreterare"
          label="Sekreterare"
          value={v.secretaryPersonId}
          placeholder="Välj sekreterare"
          people={people}
          meetingPersonIds={inMeeting}
          onChange={(x) => set((p) => ({ ...p, secretaryPersonId: x }))}
        />
      ),
    [signersPerParagraph, v.secretaryPersonId, people, inMeeting, set],
  );
  const adjusters = useMemo(
    () =>
      signersPerParagraph ? (
        <p id="justering-per-paragraf" className="mt-3 text-sm text-slate-700">
          Sekreterare och justerare anges per paragraf under <a href="#undertecknare">Undertecknare</a> nedan.
        </p>
      ) : (
        <div className="mt-3 space-y-2">
          {v.adjusterPersonIds.map((id, i) => (
            <div key={i} className="flex items-end gap-2">
              <PersonSelect
                className="flex-1"
                id={`justerare-${i}`}
                label={`Justerare ${i + 1}`}
                value={id}
                placeholder="Välj justerare"
                people={people}
                meetingPersonIds={inMeeting}
                error={i === 0 ? fieldError(failure, "adjusterPersonIds") : undefined}
                onChange={(x) =>
                  set((p) => ({ ...p, adjusterPersonIds: p.adjusterPersonIds.map((y, j) => (j === i ? x : y)) }))
                }
              />
              <SmallButton
                variant="danger"
                label={`Ta bort justerare ${i + 1}`}
                onClick={() => set((p) => ({ ...p, adjusterPersonIds: removeAt(p.adjusterPersonIds, i) }))}
              >
                Ta bort
              </SmallButton>
            </div>
          ))}
          <SmallButton onClick={() => set((p) => ({ ...p, adjusterPersonIds: [...p.adjusterPersonIds, ""] }))}>
            Lägg till justerare
          </SmallButton>
        </div>
      ),
    [signersPerParagraph, v.adjusterPersonIds, people, inMeeting, set, failure],
  );

  return (
    <EditorSection
      offscreenHeight={500}
      headingId="sammantrade"
      title="Sammanträdet"
      save={auto}
      conflictMessage="Någon annan har ändrat sammanträdets uppgifter. Dina ändringar finns kvar här; ladda om sidan för att se deras och skriv sedan in dina igen."
    >
      <div className="mt-3 grid gap-3 sm:grid-cols-4">
        {text("date", "datum", "Datum", { type: "date" })}
        {text("startTime", "start", "Starttid", { placeholder: "10:00" })}
        {text("endTime", "slut", "Sluttid", { placeholder: "12:00" })}
        {text("place", "plats", "Plats", { placeholder: "Rum eller Zoom" })}
      </div>
      <FieldGroup title="Justering">
        <div className="grid gap-3 sm:grid-cols-4">
          {secretary}
          {text("adjustmentPlace", "justering-plats", "Justeringens plats")}
          {text("adjustmentDate", "justering-datum", "Justeringens datum", { type: "date" })}
          {text("adjustmentTime", "justering-tid", "Justeringens tid", { placeholder: "10:00" })}
        </div>
        {adjusters}
      </FieldGroup>
    </EditorSection>
  );
});
