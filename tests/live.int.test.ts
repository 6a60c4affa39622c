// The live meeting (issue 20) against real PostgreSQL: two devices tapping at once, a retried tap,
// conflicting taps converging, the SSE stream fed by LISTEN/NOTIFY (and its catch-up from
// Last-Event-ID), who may, the log's guards, and the end of the meeting writing the draft.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph } from "@/modules/drafting/paragraph.mutations";
import { closeLiveMeeting, recordLiveEvent } from "@/modules/live/live.mutations";
import { readLiveEvents, readLiveMeeting } from "@/modules/live/live.queries";
import { LiveHub } from "@/modules/live/live.hub";
import { liveStreamResponse } from "@/modules/live/live.stream";
import { runInScope } from "@/server/tenancy";
import { replayLive, type LiveEventData } from "@/domain/rules/live.rules";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { findProtocolBySlug } from "@/server/protocol.queries";
import type { ActionContext } from "@/server/action";
import { actorFor, contextFor, createSeededDatabase, EMAILS, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let direktionenId: string;
const hubs: LiveHub[] = [];

const DATE = "2022-03-10";
/** 14:00 Swedish time on the meeting day, plus minutes. */
const at = (minutes: number) => new Date(Date.UTC(2022, 2, 10, 13, minutes));

beforeAll(async () => {
  const seeded = await createSeededDatabase("live");
  ({ db, url, drop } = seeded);
  direktionenId = seeded.direktionen.id;
}, 120_000);
afterAll(async () => {
  for (const hub of hubs) await hub.close();
  await drop?.();
});

async function person(name: string) {
  return (await db.person.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

/** A draft meeting of Direktionen with its members' attendance and `count` §§. */
async function newMeeting(day: string, count = 3) {
  const ctx = await contextFor(db, "secretary");
  const created = await createMeeting(ctx, {
    bodyId: direktionenId,
    date: day,
    startTime: "14:00",
    endTime: "",
    place: "Stadshuset, Vimmerby",
    attendanceFrom: "members",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: created.data.slug } });
  const paragraphs: { id: string; number: number }[] = [];
  for (let i = 1; i <= count; i++) {
    const added = await addParagraph(ctx, { meetingId: meeting.id, title: `Ärende ${i}` });
    if (!added.ok) throw new Error(JSON.stringify(added));
    paragraphs.push({ id: added.data.id, number: added.data.number });
  }
  return { ...meeting, paragraphs };
}

async function ctxAt(who: ActorName, instant: Date): Promise<ActionContext> {
  return { ...(await contextFor(db, who)), now: instant };
}

let cidCounter = 0;
const cid = () => `test-${++cidCounter}-${Math.random().toString(36).slice(2, 10)}`;

async function tap(who: ActorName, meetingId: string, event: LiveEventData, options: { id?: string; now?: Date } = {}) {
  const ctx = await ctxAt(who, options.now ?? at(0));
  return recordLiveEvent(ctx, { meetingId, clientEventId: options.id ?? cid(), event });
}

describe("who may run the live meeting", () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (await newMeeting("2022-02-01", 1)).id;
  });

  it("the secretary and the meeting's chair may; a member, another body's secretary and the signed-out may not", async () => {
    const personId = await person("Annicki Oscarsson");
    const event: LiveEventData = { type: "roll", personId, present: true };
    expect((await tap("secretary", meetingId, event)).ok).toBe(true);
    expect((await tap("chair", meetingId, event)).ok).toBe(true);
    expect(await tap("member", meetingId, event)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await tap("otherSecretary", meetingId, event)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await tap("anonymous", meetingId, event)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await db.liveEvent.count({ where: { meetingId } })).toBe(2);
    // Each tap has its audit row.
    expect(await db.auditLog.count({ where: { meetingId, action: "live.event" } })).toBe(2);
  });

  it("refuses a person who is not of the body, and an ersättare stepping in for an ersättare", async () => {
    const outsider = await person("Henrik Remmerfelt");
    const refused = await tap("secretary", meetingId, { type: "arrive", personId: outsider });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    const sub = await person("Joakim Magnusson");
    const other = await person("Gunnar Malgeryd");
    expect(await tap("secretary", meetingId, { type: "substitute", personId: sub, forPersonId: other })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
  });

  it("the stream: 401 signed out, 200 for a ledamot (their own device), 404 for another body's secretary", async () => {
    const hub = new LiveHub(url);
    hubs.push(hub);
    const slug = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).slug;
    const open = async (who: ActorName) => {
      const controller = new AbortController();
      const actor = who === "anonymous" ? null : await actorFor(db, EMAILS[who]);
      const r = await liveStreamResponse(db, actor, slug, 0, { hub, signal: controller.signal });
      controller.abort();
      return r.status;
    };
    expect(await open("anonymous")).toBe(401);
    // Elisabet Hagström is a ledamot of the body: she follows the meeting on her own device
    // (meeting.liveSeat, tests/live-speakers.int.test.ts); her taps are her own only.
    expect(await open("member")).toBe(200);
    expect(await open("otherSecretary")).toBe(404);
  });
});

describe("two devices at once", () => {
  let meeting: Awaited<ReturnType<typeof newMeeting>>;
  beforeAll(async () => {
    meeting = await newMeeting("2022-02-02", 2);
  });

  it("both devices' taps land, each once, in one order without gaps", async () => {
    const people = await Promise.all(
      ["Jacob Käll", "Annicki Oscarsson", "Conny Forsberg", "Elisabet Hagström"].map(person),
    );
    const taps = people.flatMap((personId, i) => [
      tap("secretary", meeting.id, { type: "roll", personId, present: true }),
      tap("chair", meeting.id, { type: "roll", personId, present: i % 2 === 0 }),
    ]);
    const results = await Promise.all(taps);
    expect(results.every((r) => r.ok)).toBe(true);
    const seqs = (await readLiveEvents(db, meeting.id)).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("a retried tap (the same id, even sent twice at once) lands once", async () => {
    const personId = await person("Joakim Magnusson");
    const id = cid();
    const event: LiveEventData = { type: "arrive", personId };
    const [a, b] = await Promise.all([
      tap("secretary", meeting.id, event, { id }),
      tap("secretary", meeting.id, event, { id }),
    ]);
    const c = await tap("secretary", meeting.id, event, { id });
    expect(a.ok && b.ok && c.ok).toBe(true);
    const seqs = [a, b, c].map((r) => (r.ok ? r.data.seq : -1));
    expect(new Set(seqs).size).toBe(1);
    expect(await db.liveEvent.count({ where: { meetingId: meeting.id, clientEventId: id } })).toBe(1);
  });

  it("conflicting taps on the same person: the later in the log wins, and both devices see the same", async () => {
    const personId = await person("Gunnar Malgeryd");
    const [x, y] = await Promise.all([
      tap("secretary", meeting.id, { type: "roll", personId, present: true }),
      tap("chair", meeting.id, { type: "roll", personId, present: false }),
    ]);
    expect(x.ok && y.ok).toBe(true);
    const later = x.ok && y.ok && x.data.seq > y.data.seq ? "present" : "absent";
    // Each device replays the log it received: the same log, the same state.
    const laptop = await readLiveMeeting(db, { id: meeting.id });
    const tablet = await readLiveMeeting(db, { id: meeting.id });
    expect(laptop!.input.events).toEqual(tablet!.input.events);
    expect(replayLive(laptop!.input).status.get(personId)!.kind).toBe(later);
    expect(replayLive(tablet!.input).status.get(personId)!.kind).toBe(later);
  });
});

type Received = { id: number; data: { seq: number; data: LiveEventData }; receivedAt: number };

/** Reads server-sent events from a Response, a few at a time. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const queue: Received[] = [];
  return {
    /** The next `count` events (fewer when the time is up). */
    async next(count: number, timeoutMs = 5_000): Promise<Received[]> {
      const deadline = performance.now() + timeoutMs;
      while (queue.length < count && performance.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - performance.now()))),
        ]);
        if (!chunk || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) queue.push({ id: Number(id), data: JSON.parse(data), receivedAt: performance.now() });
        }
      }
      return queue.splice(0, count);
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

describe("the stream", () => {
  let meeting: Awaited<ReturnType<typeof newMeeting>>;
  beforeAll(async () => {
    meeting = await newMeeting("2022-02-03", 2);
  });

  it("delivers an event committed by another app instance (NOTIFY), and catches up from Last-Event-ID", async () => {
    // Two app instances: each has its own LISTEN connection; the write goes through the database.
    const instanceA = new LiveHub(url);
    const instanceB = new LiveHub(url);
    hubs.push(instanceA, instanceB);
    const secretary = await actorFor(db, EMAILS.secretary);
    const chair = await actorFor(db, EMAILS.chair);
    const abort = new AbortController();
    const laptop = await liveStreamResponse(db, secretary, meeting.slug, 0, {
      hub: instanceA,
      heartbeatMs: 60_000,
      signal: abort.signal,
    });
    expect(laptop.status).toBe(200);
    expect(laptop.headers.get("content-type")).toContain("text/event-stream");
    const personId = await person("Annicki Oscarsson");
    const laptopEvents = sseReader(laptop);
    const pending = laptopEvents.next(3);
    const started = performance.now();
    await tap("chair", meeting.id, { type: "roll", personId, present: true });
    await tap("chair", meeting.id, { type: "current", paragraphId: meeting.paragraphs[1]!.id });
    await tap("secretary", meeting.id, { type: "depart", personId });
    const events = await pending;
    expect(events.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(events[2]!.data.data).toEqual({ type: "depart", personId });
    // Heartbeats are a minute apart here: what came, came by NOTIFY.
    expect(events[0]!.receivedAt - started).toBeLessThan(1_000);
    abort.abort();
    await laptopEvents.cancel();

    // The tablet lost the network after event 1: it reconnects with Last-Event-ID 1.
    const tablet = await liveStreamResponse(db, chair, meeting.slug, 1, { hub: instanceB, heartbeatMs: 60_000 });
    const tabletEvents = sseReader(tablet);
    expect((await tabletEvents.next(2)).map((e) => e.id)).toEqual([2, 3]);
    // And keeps receiving.
    const next = tabletEvents.next(1);
    await tap("secretary", meeting.id, { type: "arrive", personId });
    expect((await next).map((e) => e.id)).toEqual([4]);
    await tabletEvents.cancel();
  });

  it("a wake reads in the stream's own organisation, whoever's request opened the hub's connection", async () => {
    // The hub's LISTEN connection is opened first under another organisation's scope (the first
    // request of an instance may be anyone's); the stream below is Itsam's. Heartbeats are a
    // minute apart: an event that comes, comes by the wake, read in Itsam's scope.
    const hub = new LiveHub(url);
    hubs.push(hub);
    const other = await db.organisation.create({
      data: { slug: `annan-${cid()}`, name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "KS" },
    });
    const unsubscribe = await runInScope(other.id, () => hub.subscribe("ingen", () => undefined));
    const itsam = (await db.body.findUniqueOrThrow({ where: { id: direktionenId } })).organisationId;
    const secretary = await actorFor(db, EMAILS.secretary);
    const abort = new AbortController();
    const stream = await runInScope(itsam, () =>
      liveStreamResponse(db, secretary, meeting.slug, 0, { hub, heartbeatMs: 60_000, signal: abort.signal }),
    );
    expect(stream.status).toBe(200);
    const reader = sseReader(stream);
    const before = (await db.liveEvent.count({ where: { meetingId: meeting.id } })) || 0;
    if (before > 0) await reader.next(before);
    const next = reader.next(1);
    const personId = await person("Annicki Oscarsson");
    await tap("secretary", meeting.id, { type: "arrive", personId });
    const [event] = await Promise.race([
      next,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event within 5 s")), 5_000)),
    ]);
    expect(event?.data.data).toEqual({ type: "arrive", personId });
    abort.abort();
    await reader.cancel();
    unsubscribe();
  });

  it("the trigger sends the NOTIFY when the insert commits", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("LISTEN paragraf_live");
    const got = new Promise<string>((resolve) => client.on("notification", (m) => resolve(m.payload ?? "")));
    const personId = await person("Elisabet Hagström");
    const result = await tap("secretary", meeting.id, { type: "roll", personId, present: true });
    const payload = JSON.parse(await got);
    expect(payload).toEqual({ meetingId: meeting.id, seq: result.ok ? result.data.seq : -1 });
    await client.end();
  });
});

describe("the log's guards", () => {
  it("refuses UPDATE and DELETE of an event, and deleting a draft meeting takes its log along", async () => {
    const meeting = await newMeeting("2022-02-04", 1);
    await tap("secretary", meeting.id, { type: "roll", personId: await person("Jacob Käll"), present: true });
    await expect(
      db.$executeRawUnsafe(`UPDATE "LiveEvent" SET type = 'depart' WHERE "meetingId" = $1`, meeting.id),
    ).rejects.toThrow(/kan inte skrivas om/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "LiveEvent" WHERE "meetingId" = $1`, meeting.id)).rejects.toThrow(
      /kan inte tas bort/,
    );
    await db.meeting.delete({ where: { id: meeting.id } });
    expect(await db.liveEvent.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

describe("once sent for justering", () => {
  it("takes no taps: the permission table refuses, and the database refuses a direct insert", async () => {
    const meeting = await newMeeting("2022-02-05", 1);
    const personId = await person("Jacob Käll");
    await db.$executeRawUnsafe(
      `UPDATE "Meeting" SET status = 'READY_FOR_ADJUSTMENT', "contentHash" = $2 WHERE id = $1`,
      meeting.id,
      "a".repeat(64),
    );
    expect(await tap("secretary", meeting.id, { type: "arrive", personId })).toMatchObject({
      ok: false,
      code: "STATE",
    });
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "LiveEvent" (id, "meetingId", seq, type, payload, "byUserId", at, "clientEventId")
         VALUES ('forged', $1, 1, 'arrive', '{}', 'u', now(), 'forged-1')`,
        meeting.id,
      ),
    ).rejects.toThrow(/Protokollet är låst/);
  });
});

describe("the end of the meeting", () => {
  let meeting: Awaited<ReturnType<typeof newMeeting>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    meeting = await newMeeting(DATE, 3);
    for (const [key, name] of Object.entries({
      kall: "Jacob Käll",
      oscarsson: "Annicki Oscarsson",
      forsberg: "Conny Forsberg",
      hagstrom: "Elisabet Hagström",
      magnusson: "Joakim Magnusson",
      malgeryd: "Gunnar Malgeryd",
      segersteen: "Christer Segerstéen",
    }))
      ids[key] = await person(name);
    // An official already in the draft stays.
    const official = await db.person.findFirstOrThrow({ where: { name: "Henrik Remmerfelt" } });
    const count = await db.attendance.count({ where: { meetingId: meeting.id } });
    await db.attendance.create({
      data: { meetingId: meeting.id, personId: official.id, role: "OTHER", title: "förbundsdirektör", position: count },
    });
    const [p1, p2, p3] = meeting.paragraphs;
    const script: [ActorName, LiveEventData, number][] = [
      ["secretary", { type: "roll", personId: ids.kall!, present: true }, 0],
      ["secretary", { type: "roll", personId: ids.oscarsson!, present: true }, 0],
      ["chair", { type: "roll", personId: ids.forsberg!, present: true }, 0],
      ["secretary", { type: "roll", personId: ids.hagstrom!, present: false }, 0],
      ["secretary", { type: "substitute", personId: ids.magnusson!, forPersonId: ids.hagstrom! }, 1],
      ["secretary", { type: "roll", personId: ids.malgeryd!, present: true }, 1],
      ["chair", { type: "current", paragraphId: p2!.id }, 20],
      ["secretary", { type: "arrive", personId: ids.hagstrom! }, 25],
      ["secretary", { type: "arrive", personId: ids.segersteen! }, 26],
      [
        "secretary",
        {
          type: "recuse",
          personId: ids.forsberg!,
          paragraphId: p2!.id,
          recused: true,
          reason: "Styrelseledamot i bolaget",
        },
        27,
      ],
      ["chair", { type: "substitute", personId: ids.segersteen!, forPersonId: ids.forsberg! }, 28],
      ["chair", { type: "current", paragraphId: p3!.id }, 40],
      ["secretary", { type: "depart", personId: ids.malgeryd! }, 41],
    ];
    for (const [who, event, minutes] of script) {
      const r = await tap(who, meeting.id, event, { now: at(minutes) });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    void p1;
  });

  it("only the secretary ends it (it writes the draft)", async () => {
    expect(await closeLiveMeeting(await ctxAt("chair", at(60)), { meetingId: meeting.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("writes the computed attendance and jäv into the draft, once; the log stays and takes no more taps", async () => {
    const closed = await closeLiveMeeting(await ctxAt("secretary", at(60)), { meetingId: meeting.id });
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    expect(closed.data.closed).toBe(true);
    const protocol = (await findProtocolBySlug(db, meeting.slug))!;
    const [n1, n2, n3] = meeting.paragraphs.map((p) => p.number);
    const rows = protocol.attendance.map((a) => [
      a.name,
      a.role,
      a.ranges.map((r) => `${r.from}-${r.to}`).join(","),
      a.replacesPersonId ? protocol.attendance.find((x) => x.personId === a.replacesPersonId)?.name : null,
      a.arrivalTime ?? null,
      a.departureTime ?? null,
    ]);
    expect(rows).toEqual([
      ["Jacob Käll", "CHAIR", "", null, null, null],
      ["Annicki Oscarsson", "MEMBER", "", null, null, null],
      ["Conny Forsberg", "MEMBER", "", null, null, null],
      ["Elisabet Hagström", "MEMBER", `${n2}-${n3}`, null, "14:25", null],
      ["Joakim Magnusson", "SERVING_SUBSTITUTE", `${n1}-${n1}`, "Elisabet Hagström", null, null],
      ["Joakim Magnusson", "SUBSTITUTE", `${n2}-${n3}`, null, null, null],
      ["Gunnar Malgeryd", "SUBSTITUTE", `${n1}-${n2}`, null, null, "14:41"],
      ["Christer Segerstéen", "SERVING_SUBSTITUTE", `${n2}-${n2}`, "Conny Forsberg", "14:26", null],
      ["Christer Segerstéen", "SUBSTITUTE", `${n3}-${n3}`, null, null, null],
      ["Henrik Remmerfelt", "OTHER", "", null, null, null],
    ]);
    const p2 = protocol.paragraphs.find((p) => p.number === n2)!;
    expect(p2.recusals).toEqual([
      { personId: ids.forsberg, name: "Conny Forsberg", reason: "Styrelseledamot i bolaget" },
    ]);
    // The attendance rules find nothing wrong with what was written.
    const attendanceCodes = checkProtocol(protocol, { now: DATE })
      .filter((f) => f.field?.startsWith("attendance") || f.field?.startsWith("recusals") || f.code === "QUORUM")
      .map((f) => f.code);
    expect(attendanceCodes).toEqual([]);
    expect(closed.data.findings).toEqual(checkProtocol(protocol, { now: at(60) }));
    // Audited: the close, the attendance save, the § save.
    const actions = (await db.auditLog.findMany({ where: { meetingId: meeting.id }, select: { action: true } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["live.close", "meeting.attendance", "paragraph.save"]));

    // A second click does nothing.
    const auditBefore = await db.auditLog.count({ where: { meetingId: meeting.id } });
    const again = await closeLiveMeeting(await ctxAt("secretary", at(61)), { meetingId: meeting.id });
    expect(again).toMatchObject({ ok: true, data: { closed: false } });
    expect(await db.auditLog.count({ where: { meetingId: meeting.id } })).toBe(auditBefore);
    // The log is kept, and takes no more taps.
    expect(await db.liveEvent.count({ where: { meetingId: meeting.id } })).toBe(14);
    expect(await tap("secretary", meeting.id, { type: "arrive", personId: ids.hagstrom! })).toMatchObject({
      ok: false,
      code: "STATE",
    });
  });
});
