// Drafting benchmark: how long saving a § takes (the real saveParagraph action: zod parse,
// permission check, compare-and-set, the changed parts, audit row) on real PostgreSQL, as the app
// runs it: logged in as the app's role (row-level security binds it), through the app's pool
// (ScopedPool, 10 connections), in the organisation's tenancy scope.
// 100 sequential saves of the seed's § 62, then 20 editors (BENCH_EDITORS) saving their own §
// concurrently (the seed's 9 §§ and copies of them added to the same protocol), against a no-op
// action through the same wrapper as the baseline; the ratio of the p95s is what issue 19.6 asks
// to keep at most 3×. Prints figures; not a test.
//   npx tsx bench/drafting/run.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyAppPrivileges, createRoleDatabase, roleOf } from "../../scripts/lib/db-roles";
import { loadActorByEmail } from "../../src/server/actor";
import { PrismaClient } from "../../src/generated/prisma/client";
import { defineMeetingAction, refuseUnstorable } from "../../src/server/action";
import { DEFAULT_POOL_MAX, ScopedPool } from "../../src/server/db";
import { enterOrganisation } from "../../src/server/tenancy";
import { addParagraph, saveParagraph } from "../../src/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "../../src/modules/drafting/paragraph.content";
import { byParagraph } from "../../src/modules/drafting/change";
import { saveParagraphSchema } from "../../src/modules/drafting/paragraph.schema";
import { findParagraphForEditing, findProtocolBySlug } from "../../src/server/protocol.queries";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { loadSeed } from "../../prisma/seed/load-seed";

const ROOT = path.resolve(import.meta.dirname, "../..");
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

// BENCH_SERVER_TIMES=1: PostgreSQL logs every statement's duration (log_min_duration_statement = 0
// while the concurrent phases run), summed here per statement: the time the server spent, apart
// from the time a request waited for a connection of the pool or for the event loop.
const serverLog: string[] = [];
let collecting = false;
const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-bench-"));
const server = await startEmbeddedPostgres({
  dir: path.join(dir, "data"),
  persistent: false,
  log: (line: string) => {
    if (collecting) serverLog.push(line);
  },
});
const SERVER_TIMES = process.env.BENCH_SERVER_TIMES === "1";
/** Switches statement logging on or off for every session (a reload reaches the open ones). */
async function logDurations(on: boolean) {
  const pg = (await import("pg")).default;
  const c = new pg.Client({ connectionString: server.urlFor("postgres") });
  await c.connect();
  await c.query(
    on ? "ALTER SYSTEM SET log_min_duration_statement = 0" : "ALTER SYSTEM RESET log_min_duration_statement",
  );
  await c.query("SELECT pg_reload_conf()");
  await c.end();
  await new Promise((r) => setTimeout(r, 200));
}
/** The collected durations: per statement (its first words), count and total ms, parse/bind/execute summed. */
function serverTimes(): Map<string, { n: number; ms: number }> {
  const out = new Map<string, { n: number; ms: number }>();
  const text = serverLog.join("\n");
  for (const m of text.matchAll(/duration: ([\d.]+) ms\s+(parse|bind|execute)[^:]*: ([\s\S]{0,160})/g)) {
    const key = `${m[2]!.padEnd(7)} ${m[3]!.replace(/\s+/g, " ").trim().slice(0, 62)}`;
    const e = out.get(key) ?? out.set(key, { n: 0, ms: 0 }).get(key)!;
    e.n++;
    e.ms += Number(m[1]);
  }
  serverLog.length = 0;
  return out;
}
function printServerTimes(label: string, times: Map<string, { n: number; ms: number }>, actions: number) {
  console.log(`\nServer time, ${label} (statement, executions, total ms, ms per action):`);
  for (const [q, t] of [...times.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    console.log(
      `${String(t.n).padStart(5)} ${t.ms.toFixed(0).padStart(7)} ${(t.ms / actions).toFixed(2).padStart(7)}  ${q}`,
    );
}
// As in production: migrate as the owner, run as the app role (bench/lib/app-server.ts does the same).
const { url, ownerUrl } = await createRoleDatabase(server.urlFor("postgres"), "bench");
try {
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: ownerUrl },
    stdio: "ignore",
  });
  await applyAppPrivileges(ownerUrl, roleOf(url));
  // The app's client (src/server/db.ts: ScopedPool under PrismaPg, its default size unless
  // BENCH_POOL says otherwise), with query events for the profile.
  const POOL = Number(process.env.BENCH_POOL ?? DEFAULT_POOL_MAX);
  const db = new PrismaClient({
    adapter: new PrismaPg(new ScopedPool({ connectionString: url, max: POOL }), { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
  // BENCH_PROFILE=1: where a save's time goes, statement by statement (Prisma's query events).
  const profile = new Map<string, { n: number; ms: number }>();
  let profiling = false;
  db.$on("query", (e) => {
    if (!profiling) return;
    const key = e.query.replace(/\s+/g, " ").slice(0, 110);
    const p = profile.get(key) ?? profile.set(key, { n: 0, ms: 0 }).get(key)!;
    p.n++;
    p.ms += e.duration;
  });
  await loadSeed(db, itsamSeed);
  // A signed-in request works in its organisation's scope (src/server/session.ts).
  enterOrganisation((await db.organisation.findFirstOrThrow()).id);
  const ctx = { db, ip: "127.0.0.1", actor: await loadActorByEmail(db, "sekreterare@itsam.example") };
  const EDITORS = Number(process.env.BENCH_EDITORS ?? 20);
  const seeded = (await findProtocolBySlug(db, "direktionen-2021-11-18"))!;
  // One § per editor: copies of the seed's §§ (their whole content) until there are enough.
  for (let i = seeded.paragraphs.length; i < EDITORS; i++) {
    const source = seeded.paragraphs[i % seeded.paragraphs.length]!;
    const added = await addParagraph(ctx, { meetingId: seeded.meeting.id, title: source.title });
    if (!added.ok) throw new Error(added.message);
    const saved = await saveParagraph(ctx, {
      paragraphId: added.data.id,
      version: 1,
      content: toParagraphContent(source),
    });
    if (!saved.ok) throw new Error(saved.message);
  }
  const protocol = (await findProtocolBySlug(db, "direktionen-2021-11-18"))!;

  const noop = defineMeetingAction(
    {
      schema: z.object({ paragraphId: z.string() }),
      permission: "meeting.edit",
      // As saveParagraph locates its meeting: through the § (one query with the access data).
      locate: byParagraph,
    },
    async () => ({ version: 0 }),
  );

  async function sequential(n: number) {
    const p62 = protocol.paragraphs.find((p) => p.number === 62)!;
    let { version } = (await findParagraphForEditing(db, p62.id))!;
    const content = toParagraphContent(p62);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await saveParagraph(ctx, {
        paragraphId: p62.id,
        version,
        content: { ...content, title: `${p62.title} (${i})` },
      });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.message);
      version = r.data.version;
    }
    return times;
  }

  async function concurrent(editors: number, savesEach: number, useNoop: boolean) {
    const paragraphs = protocol.paragraphs.slice(0, editors);
    const times: number[] = [];
    await Promise.all(
      paragraphs.map(async (p) => {
        let { version } = (await findParagraphForEditing(db, p.id))!;
        const content = toParagraphContent(p);
        for (let i = 0; i < savesEach; i++) {
          const t0 = performance.now();
          const r = useNoop
            ? await noop(ctx, { paragraphId: p.id })
            : await saveParagraph(ctx, {
                paragraphId: p.id,
                version,
                content: { ...content, title: `${p.title} (${i})` },
              });
          times.push(performance.now() - t0);
          if (!r.ok) throw new Error(r.message);
          if (!useNoop) version = (r.data as { version: number }).version;
        }
      }),
    );
    return times;
  }

  // What a save costs in this process before any statement: the input check of the whole § (the
  // action's refuseUnstorable and zod schema, rich text included), per save of § 62.
  const p62content = toParagraphContent(protocol.paragraphs.find((p) => p.number === 62)!);
  const input = { paragraphId: "x", version: 1, content: p62content };
  for (let i = 0; i < 20; i++) saveParagraphSchema.parse(input);
  const tParse = performance.now();
  for (let i = 0; i < 200; i++) {
    refuseUnstorable(input);
    saveParagraphSchema.parse(input);
  }
  const parseMs = (performance.now() - tParse) / 200;

  await sequential(10); // warm-up
  const seq = await sequential(100);
  const editors = Math.min(EDITORS, protocol.paragraphs.length);
  if (SERVER_TIMES) await logDurations(true);
  collecting = SERVER_TIMES;
  const base = await concurrent(editors, 20, true);
  const baseServer = serverTimes();
  profiling = process.env.BENCH_PROFILE === "1";
  const conc = await concurrent(editors, 20, false);
  profiling = false;
  collecting = false;
  const concServer = serverTimes();
  if (SERVER_TIMES) await logDurations(false);
  console.log("\nDrafting: saving a § (server action handler on embedded PostgreSQL 18)");
  console.log("case                                   p50        p95       n");
  console.log(`pool: ${POOL} connections`);
  console.log(
    `§ 62 sequential (whole § incl. table)  ${fmt(quantile(seq, 0.5)).padEnd(10)} ${fmt(quantile(seq, 0.95)).padEnd(10)} ${seq.length}`,
  );
  console.log(
    `no-op action, ${editors} concurrent editors    ${fmt(quantile(base, 0.5)).padEnd(10)} ${fmt(quantile(base, 0.95)).padEnd(10)} ${base.length}`,
  );
  console.log(
    `save §, ${editors} concurrent editors         ${fmt(quantile(conc, 0.5)).padEnd(10)} ${fmt(quantile(conc, 0.95)).padEnd(10)} ${conc.length}`,
  );
  console.log(`input check of § 62 (one core, no load of its own)  ${fmt(parseMs)}`);
  console.log(
    `load average at the end                ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(`ratio save/no-op (p50)                 ${(quantile(conc, 0.5) / quantile(base, 0.5)).toFixed(1)}×`);
  console.log(`ratio save/no-op (p95)                 ${(quantile(conc, 0.95) / quantile(base, 0.95)).toFixed(1)}×`);
  if (SERVER_TIMES) {
    printServerTimes("no-op actions", baseServer, base.length);
    printServerTimes("saves", concServer, conc.length);
  }
  if (profile.size > 0) {
    console.log("\nProfile of the concurrent saves (statement, count, total ms, mean ms):");
    for (const [q, p] of [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
      console.log(
        `${String(p.n).padStart(5)} ${p.ms.toFixed(0).padStart(7)} ${(p.ms / p.n).toFixed(1).padStart(6)}  ${q}`,
      );
  }
  await db.$disconnect();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
