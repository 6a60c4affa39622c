// Backup and restore (`npm run backup` / `npm run restore`, scripts/lib/backup.ts) on real
// PostgreSQL: the demo protocol is justerat (sealed PDF stored in the database) with a random
// attachment, backed up, and restored into a fresh database through the real Prisma CLI. The
// restored database must hold the same rows, byte-identical PDFs that still verify, working
// frozen-protocol guards and full-text search; non-empty targets and damaged archives are refused.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { uploadAttachment } from "@/modules/drafting/attachment.mutations";
import { searchArchive } from "@/modules/publication/public.search";
import { verifyPdf } from "@/modules/publication/verify";
import { createPrismaClient } from "@/server/db";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import {
  backupDatabase,
  deployMigrations,
  localMigrations,
  type Manifest,
  readManifest,
  restoreDatabase,
  type RestoreResult,
} from "../scripts/lib/backup";
import { createEmptyDatabase } from "./support/db";
import { contextFor, createSeededDatabase } from "./support/seeded-db";

type Database = { url: string; drop: () => Promise<void> };

let tmp: string;
let previousDataDir: string | undefined;
let source: Awaited<ReturnType<typeof createSeededDatabase>>;
let target: Database;
let targetDb: PrismaClient;
let archive: string;
let manifest: Manifest;
let restored: RestoreResult;
let attachmentBytes: Buffer;
const extra: Database[] = [];

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Row count of every table in the public schema. */
function tableCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname COLLATE "C"`,
    );
    const out: Record<string, number> = {};
    for (const { name } of rows) {
      const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
      out[name] = Number(r.rows[0]!.n);
    }
    return out;
  });
}

/** Rows in tables other than _prisma_migrations: 0 means "empty" as restore understands it. */
async function dataRows(url: string): Promise<number> {
  const counts = await tableCounts(url);
  return Object.entries(counts).reduce((n, [name, rows]) => n + (name === "_prisma_migrations" ? 0 : rows), 0);
}

async function emptyDatabase(prefix: string): Promise<Database> {
  const db = await createEmptyDatabase(prefix);
  extra.push(db);
  return db;
}

/** A copy of the archive with its manifest changed (and a valid trailer for the new manifest). */
function withManifest(change: (m: Manifest) => void): string {
  const bytes = readFileSync(archive);
  const trailer = /PARAGRAF-MANIFEST (\d{16}) (\d{16}) [0-9a-f]{64}\n$/.exec(
    bytes.subarray(bytes.length - 117).toString("latin1"),
  )!;
  const offset = Number(trailer[1]);
  const m = JSON.parse(bytes.subarray(offset, offset + Number(trailer[2])).toString("utf8")) as Manifest;
  change(m);
  const json = Buffer.from(`${JSON.stringify(m)}\n`, "utf8");
  const tail = `PARAGRAF-MANIFEST ${String(offset).padStart(16, "0")} ${String(json.length).padStart(16, "0")} ${sha256(json)}\n`;
  const file = path.join(tmp, `changed-${randomBytes(4).toString("hex")}.pgbackup`);
  writeFileSync(file, Buffer.concat([bytes.subarray(0, offset), json, Buffer.from(tail, "latin1")]));
  return file;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-backup-test-"));
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  process.env.PARAGRAF_DATA_DIR = tmp; // the demo seal certificate is created here

  source = await createSeededDatabase("bks");
  // A bilaga with random bytes, uploaded while the protocol is a draft (frozen afterwards).
  attachmentBytes = Buffer.concat([Buffer.from("%PDF-1.7\n", "latin1"), randomBytes(256 * 1024)]);
  const p62 = await source.db.paragraph.findFirstOrThrow({ where: { number: 62 } });
  const uploaded = await uploadAttachment(await contextFor(source.db, "secretary"), {
    paragraphId: p62.id,
    label: "Bilaga 1 – slumpdata",
    file: new File([new Uint8Array(attachmentBytes)], "slump.pdf", { type: "application/pdf" }),
  });
  expect(uploaded.ok).toBe(true);
  await justeraDemoMeeting(source.db);

  archive = path.join(tmp, "paragraf.pgbackup");
  manifest = (await backupDatabase(source.ownerUrl, archive)).manifest;
  target = await createEmptyDatabase("bkr");
  restored = await restoreDatabase(target.url, archive);
  targetDb = createPrismaClient(target.url);
}, 180_000);

afterAll(async () => {
  await targetDb?.$disconnect();
  await target?.drop();
  for (const db of extra) await db.drop();
  await source?.drop();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(tmp, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up every table of the public schema with migrations, row counts and hashes", async () => {
    const counts = await tableCounts(source.ownerUrl);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(counts).sort());
    for (const t of manifest.tables) {
      expect(t.rows, t.name).toBe(counts[t.name]);
      expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(manifest.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "ProtocolFile", "Attachment", "PublicSearchEntry"]),
    );
    expect(manifest.migrations.map((m) => m.name)).toEqual((await localMigrations()).map((m) => m.name));
    expect(manifest.server.versionNum).toBeGreaterThanOrEqual(180000);
    expect(await readManifest(archive)).toEqual(manifest);
  });

  it("restores every table with the same row count, and the original migration history", async () => {
    const before = await tableCounts(source.ownerUrl);
    expect(await tableCounts(target.url)).toEqual(before);
    expect(restored.rows).toBe(Object.values(before).reduce((a, b) => a + b, 0));
    expect(restored.upgradedWith).toEqual([]);
    const history = (url: string) =>
      withClient(
        url,
        async (c) =>
          (
            await c.query(
              `SELECT id, migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`,
            )
          ).rows,
      );
    expect(await history(target.url)).toEqual(await history(source.ownerUrl));
  });

  it("restores every stored PDF and attachment byte for byte, with matching sha256", async () => {
    const files = await source.db.protocolFile.findMany();
    expect(files.some((f) => f.kind === "PROTOCOL")).toBe(true);
    for (const f of files) {
      const copy = await targetDb.protocolFile.findUniqueOrThrow({ where: { id: f.id } });
      expect(Buffer.from(copy.bytes).equals(Buffer.from(f.bytes))).toBe(true);
      expect(sha256(copy.bytes)).toBe(copy.sha256);
      expect(copy.sha256).toBe(f.sha256);
    }
    const attachments = await targetDb.attachment.findMany();
    expect(attachments).toHaveLength(1);
    expect(Buffer.from(attachments[0]!.bytes!).equals(attachmentBytes)).toBe(true);
    expect(attachments[0]!.sha256).toBe(sha256(attachmentBytes));
  });

  it("the restored protocol still verifies: verifyPdf matches the original PDF and pdfsig validates the seal", async () => {
    const original = await source.db.protocolFile.findFirstOrThrow({ where: { kind: "PROTOCOL" } });
    const result = await verifyPdf(targetDb, original.bytes);
    expect(result).toMatchObject({ match: true, by: "pdf", bodyName: "Direktionen" });
    expect(result.match && result.signers).toHaveLength(3);

    const restoredPdf = await targetDb.protocolFile.findFirstOrThrow({ where: { kind: "PROTOCOL" } });
    const file = path.join(tmp, "restored.pdf");
    writeFileSync(file, restoredPdf.bytes);
    const sig = execFileSync("pdfsig", [file], { encoding: "utf8" });
    expect(sig).toContain("Signature Validation: Signature is Valid.");
  });

  it("the frozen-protocol guards are active again for ordinary sessions", async () => {
    await withClient(target.url, async (c) => {
      expect((await c.query("SHOW session_replication_role")).rows[0]).toEqual({ session_replication_role: "origin" });
      const triggers = await c.query<{ tgenabled: string }>(
        `SELECT tgenabled FROM pg_trigger WHERE tgname = 'paragraf_frozen'`,
      );
      expect(triggers.rows.length).toBeGreaterThanOrEqual(18);
      expect(new Set(triggers.rows.map((r) => r.tgenabled))).toEqual(new Set(["O"]));
      await expect(c.query(`UPDATE "Paragraph" SET title = 'x'`)).rejects.toMatchObject({
        hint: "paragraf_frozen",
        message: expect.stringMatching(/Protokollet är låst/),
      });
      await expect(c.query(`DELETE FROM "ProtocolFile"`)).rejects.toMatchObject({ hint: "paragraf_frozen" });
      // The justerat meeting came back through the restore, but no new one is inserted as justerat.
      expect((await c.query(`SELECT status::text FROM "Meeting"`)).rows).toEqual([{ status: "ADJUSTED" }]);
      const forged = `INSERT INTO "Meeting" (id, "bodyId", slug, date, place, status, "updatedAt")
        SELECT 'forged', "bodyId", 'forged', date, place, 'ADJUSTED', now() FROM "Meeting"`;
      await expect(c.query(forged)).rejects.toMatchObject({
        hint: "paragraf_frozen",
        message: expect.stringMatching(/skapas som utkast/),
      });
    });
    expect(await targetDb.paragraph.count({ where: { title: "x" } })).toBe(0);
  });

  it("the public full-text search works on the restored database", async () => {
    const found = await searchArchive(targetDb, { q: "Google Workspace" });
    expect(found.total).toBeGreaterThan(0);
    expect(found).toEqual(await searchArchive(source.db, { q: "Google Workspace" }));
  });

  it("refuses a target that is not empty, and changes nothing", async () => {
    const before = await tableCounts(target.url);
    await expect(restoreDatabase(target.url, archive)).rejects.toThrow(/^Måldatabasen är inte tom/);
    expect(await tableCounts(target.url)).toEqual(before);
    const sourceBefore = await tableCounts(source.ownerUrl);
    await expect(restoreDatabase(source.ownerUrl, archive)).rejects.toMatchObject({ code: "NOT_EMPTY" });
    expect(await tableCounts(source.ownerUrl)).toEqual(sourceBefore);
  });

  it("refuses an archive with a flipped byte in a data section, leaving the target empty; a good archive then restores", async () => {
    const section = manifest.tables.find((t) => t.name === "ProtocolFile")!;
    const bytes = readFileSync(archive);
    const at = section.offset + Math.floor(section.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    const damaged = path.join(tmp, "damaged.pgbackup");
    writeFileSync(damaged, bytes);

    const db = await emptyDatabase("bkd");
    await expect(restoreDatabase(db.url, damaged)).rejects.toThrow(
      /^Säkerhetskopian är skadad: .*ProtocolFile.*måldatabasen är fortfarande tom\.$/,
    );
    expect(await dataRows(db.url)).toBe(0);
    await restoreDatabase(db.url, archive);
    expect(await tableCounts(db.url)).toEqual(await tableCounts(source.ownerUrl));
  });

  it("refuses data that does not match the manifest's SHA-256, leaving the target empty", async () => {
    const changed = withManifest((m) => {
      const t = m.tables.find((x) => x.name === "Paragraph")!;
      t.sha256 = t.sha256.replace(/^./, (ch) => (ch === "0" ? "1" : "0"));
    });
    const db = await emptyDatabase("bkh");
    await expect(restoreDatabase(db.url, changed)).rejects.toThrow(
      /^Säkerhetskopian är skadad: tabellen "Paragraph" stämmer inte med manifestet/,
    );
    expect(await dataRows(db.url)).toBe(0);
  });

  it("refuses a truncated archive and a tampered manifest before touching the target", async () => {
    const db = await emptyDatabase("bkt");
    const truncated = path.join(tmp, "truncated.pgbackup");
    writeFileSync(truncated, readFileSync(archive).subarray(0, 5000));
    await expect(restoreDatabase(db.url, truncated)).rejects.toThrow(/ingen hel Paragraf-säkerhetskopia/);
    const tampered = path.join(tmp, "tampered.pgbackup");
    copyFileSync(archive, tampered);
    const bytes = readFileSync(tampered);
    const manifestAt = Number(
      /PARAGRAF-MANIFEST (\d{16})/.exec(bytes.subarray(bytes.length - 117).toString("latin1"))![1],
    );
    bytes[manifestAt + 10] = bytes[manifestAt + 10]! ^ 0x01;
    writeFileSync(tampered, bytes);
    await expect(restoreDatabase(db.url, tampered)).rejects.toThrow(/^Säkerhetskopian är skadad: manifestet/);
    expect(await tableCounts(db.url)).toEqual({});
  });

  it("refuses a backup with migrations this code does not know, before touching the target", async () => {
    const future = withManifest((m) => {
      m.migrations.push({
        name: "29991231000000_from_the_future",
        checksum: "0".repeat(64),
        finishedAt: new Date().toISOString(),
      });
    });
    const db = await emptyDatabase("bkm");
    await expect(restoreDatabase(db.url, future)).rejects.toThrow(
      /^Säkerhetskopian kommer från en nyare version av Paragraf.*29991231000000_from_the_future/,
    );
    expect(await tableCounts(db.url)).toEqual({});
  });

  it("restores a backup from an older schema at its own level, then applies the newer migrations", async () => {
    const all = await localMigrations();
    const old = await emptyDatabase("bko");
    await deployMigrations(old.url, 2);
    await withClient(old.url, (c) =>
      c.query(
        `INSERT INTO "Organisation" (id, slug, name, kind, "caseNumberPrefix", "updatedAt") VALUES ('org1', 'gamla', 'Gamla förbundet', 'KOMMUNALFORBUND', 'GF', now())`,
      ),
    );
    const oldArchive = path.join(tmp, "old.pgbackup");
    const oldManifest = (await backupDatabase(old.url, oldArchive)).manifest;
    expect(oldManifest.migrations.map((m) => m.name)).toEqual(all.slice(0, 2).map((m) => m.name));

    const db = await emptyDatabase("bku");
    const result = await restoreDatabase(db.url, oldArchive);
    expect(result.upgradedWith).toEqual(all.slice(2).map((m) => m.name));
    const counts = await tableCounts(db.url);
    expect(counts).toMatchObject({ Organisation: 1, _prisma_migrations: all.length, PublicSearchEntry: 0 });
  });
});
