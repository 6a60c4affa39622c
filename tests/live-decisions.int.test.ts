// The live meeting's yrkanden, propositionsordning, votering and reservations (issue 20, points 4
// and 5) against real PostgreSQL: who may tap them, what the server refuses (a yrkande by someone
// not taking part, a ballot of someone not serving, a vote closed with a voter missing), two
// devices tapping conflicting things at once, and the end of the meeting writing them into the §.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting";
import { closeLiveMeeting, recordLiveEvent } from "@/modules/live/live.mutations";
import { readLiveEvents, readLiveMeeting } from "@/modules/live/live.queries";
import { liveDecisions } from "@/domain/rules/live-decisions.rules";
import { replayLive, type LiveEventData, type LiveSeat } from "@/domain/rules/live.rules";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import type { ActionContext } from "@/server/action";
import { contextFor, createSeededDatabase, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let direktionenId: string;

const at = (day: number, minutes: number) => new Date(Date.UTC(2022, 3, day, 12, minutes));

beforeAll(async () => {
  const seeded = await createSeededDatabase("live_decisions");
  ({ db, drop } = seeded);
  direktionenId = seeded.direktionen.id;
}, 120_000);
afterAll(async () => {
  await drop?.();
});

/** A draft meeting of Direktionen on 2022-04-<day> with `count` §§, its seats, all ledamöter present. */
async function meetingWithRollCall(day: number, count = 2) {
  const ctx = await contextFor(db, "secretary");
  const date = `2022-04-${String(day).padStart(2, "0")}`;
  const created = await createMeeting(ctx, {
    bodyId: direktionenId,
    date,
    startTime: "14:00",
    endTime: "",
    place: "Stadshuset, Vimmerby",
    attendanceFrom: "members",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: created.data.slug } });
  for (let i = 1; i <= count; i++) {
    const added = await addParagraph(ctx, { meetingId: meeting.id, title: `Ärende ${i}` });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  const live = (await readLiveMeeting(db, { id: meeting.id }))!;
  const members = live.input.seats.filter((s) => s.role === "MEMBER");
  const substitutes = live.input.seats.filter((s) => s.role === "SUBSTITUTE");
  const paragraphs = live.input.paragraphs;
  const tapper = makeTapper(meeting.id, day);
  for (const m of members) await tapper.ok("secretary", { type: "roll", personId: m.personId, present: true });
  // One ersättare is there without a seat.
  await tapper.ok("secretary", { type: "roll", personId: substitutes[0]!.personId, present: true });
  return { meeting, members, substitutes, paragraphs, tap: tapper.tap, ok: tapper.ok };
}

let counter = 0;
const cid = () => `dec-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

function makeTapper(meetingId: string, day: number) {
  let minute = 0;
  const tap = async (who: ActorName, event: LiveEventData) => {
    const ctx: ActionContext = { ...(await contextFor(db, who)), now: at(day, minute++) };
    return recordLiveEvent(ctx, { meetingId, clientEventId: cid(), event });
  };
  const ok = async (who: ActorName, event: LiveEventData) => {
    const r = await tap(who, event);
    if (!r.ok) throw new Error(`${event.type}: ${JSON.stringify(r)}`);
    return r.data;
  };
  return { tap, ok };
}

const ballot = (voteId: string, s: LiveSeat, choice: "JA" | "NEJ" | "AVSTAR" | null): LiveEventData => ({
  type: "ballot",
  voteId,
  personId: s.personId,
  choice,
});

describe("who may record yrkanden and votes", () => {
  it("the secretary and the meeting's chair may; a member and the signed-out may not", async () => {
    const { meeting, members, paragraphs, tap } = await meetingWithRollCall(1, 1);
    const motion = (motionId: string): LiveEventData => ({
      type: "motion",
      motionId,
      paragraphId: paragraphs[0]!.id,
      personId: members[1]!.personId,
      kind: "AVSLAG",
      text: "",
    });
    expect((await tap("secretary", motion("m-secretary"))).ok).toBe(true);
    expect((await tap("chair", motion("m-chair"))).ok).toBe(true);
    expect(await tap("member", motion("m-member"))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await tap("anonymous", motion("m-anon"))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const motions = (await readLiveEvents(db, meeting.id)).filter((e) => e.data.type === "motion");
    expect(motions).toHaveLength(2);
  });
});

describe("what the server refuses", () => {
  it("a yrkande by someone not taking part, an ändring without text; a ballot of someone not serving; a vote closed with a voter missing", async () => {
    const { members, substitutes, paragraphs, tap, ok } = await meetingWithRollCall(2, 2);
    const [p1] = paragraphs;
    await ok("chair", { type: "current", paragraphId: p1!.id });
    // The first ledamot has jäv in § 1: not taking part, so no yrkande.
    const jaevig = members[2]!;
    await ok("secretary", {
      type: "recuse",
      personId: jaevig.personId,
      paragraphId: p1!.id,
      recused: true,
      reason: "",
    });
    const refused = await tap("secretary", {
      type: "motion",
      motionId: "m-jaev",
      paragraphId: p1!.id,
      personId: jaevig.personId,
      kind: "AVSLAG",
      text: "",
    });
    expect(refused).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!refused.ok && refused.message).toContain(`${jaevig.name} deltar inte i § ${p1!.number}`);
    expect(
      await tap("secretary", {
        type: "motion",
        motionId: "m-empty",
        paragraphId: p1!.id,
        personId: members[1]!.personId,
        kind: "ANDRING",
        text: " ",
      }),
    ).toMatchObject({ ok: false, message: "Skriv ändringsyrkandets text." });

    await ok("secretary", {
      type: "motion",
      motionId: "m-avslag",
      paragraphId: p1!.id,
      personId: members[1]!.personId,
      kind: "AVSLAG",
      text: "",
    });
    await ok("chair", { type: "finding", paragraphId: p1!.id, question: "huvud", alternative: "forslag" });
    await ok("secretary", {
      type: "voteOpen",
      voteId: "v1",
      paragraphId: p1!.id,
      question: "huvud",
      ja: "forslag",
      nej: "avslag",
    });
    // The ersättare present without a seat, and the jävig ledamot, do not vote.
    for (const stranger of [substitutes[0]!, jaevig]) {
      const r = await tap("secretary", ballot("v1", stranger, "JA"));
      expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(!r.ok && r.message).toBe(`${stranger.name} tjänstgör inte i § ${p1!.number} och kan inte rösta.`);
    }
    const voters = members.filter((m) => m !== jaevig);
    for (const v of voters.slice(0, -1)) await ok("secretary", ballot("v1", v, "JA"));
    const early = await tap("secretary", { type: "voteClose", voteId: "v1" });
    expect(early).toMatchObject({
      ok: false,
      message: `Omröstningen kan inte avslutas: röst saknas för ${voters[voters.length - 1]!.name}.`,
    });
    // The meeting cannot end with the vote open.
    const closing = await closeLiveMeeting(
      { ...(await contextFor(db, "secretary")), now: at(2, 50) },
      { meetingId: (await db.paragraph.findUniqueOrThrow({ where: { id: p1!.id } })).meetingId },
    );
    expect(closing).toMatchObject({ ok: false, code: "STATE" });
    expect(!closing.ok && closing.message).toContain("Omröstningen i § ");

    await ok("secretary", ballot("v1", voters[voters.length - 1]!, "NEJ"));
    await ok("secretary", { type: "voteClose", voteId: "v1" });
    expect(await tap("chair", ballot("v1", voters[0]!, "NEJ"))).toMatchObject({
      ok: false,
      message: "Omröstningen är avslutad. Rösterna kan inte längre ändras.",
    });
  });
});

describe("two devices at once", () => {
  it("two votes opened at once: one lands, the other is refused; ballots for one voter from both: the later wins on both", async () => {
    const { meeting, members, paragraphs, tap, ok } = await meetingWithRollCall(3, 1);
    const p = paragraphs[0]!;
    await ok("chair", { type: "current", paragraphId: p.id });
    await ok("secretary", {
      type: "motion",
      motionId: "m1",
      paragraphId: p.id,
      personId: members[1]!.personId,
      kind: "AVSLAG",
      text: "",
    });
    await ok("chair", { type: "finding", paragraphId: p.id, question: "huvud", alternative: "forslag" });
    const open = (voteId: string): LiveEventData => ({
      type: "voteOpen",
      voteId,
      paragraphId: p.id,
      question: "huvud",
      ja: "forslag",
      nej: "avslag",
    });
    const [a, b] = await Promise.all([tap("secretary", open("va")), tap("chair", open("vb"))]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(!loser.ok && loser.message).toBe("En omröstning pågår redan. Avsluta den innan en ny börjar.");
    const voteId = a.ok ? "va" : "vb";

    const voter = members[3]!;
    const [x, y] = await Promise.all([
      tap("secretary", ballot(voteId, voter, "JA")),
      tap("chair", ballot(voteId, voter, "NEJ")),
    ]);
    expect(x.ok && y.ok).toBe(true);
    const later = x.ok && y.ok && x.data.seq > y.data.seq ? "JA" : "NEJ";
    const live = (await readLiveMeeting(db, { id: meeting.id }))!;
    const d = liveDecisions(live.input, replayLive(live.input), p.id, live.bodyName);
    expect(d.votes[0]!.ballots.find((bb) => bb.personId === voter.personId)!.choice).toBe(later);

    // Closing the vote from both devices at once: one close lands, the other is told it is closed.
    for (const m of members) if (m !== voter) await ok("secretary", ballot(voteId, m, "JA"));
    const closes = await Promise.all([
      tap("secretary", { type: "voteClose", voteId }),
      tap("chair", { type: "voteClose", voteId }),
    ]);
    expect(closes.filter((r) => r.ok)).toHaveLength(1);
    expect(closes.find((r) => !r.ok)).toMatchObject({
      message: "Omröstningen är avslutad. Rösterna kan inte längre ändras.",
    });
  });
});

describe("the end of the meeting", () => {
  it("writes the yrkanden, the propositionsordning, the vote with each ballot and the reservations into the §", async () => {
    const { meeting, members, paragraphs, ok } = await meetingWithRollCall(4, 2);
    const [p1, p2] = paragraphs;
    // The § as prepared: the förslag's decision.
    const ctx = await contextFor(db, "secretary");
    const editing = (await findParagraphForEditing(db, p2!.id))!;
    const saved = await saveParagraph(ctx, {
      paragraphId: p2!.id,
      version: editing.version,
      content: {
        ...toParagraphContent(editing.paragraph),
        decision: { intro: "Direktionen beslutar", clauses: ["att anta budgeten för 2023"] },
      },
    });
    expect(saved.ok).toBe(true);

    await ok("chair", { type: "current", paragraphId: p1!.id });
    await ok("chair", { type: "current", paragraphId: p2!.id });
    // The seed's Direktionen has four ledamöter on the day: a vote 2–1–1.
    const [chair, b, c, d] = members;
    await ok("secretary", {
      type: "motion",
      motionId: "bifall",
      paragraphId: p2!.id,
      personId: b!.personId,
      kind: "BIFALL",
      text: "",
    });
    await ok("secretary", {
      type: "motion",
      motionId: "andring",
      paragraphId: p2!.id,
      personId: c!.personId,
      kind: "ANDRING",
      text: "att budgeten sänks med två procent",
    });
    await ok("chair", { type: "finding", paragraphId: p2!.id, question: "huvud", alternative: "forslag" });
    await ok("secretary", {
      type: "voteOpen",
      voteId: "v",
      paragraphId: p2!.id,
      question: "huvud",
      ja: "forslag",
      nej: "andring",
    });
    const choices: ["JA" | "NEJ" | "AVSTAR", LiveSeat][] = [
      ["JA", chair!],
      ["JA", b!],
      ["NEJ", c!],
      ["AVSTAR", d!],
    ];
    for (const [choice, s] of choices) await ok("secretary", ballot("v", s, choice));
    await ok("secretary", { type: "voteClose", voteId: "v" });
    await ok("secretary", {
      type: "reservation",
      paragraphId: p2!.id,
      personId: c!.personId,
      reserved: true,
      writtenLater: true,
      reasons: "",
    });

    const closed = await closeLiveMeeting({ ...ctx, now: at(4, 59) }, { meetingId: meeting.id });
    expect(closed).toMatchObject({ ok: true, data: { closed: true } });

    const protocol = (await findProtocolBySlug(db, meeting.slug))!;
    const para = protocol.paragraphs.find((p) => p.id === p2!.id)!;
    expect(para.motions.map((m) => [m.name, m.kind, m.text, m.withdrawn])).toEqual([
      [b!.name, "BIFALL", "att förslaget bifalls", false],
      [c!.name, "ANDRING", "att budgeten sänks med två procent", false],
    ]);
    const cName = c!.name.endsWith("s") ? c!.name : `${c!.name}s`;
    expect(para.propositions).toEqual([
      `Ordföranden ställer proposition på bifall till förslaget och ${cName} ändringsyrkande och finner att direktionen bifallit förslaget.`,
      `Votering begärs. Den som vill bifall till förslaget röstar ja; den som vill ${cName} ändringsyrkande röstar nej.`,
      "Med 2 ja-röster mot 1 nej-röster, 1 avstår. Ordföranden finner att direktionen bifallit förslaget.",
    ]);
    expect(para.votes).toHaveLength(1);
    const vote = para.votes[0]!;
    expect(vote.question).toBe(`bifall till förslaget (ja) mot ${cName} ändringsyrkande (nej)`);
    expect(vote.outcome).toBe("JA");
    expect(vote.ballots.map((bb) => [bb.name, bb.choice])).toEqual(choices.map(([ch, s]) => [s.name, ch]));
    // "Skriftlig reservation senare": stored as such (the checker warns until the text is in).
    expect(para.reservations).toEqual([{ personId: c!.personId, name: c!.name, reasons: null, writtenLater: true }]);
    // The förslag won: the decision stands as prepared.
    expect(para.decision).toEqual({ intro: "Direktionen beslutar", clauses: ["att anta budgeten för 2023"] });
    // The checker finds nothing wrong with the § 's yrkanden, vote and reservation.
    const onP2 = checkProtocol(protocol, { now: at(4, 59) }).filter(
      (f) => f.paragraphNumber === p2!.number && f.severity === "error",
    );
    expect(onP2).toEqual([]);
  });

  it("an ändring that won the vote becomes the decision", async () => {
    const { meeting, members, paragraphs, ok } = await meetingWithRollCall(5, 1);
    const p = paragraphs[0]!;
    await ok("chair", { type: "current", paragraphId: p.id });
    await ok("secretary", {
      type: "motion",
      motionId: "andring",
      paragraphId: p.id,
      personId: members[2]!.personId,
      kind: "ANDRING",
      text: "att avgiften höjs med 5 procent",
    });
    await ok("chair", { type: "finding", paragraphId: p.id, question: "huvud", alternative: "forslag" });
    await ok("secretary", {
      type: "voteOpen",
      voteId: "v",
      paragraphId: p.id,
      question: "huvud",
      ja: "forslag",
      nej: "andring",
    });
    for (const [i, m] of members.entries()) await ok("secretary", ballot("v", m, i < 1 ? "JA" : "NEJ"));
    await ok("secretary", { type: "voteClose", voteId: "v" });
    const closed = await closeLiveMeeting(
      { ...(await contextFor(db, "secretary")), now: at(5, 59) },
      { meetingId: meeting.id },
    );
    expect(closed.ok).toBe(true);
    const para = (await findProtocolBySlug(db, meeting.slug))!.paragraphs.find((x) => x.id === p.id)!;
    expect(para.decision.clauses).toEqual(["att avgiften höjs med 5 procent"]);
    expect(para.votes[0]!.outcome).toBe("NEJ");
  });

  it("a § where the log has only a reservation keeps the yrkanden the secretary typed before", async () => {
    const { meeting, members, paragraphs, ok } = await meetingWithRollCall(6, 1);
    const p = paragraphs[0]!;
    const ctx = await contextFor(db, "secretary");
    const editing = (await findParagraphForEditing(db, p.id))!;
    const typed = {
      personId: members[1]!.personId,
      kind: "AVSLAG" as const,
      text: "att förslaget avslås",
      amendsIndex: null,
      withdrawn: false,
    };
    const saved = await saveParagraph(ctx, {
      paragraphId: p.id,
      version: editing.version,
      content: {
        ...toParagraphContent(editing.paragraph),
        motions: [typed],
        propositions: [
          "Ordföranden ställer proposition på bifall och avslag och finner att direktionen bifallit förslaget.",
        ],
      },
    });
    expect(saved.ok).toBe(true);
    await ok("chair", { type: "current", paragraphId: p.id });
    await ok("secretary", {
      type: "reservation",
      paragraphId: p.id,
      personId: members[1]!.personId,
      reserved: true,
      writtenLater: false,
      reasons: "Förslaget är för dyrt.",
    });
    const closed = await closeLiveMeeting({ ...ctx, now: at(6, 59) }, { meetingId: meeting.id });
    expect(closed.ok).toBe(true);
    const para = (await findProtocolBySlug(db, meeting.slug))!.paragraphs.find((x) => x.id === p.id)!;
    expect(para.motions.map((m) => [m.personId, m.kind, m.text])).toEqual([[typed.personId, "AVSLAG", typed.text]]);
    expect(para.propositions).toHaveLength(1);
    expect(para.reservations).toEqual([
      {
        personId: members[1]!.personId,
        name: members[1]!.name,
        reasons: "Förslaget är för dyrt.",
        writtenLater: false,
      },
    ]);
  });
});
