/**
 * The speaker list (talarlista) of the live meeting (issue 20, point 6): per §, from the meeting's
 * log, who has the floor, who is waiting and in which order, and who has spoken. Pure; the server
 * refuses a tap these rules call wrong (`refuseSpeakerEvent`).
 *
 * The practice chosen (as fullmäktiges arbetsordning usually has it, KL 5:72 leaves it to the
 * arbetsordning; nämnder follow it as far as it fits):
 * - A ledamot or tjänstgörande ersättare taking part in the § asks for the floor ("begär ordet")
 *   and is put last in the list; one place in the ordinary list at a time. Someone absent or
 *   jävig in the § (KL 6:28-32: a jävig person takes no part in the handling, the debate
 *   included) may not; a request of someone who has since left or become jävig lapses.
 * - Replik: a short answer to an anförande (an ordinary turn), asked for while that anförande or
 *   a replik on it has the floor, or before the chair gives the next ordinary turn. Repliker go
 *   right after the speaker they answer, before the ordinary list, in the order asked for. Each
 *   person gets at most one replik per anförande, and never on their own (a kontrareplik is not
 *   modelled: the one who spoke asks for the floor again). Repliker not given when the next
 *   anförande begins lapse.
 * - The chair (or the secretary) gives the floor to the first in the list ("Ge ordet"), never to
 *   someone further down, and ends the turn ("Klar"); giving the floor ends the one before.
 * - Withdrawing ("återta") takes away all of one's waiting requests in the §.
 */
import type { PersonRef } from "@/domain/protocol/protocol.types";
import type { LiveEventData, LiveInput, LiveState } from "./live.rules";

/** The log's event types of the speaker list. */
export const SPEAKER_EVENT_TYPES: ReadonlySet<LiveEventData["type"]> = new Set([
  "speakRequest",
  "speakWithdraw",
  "speakGrant",
  "speakEnd",
]);

export interface SpeakerTurn extends PersonRef {
  /** Anförande (ordinary turn) or replik. */
  kind: "ANFORANDE" | "REPLIK";
  /** A replik: whose anförande it answers. */
  replyTo: PersonRef | null;
}

export interface SpeakerRequest extends PersonRef {
  replik: boolean;
  /** A replik: whose anförande it answers. */
  replyTo: PersonRef | null;
}

export interface SpeakerList {
  paragraphId: string;
  /** Who has the floor now. */
  current: SpeakerTurn | null;
  /** In the order the floor will be given: the repliker on the open anförande, then the list. */
  queue: SpeakerRequest[];
  /** Turns ended (or ended by the next grant), in order. */
  spoken: SpeakerTurn[];
  /** The anförande a replik asked for now would answer (null: none in the §). */
  replikOn: PersonRef | null;
}

interface Waiting {
  personId: string;
  replik: boolean;
  /** The anförande's number in the § (its grant's index) the replik answers. */
  anforande: number;
}

interface Replayed {
  current: { personId: string; kind: "ANFORANDE" | "REPLIK"; replyTo: string | null } | null;
  /** The last anförande given in the §: its speaker and number. */
  anforande: { personId: string; n: number } | null;
  waiting: Waiting[];
  spoken: { personId: string; kind: "ANFORANDE" | "REPLIK"; replyTo: string | null }[];
  /** "n:personId": repliker asked for (waiting or given) per anförande. */
  repliker: Set<string>;
}

function replay(input: LiveInput, paragraphId: string, takesPart: (personId: string) => boolean): Replayed {
  const r: Replayed = { current: null, anforande: null, waiting: [], spoken: [], repliker: new Set() };
  let grants = 0;
  const order = () => ordered(r, takesPart);
  for (const { data } of input.events) {
    if (!("paragraphId" in data) || data.paragraphId !== paragraphId) continue;
    switch (data.type) {
      case "speakRequest": {
        if (data.replik) {
          const on = r.anforande;
          const key = on ? `${on.n}:${data.personId}` : "";
          if (!on || on.personId === data.personId || r.repliker.has(key)) break;
          r.repliker.add(key);
          r.waiting.push({ personId: data.personId, replik: true, anforande: on.n });
        } else if (!r.waiting.some((w) => !w.replik && w.personId === data.personId)) {
          r.waiting.push({ personId: data.personId, replik: false, anforande: 0 });
        }
        break;
      }
      case "speakWithdraw":
        for (const w of r.waiting)
          if (w.personId === data.personId && w.replik) r.repliker.delete(`${w.anforande}:${w.personId}`);
        r.waiting = r.waiting.filter((w) => w.personId !== data.personId);
        break;
      case "speakGrant": {
        const next = order()[0];
        if (!next || next.personId !== data.personId) break;
        if (r.current) r.spoken.push(r.current);
        r.waiting = r.waiting.filter((w) => w !== next);
        if (next.replik) {
          r.current = { personId: next.personId, kind: "REPLIK", replyTo: r.anforande?.personId ?? null };
        } else {
          grants++;
          r.anforande = { personId: next.personId, n: grants };
          r.current = { personId: next.personId, kind: "ANFORANDE", replyTo: null };
          // Repliker on the anförande before lapse.
          r.waiting = r.waiting.filter((w) => !w.replik);
        }
        break;
      }
      case "speakEnd":
        if (r.current) r.spoken.push(r.current);
        r.current = null;
        break;
      default:
        break;
    }
  }
  return r;
}

/** The waiting requests in the order the floor is given, without those no longer taking part. */
function ordered(r: Replayed, takesPart: (personId: string) => boolean): Waiting[] {
  const open = r.anforande?.n;
  const live = r.waiting.filter((w) => takesPart(w.personId));
  return [...live.filter((w) => w.replik && w.anforande === open), ...live.filter((w) => !w.replik)];
}

function participantsAt(state: LiveState, input: LiveInput, paragraphId: string): Set<string> {
  const i = input.paragraphs.findIndex((p) => p.id === paragraphId);
  return new Set(state.perParagraph[i]?.participation.participants.map((p) => p.personId) ?? []);
}

/** The speaker list of one § (by id), from the log and the replayed attendance. */
export function speakerList(input: LiveInput, state: LiveState, paragraphId: string): SpeakerList {
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));
  const ref = (personId: string): PersonRef => ({ personId, name: names.get(personId) ?? "Okänd" });
  const taking = participantsAt(state, input, paragraphId);
  const takesPart = (personId: string) => taking.has(personId);
  const r = replay(input, paragraphId, takesPart);
  const turn = (t: NonNullable<Replayed["current"]>): SpeakerTurn => ({
    ...ref(t.personId),
    kind: t.kind,
    replyTo: t.replyTo ? ref(t.replyTo) : null,
  });
  return {
    paragraphId,
    current: r.current ? turn(r.current) : null,
    queue: ordered(r, takesPart).map((w) => ({
      ...ref(w.personId),
      replik: w.replik,
      replyTo: w.replik && r.anforande ? ref(r.anforande.personId) : null,
    })),
    spoken: r.spoken.map(turn),
    replikOn: r.anforande ? ref(r.anforande.personId) : null,
  };
}

/**
 * Why the server must refuse a speaker-list tap (a Swedish sentence), or null. `state` is the log
 * replayed without the tap. The list is kept at the current § only.
 */
export function refuseSpeakerEvent(input: LiveInput, state: LiveState, data: LiveEventData): string | null {
  if (!SPEAKER_EVENT_TYPES.has(data.type) || !("paragraphId" in data)) return null;
  const current = input.paragraphs[state.currentIndex];
  if (!current || current.id !== data.paragraphId)
    return `Talarlistan förs i den aktuella paragrafen${current ? ` (§ ${current.number})` : ""}. Uppdatera sidan och försök igen.`;
  const list = speakerList(input, state, data.paragraphId);
  const names = new Map(input.seats.map((s) => [s.personId, s.name]));
  const name = (id: string) => names.get(id) ?? "Personen";
  const n = current.number;
  switch (data.type) {
    case "speakRequest": {
      if (!participantsAt(state, input, data.paragraphId).has(data.personId))
        return `${name(data.personId)} deltar inte i § ${n} (frånvarande eller jävig) och kan inte begära ordet.`;
      if (!data.replik)
        return list.queue.some((q) => q.personId === data.personId && !q.replik)
          ? `${name(data.personId)} står redan på talarlistan.`
          : null;
      if (!list.replikOn) return "Det finns inget anförande att begära replik på.";
      if (list.replikOn.personId === data.personId)
        return "Replik begärs på någon annans anförande, inte på sitt eget.";
      const r = replay(input, data.paragraphId, () => true);
      if (r.anforande && r.repliker.has(`${r.anforande.n}:${data.personId}`))
        return `${name(data.personId)} har redan begärt replik på ${list.replikOn.name}s anförande. Replik ges en gång per anförande.`;
      return null;
    }
    case "speakWithdraw":
      return list.queue.some((q) => q.personId === data.personId)
        ? null
        : `${name(data.personId)} står inte på talarlistan.`;
    case "speakGrant": {
      const next = list.queue[0];
      if (!next) return "Talarlistan är tom: ingen har begärt ordet.";
      if (next.personId !== data.personId) return `Talarlistan har ändrats: nästa talare är ${next.name}.`;
      return null;
    }
    case "speakEnd":
      return list.current ? null : "Ingen har ordet just nu.";
    default:
      return null;
  }
}
