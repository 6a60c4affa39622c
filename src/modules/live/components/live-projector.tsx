"use client";
// The projector view of the live meeting (issue 20, point 6): for the room's screen, opened by the
// secretary or the chair. The current §, the serving count and quorum, the yrkanden, the
// propositionsordning and the vote (its totals as they are entered, then the result) in large
// type, with no controls; kept in sync over the same server-sent events as the live view.
import { useMemo } from "react";
import { DEFAULT_MOTION_TEXT, liveDecisions } from "@/domain/rules/live-decisions.rules";
import { replayLive } from "@/domain/rules/live.rules";
import { fromWire } from "../live.wire";
import { MOTION_LABELS } from "./live-decisions";
import { SpeakerSummary } from "./speakers";
import { speakerList } from "@/domain/rules/live-speakers.rules";
import { CONNECTION_TEXT, useLiveLog, type LiveFrameProps } from "./use-live-stream";

export function LiveProjector(props: LiveFrameProps) {
  const { slug, bodyName, seats, paragraphs, seatCount } = props;
  const { events, connection } = useLiveLog(slug, props.initialEvents);
  const input = useMemo(
    () => ({ seats, paragraphs, seatCount, events: events.map(fromWire) }),
    [seats, paragraphs, seatCount, events],
  );
  const state = useMemo(() => replayLive(input), [input]);

  if (paragraphs.length === 0) return <p className="text-4xl">Sammanträdet har inga paragrafer ännu.</p>;
  const current = paragraphs[state.currentIndex]!;
  const here = state.perParagraph[state.currentIndex]!;
  const d = liveDecisions(input, state, current.id, bodyName);
  const motions = d.motions.filter((m) => !m.withdrawn);
  const vote = d.votes[d.votes.length - 1];

  return (
    <div className="flex flex-col gap-10 text-3xl leading-snug" data-testid="projector">
      <div aria-live="polite" className="flex flex-col gap-10">
        <h2 className="text-6xl font-bold" data-testid="projector-paragraph">
          § {current.number} {current.title}
        </h2>
        {state.closed ? (
          <p className="text-5xl font-semibold">Sammanträdet är avslutat.</p>
        ) : (
          <p data-testid="projector-serving">
            Tjänstgörande ledamöter: <strong>{here.seats}</strong> av {seatCount}
            {here.quorum ? " · beslutsför" : " · inte beslutsför"}
          </p>
        )}
        {!state.closed && (
          <section aria-labelledby="projektor-talarlista" data-testid="projector-speakers">
            <h3 id="projektor-talarlista" className="mb-3 text-4xl font-semibold">
              Talarlista
            </h3>
            <SpeakerSummary list={speakerList(input, state, current.id)} large />
          </section>
        )}
        {motions.length > 0 && (
          <section aria-labelledby="projektor-yrkanden">
            <h3 id="projektor-yrkanden" className="mb-3 text-4xl font-semibold">
              Yrkanden
            </h3>
            <ul className="flex flex-col gap-2">
              {motions.map((m) => (
                <li key={m.id}>
                  {m.name}: {MOTION_LABELS[m.kind].toLowerCase()}
                  {m.text === DEFAULT_MOTION_TEXT[m.kind] ? "" : ` – ${m.text}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        {d.propositions.length > 0 && (
          <section aria-labelledby="projektor-proposition">
            <h3 id="projektor-proposition" className="mb-3 text-4xl font-semibold">
              Propositionsordning
            </h3>
            {d.propositions.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        )}
        {vote && (
          <section aria-labelledby="projektor-omrostning" data-testid="projector-vote">
            <h3 id="projektor-omrostning" className="mb-3 text-4xl font-semibold">
              {vote.vote.closed ? "Omröstningens resultat" : "Omröstning pågår"}
            </h3>
            <p className="text-5xl font-bold">
              Ja {vote.tally.ja} · Nej {vote.tally.nej} · Avstår {vote.tally.avstar}
            </p>
          </section>
        )}
      </div>
      {connection !== "open" && (
        <p className="text-xl" role="status">
          {CONNECTION_TEXT[connection]}
        </p>
      )}
    </div>
  );
}
