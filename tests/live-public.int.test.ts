// The public live stream (issue 20, point 6; KL 5:40) against real PostgreSQL, through its routes:
// the page and the server-sent events are built from the one projection (live.public.ts) and
// show nothing while the meeting is not public, nothing of another organisation, no title of a
// confidential § or one behind closed doors, and no jäv reason, yrkande or reservation text the
// log holds; nobody posts a tap without signing in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph } from "@/modules/drafting/paragraph.mutations";
import { closeLiveMeeting, recordLiveEvent } from "@/modules/live/live.mutations";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { setLivePublic } from "@/modules/live/live.public.mutations";
import { findPublicLive } from "@/modules/live/live.public.queries";
import type { PublicLiveState } from "@/modules/live/live.public";
import type { LiveEventData } from "@/domain/rules/live.rules";
import { NO_SCOPE, runInScope } from "@/server/tenancy";
import * as streamRoute from "@/app/(public)/[org]/moten/[slug]/live/handelser/route";
import PublicLivePage from "@/app/(public)/[org]/moten/[slug]/live/page";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;
let direktionenId: string;
let orgSlug: string;
let orgId: string;

/** What the log holds and no public byte may: a jäv reason, a yrkande's and a reservation's text, titles. */
const JAV_REASON = "Jävsskäl: svåger till sökanden Zebulon Hemligsson";
const MOTION_TEXT = "att hemliga yrkandet Quodlibet antas";
const RESERVATION_TEXT = "Reservationsmotivering Xylofonvägen";
const CONFIDENTIAL_TITLE = "Personalärende Titania Sekretessdotter";
const CLOSED_DOORS_TITLE = "Förhandling om Glasbruksgatan";
const SECRETS = [
  JAV_REASON,
  "Hemligsson",
  MOTION_TEXT,
  "Quodlibet",
  RESERVATION_TEXT,
  "Xylofon",
  CONFIDENTIAL_TITLE,
  "Sekretessdotter",
  CLOSED_DOORS_TITLE,
  "Glasbruksgatan",
];
const leaked = (text: string) => SECRETS.filter((s) => text.toLowerCase().includes(s.toLowerCase()));

beforeAll(async () => {
  const seeded = await createSeededDatabase("livepublic");
  ({ db, drop } = seeded);
  direktionenId = seeded.direktionen.id;
  restoreRouteDatabase = useRouteDatabase(seeded.url);
  const org = await db.organisation.findFirstOrThrow({ select: { id: true, slug: true } });
  orgSlug = org.slug;
  orgId = org.id;
}, 120_000);
afterAll(async () => {
  const hub = (globalThis as { paragrafLiveHub?: { close(): Promise<void> } }).paragrafLiveHub;
  await hub?.close();
  delete (globalThis as { paragrafLiveHub?: unknown }).paragrafLiveHub;
  await restoreRouteDatabase?.();
  await drop?.();
});

/** A draft meeting of Direktionen with its members' attendance and three §§ (§ 2 confidential). */
async function newMeeting(day: string) {
  const ctx = await contextFor(db, "secretary");
  const created = await createMeeting(ctx, {
    bodyId: direktionenId,
    date: day,
    startTime: "14:00",
    endTime: "",
    place: "Stadshuset",
    attendanceFrom: "members",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: created.data.slug } });
  const titles = ["Budget 2023", CONFIDENTIAL_TITLE, CLOSED_DOORS_TITLE];
  const paragraphs: { id: string; number: number }[] = [];
  for (const title of titles) {
    const added = await addParagraph(ctx, { meetingId: meeting.id, title });
    if (!added.ok) throw new Error(JSON.stringify(added));
    paragraphs.push({ id: added.data.id, number: added.data.number });
  }
  await db.paragraph.update({ where: { id: paragraphs[1]!.id }, data: { isConfidential: true } });
  return { ...meeting, paragraphs };
}

let cidCounter = 0;
async function tap(who: ActorName, meetingId: string, event: LiveEventData) {
  const result = await recordLiveEvent(await contextFor(db, who), {
    meetingId,
    clientEventId: `pub-${++cidCounter}-${Math.random().toString(36).slice(2, 10)}`,
    event,
  });
  if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
  return result;
}

async function seats(meetingId: string) {
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { bodyId: true, date: true } });
  return db.membership.findMany({
    where: { bodyId: m.bodyId, role: "MEMBER", termStart: { lte: m.date }, termEnd: { gte: m.date } },
    select: { personId: true, position: true },
  });
}

/** As a request does: a fresh, empty tenancy scope that the route enters itself. */
const inRequest = <T>(fn: () => Promise<T>) => runInScope(NO_SCOPE, fn);

async function page(org: string, slug: string): Promise<{ status: number; html: string }> {
  return inRequest(async () => {
    try {
      const element = await PublicLivePage({ params: Promise.resolve({ org, slug }) });
      return { status: 200, html: renderToStaticMarkup(element) };
    } catch (e) {
      const digest = String((e as { digest?: string }).digest ?? "");
      if (digest.includes("404")) return { status: 404, html: "" };
      throw e;
    }
  });
}

/** The stream's first `count` blocks (event name and data), and the answer's status. */
async function stream(org: string, slug: string, count = 1, timeoutMs = 8_000) {
  return inRequest(async () => {
    const res = await streamRoute.GET(new Request(`http://localhost/${org}/moten/${slug}/live/handelser`), {
      params: Promise.resolve({ org, slug }),
    });
    if (res.status !== 200)
      return { status: res.status, text: await res.text(), blocks: [] as { event: string; data: string }[] };
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const blocks: { event: string; data: string }[] = [];
    const deadline = performance.now() + timeoutMs;
    while (blocks.length < count && performance.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - performance.now()))),
      ]);
      if (!chunk || chunk.done) break;
      const piece = decoder.decode(chunk.value, { stream: true });
      text += piece;
      for (const block of piece.split("\n\n")) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) blocks.push({ event, data });
      }
    }
    await reader.cancel();
    return { status: res.status, text, blocks };
  });
}

describe("the public live stream", () => {
  let meeting: Awaited<ReturnType<typeof newMeeting>>;

  beforeAll(async () => {
    meeting = await newMeeting("2022-05-12");
    const members = await seats(meeting.id);
    for (const m of members) await tap("secretary", meeting.id, { type: "roll", personId: m.personId, present: true });
    await tap("secretary", meeting.id, { type: "current", paragraphId: meeting.paragraphs[0]!.id });
    const [chair, first, second] = [
      members.find((m) => m.position === "CHAIR")!,
      ...members.filter((m) => m.position !== "CHAIR"),
    ];
    // Planted in the log: a jäv with its reason, an ändringsyrkande, a reservation with its text.
    await tap("secretary", meeting.id, {
      type: "recuse",
      personId: second!.personId,
      paragraphId: meeting.paragraphs[0]!.id,
      recused: true,
      reason: JAV_REASON,
    });
    await tap("secretary", meeting.id, {
      type: "motion",
      motionId: "pub-m1",
      paragraphId: meeting.paragraphs[0]!.id,
      personId: first!.personId,
      kind: "AVSLAG",
      text: MOTION_TEXT,
    });
    await tap("chair", meeting.id, {
      type: "finding",
      paragraphId: meeting.paragraphs[0]!.id,
      question: "huvud",
      alternative: "forslag",
    });
    await tap("secretary", meeting.id, {
      type: "voteOpen",
      voteId: "pub-v1",
      paragraphId: meeting.paragraphs[0]!.id,
      question: "huvud",
      ja: "forslag",
      nej: "avslag",
    });
    const voters = members.filter((m) => m.personId !== second!.personId);
    for (const [i, v] of voters.entries())
      await tap("secretary", meeting.id, {
        type: "ballot",
        voteId: "pub-v1",
        personId: v.personId,
        choice: v.personId === first!.personId ? "NEJ" : i % 4 === 3 ? "AVSTAR" : "JA",
      });
    await tap("secretary", meeting.id, { type: "voteClose", voteId: "pub-v1" });
    await tap("secretary", meeting.id, {
      type: "reservation",
      paragraphId: meeting.paragraphs[0]!.id,
      personId: first!.personId,
      reserved: true,
      writtenLater: false,
      reasons: RESERVATION_TEXT,
    });
    expect(chair).toBeDefined();
  }, 60_000);

  it("is not there while the meeting is not public (Direktionen: not unless decided): 404 like no meeting", async () => {
    expect(await findPublicLive(db, orgId, meeting.slug)).toBeNull();
    expect((await page(orgSlug, meeting.slug)).status).toBe(404);
    expect((await stream(orgSlug, meeting.slug)).status).toBe(404);
    expect((await page(orgSlug, "direktionen-2099-01-01")).status).toBe(404);
    expect((await stream(orgSlug, "direktionen-2099-01-01")).status).toBe(404);
  });

  it("only the secretary turns it on (meeting.edit); the chair and the anonymous cannot", async () => {
    const chair = await setLivePublic(await contextFor(db, "chair"), { meetingId: meeting.id, setting: "on" });
    expect(chair.ok).toBe(false);
    const anonymous = await setLivePublic(await contextFor(db, "anonymous"), { meetingId: meeting.id, setting: "on" });
    expect(anonymous).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const on = await setLivePublic(await contextFor(db, "secretary"), { meetingId: meeting.id, setting: "on" });
    expect(on).toMatchObject({ ok: true, data: { public: true } });
    expect(await db.auditLog.count({ where: { meetingId: meeting.id, action: "live.public" } })).toBe(1);
  });

  it("shows the § under way, the serving count and quorum, and the latest vote's totals and winner", async () => {
    const live = await findPublicLive(db, orgId, meeting.slug);
    const state = live!.state;
    expect(state).toMatchObject({
      started: true,
      closed: false,
      paragraph: { number: meeting.paragraphs[0]!.number, title: "Budget 2023", closedDoors: false },
      latestVote: { paragraphNumber: meeting.paragraphs[0]!.number, nej: 1, winner: "bifall till förslaget" },
    });
    // Exactly the listed fields: nothing else is published.
    expect(Object.keys(state).sort()).toEqual(
      [
        "bodyName",
        "closed",
        "date",
        "latestVote",
        "paragraph",
        "quorum",
        "quorumMinimum",
        "seatCount",
        "seq",
        "serving",
        "speakers",
        "started",
      ].sort(),
    );
    const { html, status } = await page(orgSlug, meeting.slug);
    expect(status).toBe(200);
    expect(html).toContain("Budget 2023");
    expect(html).toContain("Vann: bifall till förslaget.");
    expect(leaked(html)).toEqual([]);
    const s = await stream(orgSlug, meeting.slug);
    expect(s.status).toBe(200);
    expect(s.blocks[0]!.event).toBe("state");
    expect(JSON.parse(s.blocks[0]!.data) as PublicLiveState).toEqual(state);
    expect(leaked(s.text)).toEqual([]);
  });

  it("another organisation's address does not find the meeting", async () => {
    await db.organisation.create({
      data: { slug: "annan-kommun", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
    });
    const other = await db.organisation.findUniqueOrThrow({ where: { slug: "annan-kommun" } });
    expect(await findPublicLive(db, other.id, meeting.slug)).toBeNull();
    expect((await page("annan-kommun", meeting.slug)).status).toBe(404);
    expect((await stream("annan-kommun", meeting.slug)).status).toBe(404);
    expect((await page("finns-inte", meeting.slug)).status).toBe(404);
  });

  it("a confidential § and one behind closed doors show only their number, live over the stream too", async () => {
    const s = await inRequest(async () => {
      const res = await streamRoute.GET(
        new Request(`http://localhost/${orgSlug}/moten/${meeting.slug}/live/handelser`),
        { params: Promise.resolve({ org: orgSlug, slug: meeting.slug }) },
      );
      return res.body!.getReader();
    });
    const decoder = new TextDecoder();
    let text = "";
    const states: PublicLiveState[] = [];
    // One read pending at a time: a read that loses the race to the timer keeps its chunk for the next turn.
    let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
    let ended = false;
    const pull = async (ms: number) => {
      pending ??= s.read();
      const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
      if (!chunk) return;
      pending = null;
      if (chunk.done) {
        ended = true;
        return;
      }
      const piece = decoder.decode(chunk.value, { stream: true });
      text += piece;
      for (const m of piece.matchAll(/^event: state\ndata: (.*)$/gm)) states.push(JSON.parse(m[1]!) as PublicLiveState);
    };
    const until = async (want: (s: PublicLiveState) => boolean) => {
      const deadline = performance.now() + 8_000;
      while (!states.some(want) && !ended && performance.now() < deadline) await pull(500);
      return states.find(want);
    };
    await until((x) => x.paragraph?.number === meeting.paragraphs[0]!.number);
    const t0 = performance.now();
    await tap("secretary", meeting.id, { type: "current", paragraphId: meeting.paragraphs[1]!.id });
    const confidential = await until((x) => x.paragraph?.number === meeting.paragraphs[1]!.number);
    const latency = performance.now() - t0;
    expect(confidential?.paragraph).toEqual({ number: meeting.paragraphs[1]!.number, title: null, closedDoors: true });
    expect(latency).toBeLessThan(2_000); // woken by NOTIFY, not the 5 s heartbeat
    const html2 = (await page(orgSlug, meeting.slug)).html;
    expect(html2).toContain(`§ ${meeting.paragraphs[1]!.number} – behandlas inom stängda dörrar`);

    await tap("secretary", meeting.id, { type: "current", paragraphId: meeting.paragraphs[2]!.id });
    const before = await until((x) => x.paragraph?.number === meeting.paragraphs[2]!.number);
    expect(before?.paragraph?.title).toBe(CLOSED_DOORS_TITLE); // not behind closed doors yet: its title is public
    await tap("secretary", meeting.id, { type: "closedDoors", paragraphId: meeting.paragraphs[2]!.id, closed: true });
    const closed = await until((x) => x.paragraph?.number === meeting.paragraphs[2]!.number && x.paragraph.closedDoors);
    expect(closed?.paragraph?.title).toBeNull();
    const html3 = (await page(orgSlug, meeting.slug)).html;
    expect(html3).toContain(`§ ${meeting.paragraphs[2]!.number} – behandlas inom stängda dörrar`);
    // Everything sent so far: never a jäv reason, a yrkande or reservation text, a confidential title.
    expect(leaked(text).filter((x) => x !== CLOSED_DOORS_TITLE && x !== "Glasbruksgatan")).toEqual([]);
    expect(leaked(html2 + html3)).toEqual([]);

    // Turned off: the open stream ends, and the page and the stream are 404 again.
    await setLivePublic(await contextFor(db, "secretary"), { meetingId: meeting.id, setting: "off" });
    const deadline = performance.now() + 8_000;
    while (!ended && performance.now() < deadline) await pull(500);
    expect(text).toMatch(/event: end/);
    expect(ended).toBe(true);
    expect((await page(orgSlug, meeting.slug)).status).toBe(404);
    expect((await stream(orgSlug, meeting.slug)).status).toBe(404);
  }, 40_000);

  it("a vote in a confidential § is not published: the latest public result stays the earlier one", async () => {
    await setLivePublic(await contextFor(db, "secretary"), { meetingId: meeting.id, setting: "on" });
    await tap("secretary", meeting.id, { type: "current", paragraphId: meeting.paragraphs[1]!.id });
    await tap("chair", meeting.id, {
      type: "finding",
      paragraphId: meeting.paragraphs[1]!.id,
      question: "huvud",
      alternative: "forslag",
    });
    const state = (await findPublicLive(db, orgId, meeting.slug, performance.now() + 60_000))!.state;
    expect(state.latestVote?.paragraphNumber).toBe(meeting.paragraphs[0]!.number);
  });

  it("anonymous cannot post a tap, and the public stream takes no post", async () => {
    const result = await recordLiveEvent(await contextFor(db, "anonymous"), {
      meetingId: meeting.id,
      clientEventId: "anon-tap-0001",
      event: { type: "current", paragraphId: meeting.paragraphs[0]!.id },
    });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(Object.keys(streamRoute).filter((k) => /^(POST|PUT|PATCH|DELETE)$/.test(k))).toEqual([]);
    expect(await db.liveEvent.count({ where: { meetingId: meeting.id, clientEventId: "anon-tap-0001" } })).toBe(0);
  });

  it("fullmäktige's meetings are public unless decided otherwise (KL 5:40)", async () => {
    const { kind: originalKind } = await db.body.findUniqueOrThrow({ where: { id: direktionenId } });
    expect(originalKind).not.toBe("FULLMAKTIGE");
    await db.body.update({ where: { id: direktionenId }, data: { kind: "FULLMAKTIGE" } });
    try {
      const other = await newMeeting("2022-05-19");
      expect(await findPublicLive(db, orgId, other.slug)).not.toBeNull();
      expect((await findPublicLive(db, orgId, other.slug))!.state.started).toBe(false);
      await setLivePublic(await contextFor(db, "secretary"), { meetingId: other.id, setting: "off" });
      expect(await findPublicLive(db, orgId, other.slug)).toBeNull();
    } finally {
      await db.body.update({ where: { id: direktionenId }, data: { kind: originalKind } });
    }
  });
});

describe("a written reservation later (skriftlig reservation senare)", () => {
  it("is stored at the end of the meeting, and the checker warns until its text is entered", async () => {
    const meeting = await newMeeting("2022-06-02");
    const members = await seats(meeting.id);
    for (const m of members) await tap("secretary", meeting.id, { type: "roll", personId: m.personId, present: true });
    await tap("secretary", meeting.id, { type: "current", paragraphId: meeting.paragraphs[0]!.id });
    const reservant = members.find((m) => m.position !== "CHAIR")!;
    await tap("secretary", meeting.id, {
      type: "reservation",
      paragraphId: meeting.paragraphs[0]!.id,
      personId: reservant.personId,
      reserved: true,
      writtenLater: true,
      reasons: "",
    });
    const closed = await closeLiveMeeting(await contextFor(db, "secretary"), { meetingId: meeting.id });
    expect(closed.ok).toBe(true);
    const stored = await db.reservation.findFirstOrThrow({ where: { paragraphId: meeting.paragraphs[0]!.id } });
    expect(stored).toMatchObject({ personId: reservant.personId, writtenLater: true, reasons: null });
    const pending = (p: NonNullable<Awaited<ReturnType<typeof findProtocolBySlug>>>) =>
      checkProtocol(p, { now: new Date(Date.UTC(2022, 5, 2, 18)) }).filter(
        (f) => f.code === "RESERVATION_WRITTEN_PENDING",
      );
    const before = pending((await findProtocolBySlug(db, meeting.slug))!);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ severity: "warning", paragraphNumber: meeting.paragraphs[0]!.number });
    expect(before[0]!.message).toContain("Skriftlig reservation väntas");
    if (closed.ok) expect(closed.data.findings.map((f) => f.code)).toContain("RESERVATION_WRITTEN_PENDING");

    // The secretary enters the text in the editor (its own save): the flag stays, the warning goes.
    const editing = (await findParagraphForEditing(db, meeting.paragraphs[0]!.id))!;
    const content = toParagraphContent(editing.paragraph);
    expect(content.reservations).toEqual([{ personId: reservant.personId, reasons: null, writtenLater: true }]);
    const saved = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: meeting.paragraphs[0]!.id,
      version: editing.version,
      content: {
        ...content,
        reservations: [{ ...content.reservations[0]!, reasons: "Vi anser att budgeten är orealistisk." }],
      },
    });
    expect(saved.ok).toBe(true);
    expect(await db.reservation.findFirstOrThrow({ where: { paragraphId: meeting.paragraphs[0]!.id } })).toMatchObject({
      writtenLater: true,
      reasons: "Vi anser att budgeten är orealistisk.",
    });
    expect(pending((await findProtocolBySlug(db, meeting.slug))!)).toEqual([]);
  }, 60_000);
});

describe("kontrapropositionsvotering written into the § at closing", () => {
  it("the motförslag's vote and the huvudvotering are both in the §, and the checker finds no error in it", async () => {
    const meeting = await newMeeting("2022-06-09");
    const p = meeting.paragraphs[0]!;
    const members = await seats(meeting.id);
    for (const m of members) await tap("secretary", meeting.id, { type: "roll", personId: m.personId, present: true });
    await tap("secretary", meeting.id, { type: "current", paragraphId: p.id });
    const [x, y] = members.filter((m) => m.position !== "CHAIR");
    const motion = (motionId: string, personId: string, kind: "AVSLAG" | "ANDRING", text: string) =>
      tap("secretary", meeting.id, { type: "motion", motionId, paragraphId: p.id, personId, kind, text });
    await motion("k-av", x!.personId, "AVSLAG", "");
    await motion("k-and", y!.personId, "ANDRING", "att beloppet halveras");
    const finding = (question: string, alternative: string) =>
      tap("chair", meeting.id, { type: "finding", paragraphId: p.id, question, alternative });
    await finding("huvud", "forslag");
    const vote = async (voteId: string, question: string, ja: string, nej: string, no: number) => {
      await tap("secretary", meeting.id, { type: "voteOpen", voteId, paragraphId: p.id, question, ja, nej });
      for (const [i, m] of members.entries())
        await tap("secretary", meeting.id, {
          type: "ballot",
          voteId,
          personId: m.personId,
          choice: i < no ? "NEJ" : "JA",
        });
      await tap("secretary", meeting.id, { type: "voteClose", voteId });
    };
    // The huvudvotering before the motförslag is found is refused.
    const early = await recordLiveEvent(await contextFor(db, "secretary"), {
      meetingId: meeting.id,
      clientEventId: "kontra-early-01",
      event: { type: "voteOpen", voteId: "h0", paragraphId: p.id, question: "huvud", ja: "forslag", nej: "k-and" },
    });
    expect(early).toMatchObject({ ok: false, code: "VALIDATION" });
    await finding("huvud-mot", "k-and");
    await vote("k1", "huvud-mot", "k-and", "avslag", 1);
    await vote("h1", "huvud", "forslag", "k-and", 1);
    const closed = await closeLiveMeeting(await contextFor(db, "secretary"), { meetingId: meeting.id });
    expect(closed.ok).toBe(true);
    const protocol = (await findProtocolBySlug(db, meeting.slug))!;
    const para = protocol.paragraphs.find((q) => q.number === p.number)!;
    expect(para.propositions.join(" ")).toMatch(/Till motförslag i huvudvoteringen utses \S.* ändringsyrkande\./);
    expect(para.propositions.some((t) => t.startsWith("Kontrapropositionsvotering begärs."))).toBe(true);
    expect(para.propositions.some((t) => t.startsWith("Huvudvotering:"))).toBe(true);
    expect(para.votes.map((v) => v.question)).toEqual([
      expect.stringMatching(
        /^Motförslag i huvudvoteringen: .* ändringsyrkande \(ja\) mot avslag på förslaget \(nej\)$/,
      ),
      expect.stringMatching(/^bifall till förslaget \(ja\) mot .* ändringsyrkande \(nej\)$/),
    ]);
    const errors = checkProtocol(protocol, { now: new Date(Date.UTC(2022, 5, 9, 18)) }).filter(
      (f) => f.severity === "error" && f.paragraphNumber === p.number,
    );
    expect(errors).toEqual([]);
  }, 90_000);
});
