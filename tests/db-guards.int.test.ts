// The database protects what was signed against the app's own role (issue 12, point 3). The
// app code runs as the least-privilege app role (tests/support/migrated-db.ts); here raw SQL as
// that role tries what an insider with the app's credentials would try, and the owner tries the
// changes the triggers refuse for every role.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { reorderParagraphs } from "@/modules/drafting/paragraph.mutations";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { verifyCode } from "@/modules/publication/verify";
import { checkDatabaseRole } from "@/server/config";
import { readDatabaseRoleFacts } from "@/server/startup-check";
import { asOwnerWithoutGuards } from "./support/owner";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";
import { PLATFORM_SCOPE_OPTION } from "./support/scope";

const PASSWORD = "paragraf-demo";
const frozen = { hint: "paragraf_frozen" };
/** Refused by a guard, for the reason given (a part of its Swedish message). */
const refused = (reason: string) => ({ ...frozen, message: expect.stringContaining(reason) });
const denied = { code: "42501" }; // insufficient_privilege

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let app: pg.Client;
let owner: pg.Client;
let meetingId: string;
let tmp: string;
let previousDataDir: string | undefined;
let ids: { secretary: string; chair: string; adjuster: string; stranger: string; body: string; p62: string };

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-guards-"));
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  process.env.PARAGRAF_DATA_DIR = tmp; // the demo seal certificate
  seeded = await createSeededDatabase("guards");
  db = seeded.db;
  app = new pg.Client({ connectionString: seeded.url, options: PLATFORM_SCOPE_OPTION });
  owner = new pg.Client({ connectionString: seeded.ownerUrl });
  await Promise.all([app.connect(), owner.connect()]);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { slug: SEED_SLUG },
    include: { adjusters: true, attendances: true },
  });
  meetingId = meeting.id;
  const stranger = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
  ids = {
    secretary: meeting.secretaryId!,
    chair: meeting.attendances.find((a) => a.role === "CHAIR")!.personId,
    adjuster: meeting.adjusters[0]!.personId,
    stranger: stranger.id,
    body: meeting.bodyId,
    p62: (await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 62 } })).id,
  };
  // The seed's three content defects, fixed as prisma/seed/justera-demo.ts does.
  await fixSeedDefects(db, meetingId);
});

afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
  await seeded?.drop();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(tmp, { recursive: true, force: true });
});

type Sql = [string, unknown[]];
const signature = (personId: string, role: string, contentHash: string) =>
  [
    `INSERT INTO "Signature" (id, "meetingId", "personId", role, "signedAt", "contentHash") VALUES ($1, $2, $3, $4, now(), $5)`,
    [`sig-${Math.random()}`, meetingId, personId, role, contentHash],
  ] as Sql;
const searchEntry = (paragraphId: string, number: number, text = "förfalskad text") =>
  [
    `INSERT INTO "PublicSearchEntry" ("paragraphId", "meetingId", "bodyId", year, number, title, text, tsv) VALUES ($1, $2, $3, 2021, $4, 'Titel', $5, to_tsvector('swedish', $5))`,
    [paragraphId, meetingId, ids.body, number, text],
  ] as Sql;
const protocolFile = (kind: string) =>
  [
    `INSERT INTO "ProtocolFile" (id, "meetingId", kind, bytes, sha256) VALUES ($1, $2, $3, '\\x25504446', encode(sha256('\\x25504446'::bytea), 'hex'))`,
    [`file-${Math.random()}`, meetingId, kind],
  ] as Sql;
/** The two UPDATEs that make a protocol waiting for justering and then justerat, as the app writes them. */
const send = (contentHash: string) =>
  [
    `UPDATE "Meeting" SET status = 'READY_FOR_ADJUSTMENT', "contentHash" = $2 WHERE id = $1`,
    [meetingId, contentHash],
  ] as Sql;
const adjust = () =>
  [`UPDATE "Meeting" SET status = 'ADJUSTED', "adjustedOn" = '2021-11-25' WHERE id = $1`, [meetingId]] as Sql;
/** A hash of the right form that no one computed from the protocol. */
const FORGED_HASH = "f".repeat(64);

/** `fn` in a transaction of `client` that is always rolled back: a forged change leaves nothing behind. */
async function rolledBack(client: pg.Client, fn: () => Promise<void>) {
  await client.query("BEGIN");
  try {
    await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

/** One statement inside `rolledBack`, behind a savepoint, so that a refusal leaves the transaction usable. */
async function attempt(client: pg.Client, [sql, params]: Sql) {
  await client.query("SAVEPOINT attempt");
  try {
    const result = await client.query(sql, params);
    await client.query("RELEASE SAVEPOINT attempt");
    return result;
  } catch (e) {
    await client.query("ROLLBACK TO SAVEPOINT attempt");
    throw e;
  }
}

const meetingRow = () =>
  db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: { status: true, contentHash: true, adjustedOn: true },
  });

const correction = () =>
  [
    `INSERT INTO "Correction" (id, "meetingId", "paragraphNumber", text, "personId") VALUES ($1, $2, 62, 'Rättelse', $3)`,
    [`corr-${Math.random()}`, meetingId, ids.secretary],
  ] as Sql;

describe("the app's database role", () => {
  it("is no superuser, owns no table, and passes the server's start-up check", async () => {
    const facts = await readDatabaseRoleFacts(seeded.url);
    expect(facts).toMatchObject({ superuser: false, bypassRls: false, ownedTables: 0 });
    expect(() => checkDatabaseRole(facts)).not.toThrow();
    expect((await readDatabaseRoleFacts(seeded.ownerUrl)).ownedTables).toBeGreaterThan(20);
  });

  it("cannot switch triggers off, set session_replication_role, TRUNCATE, DROP or ALTER anything", async () => {
    await expect(app.query(`ALTER TABLE "Signature" DISABLE TRIGGER paragraf_frozen`)).rejects.toMatchObject(denied);
    await expect(app.query(`ALTER TABLE "Paragraph" DISABLE TRIGGER ALL`)).rejects.toMatchObject(denied);
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toMatchObject(denied);
    await expect(app.query(`SET LOCAL session_replication_role = replica`)).rejects.toMatchObject(denied);
    const { rows } = await owner.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const { name } of rows) {
      await expect(app.query(`TRUNCATE "${name}" CASCADE`), name).rejects.toMatchObject(denied);
      await expect(app.query(`DROP TABLE "${name}" CASCADE`), name).rejects.toMatchObject(denied);
      await expect(app.query(`ALTER TABLE "${name}" ADD COLUMN forged text`), name).rejects.toMatchObject(denied);
    }
    await expect(app.query(`DROP TRIGGER paragraf_frozen ON "Meeting"`)).rejects.toMatchObject(denied);
    await expect(app.query(`ALTER TABLE "Meeting" DISABLE TRIGGER paragraf_born_draft`)).rejects.toMatchObject(denied);
    await expect(app.query(`DROP TRIGGER paragraf_born_draft ON "Meeting"`)).rejects.toMatchObject(denied);
    await expect(app.query(`DROP FUNCTION paragraf_refuse_if_frozen(text)`)).rejects.toMatchObject(denied);
    await expect(
      app.query(`CREATE OR REPLACE FUNCTION paragraf_refuse_if_frozen(mid text) RETURNS void LANGUAGE sql AS 'SELECT'`),
    ).rejects.toMatchObject(denied);
    await expect(app.query(`CREATE TABLE "Forged" (id int)`)).rejects.toMatchObject(denied);
    await expect(app.query(`ALTER TYPE "MeetingStatus" ADD VALUE 'FORGED'`)).rejects.toMatchObject(denied);
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toMatchObject(denied);
    // The guards are all still there.
    const triggers = await owner.query(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'paragraf_frozen' AND tgenabled = 'O'`,
    );
    expect(triggers.rows[0].n).toBeGreaterThanOrEqual(20);
  });
});

describe("a new meeting", () => {
  const insert = (client: pg.Client, columns: Record<string, string>) => {
    const names = ["bodyId", "slug", "date", "place", ...Object.keys(columns)];
    const values = [
      ids.body,
      `direktionen-2099-02-${Math.random()}`,
      "2099-02-01",
      "Vimmerby",
      ...Object.values(columns),
    ];
    return client.query(
      `INSERT INTO "Meeting" (id, ${names.map((c) => `"${c}"`).join(", ")}, "updatedAt")
       VALUES ('m-' || md5(random()::text), ${values.map((_, i) => `$${i + 1}`).join(", ")}, now())`,
      values,
    );
  };

  it("is born a draft: no role inserts it waiting for justering or justerat, or with a hash or justering date", async () => {
    const before = await db.meeting.count();
    const hash = "a".repeat(64);
    for (const client of [app, owner]) {
      await expect(
        insert(client, { status: "ADJUSTED", contentHash: hash, adjustedOn: "2021-11-25" }),
      ).rejects.toMatchObject(frozen);
      await expect(insert(client, { status: "ADJUSTED" })).rejects.toMatchObject(frozen);
      await expect(insert(client, { status: "READY_FOR_ADJUSTMENT", contentHash: hash })).rejects.toMatchObject(frozen);
      await expect(insert(client, { status: "DRAFT", contentHash: hash })).rejects.toMatchObject(frozen);
      await expect(insert(client, { adjustedOn: "2021-11-25" })).rejects.toMatchObject(frozen);
    }
    const forged = db.meeting.create({
      data: {
        bodyId: ids.body,
        slug: "direktionen-2099-03-01",
        date: new Date("2099-03-01"),
        place: "Vimmerby",
        status: "ADJUSTED",
      },
    });
    await expect(forged).rejects.toThrow(/skapas som utkast/);
    expect(await db.meeting.count()).toBe(before);
    // Nothing for the public pages to show as justerat.
    expect(await db.meeting.count({ where: { status: { not: "DRAFT" } } })).toBe(0);
  });

  it("is inserted as a draft as before, by the app role and the owner", async () => {
    for (const client of [app, owner]) {
      await client.query("BEGIN");
      try {
        expect((await insert(client, {})).rowCount).toBe(1);
        expect((await insert(client, { status: "DRAFT" })).rowCount).toBe(1);
      } finally {
        await client.query("ROLLBACK");
      }
    }
  });
});

describe("while the protocol is a draft", () => {
  it("takes no signature, rättelse, stored PDF or search entry", async () => {
    await expect(app.query(...signature(ids.adjuster, "ADJUSTER", "x"))).rejects.toMatchObject(frozen);
    await expect(app.query(...correction())).rejects.toMatchObject(frozen);
    await expect(app.query(...protocolFile("PROTOCOL"))).rejects.toMatchObject(frozen);
    await expect(app.query(...searchEntry(ids.p62, 62))).rejects.toMatchObject(frozen);
    expect(await db.publicSearchEntry.count()).toBe(0);
  });

  it("still lets a draft meeting with audit rows be deleted (the log keeps its rows, unlinked)", async () => {
    const draft = await db.meeting.create({
      data: { bodyId: ids.body, slug: "direktionen-2099-01-01", date: new Date("2099-01-01"), place: "Vimmerby" },
    });
    const entry = await db.auditLog.create({
      data: { meetingId: draft.id, action: "meeting.create", entity: "Meeting", entityId: draft.id },
    });
    await db.meeting.delete({ where: { id: draft.id } });
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      meetingId: null,
      action: "meeting.create",
      entityId: draft.id,
    });
  });

  it("carries no content hash or justering date, whatever the app role writes", async () => {
    await rolledBack(app, async () => {
      const set = (column: string, value: string) =>
        attempt(app, [`UPDATE "Meeting" SET "${column}" = $2 WHERE id = $1`, [meetingId, value]]);
      const draft = refused("Ett utkast har ingen kontrollsumma");
      await expect(set("contentHash", FORGED_HASH)).rejects.toMatchObject(draft);
      await expect(set("adjustedOn", "2021-11-25")).rejects.toMatchObject(draft);
    });
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
  });

  it("is sent for justering only with a content hash (64 hex digits) and without a justering date", async () => {
    await rolledBack(app, async () => {
      const sql = `UPDATE "Meeting" SET status = 'READY_FOR_ADJUSTMENT', "contentHash" = $2, "adjustedOn" = $3
        WHERE id = $1`;
      const withoutHash = refused("med innehållets kontrollsumma (SHA-256, 64 hexadecimala tecken)");
      const cases = [
        [null, null, withoutHash],
        ["abc", null, withoutHash],
        ["F".repeat(64), null, withoutHash], // protocolContentHash writes lower case
        [FORGED_HASH, "2021-11-25", refused("väntar på justering har inget justeringsdatum")],
      ] as const;
      for (const [hash, adjustedOn, refusal] of cases) {
        const sending = attempt(app, [sql, [meetingId, hash, adjustedOn]]);
        await expect(sending, `${hash} ${adjustedOn}`).rejects.toMatchObject(refusal);
      }
    });
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
  });

  it("is not made justerat by the app role in two UPDATEs, with a hash of its choosing, unsigned", async () => {
    await rolledBack(app, async () => {
      // The first goes through: the form of the hash is all the database can check when a protocol is sent.
      expect((await attempt(app, send(FORGED_HASH))).rowCount).toBe(1);
      const nobody = refused("Underskrift saknas från: sekreteraren, ordföranden, 1 av 1 justerare.");
      await expect(attempt(app, adjust())).rejects.toMatchObject(nobody);
      const undated = [`UPDATE "Meeting" SET status = 'ADJUSTED' WHERE id = $1`, [meetingId]] as Sql;
      await expect(attempt(app, undated)).rejects.toMatchObject(refused("får sitt justeringsdatum samtidigt"));
      // Back to the draft, the hash goes with it (as returnProtocol writes it).
      const kept = [`UPDATE "Meeting" SET status = 'DRAFT' WHERE id = $1`, [meetingId]] as Sql;
      await expect(attempt(app, kept)).rejects.toMatchObject(refused("Ett utkast har ingen kontrollsumma"));
      const back = `UPDATE "Meeting" SET status = 'DRAFT', "contentHash" = NULL WHERE id = $1`;
      expect((await attempt(app, [back, [meetingId]])).rowCount).toBe(1);
    });
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
  });

  it("becomes justerat only when the secretary, the chair and every justerare signed its hash", async () => {
    // The rows as signProtocol writes them, here by the app role directly. The database checks that
    // they are all there and cover the hash that was sent; that each was given with its signer's
    // password is the app's part (and the audit log's).
    const signers = [
      { personId: ids.secretary, role: "SECRETARY", missing: "sekreteraren" },
      { personId: ids.chair, role: "CHAIR", missing: "ordföranden" },
      { personId: ids.adjuster, role: "ADJUSTER", missing: "1 av 2 justerare" },
      { personId: ids.stranger, role: "ADJUSTER", missing: "1 av 2 justerare" }, // a second justerare, named below
    ];
    for (const left of [...signers, null]) {
      await rolledBack(app, async () => {
        const second = `INSERT INTO "MeetingAdjuster" ("meetingId", "personId", position) VALUES ($1, $2, 1)`;
        await app.query(second, [meetingId, ids.stranger]);
        await app.query(...send(FORGED_HASH));
        for (const s of signers.filter((s) => s !== left)) {
          await app.query(...signature(s.personId, s.role, FORGED_HASH));
        }
        if (left) {
          const reason = refused(`Underskrift saknas från: ${left.missing}.`);
          await expect(attempt(app, adjust()), `${left.role} ${left.personId}`).rejects.toMatchObject(reason);
        } else expect((await attempt(app, adjust())).rowCount).toBe(1);
      });
    }
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
    expect(await db.meetingAdjuster.count({ where: { meetingId } })).toBe(1);
  });

  it("counts no signature over another hash, or by someone not named for its role (planted by the owner)", async () => {
    const planted = [
      { personId: ids.adjuster, role: "ADJUSTER", hash: "0".repeat(64), missing: "1 av 1 justerare" },
      { personId: ids.stranger, role: "CHAIR", hash: FORGED_HASH, missing: "ordföranden" },
    ];
    for (const forged of planted) {
      await rolledBack(owner, async () => {
        await owner.query(...send(FORGED_HASH));
        await owner.query(...signature(ids.secretary, "SECRETARY", FORGED_HASH));
        if (forged.role !== "CHAIR") await owner.query(...signature(ids.chair, "CHAIR", FORGED_HASH));
        if (forged.role !== "ADJUSTER") await owner.query(...signature(ids.adjuster, "ADJUSTER", FORGED_HASH));
        // The signature guard refuses this row; planted with the triggers off, then on again for the UPDATE.
        await owner.query("SET LOCAL session_replication_role = replica");
        await owner.query(...signature(forged.personId, forged.role, forged.hash));
        await owner.query("SET LOCAL session_replication_role = origin");
        const reason = refused(`Underskrift saknas från: ${forged.missing}.`);
        await expect(attempt(owner, adjust()), forged.role).rejects.toMatchObject(reason);
      });
    }
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
  });

  it("stops the migration, naming them, when a draft has a hash or a waiting protocol a justering date", async () => {
    const migration = "20261203233500_adjusted_needs_signatures";
    const file = path.join(import.meta.dirname, "..", "prisma", "migrations", migration, "migration.sql");
    const sql = readFileSync(file, "utf8");
    const precheck = /DO \$\$[\s\S]*?\n\$\$;/.exec(sql)![0];
    // A database from before the guard, holding such a row (as the owner, guards off); rolled back as a whole.
    await expect(
      asOwnerWithoutGuards(seeded.ownerUrl, async (c) => {
        await c.query(`UPDATE "Meeting" SET "contentHash" = $2 WHERE id = $1`, [meetingId, FORGED_HASH]);
        await c.query(precheck);
      }),
    ).rejects.toThrow(`eller ett justeringsdatum som status inte tillåter: ${SEED_SLUG} (DRAFT).`);
    expect(await meetingRow()).toEqual({ status: "DRAFT", contentHash: null, adjustedOn: null });
    // Without such rows the check passes.
    await expect(asOwnerWithoutGuards(seeded.ownerUrl, (c) => c.query(precheck))).resolves.toBeTruthy();
  });
});

describe("while the protocol waits for justering", () => {
  let contentHash: string;

  beforeAll(async () => {
    const sent = await sendForAdjustment(await contextFor(db, "secretary"), { meetingId });
    expect(sent.ok).toBe(true);
    contentHash = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).contentHash!;
  });

  it("takes a signature only from a person the protocol names for that role, over the hash it was sent with", async () => {
    await expect(app.query(...signature(ids.stranger, "ADJUSTER", contentHash))).rejects.toMatchObject(frozen);
    await expect(app.query(...signature(ids.adjuster, "CHAIR", contentHash))).rejects.toMatchObject(frozen);
    await expect(app.query(...signature(ids.adjuster, "ADJUSTER", "0".repeat(64)))).rejects.toMatchObject(frozen);
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses to change a signature once given", async () => {
    const signed = await signProtocol(await contextFor(db, "adjuster"), { meetingId, password: PASSWORD });
    expect(signed.ok).toBe(true);
    await expect(
      app.query(`UPDATE "Signature" SET "signedAt" = '2021-11-18' WHERE "meetingId" = $1`, [meetingId]),
    ).rejects.toMatchObject(denied);
    await expect(
      owner.query(`UPDATE "Signature" SET "personId" = $2 WHERE "meetingId" = $1`, [meetingId, ids.stranger]),
    ).rejects.toMatchObject(frozen);
  });

  it("keeps the signing document append-only: each revision extends the one before, none changes", async () => {
    const revisions = await db.signingRevision.findMany({ where: { meetingId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.kind)).toEqual(["TO_SIGN", "SIGNER"]);
    await expect(
      app.query(`UPDATE "SigningRevision" SET bytes = '\\x00' WHERE "meetingId" = $1`, [meetingId]),
    ).rejects.toMatchObject(denied);
    await expect(
      owner.query(`UPDATE "SigningRevision" SET "signatureId" = NULL WHERE "meetingId" = $1`, [meetingId]),
    ).rejects.toMatchObject(frozen);
    const insert = (seq: number, kind: string, bytes: string, sha = `encode(sha256('${bytes}'::bytea), 'hex')`) =>
      [
        `INSERT INTO "SigningRevision" (id, "meetingId", seq, kind, bytes, sha256) VALUES ($1, $2, $3, $4, '${bytes}'::bytea, ${sha})`,
        [`rev-${Math.random()}`, meetingId, seq, kind],
      ] as Sql;
    const last = Buffer.from(revisions[1]!.bytes).toString("hex");
    for (const client of [app, owner]) {
      // Not an extension of the revision before it; a wrong hash; a second revision 0.
      await expect(client.query(...insert(2, "SIGNER", "\\x25504446"))).rejects.toMatchObject(frozen);
      await expect(client.query(...insert(2, "SIGNER", `\\x${last}00`, "'0'"))).rejects.toMatchObject(frozen);
      await expect(client.query(...insert(2, "TO_SIGN", `\\x${last}00`))).rejects.toMatchObject(frozen);
    }
  });

  it("is not justerat, nor its hash or date changed, before the chair and the secretary have signed", async () => {
    expect(await db.signature.count({ where: { meetingId } })).toBe(1); // the justerare's, above
    await rolledBack(app, async () => {
      const set = (sql: string) => attempt(app, [`UPDATE "Meeting" SET ${sql} WHERE id = $1`, [meetingId]]);
      await expect(attempt(app, adjust())).rejects.toMatchObject(refused("saknas från: sekreteraren, ordföranden."));
      await expect(set(`"contentHash" = '${FORGED_HASH}'`)).rejects.toMatchObject(refused("Kontrollsumman sattes"));
      await expect(set(`"adjustedOn" = '2021-11-25'`)).rejects.toMatchObject(refused("inget justeringsdatum"));
      // Returned, the hash must go with the status (returnProtocol clears it).
      await expect(set(`status = 'DRAFT'`)).rejects.toMatchObject(refused("Ett utkast har ingen kontrollsumma"));
      await app.query(...signature(ids.chair, "CHAIR", contentHash));
      await expect(attempt(app, adjust())).rejects.toMatchObject(refused("saknas från: sekreteraren."));
    });
    expect(await meetingRow()).toEqual({ status: "READY_FOR_ADJUSTMENT", contentHash, adjustedOn: null });
  });
});

describe("once the protocol is justerat", () => {
  let contentHash: string;

  beforeAll(async () => {
    for (const who of ["chair", "secretary"] as const) {
      const signed = await signProtocol(await contextFor(db, who), { meetingId, password: PASSWORD });
      expect(signed.ok).toBe(true);
    }
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.status).toBe("ADJUSTED");
    contentHash = meeting.contentHash!;
  });

  it("takes no forged signer: /verifiera keeps showing the three who signed", async () => {
    for (const client of [app, owner]) {
      await expect(client.query(...signature(ids.stranger, "ADJUSTER", contentHash))).rejects.toMatchObject(frozen);
      await expect(client.query(...signature(ids.adjuster, "ADJUSTER", contentHash))).rejects.toMatchObject(frozen);
    }
    await expect(app.query(`DELETE FROM "Signature" WHERE "meetingId" = $1`, [meetingId])).rejects.toMatchObject(
      frozen,
    );
    const verified = await verifyCode(db, contentHash);
    expect(verified.match && verified.signers.map((s) => s.role).sort()).toEqual([
      "justerare",
      "ordförande",
      "sekreterare",
    ]);
  });

  it("keeps every revision of the signing document, the last one the stored PDF", async () => {
    const revisions = await db.signingRevision.findMany({ where: { meetingId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.kind)).toEqual(["TO_SIGN", "SIGNER", "SIGNER", "SIGNER", "SEAL", "DSS"]);
    const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId } });
    expect(Buffer.from(revisions.at(-1)!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    const last = Buffer.from(revisions.at(-1)!.bytes).toString("hex");
    for (const client of [app, owner]) {
      await expect(
        client.query(`DELETE FROM "SigningRevision" WHERE "meetingId" = $1`, [meetingId]),
      ).rejects.toMatchObject(frozen);
      await expect(
        client.query(
          `INSERT INTO "SigningRevision" (id, "meetingId", seq, kind, bytes, sha256) VALUES ($1, $2, 6, 'DOC_TIMESTAMP', $3::bytea, encode(sha256($3::bytea), 'hex'))`,
          [`rev-${Math.random()}`, meetingId, Buffer.from(`${last}00`, "hex")],
        ),
      ).rejects.toMatchObject(frozen);
    }
    expect(await db.signingRevision.count({ where: { meetingId } })).toBe(6);
  });

  it("stores one PDF, of the justerat protocol, and never changes or removes it", async () => {
    for (const client of [app, owner]) {
      await expect(client.query(...protocolFile("NOTICE"))).rejects.toMatchObject(frozen);
      await expect(client.query(...protocolFile("PROTOCOL"))).rejects.toBeTruthy();
    }
    await expect(app.query(`UPDATE "ProtocolFile" SET bytes = '\\x00'`)).rejects.toMatchObject(denied);
    await expect(app.query(`DELETE FROM "ProtocolFile"`)).rejects.toMatchObject(denied);
    await expect(owner.query(`DELETE FROM "ProtocolFile"`)).rejects.toMatchObject(frozen);
    expect(await db.protocolFile.count({ where: { meetingId } })).toBe(1);
  });

  // Issue 17.2: what the public copy withholds is part of what was signed. Neither the app's role nor
  // the secretary's actions can un-redact a name or a passage, or change the ground, afterwards.
  it("keeps what the public copy withholds as signed: ground, names, marked passages; no reorder", async () => {
    await expect(
      app.query(`UPDATE "Paragraph" SET "redactedNames" = '{}', "withholdingGround" = NULL WHERE id = $1`, [ids.p62]),
    ).rejects.toMatchObject(frozen);
    await expect(
      app.query(`UPDATE "ParagraphSection" SET content = '{"type":"doc","content":[]}' WHERE "paragraphId" = $1`, [
        ids.p62,
      ]),
    ).rejects.toMatchObject(frozen);
    const order = (await db.paragraph.findMany({ where: { meetingId }, orderBy: { number: "asc" } })).map((p) => p.id);
    const reordered = await reorderParagraphs(await contextFor(db, "secretary"), {
      meetingId,
      expected: order,
      order: [...order].reverse(),
    });
    expect(reordered.ok).toBe(false);
    const after = (await db.paragraph.findMany({ where: { meetingId }, orderBy: { number: "asc" } })).map((p) => p.id);
    expect(after).toEqual(order);
  });

  // Issue 19.6 gave the § row two bookkeeping columns (the parts' hash and version, migration
  // 20261208010000). Not content, but a signed § row changes through no column, and the triggers
  // that bump them cannot be used to touch a signed § either.
  it("keeps the signed § row whole, its parts' hash and version too", async () => {
    const before = await db.paragraph.findUniqueOrThrow({ where: { id: ids.p62 } });
    for (const client of [app, owner]) {
      await expect(
        client.query(`UPDATE "Paragraph" SET "partsHash" = repeat('0', 64) WHERE id = $1`, [ids.p62]),
      ).rejects.toMatchObject(frozen);
      await expect(
        client.query(`UPDATE "Paragraph" SET "partsVersion" = "partsVersion" + 1 WHERE id = $1`, [ids.p62]),
      ).rejects.toMatchObject(frozen);
      await expect(client.query(`DELETE FROM "Motion" WHERE "paragraphId" = $1`, [ids.p62])).rejects.toMatchObject(
        frozen,
      );
    }
    const after = await db.paragraph.findUniqueOrThrow({ where: { id: ids.p62 } });
    expect([after.partsHash, after.partsVersion, after.version]).toEqual([
      before.partsHash,
      before.partsVersion,
      before.version,
    ]);
  });

  it("keeps the secret salt its hash covers, and the name-free search index as written", async () => {
    const { hashSalt } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(hashSalt).toMatch(/^[0-9a-f]{64}$/);
    await expect(app.query(`UPDATE "Meeting" SET "hashSalt" = NULL WHERE id = $1`, [meetingId])).rejects.toMatchObject(
      frozen,
    );
    await expect(
      app.query(`UPDATE "Meeting" SET "hashSalt" = repeat('0', 64) WHERE id = $1`, [meetingId]),
    ).rejects.toMatchObject(frozen);
    await expect(app.query(`UPDATE "PublicSearchEntry" SET "anonText" = 'x'`)).rejects.toMatchObject(denied);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).hashSalt).toBe(hashSalt);
  });

  it("keeps the audit log append-only", async () => {
    const n = await db.auditLog.count();
    await db.auditLog.create({ data: { meetingId, action: "test.append", entity: "Meeting", entityId: meetingId } });
    await expect(app.query(`UPDATE "AuditLog" SET action = 'x'`)).rejects.toMatchObject(denied);
    await expect(app.query(`DELETE FROM "AuditLog"`)).rejects.toMatchObject(denied);
    await expect(owner.query(`UPDATE "AuditLog" SET action = 'x'`)).rejects.toMatchObject(frozen);
    await expect(owner.query(`UPDATE "AuditLog" SET "meetingId" = NULL, ip = '10.0.0.1'`)).rejects.toMatchObject(
      frozen,
    );
    await expect(owner.query(`DELETE FROM "AuditLog"`)).rejects.toMatchObject(frozen);
    expect(await db.auditLog.count()).toBe(n + 1);
  });

  it("takes a rättelse and keeps it as written", async () => {
    await app.query(...correction());
    await expect(app.query(`UPDATE "Correction" SET text = 'Annan text'`)).rejects.toMatchObject(denied);
    await expect(app.query(`DELETE FROM "Correction"`)).rejects.toMatchObject(denied);
    await expect(owner.query(`UPDATE "Correction" SET text = 'Annan text'`)).rejects.toMatchObject(frozen);
    await expect(owner.query(`DELETE FROM "Correction"`)).rejects.toMatchObject(frozen);
    expect((await db.correction.findMany({ where: { meetingId } })).map((c) => c.text)).toEqual(["Rättelse"]);
  });

  it("keeps the search index as the justering wrote it", async () => {
    const entries = await db.publicSearchEntry.findMany({
      where: { meetingId },
      orderBy: { number: "asc" },
      select: { number: true, text: true },
    });
    expect(entries.map((e) => e.number)).toEqual([59, 60, 61, 62, 63, 64, 65, 66, 67]);
    await expect(
      app.query(`DELETE FROM "PublicSearchEntry" WHERE "meetingId" = $1`, [meetingId]),
    ).rejects.toMatchObject(frozen);
    await expect(app.query(`UPDATE "PublicSearchEntry" SET text = 'x'`)).rejects.toMatchObject(denied);
    await expect(app.query(...searchEntry("other-paragraph", 99))).rejects.toMatchObject(frozen);
    expect(
      await db.publicSearchEntry.findMany({
        where: { meetingId },
        orderBy: { number: "asc" },
        select: { number: true, text: true },
      }),
    ).toEqual(entries);
  });
});

describe("a justering and a signature removed at the same time", () => {
  it("do not both go through: the justering waits for the removal, then finds the signature gone", async () => {
    const race = await db.meeting.create({
      data: {
        bodyId: ids.body,
        slug: "direktionen-2099-04-01",
        date: new Date("2099-04-01"),
        place: "Vimmerby",
        secretaryId: ids.secretary,
        attendances: { create: { personId: ids.chair, role: "CHAIR", position: 0 } },
        adjusters: { create: { personId: ids.adjuster, position: 0 } },
      },
    });
    const sent = { status: "READY_FOR_ADJUSTMENT" as const, contentHash: FORGED_HASH };
    await db.meeting.update({ where: { id: race.id }, data: sent });
    const signers = [
      [ids.secretary, "SECRETARY"],
      [ids.chair, "CHAIR"],
      [ids.adjuster, "ADJUSTER"],
    ] as const;
    await db.signature.createMany({
      data: signers.map(([personId, role]) => ({
        meetingId: race.id,
        personId,
        role,
        signedAt: new Date(),
        contentHash: FORGED_HASH,
      })),
    });
    const other = new pg.Client({ connectionString: seeded.url, options: PLATFORM_SCOPE_OPTION });
    await other.connect();
    try {
      await app.query("BEGIN");
      await app.query(`DELETE FROM "Signature" WHERE "meetingId" = $1 AND role = 'ADJUSTER'`, [race.id]);
      const justering = other
        .query(`UPDATE "Meeting" SET status = 'ADJUSTED', "adjustedOn" = '2099-04-02' WHERE id = $1`, [race.id])
        .then(
          () => "justerat",
          (e: unknown) => e,
        );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await Promise.race([justering, "waiting"])).toBe("waiting");
      await app.query("COMMIT");
      expect(await justering).toMatchObject(refused("Underskrift saknas från: 1 av 1 justerare."));
    } finally {
      await app.query("ROLLBACK").catch(() => {});
      await other.end();
    }
    const after = await db.meeting.findUniqueOrThrow({ where: { id: race.id } });
    expect(after).toMatchObject({ status: "READY_FOR_ADJUSTMENT", adjustedOn: null });
  });
});
