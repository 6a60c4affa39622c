"use client";
// A ledamot's or ersättare's own device during the live meeting: the current §, whether they take
// part in it, the speaker list with their place in it, "Begär ordet", "Replik", "Återta"; and,
// when the body lets them, their own ballot in the open vote. Each tap is sent with an id chosen
// once and sent again until the server answers (it lands once); the log comes back over the same
// server-sent events as the live view.
import { useCallback, useMemo, useState } from "react";
import { replayLive, type LiveBallotChoice, type LiveStatus } from "@/domain/rules/live.rules";
import { liveDecisions, openVote, voteQuestionText } from "@/domain/rules/live-decisions.rules";
import { speakerList } from "@/domain/rules/live-speakers.rules";
import { recordSeatEventAction } from "../member.actions";
import type { SeatAction } from "../member.schema";
import { fromWire } from "../live.wire";
import { SpeakerSummary } from "./speakers";
import { LiveError } from "./live-controls";
import { CONNECTION_TEXT, useLiveLog, type LiveFrameProps } from "./use-live-stream";

export interface MemberLiveViewProps extends LiveFrameProps {
  meetingId: string;
  personId: string;
  selfVoting: boolean;
}

const BUTTON =
  "min-h-14 rounded-lg border-2 px-5 py-3 text-lg font-semibold focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 disabled:opacity-50";
const PRIMARY = `${BUTTON} border-[var(--color-brand)] bg-[var(--color-brand)] text-white`;
const SECONDARY = `${BUTTON} border-[var(--color-brand)] bg-white text-[var(--color-brand)]`;

const CHOICES: { choice: LiveBallotChoice; label: string }[] = [
  { choice: "JA", label: "Ja" },
  { choice: "NEJ", label: "Nej" },
  { choice: "AVSTAR", label: "Avstår" },
];

function ownStatus(status: LiveStatus | undefined, takesPart: boolean, name: (id: string) => string): string {
  if (status?.kind === "recused") return "Du är jävig i paragrafen och deltar inte i den.";
  if (status?.kind === "serving") return `Du tjänstgör för ${name(status.forPersonId)}.`;
  if (takesPart) return "Du tjänstgör i paragrafen.";
  if (status?.kind === "present") return "Du är närvarande men tjänstgör inte i paragrafen.";
  return "Du är inte anmäld som närvarande. Säg till sekreteraren när du har kommit.";
}

export function MemberLiveView(props: MemberLiveViewProps) {
  const { meetingId, slug, bodyName, seats, paragraphs, seatCount, personId, selfVoting } = props;
  const { events, connection } = useLiveLog(slug, props.initialEvents);
  const [sending, setSending] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (action: SeatAction) => {
      const clientEventId = crypto.randomUUID();
      setError(null);
      setSending((n) => n + 1);
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await recordSeatEventAction({ meetingId, clientEventId, action });
            if (!result.ok) setError(result.message);
            return;
          } catch {
            // No answer: the same tap again (it lands once).
            await new Promise((r) => setTimeout(r, Math.min(1_000 * (attempt + 1), 5_000)));
          }
        }
      } finally {
        setSending((n) => n - 1);
      }
    },
    [meetingId],
  );

  const input = useMemo(
    () => ({ seats, paragraphs, seatCount, events: events.map(fromWire) }),
    [seats, paragraphs, seatCount, events],
  );
  const state = useMemo(() => replayLive(input), [input]);
  const names = useMemo(() => new Map(seats.map((s) => [s.personId, s.name])), [seats]);
  const name = (id: string) => names.get(id) ?? "Okänd";

  if (paragraphs.length === 0) return <p role="status">Sammanträdet har inga paragrafer ännu.</p>;
  const current = paragraphs[state.currentIndex]!;
  const part = state.perParagraph[state.currentIndex]!.participation;
  const takesPart = part.participants.some((p) => p.personId === personId);
  const list = speakerList(input, state, current.id);
  const mine = list.queue.flatMap((q, i) => (q.personId === personId ? [i + 1] : []));
  const waitingOrdinary = list.queue.some((q) => q.personId === personId && !q.replik);
  const open = openVote(input);
  const d = open && open.paragraphId === current.id ? liveDecisions(input, state, current.id, bodyName) : null;
  const vote = d?.votes.find((v) => v.vote.id === open?.voteId);
  const myBallot = vote?.vote.ballots.get(personId) ?? null;
  const isVoter = part.voters.some((v) => v.personId === personId);
  const busy = sending > 0;

  return (
    <div className="flex flex-col gap-6 text-lg">
      <section aria-labelledby="ledamot-paragraf" className="rounded-lg border-2 border-slate-300 p-4">
        <h2 id="ledamot-paragraf" className="text-2xl font-semibold" data-testid="member-paragraph">
          § {current.number} {current.title}
        </h2>
        <p data-testid="member-status">
          {state.closed ? "Sammanträdet är avslutat." : ownStatus(state.status.get(personId), takesPart, name)}
        </p>
        <p className="text-sm" data-testid="live-connection">
          {CONNECTION_TEXT[connection]}
          {busy && " · skickar…"}
        </p>
        <LiveError message={error} />
      </section>

      <section aria-labelledby="ledamot-talarlista" className="rounded-lg border-2 border-slate-300 p-4">
        <h2 id="ledamot-talarlista" className="mb-2 text-2xl font-semibold">
          Talarlista
        </h2>
        <SpeakerSummary list={list} />
        <p className="mt-2 font-semibold" role="status" data-testid="member-place">
          {list.current?.personId === personId
            ? "Du har ordet."
            : mine.length > 0
              ? `Du står som nummer ${mine.join(" och ")} på talarlistan.`
              : "Du står inte på talarlistan."}
        </p>
        {!state.closed && (
          <div className="mt-3 flex flex-wrap gap-3">
            <button
              type="button"
              className={PRIMARY}
              disabled={busy || !takesPart || waitingOrdinary}
              onClick={() => void send({ type: "speakRequest", paragraphId: current.id, replik: false })}
            >
              Begär ordet
            </button>
            <button
              type="button"
              className={SECONDARY}
              disabled={busy || !takesPart || !list.replikOn || list.replikOn.personId === personId}
              onClick={() => void send({ type: "speakRequest", paragraphId: current.id, replik: true })}
            >
              {list.replikOn && list.replikOn.personId !== personId ? `Replik på ${list.replikOn.name}` : "Replik"}
            </button>
            <button
              type="button"
              className={SECONDARY}
              disabled={busy || mine.length === 0}
              onClick={() => void send({ type: "speakWithdraw", paragraphId: current.id })}
            >
              Återta min begäran
            </button>
          </div>
        )}
      </section>

      {vote && d && (
        <section aria-labelledby="ledamot-omrostning" className="rounded-lg border-2 border-slate-300 p-4">
          <h2 id="ledamot-omrostning" className="mb-2 text-2xl font-semibold">
            Omröstning i § {current.number}
          </h2>
          <p>{voteQuestionText(d, vote.vote)}</p>
          {!selfVoting ? (
            <p>Sekreteraren för in rösterna vid upprop; säg din röst när ditt namn ropas upp.</p>
          ) : !isVoter ? (
            <p>Du tjänstgör inte i paragrafen och röstar inte.</p>
          ) : (
            <>
              <div className="mt-2 flex flex-wrap gap-3" role="group" aria-label="Din röst">
                {CHOICES.map((c) => (
                  <button
                    key={c.choice}
                    type="button"
                    aria-pressed={myBallot === c.choice}
                    className={myBallot === c.choice ? PRIMARY : SECONDARY}
                    disabled={busy}
                    onClick={() => void send({ type: "ballot", voteId: vote.vote.id, choice: c.choice })}
                  >
                    {c.label}
                  </button>
                ))}
              </div>
              <p className="mt-2" role="status" data-testid="member-ballot">
                {myBallot
                  ? `Din röst: ${CHOICES.find((c) => c.choice === myBallot)!.label.toLowerCase()}. Du kan ändra den tills omröstningen avslutas.`
                  : "Du har inte röstat ännu."}
              </p>
            </>
          )}
        </section>
      )}
    </div>
  );
}
