"use client";
// The live meeting on the secretary's laptop and the chair's tablet: roll call, arrivals and
// departures, the current §, jäv with an ersättare stepping in, the serving count and quorum.
// Every tap is an event of the meeting's log (recordLiveEventAction, retried with the same id
// until it lands); the log comes back over server-sent events (EventSource reconnects by itself
// and sends Last-Event-ID, so nothing is lost while the network is away); the view is the pure
// rules (domain/rules/live.rules.ts) over the log plus the taps not yet confirmed.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import {
  replayLive,
  substituteCandidates,
  type LiveEventData,
  type LiveInput,
  type LiveStatus,
} from "@/domain/rules/live.rules";
import type { Finding } from "@/domain/rules/finding";
import { closeLiveMeetingAction, recordLiveEventAction } from "../live.actions";
import { LiveDecisionsPanel, MOTION_LABELS } from "./live-decisions";
import { SpeakersPanel } from "./speakers";
import { LiveError } from "./live-controls";
import { CONNECTION_TEXT, useLiveLog, type LiveFrameProps } from "./use-live-stream";
import { fromWire, type LiveEventWire } from "../live.wire";

export interface LiveViewProps extends LiveFrameProps {
  meetingId: string;
  canClose: boolean;
  /** The server's instant when the page was made: the time shown on a tap not yet confirmed. */
  serverNow: string;
}

type Pending = { cid: string; data: LiveEventData };

const BUTTON =
  "min-h-12 rounded-lg border-2 px-4 py-2 text-base font-semibold focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 disabled:opacity-50";
const PRIMARY = `${BUTTON} border-[var(--color-brand)] bg-[var(--color-brand)] text-white`;
const SECONDARY = `${BUTTON} border-[var(--color-brand)] bg-white text-[var(--color-brand)]`;

function newId(): string {
  return crypto.randomUUID();
}

function statusText(status: LiveStatus | undefined, name: (id: string) => string): string {
  switch (status?.kind) {
    case "present":
      return "Närvarande";
    case "recused":
      return "Jävig i paragrafen";
    case "serving":
      return `Tjänstgör för ${name(status.forPersonId)}`;
    default:
      return "Frånvarande";
  }
}

/** A Swedish sentence for an event, as the other device announces it. */
function describe(data: LiveEventData, name: (id: string) => string, number: (id: string) => string): string {
  switch (data.type) {
    case "roll":
      return `${name(data.personId)} markerad ${data.present ? "närvarande" : "frånvarande"}.`;
    case "arrive":
      return `${name(data.personId)} har kommit.`;
    case "depart":
      return `${name(data.personId)} har gått.`;
    case "recuse":
      return data.recused
        ? `${name(data.personId)} anmäler jäv i ${number(data.paragraphId)}.`
        : `${name(data.personId)}s jäv i ${number(data.paragraphId)} är borttaget.`;
    case "substitute":
      return `${name(data.personId)} tjänstgör för ${name(data.forPersonId)}.`;
    case "substituteEnd":
      return `${name(data.personId)} slutar tjänstgöra.`;
    case "current":
      return `Aktuell paragraf är nu ${number(data.paragraphId)}.`;
    case "close":
      return "Sammanträdet är avslutat.";
    case "motion":
      return `${name(data.personId)} yrkar ${MOTION_LABELS[data.kind].toLowerCase()} i ${number(data.paragraphId)}.`;
    case "motionWithdraw":
      return data.withdrawn ? "Ett yrkande är återkallat." : "Ett yrkande gäller igen.";
    case "finding":
      return `Ordförandens beslut i ${number(data.paragraphId)} är registrerat.`;
    case "voteOpen":
      return `Omröstning begärd i ${number(data.paragraphId)}.`;
    case "ballot":
      return `Röst registrerad för ${name(data.personId)}.`;
    case "voteClose":
      return "Omröstningen är avslutad.";
    case "reservation":
      return data.reserved
        ? `${name(data.personId)} reserverar sig i ${number(data.paragraphId)}.`
        : `${name(data.personId)}s reservation i ${number(data.paragraphId)} är borttagen.`;
    case "speakRequest":
      return `${name(data.personId)} begär ${data.replik ? "replik" : "ordet"}.`;
    case "speakWithdraw":
      return `${name(data.personId)} är struken från talarlistan.`;
    case "speakGrant":
      return `${name(data.personId)} har ordet.`;
    case "speakEnd":
      return "Talaren är klar.";
    case "closedDoors":
      return `${number(data.paragraphId)} ${data.closed ? "behandlas inom stängda dörrar" : "behandlas inte längre inom stängda dörrar"}.`;
  }
}

export function LiveView(props: LiveViewProps) {
  const { meetingId, slug, bodyName, seats, paragraphs, seatCount, canClose, serverNow } = props;
  const [pending, setPending] = useState<Pending[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [closing, setClosing] = useState(false);
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const mine = useRef(new Set<string>());

  const names = useMemo(() => new Map(seats.map((s) => [s.personId, s.name])), [seats]);
  const name = useCallback((id: string) => names.get(id) ?? "Okänd", [names]);
  const number = useCallback(
    (id: string) => {
      const p = paragraphs.find((x) => x.id === id);
      return p ? `§ ${p.number}` : "paragrafen";
    },
    [paragraphs],
  );

  const confirm = useCallback(
    (e: LiveEventWire) => {
      setPending((prev) => prev.filter((p) => p.cid !== e.clientEventId));
      if (!mine.current.has(e.clientEventId))
        setAnnouncement(`Från den andra enheten: ${describe(e.data, name, number)}`);
    },
    [name, number],
  );
  const { events, connection } = useLiveLog(slug, props.initialEvents, confirm);

  // Taps waiting to be sent again (no answer): woken at once when the network is back.
  const retryNow = useRef(new Set<() => void>());
  useEffect(() => {
    const online = () => {
      setOffline(false);
      for (const wake of [...retryNow.current]) wake();
    };
    const offlineNow = () => setOffline(true);
    window.addEventListener("online", online);
    window.addEventListener("offline", offlineNow);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offlineNow);
    };
  }, []);

  const submit = useCallback(
    async (p: Pending): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await recordLiveEventAction({ meetingId, clientEventId: p.cid, event: p.data });
          setOffline(false);
          if (!result.ok) {
            setPending((prev) => prev.filter((x) => x.cid !== p.cid));
            setError(result.message);
          }
          return;
        } catch {
          // No answer (the network is away): the same tap again, it lands once.
          setOffline(true);
          await new Promise<void>((resolve) => {
            const wake = () => {
              clearTimeout(timer);
              retryNow.current.delete(wake);
              resolve();
            };
            const timer = setTimeout(wake, Math.min(1_000 * (attempt + 1), 5_000));
            retryNow.current.add(wake);
          });
        }
      }
    },
    [meetingId],
  );

  const tap = useCallback(
    (data: LiveEventData) => {
      const p = { cid: newId(), data };
      mine.current.add(p.cid);
      setError(null);
      setPending((prev) => [...prev, p]);
      void submit(p);
    },
    [submit],
  );

  const input: LiveInput = useMemo(() => {
    const confirmed = events.map(fromWire);
    const lastAt = new Date(events[events.length - 1]?.at ?? serverNow);
    const base = confirmed.reduce((m, e) => Math.max(m, e.seq), 0);
    return {
      seats,
      paragraphs,
      seatCount,
      events: [...confirmed, ...pending.map((p, i) => ({ seq: base + i + 1, at: lastAt, data: p.data }))],
    };
  }, [events, pending, seats, paragraphs, seatCount, serverNow]);
  const state = useMemo(() => replayLive(input), [input]);

  if (paragraphs.length === 0) {
    return (
      <p role="alert">
        Sammanträdet har inga paragrafer ännu. Lägg till dem (t.ex. från ärendelistan) innan sammanträdet förs live.
      </p>
    );
  }

  const current = paragraphs[state.currentIndex]!;
  const here = state.perParagraph[state.currentIndex]!;
  const rollCall = !events.some((e) => e.data.type === "current") && !pending.some((p) => p.data.type === "current");
  const closed = state.closed;
  // KL 5:40: the § is handled behind closed doors (the public stream shows only its number).
  const closedDoors = input.events.reduce(
    (c, e) => (e.data.type === "closedDoors" && e.data.paragraphId === current.id ? e.data.closed : c),
    false,
  );
  const members = seats.filter((s) => s.role === "MEMBER");
  const substitutes = seats.filter((s) => s.role === "SUBSTITUTE");
  const servingFor = new Map(
    [...state.status].flatMap(([id, s]) => (s.kind === "serving" ? [[s.forPersonId, id] as const] : [])),
  );
  // Seats without anyone at the current §: an absent or jävig ledamot nobody serves for.
  const vacant = members.filter((m) => {
    const s = state.status.get(m.personId)?.kind;
    return (s === "absent" || s === "recused") && !servingFor.has(m.personId);
  });

  async function close() {
    setClosing(true);
    setError(null);
    try {
      const result = await closeLiveMeetingAction({ meetingId });
      if (!result.ok) setError(result.message);
      else setFindings(result.data.findings);
    } catch {
      setError("Ingen kontakt med servern. Försök igen när nätet är tillbaka; inget har gått förlorat.");
    } finally {
      setClosing(false);
    }
  }

  const errors = findings?.filter((f) => f.severity === "error") ?? [];

  return (
    <div className="flex flex-col gap-6">
      <p aria-live="polite" role="status" className="sr-only" data-testid="live-announcement">
        {announcement}
      </p>
      <section
        className="sticky top-0 z-10 flex flex-col gap-3 rounded-lg border-2 border-slate-300 bg-white p-4 shadow"
        aria-labelledby="aktuell-paragraf"
      >
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="aktuell-paragraf" className="text-2xl font-semibold" data-testid="current-paragraph">
            § {current.number} {current.title}
          </h2>
          <Link className="text-sm underline" href={`/moten/${slug}/live/projektor`} target="_blank">
            Projektorvy (öppnas i ny flik)
          </Link>
          <span className="ml-auto text-sm" data-testid="live-connection">
            {CONNECTION_TEXT[connection]}
            {pending.length > 0 && ` · ${pending.length} tryck skickas`}
          </span>
        </div>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className={SECONDARY}
            disabled={closed || state.currentIndex === 0}
            onClick={() => tap({ type: "current", paragraphId: paragraphs[state.currentIndex - 1]!.id })}
          >
            ← Föregående paragraf
          </button>
          <button
            type="button"
            className={PRIMARY}
            disabled={closed || state.currentIndex === paragraphs.length - 1}
            onClick={() => tap({ type: "current", paragraphId: paragraphs[state.currentIndex + 1]!.id })}
          >
            Nästa paragraf →
          </button>
          <button
            type="button"
            className={SECONDARY}
            disabled={closed}
            aria-pressed={closedDoors}
            onClick={() => tap({ type: "closedDoors", paragraphId: current.id, closed: !closedDoors })}
          >
            Stängda dörrar i § {current.number}
          </button>
        </div>
        <p className="text-lg" data-testid="serving-count">
          Tjänstgörande: <strong>{here.seats}</strong> av {seatCount} ledamöter (minst {state.quorumMinimum} för beslut)
        </p>
        {here.quorum ? (
          <p className="font-semibold text-green-800" data-testid="quorum">
            Beslutsför i § {current.number}.
          </p>
        ) : (
          <p className="rounded bg-red-50 p-2 font-semibold text-red-800" data-testid="quorum">
            Varning: inte beslutsför i § {current.number}. Bara {here.seats} av {seatCount} ledamöter tjänstgör; minst{" "}
            {state.quorumMinimum} krävs (KL 5:57, 6:27). Fatta inget beslut förrän fler har kommit eller ersättare gått
            in.
          </p>
        )}
        {(offline || connection === "reconnecting") && (
          <p role="status" className="font-semibold text-amber-800" data-testid="live-offline">
            Ingen kontakt med servern: vyn visar läget som det var och hämtar ikapp av sig själv när nätet är tillbaka.
            Tryck som görs nu sparas här och skickas då
            {pending.length > 0 ? ` (${pending.length} väntar)` : ""}.
          </p>
        )}
        <LiveError message={error} />
      </section>

      {closed && (
        <p role="status" className="rounded bg-slate-100 p-3 text-lg font-semibold">
          Sammanträdet är avslutat. Närvaro, jäv, yrkanden, omröstningar och reservationer är skrivna i protokollet.{" "}
          <Link className="underline" href={`/moten/${slug}/redigera`}>
            Öppna protokollet
          </Link>
        </p>
      )}

      {vacant.length > 0 && !closed && (
        <section aria-labelledby="lediga-platser" className="rounded-lg border-2 border-amber-400 p-4">
          <h2 id="lediga-platser" className="mb-2 text-xl font-semibold">
            Ledamöter utan ersättare i § {current.number}
          </h2>
          <ul className="flex flex-col gap-3">
            {vacant.map((m) => {
              const candidates = substituteCandidates(input, state, m.personId);
              return (
                <li key={m.personId}>
                  <p>
                    {m.name} ({state.status.get(m.personId)?.kind === "recused" ? "jävig" : "frånvarande"})
                    {candidates.length === 0 ? ": ingen närvarande ersättare är ledig." : ":"}
                  </p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    {candidates.map((c) => (
                      <button
                        key={c.personId}
                        type="button"
                        className={SECONDARY}
                        onClick={() => tap({ type: "substitute", personId: c.personId, forPersonId: m.personId })}
                      >
                        {c.name} går in för {m.name}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <SpeakersPanel input={input} state={state} closed={closed} tap={tap} />

      <LiveDecisionsPanel input={input} state={state} bodyName={bodyName} closed={closed} tap={tap} newId={newId} />

      {[
        { title: "Ledamöter", list: members, id: "ledamoter" },
        { title: "Ersättare", list: substitutes, id: "ersattare" },
      ].map(({ title, list, id }) => (
        <section key={id} aria-labelledby={id}>
          <h2 id={id} className="mb-2 text-2xl font-semibold">
            {title} {rollCall && "– upprop"}
          </h2>
          <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-300">
            {list.map((s) => {
              const status = state.status.get(s.personId);
              const present = status !== undefined && status.kind !== "absent";
              return (
                <li
                  key={s.personId}
                  className="flex flex-wrap items-center gap-3 p-3"
                  data-testid={`seat-${s.personId}`}
                  aria-label={s.name}
                >
                  <div className="min-w-48 flex-1">
                    <p className="text-lg font-semibold">
                      {s.name}
                      {s.position === "CHAIR" && " (ordförande)"}
                      {s.position === "VICE_CHAIR" && " (vice ordförande)"}
                    </p>
                    <p className="text-sm" data-testid="seat-status">
                      {s.represents ? `${s.represents} · ` : ""}
                      {statusText(status, name)}
                    </p>
                  </div>
                  {!closed && (
                    <div className="flex flex-wrap gap-2">
                      {rollCall ? (
                        <>
                          <button
                            type="button"
                            aria-pressed={present}
                            className={present ? PRIMARY : SECONDARY}
                            onClick={() => tap({ type: "roll", personId: s.personId, present: true })}
                          >
                            Närvarande
                          </button>
                          <button
                            type="button"
                            aria-pressed={!present}
                            className={!present ? PRIMARY : SECONDARY}
                            onClick={() => tap({ type: "roll", personId: s.personId, present: false })}
                          >
                            Frånvarande
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className={present ? SECONDARY : PRIMARY}
                          onClick={() => tap({ type: present ? "depart" : "arrive", personId: s.personId })}
                        >
                          {present ? "Lämnar" : "Anländer"}
                        </button>
                      )}
                      {s.role === "MEMBER" && present && (
                        <button
                          type="button"
                          className={SECONDARY}
                          aria-pressed={status?.kind === "recused"}
                          onClick={() =>
                            tap({
                              type: "recuse",
                              personId: s.personId,
                              paragraphId: current.id,
                              recused: status?.kind !== "recused",
                              reason: "",
                            })
                          }
                        >
                          {status?.kind === "recused"
                            ? `Återta jäv i § ${current.number}`
                            : `Jäv i § ${current.number}`}
                        </button>
                      )}
                      {status?.kind === "serving" && (
                        <button
                          type="button"
                          className={SECONDARY}
                          onClick={() => tap({ type: "substituteEnd", personId: s.personId })}
                        >
                          Slutar tjänstgöra
                        </button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <section aria-labelledby="paragrafer">
        <h2 id="paragrafer" className="mb-2 text-2xl font-semibold">
          Tjänstgörande per paragraf
        </h2>
        <table className="w-full text-left">
          <caption className="sr-only">Tjänstgörande och beslutsförhet per paragraf</caption>
          <thead>
            <tr>
              <th scope="col">Paragraf</th>
              <th scope="col">Tjänstgörande</th>
              <th scope="col">Beslutsför</th>
              <th scope="col">Jäv</th>
            </tr>
          </thead>
          <tbody>
            {state.perParagraph.map((p, i) => (
              <tr key={p.paragraphId} aria-current={i === state.currentIndex ? "step" : undefined}>
                <th scope="row" className="font-normal">
                  § {p.number} {paragraphs[i]!.title}
                </th>
                <td>{p.seats}</td>
                <td>{p.quorum ? "Ja" : "Nej"}</td>
                <td>{(state.recusals.get(p.paragraphId) ?? []).map((r) => r.name).join(", ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="avsluta" className="flex flex-col gap-3">
        <h2 id="avsluta" className="text-2xl font-semibold">
          Avsluta
        </h2>
        {canClose ? (
          <button type="button" className={PRIMARY} disabled={closing || closed} onClick={() => void close()}>
            Avsluta sammanträdet
          </button>
        ) : (
          <p>
            Sekreteraren avslutar sammanträdet; då skrivs närvaron, jäven, yrkandena, omröstningarna och reservationerna
            in i protokollet.
          </p>
        )}
        {findings && (
          <div role="status" data-testid="close-result">
            {errors.length === 0 ? (
              <p className="font-semibold text-green-800">Protokollets kontroll hittar inga fel.</p>
            ) : (
              <>
                <p className="font-semibold">Kontrollen hittar det här som behöver göras i protokollet:</p>
                <ul className="list-disc pl-6">
                  {errors.map((f, i) => (
                    <li key={i}>
                      {f.paragraphNumber !== null && `§ ${f.paragraphNumber}: `}
                      {f.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Link className="underline" href={`/moten/${slug}/redigera`}>
              Öppna protokollet i redigeraren
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}
