// Reads of the live meeting: the body's seats on the meeting day in the body's order, the §§, the
// log (whole or after a seq), as the pure rules (domain/rules/live.rules.ts) take them.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { LiveEventData, LiveInput, LiveParagraph, LiveSeat } from "@/domain/rules/live.rules";
import type { StoredLiveEvent } from "./live.wire";

export { toWire, type LiveEventWire } from "./live.wire";

type Db = PrismaClient | Prisma.TransactionClient;

export async function readLiveEvents(db: Db, meetingId: string, afterSeq = 0): Promise<StoredLiveEvent[]> {
  const rows = await db.liveEvent.findMany({
    where: { meetingId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, type: true, payload: true, clientEventId: true },
  });
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    clientEventId: r.clientEventId,
    data: { ...(r.payload as object), type: r.type } as LiveEventData,
  }));
}

/**
 * The body's ledamöter and ersättare whose term covers the meeting day: ordförande, vice
 * ordförande, ledamöter as the body lists them, then the ersättare by the ersättarordning.
 */
export async function readLiveSeats(db: Db, bodyId: string, date: Date): Promise<LiveSeat[]> {
  const memberships = await db.membership.findMany({
    where: { bodyId, termStart: { lte: date }, termEnd: { gte: date } },
    orderBy: { id: "asc" },
    select: {
      personId: true,
      role: true,
      position: true,
      represents: true,
      callOrder: true,
      person: { select: { name: true } },
    },
  });
  const rank = (m: (typeof memberships)[number]) =>
    m.position === "CHAIR" ? 0 : m.position === "VICE_CHAIR" ? 1 : m.role === "MEMBER" ? 2 : 3;
  const seen = new Set<string>();
  return memberships
    .map((m, i) => ({ m, i }))
    .sort(
      (a, b) =>
        rank(a.m) - rank(b.m) ||
        (a.m.role === "SUBSTITUTE"
          ? (a.m.callOrder ?? Number.MAX_SAFE_INTEGER) - (b.m.callOrder ?? Number.MAX_SAFE_INTEGER)
          : 0) ||
        a.i - b.i,
    )
    .filter(({ m }) => !seen.has(m.personId) && seen.add(m.personId))
    .map(({ m }) => ({
      personId: m.personId,
      name: m.person.name,
      role: m.role,
      position: m.position,
      represents: m.represents,
      callOrder: m.callOrder,
    }));
}

export interface LiveMeeting {
  id: string;
  slug: string;
  date: Date;
  bodyName: string;
  status: string;
  input: LiveInput & { paragraphs: (LiveParagraph & { title: string })[]; events: StoredLiveEvent[] };
}

/** Everything the rules need for one meeting, read now. */
export async function readLiveMeeting(db: Db, where: { id: string } | { slug: string }): Promise<LiveMeeting | null> {
  const m = await db.meeting.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      date: true,
      status: true,
      bodyId: true,
      body: { select: { name: true, seatCount: true } },
      paragraphs: { orderBy: { number: "asc" }, select: { id: true, number: true, title: true } },
    },
  });
  if (!m) return null;
  const paragraphs: (LiveParagraph & { title: string })[] = m.paragraphs;
  return {
    id: m.id,
    slug: m.slug,
    date: m.date,
    bodyName: m.body.name,
    status: m.status,
    input: {
      seats: await readLiveSeats(db, m.bodyId, m.date),
      paragraphs,
      seatCount: m.body.seatCount,
      events: await readLiveEvents(db, m.id),
    },
  };
}

/** The seats and §§ of a meeting (what a tap may name), without the log. */
export async function readLiveFrame(db: Db, meetingId: string): Promise<Pick<LiveInput, "seats" | "paragraphs">> {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      bodyId: true,
      date: true,
      paragraphs: { orderBy: { number: "asc" }, select: { id: true, number: true } },
    },
  });
  return { seats: await readLiveSeats(db, m.bodyId, m.date), paragraphs: m.paragraphs };
}
