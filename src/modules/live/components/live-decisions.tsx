"use client";
// The current §'s yrkanden, propositionsordning, votering and reservations in the live view: each
// control is a tap of the log (the same retry and sync as roll call); what is shown is the pure
// rules (domain/rules/live-decisions.rules.ts) over the log and the taps not yet confirmed.
import { useId, useState } from "react";
import type { MotionKind } from "@/domain/protocol/protocol.types";
import { DEFAULT_MOTION_TEXT, liveDecisions, openVote, type LiveQuestion } from "@/domain/rules/live-decisions.rules";
import type { LiveBallotChoice, LiveEventData, LiveInput, LiveState } from "@/domain/rules/live.rules";
import { PersonSelect, type PersonSelectProps } from "./live-controls";

const BUTTON =
  "min-h-12 rounded-lg border-2 px-4 py-2 text-base font-semibold focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 disabled:opacity-50";
const PRIMARY = `${BUTTON} border-[var(--color-brand)] bg-[var(--color-brand)] text-white`;
const SECONDARY = `${BUTTON} border-[var(--color-brand)] bg-white text-[var(--color-brand)]`;
const FIELD = "min-h-12 rounded border-2 border-slate-500 px-3 py-2 text-base";

export const MOTION_LABELS: Record<MotionKind, string> = {
  BIFALL: "Bifall till förslaget",
  AVSLAG: "Avslag",
  ANDRING: "Ändring",
  TILLAGG: "Tillägg",
  ATERREMISS: "Återremiss",
  BORDLAGGNING: "Bordläggning",
};

const CHOICES: { choice: LiveBallotChoice; label: string }[] = [
  { choice: "JA", label: "Ja" },
  { choice: "NEJ", label: "Nej" },
  { choice: "AVSTAR", label: "Avstår" },
];

function questionTitle(q: LiveQuestion, name: (motionId: string) => string): string {
  if (q.kind === "formal") return q.key === "aterremiss" ? "Återremiss" : "Bordläggning";
  if (q.kind === "main") return "Huvudfrågan";
  if (q.kind === "counter") return "Motförslag i huvudvoteringen (kontrapropositionsvotering)";
  return `Tilläggsyrkande av ${name(q.key.replace(/^tillagg-/u, ""))}`;
}

export interface LiveDecisionsPanelProps {
  input: LiveInput;
  state: LiveState;
  bodyName: string;
  closed: boolean;
  tap: (data: LiveEventData) => void;
  newId: () => string;
}

/** The required choice of the ledamot a form is about (who moves, who reserves). */
function MemberField({ id, label, ...select }: { id: string; label: string } & Omit<PersonSelectProps, "placeholder">) {
  return (
    <div className="flex flex-col">
      <label htmlFor={id}>{label}</label>
      <PersonSelect id={id} className={FIELD} required placeholder="Välj ledamot" {...select} />
    </div>
  );
}

export function LiveDecisionsPanel({ input, state, bodyName, closed, tap, newId }: LiveDecisionsPanelProps) {
  const uid = useId();
  const current = input.paragraphs[state.currentIndex]!;
  const here = state.perParagraph[state.currentIndex]!;
  const participants = here.participation.participants;
  const d = liveDecisions(input, state, current.id, bodyName);
  const open = openVote(input);
  const [mover, setMover] = useState("");
  const [kind, setKind] = useState<MotionKind>("BIFALL");
  const [text, setText] = useState("");
  const [reserver, setReserver] = useState("");
  const [later, setLater] = useState(false);
  const [reasons, setReasons] = useState("");
  const [against, setAgainst] = useState<Record<string, string>>({});
  const motionName = (id: string) => d.motions.find((m) => m.id === id)?.name ?? "okänd";

  function addMotion(e: React.FormEvent) {
    e.preventDefault();
    if (!mover) return;
    tap({ type: "motion", motionId: newId(), paragraphId: current.id, personId: mover, kind, text });
    setText("");
  }

  function reserve(e: React.FormEvent) {
    e.preventDefault();
    if (!reserver) return;
    tap({
      type: "reservation",
      paragraphId: current.id,
      personId: reserver,
      reserved: true,
      writtenLater: later,
      reasons: later ? "" : reasons,
    });
    setReasons("");
    setLater(false);
  }

  return (
    <section aria-labelledby={`${uid}-h`} className="flex flex-col gap-4 rounded-lg border-2 border-slate-300 p-4">
      <h2 id={`${uid}-h`} className="text-2xl font-semibold">
        Yrkanden och beslut i § {current.number}
      </h2>

      <div>
        <h3 className="mb-2 text-xl font-semibold">Yrkanden</h3>
        {d.motions.length === 0 ? (
          <p>Inga yrkanden i paragrafen.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label={`Yrkanden i § ${current.number}`}>
            {d.motions.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <span className={m.withdrawn ? "line-through" : undefined}>
                  {m.name}: {MOTION_LABELS[m.kind].toLowerCase()}
                  {m.text === DEFAULT_MOTION_TEXT[m.kind] ? "" : ` – ${m.text}`}
                  {m.withdrawn && " (återkallat)"}
                </span>
                {!closed && (
                  <button
                    type="button"
                    className={SECONDARY}
                    onClick={() => tap({ type: "motionWithdraw", motionId: m.id, withdrawn: !m.withdrawn })}
                  >
                    {m.withdrawn ? `Ångra återkallelse (${m.name})` : `Återkalla (${m.name})`}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!closed && (
          <form onSubmit={addMotion} className="mt-3 flex flex-wrap items-end gap-3">
            <MemberField
              id={`${uid}-mover`}
              label="Vem yrkar"
              value={mover}
              onChange={setMover}
              people={participants}
            />
            <div className="flex flex-col">
              <label htmlFor={`${uid}-kind`}>Yrkande</label>
              <select
                id={`${uid}-kind`}
                className={FIELD}
                value={kind}
                onChange={(e) => setKind(e.target.value as MotionKind)}
              >
                {(Object.keys(MOTION_LABELS) as MotionKind[]).map((k) => (
                  <option key={k} value={k}>
                    {MOTION_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex min-w-64 flex-1 flex-col">
              <label htmlFor={`${uid}-text`}>
                Yrkandets text{kind === "ANDRING" || kind === "TILLAGG" ? "" : " (valfri)"}
              </label>
              <input id={`${uid}-text`} className={FIELD} value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <button type="submit" className={PRIMARY}>
              Lägg till yrkande
            </button>
          </form>
        )}
      </div>

      <div>
        <h3 className="mb-2 text-xl font-semibold">Propositionsordning</h3>
        <ol className="flex flex-col gap-4">
          {d.questions.map((q) => {
            const title = questionTitle(q, motionName);
            const vote = q.vote;
            // Kontraproposition: with more than two alternatives the huvudvotering's nej is the
            // motförslag found first (its own question below the main one), nothing to choose.
            const motforslag =
              q.kind === "main" && q.alternatives.length > 2
                ? (d.questions.find((x) => x.kind === "counter" && !x.fallen)?.winner ?? null)
                : undefined;
            const counter =
              motforslag !== undefined
                ? (motforslag ?? "")
                : (against[q.key] ?? q.alternatives.find((a) => a.key !== q.found)?.key ?? "");
            return (
              <li key={q.key} className="flex flex-col gap-2" aria-label={title}>
                <p className="font-semibold">{title}</p>
                {q.fallen ? (
                  <p>Frågan faller genom ett tidigare beslut i paragrafen.</p>
                ) : (
                  <>
                    <div className="flex flex-wrap gap-2" role="group" aria-label={`Ordföranden finner (${title})`}>
                      {q.alternatives.map((a) => (
                        <button
                          key={a.key}
                          type="button"
                          className={q.found === a.key ? PRIMARY : SECONDARY}
                          aria-pressed={q.found === a.key}
                          disabled={closed || vote?.closed === true}
                          onClick={() =>
                            tap({ type: "finding", paragraphId: current.id, question: q.key, alternative: a.key })
                          }
                        >
                          Finner: {a.label}
                        </button>
                      ))}
                    </div>
                    {q.found !== null && !vote && !closed && !open && motforslag === null && (
                      <p>Huvudvotering begärs: utse först motförslaget bland de andra förslagen.</p>
                    )}
                    {q.found !== null && !vote && !closed && !open && motforslag !== null && (
                      <div className="flex flex-wrap items-end gap-3">
                        {motforslag !== undefined ? (
                          <p>
                            Huvudvotering: {q.alternatives.find((a) => a.key === q.found)?.label} (ja) mot{" "}
                            {q.alternatives.find((a) => a.key === motforslag)?.label} (nej)
                          </p>
                        ) : (
                          <div className="flex flex-col">
                            <label htmlFor={`${uid}-${q.key}-nej`}>Nej-förslag i voteringen ({title})</label>
                            <select
                              id={`${uid}-${q.key}-nej`}
                              className={FIELD}
                              value={counter}
                              onChange={(e) => setAgainst((prev) => ({ ...prev, [q.key]: e.target.value }))}
                            >
                              {q.alternatives
                                .filter((a) => a.key !== q.found)
                                .map((a) => (
                                  <option key={a.key} value={a.key}>
                                    {a.label}
                                  </option>
                                ))}
                            </select>
                          </div>
                        )}
                        <button
                          type="button"
                          className={SECONDARY}
                          onClick={() =>
                            tap({
                              type: "voteOpen",
                              voteId: newId(),
                              paragraphId: current.id,
                              question: q.key,
                              ja: q.found!,
                              nej: counter,
                            })
                          }
                        >
                          Begär votering ({title})
                        </button>
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
        {d.propositions.length > 0 && (
          <div className="mt-3 rounded bg-slate-50 p-3" data-testid="live-propositions">
            <p className="font-semibold">I protokollet:</p>
            {d.propositions.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        )}
      </div>

      {d.votes.map((v) => {
        const missing = v.ballots.filter((b) => b.choice === null).length;
        return (
          <div key={v.vote.id} className="flex flex-col gap-2" data-testid="live-vote">
            <h3 className="text-xl font-semibold">
              Omröstning {v.vote.closed ? "(avslutad)" : "pågår"} i § {current.number}
            </h3>
            <p role="status" className="text-lg" data-testid="vote-totals">
              Ja {v.tally.ja} · Nej {v.tally.nej} · Avstår {v.tally.avstar}
              {!v.vote.closed && ` · Saknas ${missing}`}
            </p>
            {!v.vote.closed && (
              <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-300">
                {v.ballots.map((b) => (
                  <li key={b.personId} className="flex flex-wrap items-center gap-3 p-2">
                    <span className="min-w-48 flex-1">{b.name}</span>
                    <div className="flex gap-2" role="group" aria-label={`Röst: ${b.name}`}>
                      {CHOICES.map((c) => (
                        <button
                          key={c.choice}
                          type="button"
                          className={b.choice === c.choice ? PRIMARY : SECONDARY}
                          aria-pressed={b.choice === c.choice}
                          disabled={closed}
                          onClick={() =>
                            tap({
                              type: "ballot",
                              voteId: v.vote.id,
                              personId: b.personId,
                              choice: b.choice === c.choice ? null : c.choice,
                            })
                          }
                        >
                          {c.label}
                        </button>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
            )}
            {!v.vote.closed && !closed && (
              <button type="button" className={PRIMARY} onClick={() => tap({ type: "voteClose", voteId: v.vote.id })}>
                Avsluta omröstningen
              </button>
            )}
          </div>
        );
      })}

      <div>
        <h3 className="mb-2 text-xl font-semibold">Reservationer</h3>
        {d.reservations.length === 0 ? (
          <p>Inga reservationer.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {d.reservations.map((r) => (
              <li key={r.personId} className="flex flex-wrap items-center gap-3">
                <span>
                  {r.name} reserverar sig
                  {r.writtenLater ? " (skriftlig reservation lämnas senare)" : r.reasons ? `: ${r.reasons}` : "."}
                </span>
                {!closed && (
                  <button
                    type="button"
                    className={SECONDARY}
                    onClick={() =>
                      tap({
                        type: "reservation",
                        paragraphId: current.id,
                        personId: r.personId,
                        reserved: false,
                        writtenLater: false,
                        reasons: "",
                      })
                    }
                  >
                    Ta bort reservationen ({r.name})
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!closed && (
          <form onSubmit={reserve} className="mt-3 flex flex-wrap items-end gap-3">
            <MemberField
              id={`${uid}-reserver`}
              label="Vem reserverar sig"
              value={reserver}
              onChange={setReserver}
              people={participants}
            />
            <div className="flex min-w-64 flex-1 flex-col">
              <label htmlFor={`${uid}-reasons`}>Motivering (valfri)</label>
              <input
                id={`${uid}-reasons`}
                className={FIELD}
                value={reasons}
                onChange={(e) => setReasons(e.target.value)}
                disabled={later}
              />
            </div>
            <label className="flex min-h-12 items-center gap-2">
              <input type="checkbox" className="h-6 w-6" checked={later} onChange={(e) => setLater(e.target.checked)} />
              Skriftlig reservation lämnas senare
            </label>
            <button type="submit" className={PRIMARY}>
              Reservera
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
