"use client";

// Meeting header: place and time, secretary, justerare, justeringens plats och tid (place, date,
// time). Autosaved.
import { useEffect } from "react";
import { FieldGroup, SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { PersonSelect } from "@/modules/drafting/components/person-select";
import { SaveStatus, fieldError } from "@/modules/drafting/editor/save-status";
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

export function HeaderEditor(props: {
  meetingId: string;
  initial: HeaderValue;
  initialVersion: number;
  /** Every person of the organisation, those added in the attendance list included. */
  people: PersonOption[];
  /** The people in the attendance list as it stands, listed without searching. */
  attendancePersonIds: readonly string[];
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
  const inMeeting = new Set(props.attendancePersonIds);

  return (
    <section aria-labelledby="sammantrade" className="rounded border-2 border-slate-300 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sammantrade" className="text-xl font-semibold">
          Sammanträdet
        </h2>
        <SaveStatus status={auto.status} failure={auto.failure} />
      </div>
      {auto.status === "conflict" && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2">
          Någon annan har ändrat sammanträdets uppgifter. Dina ändringar finns kvar här; ladda om sidan för att se deras
          och skriv sedan in dina igen.
        </p>
      )}
      <div className="mt-3 grid gap-3 sm:grid-cols-4">
        <TextField
          id="datum"
          label="Datum"
          type="date"
          value={v.date}
          error={err("date")}
          onChange={(x) => set((p) => ({ ...p, date: x }))}
        />
        <TextField
          id="start"
          label="Starttid"
          value={v.startTime}
          error={err("startTime")}
          placeholder="10:00"
          onChange={(x) => set((p) => ({ ...p, startTime: x }))}
        />
        <TextField
          id="slut"
          label="Sluttid"
          value={v.endTime}
          error={err("endTime")}
          placeholder="12:00"
          onChange={(x) => set((p) => ({ ...p, endTime: x }))}
        />
        <TextField
          id="plats"
          label="Plats"
          value={v.place}
          error={err("place")}
          placeholder="Rum eller Zoom"
          onChange={(x) => set((p) => ({ ...p, place: x }))}
        />
      </div>
      <FieldGroup title="Justering">
        <div className="grid gap-3 sm:grid-cols-4">
          <PersonSelect
            id="sekreterare"
            label="Sekreterare"
            value={v.secretaryPersonId}
            placeholder="Välj sekreterare"
            people={props.people}
            meetingPersonIds={inMeeting}
            onChange={(x) => set((p) => ({ ...p, secretaryPersonId: x }))}
          />
          <TextField
            id="justering-plats"
            label="Justeringens plats"
            value={v.adjustmentPlace}
            error={err("adjustmentPlace")}
            onChange={(x) => set((p) => ({ ...p, adjustmentPlace: x }))}
          />
          <TextField
            id="justering-datum"
            label="Justeringens datum"
            type="date"
            value={v.adjustmentDate}
            error={err("adjustmentDate")}
            onChange={(x) => set((p) => ({ ...p, adjustmentDate: x }))}
          />
          <TextField
            id="justering-tid"
            label="Justeringens tid"
            value={v.adjustmentTime ?? ""}
            error={err("adjustmentTime")}
            placeholder="10:00"
            onChange={(x) => set((p) => ({ ...p, adjustmentTime: x }))}
          />
        </div>
        <div className="mt-3 space-y-2">
          {v.adjusterPersonIds.map((id, i) => (
            <div key={i} className="flex items-end gap-2">
              <PersonSelect
                className="flex-1"
                id={`justerare-${i}`}
                label={`Justerare ${i + 1}`}
                value={id}
                placeholder="Välj justerare"
                people={props.people}
                meetingPersonIds={inMeeting}
                error={i === 0 ? err("adjusterPersonIds") : undefined}
                onChange={(x) =>
                  set((p) => ({ ...p, adjusterPersonIds: p.adjusterPersonIds.map((y, j) => (j === i ? x : y)) }))
                }
              />
              <SmallButton
                variant="danger"
                label={`Ta bort justerare ${i + 1}`}
                onClick={() => set((p) => ({ ...p, adjusterPersonIds: p.adjusterPersonIds.filter((_, j) => j !== i) }))}
              >
                Ta bort
              </SmallButton>
            </div>
          ))}
          <SmallButton onClick={() => set((p) => ({ ...p, adjusterPersonIds: [...p.adjusterPersonIds, ""] }))}>
            Lägg till justerare
          </SmallButton>
        </div>
      </FieldGroup>
    </section>
  );
}
