// Backup and restore of a whole Paragraf database without pg_dump (the embedded PostgreSQL ships
// none, and Debian's pg_dump 15 refuses a PostgreSQL 18 server). Used by `npm run backup` and
// `npm run restore` (scripts/backup.ts, scripts/restore.ts).
//
// Archive format "paragraf-backup" version 1 (file extension .pgbackup):
//
//   "PARAGRAF-BACKUP/1\n"                      magic line (18 bytes)
//   section × N                                one per table of the public schema: the output
//                                              of `COPY "T" (columns) TO STDOUT` (PostgreSQL's
//                                              text format), compressed as one gzip member
//   manifest                                   UTF-8 JSON (see Manifest below): format version,
//                                              time, server version, applied migrations, and per
//                                              table its columns, row count, byte count and
//                                              SHA-256 of the uncompressed COPY data, and where
//                                              its section lies in the file
//   "PARAGRAF-MANIFEST <offset> <length> <sha256>\n"   trailer (117 bytes): the manifest's
//                                              position (16 decimal digits each) and its SHA-256
//
// The manifest comes last because row counts and hashes are only known once the data has been
// streamed; the fixed-size trailer makes it readable without reading the sections. Each
// section can be read on its own: `tail -c +<offset+1> f | head -c <length> | zcat`.
//
// Why COPY's text format: it is what pg_dump itself uses; it is exact for every type (bytea as
// hex, tsvector in its canonical text form, timestamps in ISO with the session settings below)
// and, unlike the binary format, portable across PostgreSQL major versions and readable with
// zcat. Every row ends in exactly one newline (newlines inside values are escaped), so rows can
// be counted while streaming. bytea doubles in hex; gzip takes most of that back.
//
// Backup: one transaction, REPEATABLE READ READ ONLY, so every table comes from the same
// snapshot while the app keeps running. Restore: refuses a target with data, applies the schema
// with the real Prisma CLI (to the backup's migration level; newer migrations of this code are
// applied after the data is in), then loads every table with COPY FROM in one transaction with
// session_replication_role = replica (no triggers — the frozen-protocol guards would refuse
// justerade protocols — and no FK checks, so table order does not matter), checks every row
// count and hash before COMMIT, and runs ANALYZE. Nothing is held in memory beyond a few chunks.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const PRISMA_BIN = path.join(ROOT, "node_modules", ".bin", "prisma");

export const FORMAT = "paragraf-backup";
export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from("PARAGRAF-BACKUP/1\n", "latin1");
const TRAILER_TAG = "PARAGRAF-MANIFEST ";
const TRAILER_LENGTH = TRAILER_TAG.length + 16 + 1 + 16 + 1 + 64 + 1;
const MIGRATIONS_TABLE = "_prisma_migrations";

/** Session settings for both directions, as pg_dump sets them: the text form of every value is fixed. */
const SESSION_SETTINGS = [
  "SET client_encoding = 'UTF8'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET TimeZone = 'UTC'",
  "SET extra_float_digits = 3",
  "SET bytea_output = 'hex'",
  "SET standard_conforming_strings = on",
  "SET search_path = public, pg_catalog",
];

export interface ManifestMigration {
  name: string;
  checksum: string;
  finishedAt: string;
}

export interface ManifestTable {
  name: string;
  /** Columns in COPY order (generated columns are left out: PostgreSQL computes them). */
  columns: string[];
  rows: number;
  /** Size of the uncompressed COPY data. */
  bytes: number;
  /** SHA-256 (hex) of the uncompressed COPY data. */
  sha256: string;
  /** Position of the gzip section in the archive. */
  offset: number;
  length: number;
}

export interface ManifestSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  server: { version: string; versionNum: number; database: string; encoding: string };
  copyFormat: "text";
  compression: "gzip";
  /** Applied migrations (finished, not rolled back), in order. */
  migrations: ManifestMigration[];
  tables: ManifestTable[];
  sequences: ManifestSequence[];
  totals: { tables: number; rows: number; bytes: number };
}

/** A failure with a Swedish sentence for the operator; `code` lets the CLI add hints. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly code: "NOT_EMPTY" | "CORRUPT" | "MIGRATIONS" | "DATABASE" | "FILE" | "PERMISSION" = "DATABASE",
  ) {
    super(message);
    this.name = "BackupError";
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Counts rows (newlines) and bytes and hashes COPY text data as it streams through. */
class Meter extends Transform {
  rows = 0;
  bytes = 0;
  private readonly hash = createHash("sha256");
  private digest: string | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.rows++;
    done(null, chunk);
  }

  sha256(): string {
    this.digest ??= this.hash.digest("hex");
    return this.digest;
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "paragraf-backup" });
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`Databasen kunde inte nås (${errorText(e)}).`);
  }
  client.on("error", () => {}); // a dropped connection surfaces as a failed query
  return client;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface TableInfo {
  name: string;
  columns: string[];
}

/** Every ordinary table of the public schema with its copyable columns, by name. */
async function listTables(client: pg.Client): Promise<TableInfo[]> {
  const { rows } = await client.query<{ name: string; columns: string[] | null }>(`
    SELECT c.relname AS name,
      array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname
    ORDER BY c.relname COLLATE "C"`);
  return rows.map((r) => ({ name: r.name, columns: r.columns ?? [] }));
}

async function appliedMigrations(client: pg.Client): Promise<ManifestMigration[] | null> {
  const { rows: exists } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('public.${MIGRATIONS_TABLE}') IS NOT NULL AS ok`,
  );
  if (!exists[0]?.ok) return null;
  const { rows } = await client.query<{ name: string; checksum: string; finished_at: Date }>(
    `SELECT migration_name AS name, checksum, finished_at FROM ${quoteIdent(MIGRATIONS_TABLE)}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C", finished_at`,
  );
  const seen = new Set<string>();
  const out: ManifestMigration[] = [];
  for (const r of rows) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    out.push({ name: r.name, checksum: r.checksum, finishedAt: new Date(r.finished_at).toISOString() });
  }
  return out;
}

async function appInfo(): Promise<{ name: string; version: string }> {
  try {
    const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      name?: string;
      version?: string;
    };
    return { name: pkg.name ?? "paragraf", version: pkg.version ?? "okänd" };
  } catch {
    return { name: "paragraf", version: "okänd" };
  }
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
  /** Size of the archive file. */
  fileBytes: number;
  seconds: number;
}

/**
 * Write a backup of the database at `url` to `outFile` (which must not exist yet). The file is
 * written as `<outFile>.partial` and renamed when complete, so a file with the final name is
 * always whole.
 */
export async function backupDatabase(url: string, outFile: string): Promise<BackupResult> {
  const t0 = performance.now();
  const target = path.resolve(outFile);
  if (existsSync(target)) throw new BackupError(`Filen ${target} finns redan; välj ett annat filnamn.`, "FILE");
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const client = await connect(url);
  let fh: Awaited<ReturnType<typeof open>> | null = null;
  try {
    for (const sql of SESSION_SETTINGS) await client.query(sql);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows: info } = await client.query<{ version: string; num: string; db: string; enc: string }>(
      "SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num, current_database() AS db, pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()",
    );
    const tables = await listTables(client);
    if (tables.length > 0) {
      // Like pg_dump: no table can be dropped or altered while it is being copied.
      await client.query(
        `LOCK TABLE ${tables.map((t) => `public.${quoteIdent(t.name)}`).join(", ")} IN ACCESS SHARE MODE`,
      );
    }
    const migrations = await appliedMigrations(client);
    if (!migrations) {
      throw new BackupError(
        "Databasen saknar tabellen _prisma_migrations och är alltså ingen Paragraf-databas; kontrollera DATABASE_URL eller kör npm start (eller npx prisma migrate deploy) först.",
        "MIGRATIONS",
      );
    }
    const { rows: seqNames } = await client.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE \"C\"",
    );
    const sequences: ManifestSequence[] = [];
    for (const { name } of seqNames) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM public.${quoteIdent(name)}`,
      );
      sequences.push({ name, lastValue: rows[0]?.last_value ?? "1", isCalled: rows[0]?.is_called ?? false });
    }

    fh = await open(partial, "w");
    const file = fh;
    let position = 0;
    const put = async (chunk: Buffer) => {
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await file.write(chunk, done, chunk.length - done, position);
        done += bytesWritten;
        position += bytesWritten;
      }
    };
    await put(MAGIC);

    const manifestTables: ManifestTable[] = [];
    for (const table of tables) {
      const offset = position;
      const meter = new Meter();
      const columns = table.columns.map(quoteIdent).join(", ");
      const source = client.query(copyTo(`COPY public.${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      await pipeline(source, meter, createGzip({ level: 6 }), async (compressed: AsyncIterable<Buffer>) => {
        for await (const chunk of compressed) await put(chunk);
      });
      if (source.rowCount !== meter.rows) {
        throw new BackupError(
          `Tabellen "${table.name}" gav ${source.rowCount} rader men ${meter.rows} radslut; säkerhetskopian avbröts.`,
        );
      }
      manifestTables.push({
        name: table.name,
        columns: table.columns,
        rows: meter.rows,
        bytes: meter.bytes,
        sha256: meter.sha256(),
        offset,
        length: position - offset,
      });
    }
    await client.query("COMMIT");

    const first = info[0];
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: await appInfo(),
      server: {
        version: first?.version ?? "",
        versionNum: Number(first?.num ?? 0),
        database: first?.db ?? "",
        encoding: first?.enc ?? "",
      },
      copyFormat: "text",
      compression: "gzip",
      migrations,
      tables: manifestTables,
      sequences,
      totals: {
        tables: manifestTables.length,
        rows: manifestTables.reduce((n, t) => n + t.rows, 0),
        bytes: manifestTables.reduce((n, t) => n + t.bytes, 0),
      },
    };
    const json = Buffer.from(`${manifestJson(manifest)}\n`, "utf8");
    const manifestOffset = position;
    await put(json);
    await put(Buffer.from(trailer(manifestOffset, json.length, sha256Hex(json)), "latin1"));
    await file.sync();
    await file.close();
    fh = null;
    await rename(partial, target);
    return { file: target, manifest, fileBytes: position, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await fh?.close().catch(() => {});
    await rm(partial, { force: true });
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Säkerhetskopieringen misslyckades (${errorText(e)}); ingen fil sparades.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Indented JSON with one line per table, so `tail -c` on the archive reads well. */
function manifestJson(manifest: Manifest): string {
  const marker = "\u0000tables\u0000";
  const tables =
    manifest.tables.length === 0 ? "[]" : `[\n${manifest.tables.map((t) => `  ${JSON.stringify(t)}`).join(",\n")}\n ]`;
  return JSON.stringify({ ...manifest, tables: marker }, null, 1).replace(JSON.stringify(marker), () => tables);
}

function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function trailer(offset: number, length: number, sha256: string): string {
  return `${TRAILER_TAG}${String(offset).padStart(16, "0")} ${String(length).padStart(16, "0")} ${sha256}\n`;
}

/** Read and check the manifest of an archive (magic line, trailer, manifest hash, format version). */
export async function readManifest(inFile: string): Promise<Manifest> {
  const file = path.resolve(inFile);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BackupError(`Filen ${file} finns inte.`, "FILE");
  }
  const notOurs = `Filen ${file} är ingen hel Paragraf-säkerhetskopia (avbruten eller skadad fil, eller fel fil).`;
  if (size < MAGIC.length + TRAILER_LENGTH) throw new BackupError(notOurs, "CORRUPT");
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(MAGIC.length);
    await fh.read(head, 0, head.length, 0);
    if (!head.equals(MAGIC)) {
      if (head.toString("latin1").startsWith("PARAGRAF-BACKUP/")) {
        throw new BackupError(
          `Säkerhetskopian har ett format som den här versionen av Paragraf inte kan läsa (${head.toString("latin1").trim()}); uppdatera Paragraf.`,
          "FILE",
        );
      }
      throw new BackupError(notOurs, "CORRUPT");
    }
    const tail = Buffer.alloc(TRAILER_LENGTH);
    await fh.read(tail, 0, tail.length, size - TRAILER_LENGTH);
    const m = /^PARAGRAF-MANIFEST (\d{16}) (\d{16}) ([0-9a-f]{64})\n$/.exec(tail.toString("latin1"));
    if (!m) throw new BackupError(notOurs, "CORRUPT");
    const offset = Number(m[1]);
    const length = Number(m[2]);
    if (offset < MAGIC.length || offset + length !== size - TRAILER_LENGTH) throw new BackupError(notOurs, "CORRUPT");
    const json = Buffer.alloc(length);
    await fh.read(json, 0, length, offset);
    if (sha256Hex(json) !== m[3])
      throw new BackupError("Säkerhetskopian är skadad: manifestet stämmer inte med sin kontrollsumma.", "CORRUPT");
    let manifest: Manifest;
    try {
      manifest = JSON.parse(json.toString("utf8")) as Manifest;
    } catch {
      throw new BackupError("Säkerhetskopian är skadad: manifestet går inte att läsa.", "CORRUPT");
    }
    if (manifest.format !== FORMAT) throw new BackupError(notOurs, "CORRUPT");
    if (manifest.formatVersion !== FORMAT_VERSION) {
      throw new BackupError(
        `Säkerhetskopian har formatversion ${manifest.formatVersion}, som den här versionen av Paragraf inte kan läsa; uppdatera Paragraf.`,
        "FILE",
      );
    }
    for (const t of manifest.tables) {
      if (t.offset < MAGIC.length || t.offset + t.length > offset)
        throw new BackupError(`Säkerhetskopian är skadad: tabellen "${t.name}" ligger utanför filen.`, "CORRUPT");
    }
    return manifest;
  } finally {
    await fh.close();
  }
}

export interface LocalMigration {
  name: string;
  checksum: string;
  dir: string;
}

/** The migrations this code ships (prisma/migrations), in the order Prisma applies them. */
export async function localMigrations(dir = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: LocalMigration[] = [];
  for (const e of entries
    .filter((x) => x.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const sqlFile = path.join(dir, e.name, "migration.sql");
    if (!existsSync(sqlFile)) continue;
    out.push({ name: e.name, checksum: sha256Hex(await readFile(sqlFile)), dir: path.join(dir, e.name) });
  }
  return out;
}

/**
 * `prisma migrate deploy` against `url` with the real Prisma CLI. With `upTo` only the first
 * `upTo` migrations are applied (through a temporary copy of the migrations folder and a
 * config that extends prisma.config.ts), so data from an older backup is loaded into the schema
 * it was taken from, and the newer migrations then run on the data as in any upgrade.
 */
export async function deployMigrations(url: string, upTo?: number): Promise<void> {
  const all = await localMigrations();
  let tmp: string | null = null;
  const args = ["migrate", "deploy"];
  try {
    if (upTo !== undefined && upTo < all.length) {
      tmp = await mkdtemp(path.join(os.tmpdir(), "paragraf-restore-"));
      const dir = path.join(tmp, "migrations");
      await mkdir(dir);
      await cp(path.join(MIGRATIONS_DIR, "migration_lock.toml"), path.join(dir, "migration_lock.toml")).catch(() => {});
      for (const m of all.slice(0, upTo)) await cp(m.dir, path.join(dir, m.name), { recursive: true });
      const config = path.join(tmp, "prisma.config.ts");
      await writeFile(
        config,
        `import base from ${JSON.stringify(path.join(ROOT, "prisma.config.ts"))};\n` +
          `export default { ...base, schema: ${JSON.stringify(path.join(ROOT, "prisma", "schema.prisma"))}, migrations: { ...base.migrations, path: ${JSON.stringify(dir)} } };\n`,
      );
      args.push("--config", config);
    }
    await new Promise<void>((resolve, reject) => {
      execFile(
        PRISMA_BIN,
        args,
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          if (!error) return resolve();
          const output = `${stdout}\n${stderr}`.trim().split("\n").slice(-8).join("\n");
          reject(
            new BackupError(
              `Databasschemat kunde inte skapas med prisma migrate deploy (${output || error.message}).`,
              "MIGRATIONS",
            ),
          );
        },
      );
    });
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

/** The first table (other than _prisma_migrations) that has a row, or null when there is none. */
export async function firstNonEmptyTable(client: pg.Client): Promise<string | null> {
  for (const t of await listTables(client)) {
    if (t.name === MIGRATIONS_TABLE) continue;
    const { rows } = await client.query<{ has: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM public.${quoteIdent(t.name)}) AS has`,
    );
    if (rows[0]?.has) return t.name;
  }
  return null;
}

/** Triggers (the frozen-protocol guards) and FK checks off for the rest of the transaction. */
async function replicaRole(client: pg.Client): Promise<void> {
  try {
    await client.query("SET LOCAL session_replication_role = replica");
  } catch (e) {
    throw new BackupError(
      `Databasanvändaren får inte stänga av triggrar med session_replication_role (${errorText(e)}), så ingenting har ändrats; återställ som superuser eller ge rätten med GRANT SET ON PARAMETER session_replication_role TO <användare>.`,
      "PERMISSION",
    );
  }
}

export interface RestoreResult {
  manifest: Manifest;
  tables: number;
  rows: number;
  bytes: number;
  /** Migrations of this code that were newer than the backup and applied after loading. */
  upgradedWith: string[];
  warnings: string[];
  seconds: { schema: number; data: number; analyze: number; total: number };
}

/**
 * Restore the archive `inFile` into the empty database at `url`. Refuses a target that has data,
 * a backup with migrations this code does not know, and any section whose row count or SHA-256
 * differs from the manifest; the data is loaded in one transaction, so a refusal during loading
 * leaves the target without data.
 */
export async function restoreDatabase(
  url: string,
  inFile: string,
  log: (line: string) => void = () => {},
): Promise<RestoreResult> {
  const t0 = performance.now();
  const file = path.resolve(inFile);
  const manifest = await readManifest(file);
  const warnings: string[] = [];

  // Which schema level the backup was taken at, and whether this code knows it.
  const local = await localMigrations();
  const localByName = new Map(local.map((m) => [m.name, m]));
  const unknown = manifest.migrations.filter((m) => !localByName.has(m.name));
  if (unknown.length > 0) {
    throw new BackupError(
      `Säkerhetskopian kommer från en nyare version av Paragraf: den har migreringar som den här versionen inte känner till (${unknown.map((m) => m.name).join(", ")}), så uppdatera Paragraf till minst den versionen och försök igen.`,
      "MIGRATIONS",
    );
  }
  const level = manifest.migrations.length;
  if (manifest.migrations.some((m, i) => local[i]?.name !== m.name)) {
    throw new BackupError(
      `Säkerhetskopians migreringar (${manifest.migrations.map((m) => m.name).join(", ")}) följer inte ordningen i prisma/migrations, så den kan inte återställas med den här versionen.`,
      "MIGRATIONS",
    );
  }
  for (const m of manifest.migrations) {
    const mine = localByName.get(m.name);
    if (mine && mine.checksum !== m.checksum)
      warnings.push(`Migreringen ${m.name} har ändrats sedan säkerhetskopian togs (annan kontrollsumma).`);
  }
  const newer = local.slice(level).map((m) => m.name);

  const client = await connect(url);
  try {
    const busy = await firstNonEmptyTable(client);
    if (busy) {
      throw new BackupError(
        `Måldatabasen är inte tom (tabellen "${busy}" har rader): återställning görs bara till en tom databas, så ingenting har ändrats.`,
        "NOT_EMPTY",
      );
    }
    const already = (await appliedMigrations(client)) ?? [];
    if (already.some((m, i) => manifest.migrations[i]?.name !== m.name)) {
      throw new BackupError(
        `Måldatabasen har redan ett schema som inte hör till säkerhetskopian (migreringar ${already.map((m) => m.name).join(", ")}): återställ till en helt ny, tom databas, så ingenting har ändrats.`,
        "NOT_EMPTY",
      );
    }

    // Loading needs session_replication_role (superuser, or GRANT SET ON PARAMETER): check first.
    await client.query("BEGIN");
    try {
      await replicaRole(client);
    } finally {
      await client.query("ROLLBACK");
    }

    // Schema, with the real Prisma CLI, at the backup's level.
    const tSchema = performance.now();
    log(`Skapar schemat med prisma migrate deploy (${level} migreringar)…`);
    await deployMigrations(url, newer.length > 0 ? level : undefined);
    const schemaSeconds = (performance.now() - tSchema) / 1000;

    const present = new Map((await listTables(client)).map((t) => [t.name, t.columns]));
    const missing = manifest.tables.filter(
      (t) => !present.has(t.name) || t.columns.some((c) => !present.get(t.name)!.includes(c)),
    );
    if (missing.length > 0) {
      throw new BackupError(
        `Schemat efter migreringarna saknar tabeller eller kolumner som finns i säkerhetskopian (${missing.map((t) => t.name).join(", ")}), så ingen data har lästs in.`,
        "MIGRATIONS",
      );
    }

    // Data: one transaction, no triggers, no FK checks.
    const tData = performance.now();
    for (const sql of SESSION_SETTINGS) await client.query(sql);
    await client.query("BEGIN");
    try {
      await replicaRole(client);
      // migrate deploy wrote its own rows; the backup's history (with the original times) replaces them.
      await client.query(`DELETE FROM public.${quoteIdent(MIGRATIONS_TABLE)}`);
      const stillEmpty = `ingen data har lästs in och måldatabasen är fortfarande tom`;
      for (const table of manifest.tables) {
        log(`Läser in ${table.name} (${table.rows} rader)…`);
        const meter = new Meter();
        const sink = client.query(
          copyFrom(`COPY public.${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`),
        );
        const source =
          table.length > 0
            ? createReadStream(file, {
                start: table.offset,
                end: table.offset + table.length - 1,
                highWaterMark: 1 << 20,
              })
            : null;
        try {
          if (!source) throw new Error("tom sektion");
          await pipeline(source, createGunzip(), meter, sink);
        } catch (e) {
          const code = (e as { code?: string }).code ?? "";
          if (code.startsWith("Z_") || !source) {
            throw new BackupError(
              `Säkerhetskopian är skadad: datat för tabellen "${table.name}" går inte att packa upp (${errorText(e)}), så ${stillEmpty}.`,
              "CORRUPT",
            );
          }
          throw new BackupError(
            `Tabellen "${table.name}" kunde inte läsas in (${errorText(e)}), så ${stillEmpty}.`,
            "CORRUPT",
          );
        }
        if (
          meter.sha256() !== table.sha256 ||
          meter.bytes !== table.bytes ||
          meter.rows !== table.rows ||
          sink.rowCount !== table.rows
        ) {
          throw new BackupError(
            `Säkerhetskopian är skadad: tabellen "${table.name}" stämmer inte med manifestet (${sink.rowCount} rader mot ${table.rows}, ${meter.sha256() === table.sha256 ? "samma" : "annan"} SHA-256), så ${stillEmpty}.`,
            "CORRUPT",
          );
        }
      }
      for (const s of manifest.sequences) {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
          `public.${quoteIdent(s.name)}`,
          s.lastValue,
          s.isCalled,
        ]);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }
    const dataSeconds = (performance.now() - tData) / 1000;

    if (newer.length > 0) {
      log(`Uppgraderar med ${newer.length} nyare migreringar…`);
      try {
        await deployMigrations(url);
      } catch (e) {
        throw new BackupError(
          `Datan är återställd på säkerhetskopians schemanivå, men de nyare migreringarna kunde inte köras (${errorText(e)}); kör npx prisma migrate deploy när felet är åtgärdat.`,
          "MIGRATIONS",
        );
      }
    }

    const tAnalyze = performance.now();
    // Fresh tables have no planner statistics; the app should not wait for autovacuum to get them.
    const loaded = await listTables(client);
    if (loaded.length > 0)
      await client.query(`ANALYZE ${loaded.map((t) => `public.${quoteIdent(t.name)}`).join(", ")}`);
    const analyzeSeconds = (performance.now() - tAnalyze) / 1000;
    return {
      manifest,
      tables: manifest.tables.length,
      rows: manifest.totals.rows,
      bytes: manifest.totals.bytes,
      upgradedWith: newer,
      warnings,
      seconds: {
        schema: schemaSeconds,
        data: dataSeconds,
        analyze: analyzeSeconds,
        total: (performance.now() - t0) / 1000,
      },
    };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`Återställningen misslyckades (${errorText(e)}).`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The embedded database's fixed local login (scripts/lib/embedded-db.mjs). */
const EMBEDDED_LOGIN = "postgres:paragraf-local";

/**
 * The URL of the embedded PostgreSQL in `dataDir/postgres` when a server is already running on
 * it (e.g. under `npm start`, which holds the data folder), read from its postmaster.pid; null
 * when none runs. Lets backup work while the app is up.
 */
export async function runningEmbeddedUrl(dataDir: string, database = "paragraf"): Promise<string | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return null; // stale pid file
  }
  const url = `postgresql://${EMBEDDED_LOGIN}@127.0.0.1:${port}/${database}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** "1 rad", "1 234 rader" (Swedish digit grouping). */
export function formatRows(n: number): string {
  return `${n.toLocaleString("sv-SE")} ${n === 1 ? "rad" : "rader"}`;
}

/** A path as the user would type it: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/** Bytes as "812 B", "14,2 kB", "3,1 MB", "1,20 GB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toLocaleString("sv-SE", { maximumFractionDigits: v < 10 ? 2 : 1 })} ${units[u]}`;
}

export function formatSeconds(s: number): string {
  return `${s.toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}
