"use client";
// The public live stream's page body (issue 20, point 6): the public state (live.public.ts) as
// the server rendered it, so it reads without JavaScript; with JavaScript it follows the public
// server-sent events (the same projection), reconnecting by itself.
import { useEffect, useState } from "react";
import type { PublicLiveState } from "../live.public";
import { followEvents } from "./use-live-stream";

// "static": as the server rendered it (no JavaScript yet, or none at all).
type Connection = "static" | "connecting" | "open" | "reconnecting" | "ended";

export function PublicLiveBoard({ state }: { state: PublicLiveState }) {
  const { paragraph, latestVote } = state;
  return (
    <div className="flex flex-col gap-6" data-testid="public-live">
      {!state.started ? (
        <p className="text-xl">Sammanträdet har inte börjat.</p>
      ) : state.closed ? (
        <p className="text-xl font-semibold">Sammanträdet är avslutat.</p>
      ) : null}
      {state.started && paragraph && (
        <section aria-labelledby="offentlig-paragraf">
          <h2 id="offentlig-paragraf" className="text-sm font-semibold uppercase tracking-wide">
            {state.closed ? "Sista paragrafen" : "Behandlas nu"}
          </h2>
          <p className="text-3xl font-bold" data-testid="public-live-paragraph">
            § {paragraph.number} – {paragraph.closedDoors ? "behandlas inom stängda dörrar" : paragraph.title}
          </p>
        </section>
      )}
      {state.started && !state.closed && (
        <p className="text-xl" data-testid="public-live-serving">
          Tjänstgörande ledamöter: <strong>{state.serving}</strong> av {state.seatCount} (minst {state.quorumMinimum}{" "}
          för beslut) · {state.quorum ? "beslutsför" : "inte beslutsför"}
        </p>
      )}
      {state.speakers && (state.speakers.current || state.speakers.next.length > 0) && (
        <section aria-labelledby="offentlig-talarlista" data-testid="public-live-speakers">
          <h2 id="offentlig-talarlista" className="text-2xl font-semibold">
            Talarlista
          </h2>
          {state.speakers.current && (
            <p className="text-2xl">
              Har ordet: <strong>{state.speakers.current.name}</strong>
              {state.speakers.current.replik ? " (replik)" : ""}
            </p>
          )}
          {state.speakers.next.length > 0 && (
            <>
              <p className="mt-2 text-xl">Begärt ordet:</p>
              <ol className="list-decimal pl-8 text-xl">
                {state.speakers.next.map((s, i) => (
                  <li key={i}>
                    {s.name}
                    {s.replik ? " (replik)" : ""}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      {latestVote && (
        <section aria-labelledby="offentlig-omrostning" data-testid="public-live-vote">
          <h2 id="offentlig-omrostning" className="text-2xl font-semibold">
            Senaste omröstningen (§ {latestVote.paragraphNumber})
          </h2>
          <p className="text-2xl">
            Ja {latestVote.ja} · Nej {latestVote.nej} · Avstår {latestVote.avstar}
          </p>
          <p className="text-xl">
            {latestVote.winner ? `Vann: ${latestVote.winner}.` : "Lika röstetal; ordförandens röst avgör."}
          </p>
        </section>
      )}
    </div>
  );
}

/** The board, kept up to date from the public stream at `streamUrl`. */
export function PublicLiveStream({ initial, streamUrl }: { initial: PublicLiveState; streamUrl: string }) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<Connection>("static");
  useEffect(() => {
    const stream = followEvents({
      url: () => streamUrl,
      events: {
        state: (data) => setState(JSON.parse(data) as PublicLiveState),
        end: () => {
          stream.stop();
          setConnection("ended");
        },
      },
      onOpening: () => setConnection((c) => (c === "static" ? "connecting" : c)),
      onOpen: () => setConnection("open"),
      onBroken: () => setConnection("reconnecting"),
      // A refused reconnect (404: no longer public) closes the source; look again later.
      retryMs: 5_000,
    });
    return () => stream.stop();
  }, [streamUrl]);
  return (
    <>
      <p role="status" className="text-sm" data-testid="public-live-connection">
        {connection === "open"
          ? "Direktsänds: sidan uppdateras av sig själv."
          : connection === "ended"
            ? "Sändningen har upphört. Sammanträdet sänds inte längre offentligt."
            : connection === "reconnecting"
              ? "Återansluter…"
              : connection === "connecting"
                ? "Ansluter…"
                : "Läget när sidan hämtades. Ladda om sidan för att se det senaste."}
      </p>
      <div aria-live="polite">
        <PublicLiveBoard state={state} />
      </div>
    </>
  );
}
