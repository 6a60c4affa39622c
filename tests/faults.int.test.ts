// Faults: the database connection dies inside the signing transaction. Nothing may be half
// written, the user gets a Swedish message, and the next attempt works on a fresh connection.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let meetingId: string;

beforeAll(async () => {
  ({ db, url, drop } = await createSeededDatabase("fault"));
  const m = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
  meetingId = m.id;
  // Make the seed sendable (its real defects are errors for the checker).
  await fixSeedDefects(db, meetingId);
  expect((await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).ok).toBe(true);
  expect((await signProtocol(await contextFor(db, "chair"), { meetingId, password: "paragraf-demo" })).ok).toBe(true);
  expect((await signProtocol(await contextFor(db, "adjuster"), { meetingId, password: "paragraf-demo" })).ok).toBe(
    true,
  );
});
afterAll(async () => drop?.());

async function snapshot() {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { signatures: true, files: true, notice: true },
  });
  const search = await db.publicSearchEntry.count({ where: { meetingId } });
  return {
    status: m.status,
    adjustedOn: m.adjustedOn,
    signatures: m.signatures.length,
    files: m.files.length,
    notice: m.notice?.postedOn ?? null,
    search,
  };
}

describe("the connection dies inside the signing transaction", () => {
  it("changes nothing, answers in Swedish, and the next attempt succeeds", async () => {
    const before = await snapshot();
    expect(before).toMatchObject({ status: "READY_FOR_ADJUSTMENT", signatures: 2, files: 0 });

    // Watch for the signing transaction's backend (it holds the meeting row lock while it
    // renders and seals the PDF) and terminate it.
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    let killed = 0;
    const watching = (async () => {
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && killed === 0) {
        const { rows } = await killer.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND state IN ('idle in transaction', 'active') AND xact_start IS NOT NULL
             AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = pg_stat_activity.pid AND l.locktype = 'tuple' OR (l.pid = pg_stat_activity.pid AND l.mode = 'RowShareLock'))`,
        );
        for (const { pid } of rows) {
          await killer.query("SELECT pg_terminate_backend($1)", [pid]);
          killed++;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const result = await signProtocol(await contextFor(db, "secretary"), { meetingId, password: "paragraf-demo" });
    await watching;
    await killer.end();

    expect(killed).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe("INTERNAL");
      expect(result.message).toMatch(/sparades inte/);
      expect(result.message).not.toMatch(/terminat|ECONN|at .*\.ts/);
    }
    expect(await snapshot()).toEqual(before);

    // The pool replaces the dead connection: the same step now goes through, whole.
    const retry = await signProtocol(await contextFor(db, "secretary"), { meetingId, password: "paragraf-demo" });
    expect(retry).toEqual({ ok: true, data: { complete: true } });
    expect(await snapshot()).toMatchObject({ status: "ADJUSTED", signatures: 3, files: 1 });
  });
});
