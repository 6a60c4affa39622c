"use client";

// The editor for one §: every field of the paragraph, autosaved as one versioned record.
import { memo, useCallback, useEffect, useMemo, type ComponentProps } from "react";
import {
  AddButton,
  CheckboxField,
  FieldGroup,
  LinesField,
  MoveRemoveButtons,
  RemoveButton,
  SelectField,
  SmallButton,
  TextAreaField,
  TextAreaList,
  TextField,
} from "@/modules/drafting/editor/fields";
import { EditorSection } from "@/modules/drafting/editor/editor-section";
import { patchAt, removeAt, swap } from "@/modules/drafting/editor/list";
import { fieldError } from "@/modules/drafting/editor/save-status";
import { useAutosave } from "@/modules/drafting/editor/use-autosave";
import type { ParagraphDTO, PersonRef } from "@/domain/protocol/protocol.types";
import {
  attendanceRoleTerms,
  ballotChoiceTerms,
  motionKindLabel,
  sectionKindHeading,
  voteOutcomeLabel,
} from "@/domain/vocabulary";
import { RichTextEditor } from "@/modules/drafting/components/rich-text-editor";
import { tallyBallots } from "@/domain/rules/decisions.rules";
import { saveParagraphAction } from "@/modules/drafting/paragraph.actions";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import { BALLOT_CHOICES, MOTION_KINDS, SECTION_KINDS, VOTE_OUTCOMES } from "@/modules/drafting/paragraph.constants";
import type { ParagraphViewFrame } from "@/ui/paragraph-view";
import { publicationLevel } from "@/domain/publication/public.rules";
import { publicationLevelLabel } from "@/domain/vocabulary";
import { AttachmentsEditor } from "./attachments-editor";
import { ConflictPanel } from "./conflict-panel";
import { ParagraphPreview, PreviewBeside, PreviewToggle, usePreviewOpen, useSettled } from "./paragraph-preview";

const emptyDoc = { type: "doc" as const, content: [] };

export interface ParagraphEditorProps {
  /** The § as stored (its title names it when it is removed). */
  paragraph: Pick<ParagraphDTO, "id" | "number" | "title" | "attachments">;
  meetingSlug: string;
  onAttachmentsChanged: () => void;
  initial: ParagraphContentInput;
  initialVersion: number;
  bodyName: string;
  genitiveName: string;
  /** What the preview prints the § with (the protocol: Dnr prefix, the body's genitive and order, parties). */
  previewFrame: ParagraphViewFrame;
  /** A Dnr in the organisation's own format ("KS 2023/117"), for the placeholder. */
  caseNumberExample: string;
  chairName: string | null;
  /** Deciding members taking part in this § (from attendance and jäv). */
  participants: PersonRef[];
  /** Who votes in this §: participants less ledamöter replaced by a serving ersättare. */
  voters: PersonRef[];
  /** Everyone present at the meeting. */
  present: PersonRef[];
  isFirst: boolean;
  isLast: boolean;
  onValue: (id: string, content: ParagraphContentInput) => void;
  onMove: (paragraphId: string, direction: "up" | "down") => void;
  onDelete: (paragraph: { id: string; number: number; title: string }) => void;
}

/**
 * Memoised: the § re-renders on its own keystrokes and when its props change (participation,
 * position), never because another § or the header changed. Every callback it receives must be
 * stable (the protocol editor's are).
 */
export const ParagraphEditor = memo(function ParagraphEditor(props: ParagraphEditorProps) {
  const { paragraph, participants, voters, present, onValue } = props;
  const key = `p${paragraph.number}`;
  const auto = useAutosave<ParagraphContentInput>({
    storageKey: `paragraf:paragraph:${paragraph.id}`,
    initial: props.initial,
    initialVersion: props.initialVersion,
    save: (content, version) => saveParagraphAction({ paragraphId: paragraph.id, version, content }),
    fromConflict: (current) => {
      const c = current as { version: number; paragraph: ParagraphDTO } | null;
      return c?.paragraph ? { version: c.version, value: toParagraphContent(c.paragraph) } : null;
    },
  });
  const c = auto.value;
  const set = auto.update;
  const { failure } = auto;
  const err = useCallback((path: string) => fieldError(failure, `content.${path}`), [failure]);
  const { setField, setList, addTo, setEntries, setClauses } = useMemo(() => contentSetters(set), [set]);

  useEffect(() => onValue(paragraph.id, c), [c, onValue, paragraph.id]);
  const [previewOpen, togglePreview] = usePreviewOpen(paragraph.id);

  const people = useCallback(
    (selected: string[]) => {
      const ids = new Set(participants.map((p) => p.personId));
      const options = participants.map((p) => ({ value: p.personId, label: p.name }));
      for (const id of selected) {
        const extra = present.find((p) => p.personId === id);
        if (id && !ids.has(id))
          options.push({ value: id, label: `${extra?.name ?? "Okänd"} (deltar inte i § ${paragraph.number})` });
      }
      return options;
    },
    [participants, present, paragraph.number],
  );
  const presentOptions = useMemo(() => present.map((p) => ({ value: p.personId, label: p.name })), [present]);
  // Walks the sections' rich text: once typing in them pauses (useSettled), not on every key.
  const settledSections = useSettled(c.sections);
  const level = useMemo(
    () =>
      publicationLevel({
        isConfidential: c.isConfidential,
        sections: settledSections,
        redactedNames: c.redactedNames ?? [],
      }),
    [c.isConfidential, settledSections, c.redactedNames],
  );
  // The § 's parts, each rendered anew only when what it shows changes: a key in the rubrik or in
  // one section re-renders that field, not every field of the §.
  const publicCopy = useMemo(
    () => (
      <details className="mt-3 rounded border border-slate-300 p-3" open={level !== "FULL" || !!c.withholdingGround}>
        <summary className="cursor-pointer font-semibold">Offentlig kopia: {publicationLevelLabel[level]}</summary>
        <p className="mt-2 text-sm">
          Markera text i avsnitten med knappen <strong>Utelämna</strong> (Ctrl+Shift+U) för att den ska ersättas med
          &nbsp;[utelämnat] i alla offentliga kopior. Originalet behåller allt.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <TextField
            id={`${key}-grund`}
            label="Grund för att inte lämna ut"
            hint='T.ex. "OSL 26 kap. 1 §". Visas i den offentliga kopian.'
            value={c.withholdingGround ?? ""}
            onChange={setField("withholdingGround")}
            error={err("withholdingGround")}
          />
          <LinesField
            id={`${key}-namn-utelamnas`}
            label="Namn på privatpersoner som utelämnas"
            hint="Ett namn per rad; ersätts överallt i paragrafen. Listan publiceras inte."
            value={c.redactedNames ?? []}
            onChange={setField("redactedNames")}
            error={err("redactedNames")}
            rows={2}
          />
        </div>
      </details>
    ),
    [level, c.withholdingGround, c.redactedNames, setField, err, key],
  );
  const decision = useMemo(
    () => (
      <FieldGroup title={`${props.genitiveName} beslut`} id={`${key}-beslut`}>
        <TextAreaField
          id={`${key}-beslut-text`}
          label="Beslutstext"
          hint={`T.ex. "${props.bodyName} beslutar:" följt av att-satser, eller hela beslutet i en mening.`}
          value={c.decision.intro}
          onChange={(v) => set((p) => ({ ...p, decision: { ...p.decision, intro: v } }))}
          error={err("decision.intro")}
          rows={2}
        />
        <TextAreaList
          ordered
          id={(i) => `${key}-att-${i}`}
          label="Att-sats"
          items={c.decision.clauses}
          error={(i) => err(`decision.clauses.${i}`)}
          onChange={setClauses}
        />
        <AddButton onClick={() => setClauses((clauses) => [...clauses, "att "])}>Lägg till att-sats</AddButton>
      </FieldGroup>
    ),
    [c.decision, setClauses, set, err, key, props.genitiveName, props.bodyName],
  );
  const sectionFields = useMemo(
    () => (
      <>
        {c.sections.map((s, i) => (
          <SectionFields
            key={i}
            keyPrefix={key}
            index={i}
            section={s}
            isLast={i === c.sections.length - 1}
            headingError={err(`sections.${i}.heading`)}
            contentError={err(`sections.${i}.content`) !== undefined}
            set={set}
          />
        ))}
        <div className="mt-3 flex flex-wrap gap-2">
          {SECTION_KINDS.map((kind) => (
            <SmallButton
              key={kind}
              onClick={() => {
                const section = { kind, heading: sectionKindHeading[kind], content: emptyDoc };
                addTo("sections", section);
              }}
            >
              Lägg till {kind === "OTHER" ? "annat avsnitt" : `"${sectionKindHeading[kind]}"`}
            </SmallButton>
          ))}
        </div>
      </>
    ),
    [c.sections, set, addTo, err, key],
  );
  const documents = useMemo(
    () => (
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <LinesField
          id={`${key}-underlag`}
          label="Beslutsunderlag"
          value={c.basisDocuments}
          onChange={setField("basisDocuments")}
          error={err("basisDocuments")}
          rows={4}
        />
        <LinesField
          id={`${key}-expediering`}
          label="Beslutsexpediering"
          value={c.dispatch}
          onChange={setField("dispatch")}
          error={err("dispatch")}
          rows={4}
          hint='En mottagare per rad, t.ex. "Akt".'
        />
      </div>
    ),
    [c.basisDocuments, c.dispatch, setField, err, key],
  );
  const attachments = useMemo(
    () => (
      <AttachmentsEditor
        paragraphId={paragraph.id}
        number={paragraph.number}
        meetingSlug={props.meetingSlug}
        attachments={paragraph.attachments}
        onChanged={props.onAttachmentsChanged}
      />
    ),
    [paragraph.id, paragraph.number, paragraph.attachments, props.meetingSlug, props.onAttachmentsChanged],
  );
  const motions = useMemo(
    () => (
      <FieldGroup title="Yrkanden" id={`${key}-yrkanden`}>
        {c.motions.length === 0 && <p className="text-sm text-slate-700">Inga yrkanden.</p>}
        <ol className="space-y-3">
          {c.motions.map((m, i) => (
            <li key={i} className="rounded border border-slate-200 p-2">
              <div className="grid gap-2 sm:grid-cols-3">
                <SelectField
                  id={`${key}-yrkande-${i}-person`}
                  label={`Yrkande ${i + 1}: vem`}
                  value={m.personId}
                  placeholder="Välj ledamot"
                  options={people([m.personId])}
                  error={err(`motions.${i}.personId`)}
                  onChange={(v) => setList("motions", (l) => patchAt(l, i, { personId: v }))}
                />
                <SelectField
                  id={`${key}-yrkande-${i}-typ`}
                  label="Typ"
                  value={m.kind}
                  options={MOTION_KINDS.map((k) => ({ value: k, label: motionKindLabel[k] }))}
                  onChange={(v) => setList("motions", (l) => patchAt(l, i, { kind: v as typeof m.kind }))}
                />
                <SelectField
                  id={`${key}-yrkande-${i}-galler`}
                  label="Gäller yrkande"
                  value={m.amendsIndex === null ? "" : String(m.amendsIndex)}
                  placeholder="Inget (eget yrkande)"
                  error={err(`motions.${i}.amendsIndex`)}
                  options={c.motions.slice(0, i).map((o, j) => ({
                    value: String(j),
                    label: `${j + 1}: ${present.find((x) => x.personId === o.personId)?.name ?? "?"}`,
                  }))}
                  onChange={(v) =>
                    setList("motions", (l) => patchAt(l, i, { amendsIndex: v === "" ? null : Number(v) }))
                  }
                />
              </div>
              <TextAreaField
                className="mt-2"
                id={`${key}-yrkande-${i}-text`}
                label="Yrkandets lydelse"
                value={m.text}
                error={err(`motions.${i}.text`)}
                rows={2}
                onChange={(v) => setList("motions", (l) => patchAt(l, i, { text: v }))}
              />
              <div className="mt-2 flex items-center justify-between">
                <CheckboxField
                  id={`${key}-yrkande-${i}-ater`}
                  label="Återtaget"
                  checked={m.withdrawn}
                  onChange={(v) => setList("motions", (l) => patchAt(l, i, { withdrawn: v }))}
                />
                <SmallButton
                  variant="danger"
                  label={`Ta bort yrkande ${i + 1}`}
                  onClick={() =>
                    setList("motions", (l) =>
                      removeAt(l, i).map((x) => ({
                        ...x,
                        amendsIndex:
                          x.amendsIndex === null
                            ? null
                            : x.amendsIndex === i
                              ? null
                              : x.amendsIndex > i
                                ? x.amendsIndex - 1
                                : x.amendsIndex,
                      })),
                    )
                  }
                >
                  Ta bort
                </SmallButton>
              </div>
            </li>
          ))}
        </ol>
        <AddButton
          onClick={() =>
            addTo("motions", { personId: "", kind: "BIFALL", text: "", amendsIndex: null, withdrawn: false })
          }
        >
          Lägg till yrkande
        </AddButton>
      </FieldGroup>
    ),
    [c.motions, people, present, setList, addTo, err, key],
  );
  const propositions = useMemo(
    () => (
      <FieldGroup title="Propositionsordning" id={`${key}-proposition`}>
        <TextAreaList
          ordered={false}
          id={(i) => `${key}-proposition-${i}`}
          label="Proposition"
          items={c.propositions}
          onChange={(change) => setList("propositions", change)}
        />
        <div className="mt-2 flex flex-wrap gap-2">
          <SmallButton
            onClick={() =>
              set((p) => ({
                ...p,
                propositions: [...p.propositions, propositionFrom(props.chairName, props.bodyName, p, present)],
              }))
            }
          >
            Skriv proposition utifrån yrkandena
          </SmallButton>
        </div>
      </FieldGroup>
    ),
    [c.propositions, setList, set, key, props.chairName, props.bodyName, present],
  );
  const votes = useMemo(
    () => (
      <FieldGroup title="Omröstning" id={`${key}-omrostning`}>
        {c.votes.map((v, vi) => {
          const tally = tallyBallots(v.ballots);
          const counts = v.counts ?? null;
          const title = `Omröstning ${vi + 1}`;
          const patchVote = (patch: (y: Vote) => Vote) =>
            setList("votes", (votes) => votes.map((y, j) => (j === vi ? patch(y) : y)));
          const setCount = (k: "ja" | "nej" | "avstar", x: string) =>
            patchVote((y) => ({
              ...y,
              counts: { ...(y.counts ?? { ja: 0, nej: 0, avstar: 0 }), [k]: x === "" ? 0 : Number(x) },
            }));
          return (
            <div key={vi} className="mb-3 rounded border border-slate-200 p-2" role="group" aria-label={title}>
              <h3 className="font-semibold">{title}</h3>
              <TextField
                id={`${key}-omr-${vi}-fraga`}
                label="Vad gällde omröstningen?"
                value={v.question}
                error={err(`votes.${vi}.question`)}
                placeholder="Ja för ordförandens förslag, nej för …"
                onChange={(x) => patchVote((y) => ({ ...y, question: x }))}
              />
              <fieldset className="mt-2">
                <legend className="text-sm font-medium">Hur protokollet redovisar omröstningen</legend>
                <label className="mr-4 inline-flex items-center gap-1">
                  <input
                    type="radio"
                    name={`${key}-omr-${vi}-satt`}
                    checked={counts === null}
                    onChange={() =>
                      patchVote((y) => ({
                        ...y,
                        counts: null,
                        ballots: voters.map((x) => ({ personId: x.personId, choice: null })),
                      }))
                    }
                  />
                  Röster per namn
                </label>
                <label className="inline-flex items-center gap-1">
                  <input
                    type="radio"
                    name={`${key}-omr-${vi}-satt`}
                    checked={counts !== null}
                    onChange={() => patchVote((y) => ({ ...y, ballots: [], counts: { ...tallyBallots(y.ballots) } }))}
                  />
                  Bara summor (protokollet namnger inte de röstande)
                </label>
              </fieldset>
              {counts !== null ? (
                <div className="mt-2 grid max-w-md grid-cols-3 gap-2">
                  {(
                    [
                      ["ja", "Antal ja"],
                      ["nej", "Antal nej"],
                      ["avstar", "Antal avstår"],
                    ] as const
                  ).map(([k, label]) => (
                    <TextField
                      key={k}
                      id={`${key}-omr-${vi}-${k}`}
                      label={label}
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={String(counts[k])}
                      error={err(`votes.${vi}.counts.${k}`)}
                      onChange={(x) => setCount(k, x)}
                    />
                  ))}
                </div>
              ) : (
                <table className="mt-2 border-collapse text-sm">
                  <caption className="sr-only">Röster i omröstning {vi + 1}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-4 text-left">
                        {attendanceRoleTerms.MEMBER.label}
                      </th>
                      {BALLOT_CHOICES.map((c) => (
                        <th key={c} scope="col" className="px-2">
                          {ballotChoiceTerms[c].label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {v.ballots.map((b, bi) => {
                      const name = present.find((x) => x.personId === b.personId)?.name ?? "?";
                      return (
                        <tr key={b.personId}>
                          <th scope="row" className="pr-4 text-left font-normal">
                            {name}
                            {b.choice === null && <span className="ml-1 text-red-800">(inget val)</span>}
                          </th>
                          {BALLOT_CHOICES.map((choice) => (
                            <td key={choice} className="px-2 text-center">
                              <input
                                type="radio"
                                name={`${key}-omr-${vi}-${b.personId}`}
                                checked={b.choice === choice}
                                aria-label={`${name}: ${ballotChoiceTerms[choice].word}`}
                                onChange={() =>
                                  patchVote((y) => ({
                                    ...y,
                                    ballots: y.ballots.map((z, k) => (k === bi ? { ...z, choice } : z)),
                                  }))
                                }
                              />
                            </td>
                          ))}
                        </tr>
                      );
                    })}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" className="pr-4 text-left">
                        Summa
                      </th>
                      <td className="px-2 text-center">{tally.ja}</td>
                      <td className="px-2 text-center">{tally.nej}</td>
                      <td className="px-2 text-center">{tally.avstar}</td>
                      <td className="px-2 text-center">{v.ballots.filter((b) => b.choice === "FRANVARANDE").length}</td>
                      <td className="px-2 text-center">{v.ballots.filter((b) => b.choice === "DELTAR_EJ").length}</td>
                    </tr>
                  </tfoot>
                </table>
              )}
              <div className="mt-2 grid gap-2 sm:grid-cols-[1fr_2fr]">
                <SelectField
                  id={`${key}-omr-${vi}-utfall`}
                  label="Utfall"
                  value={v.outcome}
                  options={VOTE_OUTCOMES.map((o) => ({ value: o, label: voteOutcomeLabel[o] }))}
                  onChange={(x) => patchVote((y) => ({ ...y, outcome: x as typeof v.outcome }))}
                />
                <TextField
                  id={`${key}-omr-${vi}-resultat`}
                  label="Resultat som ordföranden meddelade"
                  value={v.result}
                  onChange={(x) => patchVote((y) => ({ ...y, result: x }))}
                />
              </div>
              <div className="mt-2">
                <SmallButton
                  variant="danger"
                  label={`Ta bort omröstning ${vi + 1}`}
                  onClick={() => setList("votes", (votes) => removeAt(votes, vi))}
                >
                  Ta bort omröstningen
                </SmallButton>
              </div>
            </div>
          );
        })}
        <SmallButton
          onClick={() =>
            addTo("votes", {
              question: "",
              result: "",
              outcome: "JA",
              // Only those serving in a seat in this § vote; no choice until entered.
              ballots: voters.map((x) => ({ personId: x.personId, choice: null })),
              counts: null,
            })
          }
        >
          Lägg till omröstning (med tjänstgörande ledamöter i § {paragraph.number})
        </SmallButton>
      </FieldGroup>
    ),
    [c.votes, voters, present, setList, addTo, err, key, paragraph.number],
  );
  const personLists = useMemo(
    () => (
      <FieldGroup title="Reservationer, protokollsanteckningar och jäv" id={`${key}-reservationer`}>
        {PERSON_LISTS.map((l) =>
          (
            ({ reservations: c.reservations, notes: c.notes, recusals: c.recusals })[l.list] as readonly PersonEntry[]
          ).map((e, i) => (
            <PersonEntryRow
              key={`${l.id}${i}`}
              person={{
                id: `${key}-${l.id}-${i}`,
                label: l.who,
                value: e.personId ?? "",
                placeholder: l.placeholder,
                options: l.participantsOnly ? people([e.personId ?? ""]) : presentOptions,
                error: err(`${l.list}.${i}.personId`),
                onChange: (v) => setEntries(l.list, (x) => patchAt(x, i, { personId: v || l.noPerson })),
              }}
              text={{
                id: `${key}-${l.id}-${i}-${l.textId}`,
                // "Skriftlig reservation senare" from the live meeting: the checker warns until it is in.
                label: l.list === "reservations" && e.writtenLater ? "Skriftlig motivering (väntas)" : l.textLabel,
                value: e[l.text] ?? "",
                error: err(`${l.list}.${i}.${l.text}`),
                onChange: (v) => setEntries(l.list, (x) => patchAt(x, i, { [l.text]: v })),
              }}
              removeLabel={`Ta bort ${l.remove} ${i + 1}`}
              onRemove={() => setEntries(l.list, (x) => removeAt(x, i))}
            />
          )),
        )}
        <div className="flex flex-wrap gap-2">
          {PERSON_LISTS.map((l) => (
            <SmallButton key={l.list} onClick={() => setEntries(l.list, (x) => [...x, { ...l.empty }])}>
              Lägg till {l.add}
            </SmallButton>
          ))}
        </div>
      </FieldGroup>
    ),
    [c.reservations, c.notes, c.recusals, people, presentOptions, setEntries, err, key],
  );

  const section = (
    <EditorSection
      id={`paragraf-${paragraph.number}`}
      className="mt-8"
      headingId={`${key}-rubrik`}
      title={`§ ${paragraph.number} ${c.title || "(utan rubrik)"}`}
      save={auto}
      actions={
        <>
          <PreviewToggle number={paragraph.number} isOpen={previewOpen} onToggle={togglePreview} />
          <MoveRemoveButtons
            what={`§ ${paragraph.number}`}
            isFirst={props.isFirst}
            isLast={props.isLast}
            onMove={(direction) => props.onMove(paragraph.id, direction)}
            onRemove={() => props.onDelete(paragraph)}
          />
        </>
      }
    >
      {auto.conflict && (
        <ConflictPanel
          number={paragraph.number}
          mine={auto.conflict.mine}
          theirs={auto.conflict.theirs}
          onKeepMine={() => auto.resolve("mine")}
          onTakeTheirs={() => auto.resolve("theirs")}
        />
      )}

      <div className="mt-3 grid gap-3 sm:grid-cols-[1fr_3fr]">
        <TextField
          id={`${key}-dnr`}
          label="Diarienummer (Dnr)"
          value={c.caseNumber ?? ""}
          onChange={setField("caseNumber")}
          error={err("caseNumber")}
          placeholder={props.caseNumberExample}
        />
        <TextField
          id={`${key}-titel`}
          label="Rubrik"
          value={c.title}
          onChange={setField("title")}
          error={err("title")}
        />
      </div>
      <div className="mt-2 flex flex-wrap gap-6">
        <CheckboxField
          id={`${key}-sekretess`}
          label="Sekretess (visas inte publikt)"
          checked={c.isConfidential}
          onChange={setField("isConfidential")}
        />
        <CheckboxField
          id={`${key}-omedelbar`}
          label="Omedelbar justering"
          checked={c.isImmediatelyAdjusted}
          onChange={setField("isImmediatelyAdjusted")}
        />
      </div>
      {publicCopy}

      {decision}

      {sectionFields}

      {documents}

      {attachments}

      {motions}

      {propositions}

      {votes}

      {personLists}
    </EditorSection>
  );
  return (
    <PreviewBeside
      preview={
        previewOpen && (
          <ParagraphPreview frame={props.previewFrame} paragraph={paragraph} content={c} present={present} />
        )
      }
    >
      {section}
    </PreviewBeside>
  );
});

/**
 * The § 's setters, from its update function (stable): one plain field, one list, an item added to a
 * list, one list of people, the att-satser. Each applies its change to the § as it is then.
 */
function contentSetters(set: (change: (p: ParagraphContentInput) => ParagraphContentInput) => void) {
  const setField =
    <K extends keyof ParagraphContentInput>(field: K) =>
    (value: ParagraphContentInput[K]) =>
      set((p) => ({ ...p, [field]: value }));
  const setList = <K extends ListName>(
    list: K,
    change: (items: ParagraphContentInput[K]) => ParagraphContentInput[K],
  ) => set((p) => ({ ...p, [list]: change(p[list]) }));
  const addTo = <K extends ListName>(list: K, item: ParagraphContentInput[K][number]) =>
    setList(list, (items) => [...items, item] as ParagraphContentInput[K]);
  const setEntries = (list: PersonListName, change: (entries: readonly PersonEntry[]) => PersonEntry[]) =>
    setList(list, (items) => change(items as readonly PersonEntry[]) as typeof items);
  const setClauses = (change: (clauses: readonly string[]) => string[]) =>
    set((p) => ({ ...p, decision: { ...p.decision, clauses: change(p.decision.clauses) } }));
  return { setField, setList, addTo, setEntries, setClauses };
}

type PersonListName = "reservations" | "notes" | "recusals";
type ListName = "sections" | "motions" | "propositions" | "votes" | PersonListName;
/** A row of one of those lists: who (none: the body, for a note) and a text field. */
type PersonEntry = { personId: string | null } & Record<string, string | null>;

/**
 * The §'s lists of people, in the order the editor shows them: reservations (by a member taking
 * part), protocol notes (by anyone present, or the body) and recusals (who left, and why).
 */
const PERSON_LISTS = [
  {
    list: "reservations",
    id: "res",
    who: "Reservation av",
    placeholder: "Välj ledamot",
    participantsOnly: true,
    noPerson: "",
    text: "reasons",
    textId: "skal",
    textLabel: "Skriftlig motivering (valfri)",
    remove: "reservation",
    add: "reservation",
    empty: { personId: "", reasons: null },
  },
  {
    list: "notes",
    id: "ant",
    who: "Protokollsanteckning av",
    placeholder: "(organet)",
    participantsOnly: false,
    noPerson: null,
    text: "text",
    textId: "text",
    textLabel: "Anteckningens text",
    remove: "anteckning",
    add: "protokollsanteckning",
    empty: { personId: null, text: "" },
  },
  {
    list: "recusals",
    id: "jav",
    who: "Jäv: vem lämnade",
    placeholder: "Välj person",
    participantsOnly: false,
    noPerson: "",
    text: "reason",
    textId: "skal",
    textLabel: "Skäl",
    remove: "jäv",
    add: "jäv",
    empty: { personId: "", reason: "" },
  },
] as const satisfies readonly {
  list: PersonListName;
  text: string;
  noPerson: string | null;
  empty: PersonEntry;
  [k: string]: unknown;
}[];

/** One row of a list of people (reservation, protocol note, recusal): who, a text, and a remove button. */
function PersonEntryRow({
  person,
  text,
  removeLabel,
  onRemove,
}: {
  person: ComponentProps<typeof SelectField>;
  text: ComponentProps<typeof TextField>;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <div className="mb-2 grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
      <SelectField {...person} />
      <TextField {...text} />
      <RemoveButton label={removeLabel} onClick={onRemove} />
    </div>
  );
}

/** A starting text for the propositionsordning, in the form protocols use. */
function propositionFrom(
  chairName: string | null,
  bodyName: string,
  c: ParagraphContentInput,
  present: PersonRef[],
): string {
  const chair = chairName ? `Ordförande ${chairName}` : "Ordföranden";
  const body = bodyName.toLowerCase();
  const active = c.motions.filter((m) => !m.withdrawn);
  if (active.length === 0)
    return `${chair} ställer proposition på förslaget till beslut och finner att ${body} bifaller detsamma.`;
  const names = [...new Set(active.map((m) => present.find((p) => p.personId === m.personId)?.name ?? "?"))];
  return `${chair} ställer proposition på framförda yrkanden (${names.join(", ")}) och finner att ${body} beslutat `;
}

type Section = ParagraphContentInput["sections"][number];
type Vote = ParagraphContentInput["votes"][number];

/**
 * One section of the § (heading and rich text), memoised so that typing elsewhere in the § does
 * not re-render its rich-text editor. `set` is the §'s stable update function.
 */
const SectionFields = memo(function SectionFields({
  keyPrefix: key,
  index: i,
  section: s,
  isLast,
  headingError,
  contentError,
  set,
}: {
  keyPrefix: string;
  index: number;
  section: Section;
  isLast: boolean;
  headingError: string | undefined;
  contentError: boolean;
  set: (change: (p: ParagraphContentInput) => ParagraphContentInput) => void;
}) {
  const setSections = (change: (sections: Section[]) => Section[]) =>
    set((p) => ({ ...p, sections: change(p.sections) }));
  return (
    <FieldGroup title={s.heading || "Avsnitt utan rubrik"} id={`${key}-avsnitt-${i}`}>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          className="flex-1"
          id={`${key}-avsnitt-${i}-rubrik`}
          label="Rubrik för avsnittet"
          hint="Lämna tom för löptext utan rubrik."
          value={s.heading}
          error={headingError}
          onChange={(v) => setSections((l) => patchAt(l, i, { heading: v }))}
        />
        <MoveRemoveButtons
          what={`avsnittet ${s.heading || i + 1}`}
          isFirst={i === 0}
          isLast={isLast}
          onMove={(d) => setSections((l) => swap(l, i, d === "up" ? i - 1 : i + 1))}
          onRemove={() => setSections((l) => removeAt(l, i))}
        />
      </div>
      <div className="mt-2">
        <RichTextEditor
          id={`${key}-avsnitt-${i}-text`}
          label={`Text: ${s.heading || `avsnitt ${i + 1}`}`}
          value={s.content}
          onChange={(doc) => setSections((l) => patchAt(l, i, { content: doc }))}
        />
      </div>
      {contentError && (
        <p className="mt-1 text-sm text-red-800">
          Texten kunde inte sparas i det här formatet; ta bort det som klistrats in och försök igen.
        </p>
      )}
    </FieldGroup>
  );
});
