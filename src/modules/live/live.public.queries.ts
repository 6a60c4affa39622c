// The reads of the public live stream: the meeting of one organisation by its slug, only while it
// is public (live.public.ts: isLivePublic) and its protocol still a draft, then its log through
// the one projection (toPublicLiveState). Anything else is null, which the page and the stream
// answer as 404, the same as a meeting that does not exist.
import type { PrismaClient } from "@/generated/prisma/client";
import { isoDateOf } from "@/lib/iso-date";
import { isMeetingSlug } from "@/domain/publication/public.rules";
import { readLiveMeeting } from "./live.queries";
import { isLivePublic, toPublicLiveState, type PublicLiveState } from "./live.public";

export interface PublicLive {
  meetingId: string;
  state: PublicLiveState;
}

/**
 * Every open public stream of a meeting asks at each wake and heartbeat; the state is computed
 * once per log position (and again after a few seconds, for a § marked confidential or retitled
 * meanwhile), per app instance.
 */
const cache = new Map<string, { seq: number; at: number; state: PublicLiveState }>();
const FRESH_MS = 3_000;
const MAX_CACHED = 200;

/** The public state of `slug`'s live meeting in `organisationId`, or null (not public, not there). */
export async function findPublicLive(
  db: PrismaClient,
  organisationId: string,
  slug: string,
  /** For the cache's age only (elapsed time, not the clock of the domain). */
  nowMs: number = performance.now(),
): Promise<PublicLive | null> {
  if (!isMeetingSlug(slug)) return null;
  const head = await db.meeting.findFirst({
    where: { slug, status: "DRAFT", body: { organisationId } },
    select: { id: true, livePublic: true, body: { select: { kind: true } } },
  });
  if (!head || !isLivePublic(head.livePublic, head.body.kind)) return null;
  const last = await db.liveEvent.aggregate({ where: { meetingId: head.id }, _max: { seq: true } });
  const seq = last._max.seq ?? 0;
  const cached = cache.get(head.id);
  if (cached && cached.seq === seq && nowMs - cached.at < FRESH_MS) return { meetingId: head.id, state: cached.state };

  const live = await readLiveMeeting(db, { id: head.id });
  if (!live) return null;
  const rows = await db.paragraph.findMany({
    where: { meetingId: head.id },
    select: { id: true, title: true, isConfidential: true, redactedNames: true },
  });
  const state = toPublicLiveState(live.input, {
    bodyName: live.bodyName,
    date: isoDateOf(live.date),
    paragraphs: new Map(rows.map((r) => [r.id, r])),
  });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(head.id, { seq: state.seq, at: nowMs, state });
  return { meetingId: head.id, state };
}
