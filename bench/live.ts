/**
 * Live meeting sync latency (not a test): two devices, the secretary's and the chair's, each with
 * its own server-sent-event stream on its own LISTEN connection (two app instances), tapping in
 * turn. For each of 100 taps: from the tap being sent (the server action handler called) to the
 * event arriving on the OTHER device's stream (committed, NOTIFY, read from the log, written as
 * SSE). Prints p50/p95/max of that and of the write alone, for roll call marks and for ballots of
 * a vote (checked against the whole log replayed). In-process (no HTTP or browser in
 * front; e2e/live.spec.ts checks the browsers show a change within 1 s). Embedded PostgreSQL.
 *   npx tsx bench/live.ts [updates]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../src/server/db";
import type { Actor } from "../src/server/authz";
import { loadActorByEmail } from "../src/server/actor";
import { createMeeting } from "../src/modules/drafting/meeting.mutations";
import { addParagraph } from "../src/modules/drafting/paragraph.mutations";
import { recordLiveEvent } from "../src/modules/live/live.mutations";
import type { LiveEventData } from "../src/domain/rules/live.rules";
import { LiveHub } from "../src/modules/live/live.hub";
import { liveStreamResponse } from "../src/modules/live/live.stream";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-db.mjs";
import { itsamSeed } from "../prisma/seed/itsam-direktionen-2021-11-18";
import { loadSeed } from "../prisma/seed/load-seed";

const ROOT = path.resolve(import.meta.dirname, "..");
const UPDATES = Number(process.argv[2] ?? 100);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-bench-live-"));
const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
await server.createDatabase("bench");
const url = server.urlFor("bench");
const hubs = [new LiveHub(url), new LiveHub(url)];
try {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  const db = createPrismaClient(url);
  await loadSeed(db, itsamSeed);
  const actor = (email: string): Promise<Actor> => loadActorByEmail(db, email);
  const secretary = await actor("sekreterare@itsam.example");
  const chair = await actor("ordforande@itsam.example");
  const body = await db.body.findFirstOrThrow({ where: { slug: "direktionen" } });
  const ctx = (a: Actor) => ({ db, ip: "127.0.0.1", actor: a });
  const created = await createMeeting(ctx(secretary), {
    bodyId: body.id,
    date: "2022-05-05",
    startTime: "14:00",
    endTime: "",
    place: "Vimmerby",
    attendanceFrom: "members",
  });
  if (!created.ok) throw new Error(created.message);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: created.data.slug } });
  for (const title of ["Ett", "Två", "Tre"]) await addParagraph(ctx(secretary), { meetingId: meeting.id, title });
  const people = (await db.membership.findMany({ where: { bodyId: body.id }, select: { personId: true } })).map(
    (m) => m.personId,
  );

  /** A device: its stream, and when each seq arrived on it. */
  async function device(a: Actor, hub: LiveHub) {
    const arrived = new Map<number, number>();
    const waiting = new Map<number, () => void>();
    const response = await liveStreamResponse(db, a, meeting.slug, 0, { hub, heartbeatMs: 60_000 });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const id = /^id: (\d+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (!id) continue;
          arrived.set(Number(id), performance.now());
          waiting.get(Number(id))?.();
        }
      }
    })();
    return {
      arrival(seq: number): Promise<number> {
        const at = arrived.get(seq);
        if (at !== undefined) return Promise.resolve(at);
        return new Promise((resolve) => waiting.set(seq, () => resolve(arrived.get(seq)!)));
      },
      stop: () => reader.cancel(),
    };
  }
  const laptop = await device(secretary, hubs[0]!);
  const tablet = await device(chair, hubs[1]!);

  let n = 0;
  /** Taps alternating between the devices; the time to the other device's stream and of the write. */
  async function measure(count: number, event: (i: number) => LiveEventData) {
    const sync: number[] = [];
    const write: number[] = [];
    for (let i = 0; i < count + 10; i++) {
      const [who, other] = i % 2 === 0 ? [secretary, tablet] : [chair, laptop];
      const t0 = performance.now();
      const r = await recordLiveEvent(ctx(who), {
        meetingId: meeting.id,
        clientEventId: `bench-${n++}-${Math.random().toString(36).slice(2)}`,
        event: event(i),
      });
      const t1 = performance.now();
      if (!r.ok) throw new Error(r.message);
      const arrived = await other.arrival(r.data.seq);
      if (i < 10) continue; // warm-up
      write.push(t1 - t0);
      sync.push(arrived - t0);
    }
    console.log(
      `  tap → other device's stream  p50 ${fmt(quantile(sync, 0.5))}  p95 ${fmt(quantile(sync, 0.95))}  max ${fmt(Math.max(...sync))}`,
    );
    console.log(
      `  the write alone               p50 ${fmt(quantile(write, 0.5))}  p95 ${fmt(quantile(write, 0.95))}  max ${fmt(Math.max(...write))}`,
    );
  }
  const tap = async (event: LiveEventData) => {
    const r = await recordLiveEvent(ctx(secretary), {
      meetingId: meeting.id,
      clientEventId: `bench-${n++}-${Math.random().toString(36).slice(2)}`,
      event,
    });
    if (!r.ok) throw new Error(r.message);
  };

  console.log(`\nLive meeting sync: ${UPDATES} taps, alternating devices (embedded PostgreSQL, in-process SSE)`);
  console.log("Roll call marks:");
  await measure(UPDATES, (i) => ({ type: "roll", personId: people[i % people.length]!, present: i % 3 !== 0 }));

  // A vote: ballots are checked against the whole log replayed (who serves in the §, the vote open).
  const members = (
    await db.membership.findMany({ where: { bodyId: body.id, role: "MEMBER" }, select: { personId: true } })
  ).map((m) => m.personId);
  for (const personId of members) await tap({ type: "roll", personId, present: true });
  const paragraph = await db.paragraph.findFirstOrThrow({
    where: { meetingId: meeting.id },
    orderBy: { number: "asc" },
  });
  await tap({ type: "current", paragraphId: paragraph.id });
  const base = { paragraphId: paragraph.id };
  await tap({ type: "motion", motionId: "m", ...base, personId: members[1]!, kind: "AVSLAG", text: "" });
  await tap({ type: "finding", ...base, question: "huvud", alternative: "forslag" });
  await tap({ type: "voteOpen", voteId: "v", ...base, question: "huvud", ja: "forslag", nej: "avslag" });
  const choices = ["JA", "NEJ", "AVSTAR"] as const;
  console.log(`Ballots (log of ${UPDATES + 10 + members.length + 4}+ events replayed on each):`);
  await measure(UPDATES, (i) => ({
    type: "ballot",
    voteId: "v",
    personId: members[i % members.length]!,
    choice: choices[i % 3]!,
  }));
  await laptop.stop();
  await tablet.stop();
  await db.$disconnect();
} finally {
  for (const hub of hubs) await hub.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
