// The live meeting as the public may follow it (issue 20, point 6; KL 5:40): the ONE projection
// both the public page (/<org>/moten/<slug>/live) and its server-sent events are built from. An
// allow-list: `PublicLiveState` names every field that is published, and `toPublicLiveState`
// builds each of them from the replayed log by hand (nothing of the log is spread or copied
// wholesale). Published of people: only the names on the speaker list of a visible §, as anyone in
// the public gallery hears them. Never published: who is present or absent, jäv and its reasons, yrkanden and their
// text, reservations (free text), ballots per person, the raw log, or anything of a § that is
// confidential or handled behind closed doors beyond its number. Pure: no database here.
import type { BodyKind } from "@/domain/protocol/protocol.types";
import { liveDecisions } from "@/domain/rules/live-decisions.rules";
import { speakerList } from "@/domain/rules/live-speakers.rules";
import { replayLive, type LiveInput } from "@/domain/rules/live.rules";
import { maskPersonalNumbers, redactNames, toPublicCaseHeading } from "@/domain/publication/public.rules";

/** The § under way, as the public sees it. */
export interface PublicLiveParagraph {
  number: number;
  /** The § title (cleaned as every public text of a § is), or null behind closed doors. */
  title: string | null;
  /** Confidential (sekretess) or handled behind closed doors (KL 5:40): only the number shows. */
  closedDoors: boolean;
}

/** The latest vote that was closed, as the public sees it: the totals and which side won. */
export interface PublicLiveVote {
  paragraphNumber: number;
  ja: number;
  nej: number;
  avstar: number;
  /** "bifall till förslaget", "Anna Anderssons ändringsyrkande"; null on a tie without the chair. */
  winner: string | null;
}

/** One speaker of the list: a ledamot's or ersättare's name, and whether it is a replik. */
export interface PublicLiveSpeaker {
  name: string;
  replik: boolean;
}

/** The speaker list of the current § (begär ordet, replik), for a § the public may see. */
export interface PublicLiveSpeakers {
  /** Who has the floor now. */
  current: PublicLiveSpeaker | null;
  /** Who gets it next, in order (at most PUBLIC_QUEUE_LENGTH). */
  next: PublicLiveSpeaker[];
}

/** How many of the waiting speakers the public sees. */
export const PUBLIC_QUEUE_LENGTH = 8;

/** Every field the public live stream publishes. Nothing else reaches a public byte. */
export interface PublicLiveState {
  /** The log's position this state is of (the SSE event's id). */
  seq: number;
  bodyName: string;
  /** The meeting day, "2026-12-07". */
  date: string;
  /** Something has been recorded live (roll call at least). */
  started: boolean;
  /** "Avsluta sammanträdet" has been pressed. */
  closed: boolean;
  /** The current §, once the meeting has started and has §§. */
  paragraph: PublicLiveParagraph | null;
  /** Ledamöter and tjänstgörande ersättare in their seats at the current §. */
  serving: number;
  seatCount: number;
  /** Seats needed for a decision (more than half, KL 5:57, 6:27). */
  quorumMinimum: number;
  quorum: boolean;
  latestVote: PublicLiveVote | null;
  /** The speaker list of the current § (names of those in their seats: a public meeting shows them). */
  speakers: PublicLiveSpeakers | null;
}

/** What the projection needs of the meeting besides the log. */
export interface PublicLiveMeeting {
  bodyName: string;
  date: string;
  /** Per § (by id): whether it is confidential, and the names every public copy of it withholds. */
  paragraphs: ReadonlyMap<string, { title: string; isConfidential: boolean; redactedNames: readonly string[] }>;
}

/**
 * Whether a meeting is public (KL 5:40): as the secretary set it, or else by the body's kind
 * (fullmäktige's meetings are public; other bodies' are not unless decided).
 */
export function isLivePublic(livePublic: boolean | null, bodyKind: BodyKind): boolean {
  return livePublic ?? bodyKind === "FULLMAKTIGE";
}

/** The §§ (by id) handled behind closed doors by the log: the last tap per § wins. */
function closedDoorsOf(input: LiveInput): Set<string> {
  const out = new Set<string>();
  for (const { data } of input.events) {
    if (data.type !== "closedDoors") continue;
    if (data.closed) out.add(data.paragraphId);
    else out.delete(data.paragraphId);
  }
  return out;
}

/** The one projection: the public state of the live meeting from its log. */
export function toPublicLiveState(input: LiveInput, meeting: PublicLiveMeeting): PublicLiveState {
  const state = replayLive(input);
  const closedDoors = closedDoorsOf(input);
  const hidden = (paragraphId: string) =>
    closedDoors.has(paragraphId) || (meeting.paragraphs.get(paragraphId)?.isConfidential ?? true);
  const started = input.events.length > 0;
  const current = input.paragraphs[state.currentIndex];
  const here = state.perParagraph[state.currentIndex];

  let paragraph: PublicLiveParagraph | null = null;
  if (started && current) {
    const p = meeting.paragraphs.get(current.id);
    const closed = hidden(current.id);
    paragraph = {
      number: current.number,
      title:
        closed || !p
          ? null
          : toPublicCaseHeading({
              caseNumber: null,
              title: p.title,
              isConfidential: false,
              redactedNames: [...p.redactedNames],
            }).title,
      closedDoors: closed,
    };
  }

  // The latest vote closed: the log's last voteClose, of a § the public may see.
  let latestVote: PublicLiveVote | null = null;
  const lastClose = [...input.events].reverse().find((e) => e.data.type === "voteClose");
  if (lastClose && lastClose.data.type === "voteClose") {
    const voteId = lastClose.data.voteId;
    const opened = input.events.find((e) => e.data.type === "voteOpen" && e.data.voteId === voteId);
    const paragraphId = opened?.data.type === "voteOpen" ? opened.data.paragraphId : null;
    const number = input.paragraphs.find((p) => p.id === paragraphId)?.number;
    if (paragraphId && number !== undefined && !hidden(paragraphId)) {
      const d = liveDecisions(input, state, paragraphId, meeting.bodyName);
      const result = d.votes.find((v) => v.vote.id === voteId);
      if (result && result.vote.closed) {
        const side = result.outcome === "JA" ? result.vote.ja : result.outcome === "NEJ" ? result.vote.nej : null;
        const question = d.questions.find((q) => q.key === result.vote.question);
        const label = question?.alternatives.find((a) => a.key === side)?.label ?? null;
        const names = meeting.paragraphs.get(paragraphId)?.redactedNames ?? [];
        latestVote = {
          paragraphNumber: number,
          ja: result.tally.ja,
          nej: result.tally.nej,
          avstar: result.tally.avstar,
          winner: label === null ? null : redactNames(maskPersonalNumbers(label), names),
        };
      }
    }
  }

  // The speaker list: only at a § the public may see, and only names and whether it is a replik.
  let speakers: PublicLiveSpeakers | null = null;
  if (started && !state.closed && current && !hidden(current.id)) {
    const list = speakerList(input, state, current.id);
    const names = meeting.paragraphs.get(current.id)?.redactedNames ?? [];
    const speaker = (name: string, replik: boolean): PublicLiveSpeaker => ({
      name: redactNames(maskPersonalNumbers(name), names),
      replik,
    });
    speakers = {
      current: list.current ? speaker(list.current.name, list.current.kind === "REPLIK") : null,
      next: list.queue.slice(0, PUBLIC_QUEUE_LENGTH).map((w) => speaker(w.name, w.replik)),
    };
  }

  return {
    seq: input.events.reduce((m, e) => Math.max(m, e.seq), 0),
    bodyName: meeting.bodyName,
    date: meeting.date,
    started,
    closed: state.closed,
    paragraph,
    serving: started && here ? here.seats : 0,
    seatCount: state.seatCount,
    quorumMinimum: state.quorumMinimum,
    quorum: started && here ? here.quorum : false,
    latestVote,
    speakers,
  };
}
