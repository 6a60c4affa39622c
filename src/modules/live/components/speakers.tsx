"use client";
// The speaker list (talarlista) of the current §: for the secretary and the chair (give the
// floor, end the turn, ask for the floor or a replik on a member's behalf, strike a request), and
// the read-only summary the projector and the members' own devices show. The order is the pure
// rule's (domain/rules/live-speakers.rules.ts).
import { useState } from "react";
import type { LiveEventData, LiveInput, LiveState } from "@/domain/rules/live.rules";
import { speakerList, type SpeakerList, type SpeakerTurn } from "@/domain/rules/live-speakers.rules";
import { PersonSelect } from "./live-controls";

const BUTTON =
  "min-h-12 rounded-lg border-2 px-4 py-2 text-base font-semibold focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 disabled:opacity-50";
const PRIMARY = `${BUTTON} border-[var(--color-brand)] bg-[var(--color-brand)] text-white`;
const SECONDARY = `${BUTTON} border-[var(--color-brand)] bg-white text-[var(--color-brand)]`;

/** "Anna Berg" or "Anna Berg (replik på Per Ek)". */
export function turnText(t: Pick<SpeakerTurn, "name" | "replyTo">): string {
  return t.replyTo ? `${t.name} (replik på ${t.replyTo.name})` : t.name;
}

/** Who has the floor and who is next, as the projector and the members' devices show it. */
export function SpeakerSummary({ list, max = 5, large = false }: { list: SpeakerList; max?: number; large?: boolean }) {
  const next = list.queue.slice(0, max);
  return (
    <div className={large ? "flex flex-col gap-3" : "flex flex-col gap-1"} data-testid="speaker-summary">
      <p data-testid="speaker-current">
        {list.current ? (
          <>
            Har ordet: <strong>{turnText(list.current)}</strong>
          </>
        ) : (
          "Ingen har ordet."
        )}
      </p>
      {next.length > 0 ? (
        <div>
          <p>Näst på tur:</p>
          <ol className="list-decimal pl-8" data-testid="speaker-queue">
            {next.map((q) => (
              <li key={`${q.personId}-${q.replik}`}>{turnText(q)}</li>
            ))}
          </ol>
          {list.queue.length > max && <p>… och {list.queue.length - max} till.</p>}
        </div>
      ) : (
        <p data-testid="speaker-queue">Ingen står på talarlistan.</p>
      )}
    </div>
  );
}

/** The secretary's and the chair's speaker list of the current §. */
export function SpeakersPanel({
  input,
  state,
  closed,
  tap,
}: {
  input: LiveInput;
  state: LiveState;
  closed: boolean;
  tap: (data: LiveEventData) => void;
}) {
  const paragraph = input.paragraphs[state.currentIndex];
  const [onBehalf, setOnBehalf] = useState("");
  if (!paragraph) return null;
  const list = speakerList(input, state, paragraph.id);
  const participants = state.perParagraph[state.currentIndex]?.participation.participants ?? [];
  const chosen = participants.some((p) => p.personId === onBehalf) ? onBehalf : "";
  const next = list.queue[0];
  const paragraphId = paragraph.id;
  return (
    <section aria-labelledby="talarlista" className="rounded-lg border-2 border-slate-300 p-4" data-testid="speakers">
      <h2 id="talarlista" className="mb-2 text-2xl font-semibold">
        Talarlista § {paragraph.number}
      </h2>
      <SpeakerSummary list={list} max={50} />
      {!closed && (
        <div className="mt-3 flex flex-col gap-3">
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={PRIMARY}
              disabled={!next}
              onClick={() => next && tap({ type: "speakGrant", paragraphId, personId: next.personId })}
            >
              {next ? `Ge ordet till ${next.name}` : "Ge ordet"}
            </button>
            <button
              type="button"
              className={SECONDARY}
              disabled={!list.current}
              onClick={() => tap({ type: "speakEnd", paragraphId })}
            >
              Klar
            </button>
          </div>
          {list.queue.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label="Stryk från talarlistan">
              {[...new Set(list.queue.map((q) => q.personId))].map((personId) => {
                const name = list.queue.find((q) => q.personId === personId)!.name;
                return (
                  <li key={personId}>
                    <button
                      type="button"
                      className={SECONDARY}
                      onClick={() => tap({ type: "speakWithdraw", paragraphId, personId })}
                    >
                      Stryk {name}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col text-sm font-semibold">
              För ledamot
              <PersonSelect
                className="min-h-12 rounded-lg border-2 border-slate-400 bg-white px-2 text-base"
                value={chosen}
                onChange={setOnBehalf}
                people={participants}
                placeholder="Välj"
              />
            </label>
            <button
              type="button"
              className={SECONDARY}
              disabled={!chosen}
              onClick={() => tap({ type: "speakRequest", paragraphId, personId: chosen, replik: false })}
            >
              Begär ordet
            </button>
            <button
              type="button"
              className={SECONDARY}
              disabled={!chosen || !list.replikOn || list.replikOn.personId === chosen}
              onClick={() => tap({ type: "speakRequest", paragraphId, personId: chosen, replik: true })}
            >
              {list.replikOn ? `Replik på ${list.replikOn.name}` : "Replik"}
            </button>
          </div>
        </div>
      )}
      {list.spoken.length > 0 && <p className="mt-3 text-sm">Har talat: {list.spoken.map(turnText).join(", ")}.</p>}
    </section>
  );
}
