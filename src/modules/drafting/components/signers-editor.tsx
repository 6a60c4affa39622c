"use client";

// Undertecknare per paragraf (issue 14): a second secretary for some §§, the vice chair chairing
// one §, per-§ justerare, two chairs who both sign. Off by default: the protocol is then signed by
// the secretary and justerare of "Sammanträdet" and the chair of the attendance list, each for the
// whole meeting. Turned on, this list (prefilled with those) decides who signs for which §§.
// Autosaved on its own version.
import { memo, useEffect } from "react";
import { SmallButton, SelectField, TextField } from "@/modules/drafting/editor/fields";
import { EditorSection } from "@/modules/drafting/editor/editor-section";
import { patchAt, removeAt } from "@/modules/drafting/editor/list";
import { fieldError } from "@/modules/drafting/editor/save-status";
import { useAutosave } from "@/modules/drafting/editor/use-autosave";
import type { PersonOption } from "@/server/protocol.queries";
import type { SignatureRole } from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";
import { saveSignersAction } from "@/modules/drafting/signers.actions";

export interface SignerRowValue {
  role: SignatureRole;
  personId: string;
  /** "5-6, 8"; "" = the whole meeting. */
  ranges: string;
}

const ROLES: SignatureRole[] = ["SECRETARY", "CHAIR", "ADJUSTER"];
const roleOptions = ROLES.map((r) => ({ value: r, label: signatureRoleTerms[r].label }));

/** Memoised: re-renders on its own edits and when its props change, not with the rest of the editor. */
export const SignersEditor = memo(function SignersEditor(props: {
  meetingId: string;
  initial: SignerRowValue[];
  initialVersion: number;
  people: PersonOption[];
  /** The signers as they are without per-§ assignment, to start the list from. */
  suggest: () => SignerRowValue[];
  onValue: (rows: SignerRowValue[]) => void;
}) {
  const auto = useAutosave<SignerRowValue[]>({
    storageKey: `paragraf:signers:${props.meetingId}`,
    initial: props.initial,
    initialVersion: props.initialVersion,
    save: (rows, version) => saveSignersAction({ meetingId: props.meetingId, version, signers: rows }),
  });
  const rows = auto.value;
  const set = auto.update;
  const err = (path: string) => fieldError(auto.failure, path);
  const { onValue } = props;
  useEffect(() => onValue(rows), [rows, onValue]);
  const options = props.people.map((p) => ({ value: p.personId, label: p.hint ? `${p.name} (${p.hint})` : p.name }));
  const change = (i: number, patch: Partial<SignerRowValue>) => set((p) => patchAt(p, i, patch));

  return (
    <EditorSection
      className="mt-6"
      offscreenHeight={400}
      headingId="undertecknare"
      title="Undertecknare"
      save={auto}
      conflictMessage="Någon annan har ändrat undertecknarna. Dina ändringar finns kvar här; ladda om sidan för att se deras och skriv sedan in dina igen."
    >
      {rows.length === 0 ? (
        <div className="mt-2 space-y-2">
          <p>
            Protokollet undertecknas av sekreteraren och justerarna under Sammanträdet och av ordföranden i
            närvarolistan, var och en för alla paragrafer.
          </p>
          <SmallButton onClick={() => set(() => props.suggest())}>Ange undertecknare per paragraf</SmallButton>
        </div>
      ) : (
        <div className="mt-2 space-y-3">
          <p id="undertecknare-hjalp" className="text-sm text-slate-700">
            Varje paragraf ska ha en sekreterare, en ordförande och minst en justerare. Lämna Paragrafer tomt för hela
            sammanträdet. Listan gäller i stället för sekreterare och justerare under Sammanträdet. En person
            undertecknar en gång för alla sina paragrafer.
          </p>
          {rows.map((row, i) => (
            <div key={i} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_10rem_auto]">
              <SelectField
                id={`undertecknare-${i}-roll`}
                label={`Roll, undertecknare ${i + 1}`}
                value={row.role}
                options={roleOptions}
                error={err(`signers.${i}.role`)}
                onChange={(x) => change(i, { role: x as SignatureRole })}
              />
              <SelectField
                id={`undertecknare-${i}-person`}
                label={`Person, undertecknare ${i + 1}`}
                value={row.personId}
                placeholder="Välj person"
                options={options}
                error={err(`signers.${i}.personId`)}
                onChange={(x) => change(i, { personId: x })}
              />
              <TextField
                id={`undertecknare-${i}-paragrafer`}
                label={`Paragrafer, undertecknare ${i + 1}`}
                value={row.ranges}
                placeholder="alla"
                error={err(`signers.${i}.ranges`)}
                onChange={(x) => change(i, { ranges: x })}
              />
              <SmallButton
                variant="danger"
                label={`Ta bort undertecknare ${i + 1}`}
                onClick={() => set((p) => removeAt(p, i))}
              >
                Ta bort
              </SmallButton>
            </div>
          ))}
          {err("signers") && <p className="text-sm text-red-800">{err("signers")}</p>}
          <div className="flex flex-wrap gap-2">
            <SmallButton onClick={() => set((p) => [...p, { role: "ADJUSTER", personId: "", ranges: "" }])}>
              Lägg till undertecknare
            </SmallButton>
            <SmallButton
              onClick={() => {
                if (window.confirm("Sluta ange undertecknare per paragraf? Listan nedan tas bort.")) set(() => []);
              }}
            >
              Sluta ange per paragraf
            </SmallButton>
          </div>
        </div>
      )}
    </EditorSection>
  );
});
