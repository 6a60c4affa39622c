// The speaker list and members on their own devices (issue 20) against real PostgreSQL: who may
// tap what (a member only ever for themself; a non-member, the signed-out, another body's
// secretary), two members' devices asking for the floor at once, the chair giving the floor,
// self-voting off by default and refused, a member with jäv or an ersättare whose ledamot is back
// refused, and the secretary correcting a member's own ballot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph } from "@/modules/drafting/paragraph.mutations";
import { recordLiveEvent } from "@/modules/live/live.mutations";
import { recordSeatEvent, SELF_VOTING_OFF } from "@/modules/live/member.mutations";
import { findMemberLivePage } from "@/modules/live/member.page";
import { readLiveEvents, readLiveMeeting } from "@/modules/live/live.queries";
import { liveStreamResponse } from "@/modules/live/live.stream";
import { LiveHub } from "@/modules/live/live.hub";
import { liveDecisions } from "@/domain/rules/live-decisions.rules";
import { speakerList } from "@/domain/rules/live-speakers.rules";
import { replayLive, type LiveEventData } from "@/domain/rules/live.rules";
import type { ActionContext } from "@/server/action";
import { actorFor, contextFor, createSeededDatabase, EMAILS, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let url: string;
let direktionenId: string;
const hubs: LiveHub[] = [];
const SUBSTITUTE_EMAIL = "ersattare@itsam.example";

type Who = ActorName | "substitute";

beforeAll(async () => {
  const seeded = await createSeededDatabase("live_speakers");
  ({ db, drop, url } = seeded);
  direktionenId = seeded.direktionen.id;
  // An ersättare of Direktionen with an account and no account role: a seat holder only.
  const joakim = await db.person.findFirstOrThrow({ where: { name: "Joakim Magnusson" } });
  await db.user.create({
    data: {
      email: SUBSTITUTE_EMAIL,
      name: joakim.name,
      passwordHash: await hash("test-password"),
      personId: joakim.id,
    },
  });
}, 120_000);
afterAll(async () => {
  for (const hub of hubs) await hub.close();
  await drop?.();
});

const ctxFor = async (who: Who, now: Date): Promise<ActionContext> =>
  who === "substitute"
    ? { db, ip: "127.0.0.1", actor: await actorFor(db, SUBSTITUTE_EMAIL), now }
    : { ...(await contextFor(db, who)), now };

let counter = 0;
const cid = () => `spk-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

/** A draft meeting of Direktionen on 2022-05-<day> with two §§, the four ledamöter present, § 1 current. */
async function liveMeeting(day: number) {
  const secretary = await contextFor(db, "secretary");
  const created = await createMeeting(secretary, {
    bodyId: direktionenId,
    date: `2022-05-${String(day).padStart(2, "0")}`,
    startTime: "14:00",
    endTime: "",
    place: "Stadshuset, Vimmerby",
    attendanceFrom: "members",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: created.data.slug } });
  for (const title of ["Budget", "Taxor"]) {
    const added = await addParagraph(secretary, { meetingId: meeting.id, title });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  const live = (await readLiveMeeting(db, { id: meeting.id }))!;
  const person = (name: string) => live.input.seats.find((s) => s.name === name)!.personId;
  const [p1, p2] = live.input.paragraphs;
  let minute = 0;
  const at = () => new Date(Date.UTC(2022, 4, day, 12, minute++));
  const tap = async (who: Who, event: LiveEventData) =>
    recordLiveEvent(await ctxFor(who, at()), { meetingId: meeting.id, clientEventId: cid(), event });
  const own = async (who: Who, action: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    recordSeatEvent(await ctxFor(who, at()), { meetingId: meeting.id, clientEventId: cid(), action, ...extra });
  const ok = async (r: Promise<{ ok: boolean }>) => {
    const result = await r;
    if (!result.ok) throw new Error(JSON.stringify(result));
  };
  for (const s of live.input.seats.filter((x) => x.role === "MEMBER"))
    await ok(tap("secretary", { type: "roll", personId: s.personId, present: true }));
  await ok(tap("chair", { type: "current", paragraphId: p1!.id }));
  const list = async () => {
    const now = (await readLiveMeeting(db, { id: meeting.id }))!;
    return speakerList(now.input, replayLive(now.input), p1!.id);
  };
  return { meeting, p1: p1!, p2: p2!, person, tap, own, ok, list };
}

describe("who may act on the speaker list", () => {
  it("a member asks for the floor for themself; never for another; not a non-member, the signed-out or another body's secretary", async () => {
    const { meeting, p1, person, tap, own, list } = await liveMeeting(2);
    const elisabet = person("Elisabet Hagström");
    const annicki = person("Annicki Oscarsson");
    expect((await own("member", { type: "speakRequest", paragraphId: p1.id, replik: false })).ok).toBe(true);
    // The person comes from the session: a form naming another person is refused, nothing logged.
    expect(
      await own("member", { type: "speakRequest", paragraphId: p1.id, replik: false, personId: annicki }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(
      await own("member", { type: "speakRequest", paragraphId: p1.id, replik: false }, { personId: annicki }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    // The secretary's and chair's action is not the member's: for someone else, refused.
    expect(
      await tap("member", { type: "speakRequest", paragraphId: p1.id, personId: annicki, replik: false }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // The secretary is no ledamot: no own device; another body's secretary does not see the meeting.
    const ask = { type: "speakRequest", paragraphId: p1.id, replik: false };
    expect(await own("secretary", ask)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await own("admin", ask)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await own("otherSecretary", ask)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await own("anonymous", ask)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(
      await tap("otherSecretary", { type: "speakRequest", paragraphId: p1.id, personId: annicki, replik: false }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const requests = (await readLiveEvents(db, meeting.id)).filter((e) => e.data.type === "speakRequest");
    expect(requests.map((e) => e.data)).toEqual([
      { type: "speakRequest", paragraphId: p1.id, personId: elisabet, replik: false },
    ]);
    expect((await list()).queue.map((q) => q.name)).toEqual(["Elisabet Hagström"]);
  });

  it("the member's page and stream: a seat holder (even without an account role) yes, others no", async () => {
    const { meeting } = await liveMeeting(3);
    const hub = new LiveHub(url);
    hubs.push(hub);
    const page = async (email: string) => findMemberLivePage(db, await actorFor(db, email), meeting.slug);
    expect(await page(EMAILS.member)).toMatchObject({ selfVoting: false });
    expect(await page(SUBSTITUTE_EMAIL)).toMatchObject({ selfVoting: false });
    expect(await page(EMAILS.secretary)).toMatchObject({ refused: "forbidden" });
    expect(await page(EMAILS.otherSecretary)).toMatchObject({ refused: "not-found" });
    const stream = async (email: string) => {
      const controller = new AbortController();
      const r = await liveStreamResponse(db, await actorFor(db, email), meeting.slug, 0, {
        hub,
        signal: controller.signal,
      });
      controller.abort();
      return r.status;
    };
    expect(await stream(SUBSTITUTE_EMAIL)).toBe(200);
    expect(await stream(EMAILS.otherSecretary)).toBe(404);
  });
});

describe("the speaker list", () => {
  it("two members' devices asking at once both land, in one order; the chair gives the floor; refusals in Swedish", async () => {
    const { p1, person, tap, own, list } = await liveMeeting(4);
    const ask = { type: "speakRequest", paragraphId: p1.id, replik: false };
    // Empty list: nothing to give.
    const empty = await tap("chair", { type: "speakGrant", paragraphId: p1.id, personId: person("Elisabet Hagström") });
    expect(empty).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "Talarlistan är tom: ingen har begärt ordet.",
    });
    const [a, b] = await Promise.all([own("member", ask), own("adjuster", ask)]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    const seqs = [a, b].map((r) => (r.ok ? (r.data as { seq: number }).seq : 0));
    expect(Math.abs(seqs[0]! - seqs[1]!)).toBe(1);
    const queue = (await list()).queue.map((q) => q.name);
    const first = seqs[0]! < seqs[1]! ? "Elisabet Hagström" : "Annicki Oscarsson";
    expect(queue[0]).toBe(first);
    expect(queue.sort()).toEqual(["Annicki Oscarsson", "Elisabet Hagström"]);
    // Asking twice: refused.
    expect(await own("member", ask)).toMatchObject({
      ok: false,
      message: "Elisabet Hagström står redan på talarlistan.",
    });

    const next = (await list()).queue[0]!;
    expect((await tap("chair", { type: "speakGrant", paragraphId: p1.id, personId: next.personId })).ok).toBe(true);
    // A replik from the other one goes before the rest of the list; none on one's own anförande.
    const other = next.name === "Elisabet Hagström" ? "adjuster" : "member";
    const self = other === "member" ? "adjuster" : "member";
    expect(await own(self, { type: "speakRequest", paragraphId: p1.id, replik: true })).toMatchObject({
      ok: false,
      message: "Replik begärs på någon annans anförande, inte på sitt eget.",
    });
    expect((await own(other, { type: "speakRequest", paragraphId: p1.id, replik: true })).ok).toBe(true);
    const after = await list();
    expect(after.current?.personId).toBe(next.personId);
    expect(after.queue.map((q) => q.replik)).toEqual([true, false]);
    expect((await tap("secretary", { type: "speakEnd", paragraphId: p1.id })).ok).toBe(true);
    expect((await own(other, { type: "speakWithdraw", paragraphId: p1.id })).ok).toBe(true);
    expect((await list()).queue).toEqual([]);
  });

  it("a member with jäv in the §, or absent, may not ask for the floor", async () => {
    const { p1, person, tap, own } = await liveMeeting(5);
    await tap("secretary", {
      type: "recuse",
      personId: person("Elisabet Hagström"),
      paragraphId: p1.id,
      recused: true,
      reason: "Styrelseledamot i bolaget",
    });
    const jaevig = await own("member", { type: "speakRequest", paragraphId: p1.id, replik: false });
    expect(jaevig).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!jaevig.ok && jaevig.message).toMatch(
      /^Elisabet Hagström deltar inte i § \d+ \(frånvarande eller jävig\) och kan inte begära ordet\.$/,
    );
    // The ersättare is not present at all.
    const r = await own("substitute", { type: "speakRequest", paragraphId: p1.id, replik: false });
    expect(!r.ok && r.message).toMatch(/^Joakim Magnusson deltar inte i § \d+ \(frånvarande eller jävig\)/);
  });
});

describe("members voting on their own devices", () => {
  it("off by default (refused); on: serving members vote, jäv and an ersättare whose ledamot is back refused; the secretary sees and corrects", async () => {
    const { meeting, p1, person, tap, own, ok } = await liveMeeting(6);
    const elisabet = person("Elisabet Hagström");
    const annicki = person("Annicki Oscarsson");
    const conny = person("Conny Forsberg");
    const joakim = person("Joakim Magnusson");
    // Conny has jäv in § 1; Joakim (ersättare) is present without a seat.
    await ok(tap("secretary", { type: "recuse", personId: conny, paragraphId: p1.id, recused: true, reason: "" }));
    await ok(
      tap("secretary", {
        type: "motion",
        motionId: "m1",
        paragraphId: p1.id,
        personId: elisabet,
        kind: "AVSLAG",
        text: "",
      }),
    );
    await ok(tap("chair", { type: "finding", paragraphId: p1.id, question: "huvud", alternative: "forslag" }));
    await ok(
      tap("chair", {
        type: "voteOpen",
        voteId: "v1",
        paragraphId: p1.id,
        question: "huvud",
        ja: "forslag",
        nej: "avslag",
      }),
    );
    const vote = (choice: string) => ({ type: "ballot", voteId: "v1", choice });

    expect(await own("member", vote("NEJ"))).toMatchObject({ ok: false, code: "FORBIDDEN", message: SELF_VOTING_OFF });
    await db.body.update({ where: { id: direktionenId }, data: { liveSelfVoting: true } });
    try {
      expect((await own("member", vote("NEJ"))).ok).toBe(true);
      expect((await own("adjuster", vote("JA"))).ok).toBe(true);
      // Not a voter now: refused, in Swedish.
      await ok(tap("secretary", { type: "roll", personId: joakim, present: true }));
      const r = await own("substitute", vote("JA"));
      expect(!r.ok && r.message).toMatch(/^Joakim Magnusson tjänstgör inte i § \d+ och kan inte rösta\.$/);
      // Jäv: Conny has no account; the secretary cannot enter his ballot either.
      const c = await tap("secretary", { type: "ballot", voteId: "v1", personId: conny, choice: "JA" });
      expect(!c.ok && c.message).toMatch(/^Conny Forsberg tjänstgör inte i § \d+/);
      // A ballot naming someone else from the member's device: refused by the form.
      expect(await own("member", { ...vote("JA"), personId: annicki })).toMatchObject({
        ok: false,
        code: "VALIDATION",
      });

      // The secretary sees each ballot and corrects Elisabet's.
      const read = async () => {
        const live = (await readLiveMeeting(db, { id: meeting.id }))!;
        return liveDecisions(live.input, replayLive(live.input), p1.id, live.bodyName).votes[0]!;
      };
      const before = await read();
      expect(before.ballots.filter((b) => b.choice !== null).map((b) => [b.name, b.choice])).toEqual([
        ["Annicki Oscarsson", "JA"],
        ["Elisabet Hagström", "NEJ"],
      ]);
      await ok(tap("secretary", { type: "ballot", voteId: "v1", personId: elisabet, choice: "AVSTAR" }));
      const after = await read();
      expect(after.tally).toMatchObject({ ja: 1, nej: 0, avstar: 1 });
      const byUser = (await readLiveEvents(db, meeting.id)).filter((e) => e.data.type === "ballot");
      expect(byUser).toHaveLength(3);
    } finally {
      await db.body.update({ where: { id: direktionenId }, data: { liveSelfVoting: false } });
    }
  });

  it("an ersättare serving for an absent ledamot votes; once the ledamot is back, refused", async () => {
    const { p1, p2, person, tap, own, ok } = await liveMeeting(7);
    const annicki = person("Annicki Oscarsson");
    const joakim = person("Joakim Magnusson");
    await db.body.update({ where: { id: direktionenId }, data: { liveSelfVoting: true } });
    try {
      await ok(tap("secretary", { type: "depart", personId: annicki }));
      await ok(tap("secretary", { type: "roll", personId: joakim, present: true }));
      await ok(tap("secretary", { type: "substitute", personId: joakim, forPersonId: annicki }));
      const open = async (voteId: string, paragraphId: string) => {
        await ok(tap("chair", { type: "finding", paragraphId, question: "huvud", alternative: "forslag" }));
        await ok(
          tap("chair", { type: "voteOpen", voteId, paragraphId, question: "huvud", ja: "forslag", nej: "avslag" }),
        );
      };
      await ok(
        tap("secretary", {
          type: "motion",
          motionId: "m1",
          paragraphId: p1.id,
          personId: joakim,
          kind: "AVSLAG",
          text: "",
        }),
      );
      await open("v1", p1.id);
      expect((await own("substitute", { type: "ballot", voteId: "v1", choice: "NEJ" })).ok).toBe(true);
      // Annicki comes back in § 2: Joakim steps out of her seat.
      await ok(tap("chair", { type: "current", paragraphId: p2.id }));
      await ok(tap("secretary", { type: "arrive", personId: annicki }));
      const refused = await own("substitute", { type: "speakRequest", paragraphId: p2.id, replik: false });
      expect(!refused.ok && refused.message).toMatch(/^Joakim Magnusson deltar inte i § \d+/);
    } finally {
      await db.body.update({ where: { id: direktionenId }, data: { liveSelfVoting: false } });
    }
  });
});
