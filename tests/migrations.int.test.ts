// The real Prisma CLI against a real, empty PostgreSQL database: `migrate deploy` must apply
// every migration in prisma/migrations, leave no drift against prisma/schema.prisma, and report
// "up to date" afterwards. On machines without Prisma's native schema engine this exercises the
// wasm shim in prisma/engine/ (selected by prisma.config.ts); with a native engine it checks
// the migrations themselves. A dummy engine would make `migrate deploy` exit 0 having applied
// nothing, so the tests look at the database, not only at exit codes.
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "./support/db";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

type Run = { code: number; stdout: string; stderr: string };

/** `npx prisma …` in `cwd` with DATABASE_URL set; never throws, returns the exit code and output. */
function prisma(args: string[], databaseUrl: string, cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["--no-install", "prisma", ...args],
      {
        cwd,
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const describeRun = (run: Run) => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

/** Migration folders as Prisma sees them: directories holding a migration.sql. */
function migrationFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** Table names of the schema's models (`@@map` wins over the model name). */
function modelTables(schema: string): string[] {
  const tables: string[] = [];
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const mapped = /@@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/.exec(match[2] ?? "");
    tables.push(mapped?.[1] ?? match[1]!);
  }
  return tables.sort();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("prisma migrate deploy on an empty database", () => {
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let deploy: Run;

  beforeAll(async () => {
    db = await createEmptyDatabase("migrate");
    deploy = await prisma(["migrate", "deploy"], db.url);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("exits 0", () => {
    expect(deploy.code, describeRun(deploy)).toBe(0);
  });

  it("records every migration folder as applied in _prisma_migrations", async () => {
    const folders = migrationFolders(migrationsDir);
    expect(folders.length, "prisma/migrations has no migration folders").toBeGreaterThan(0);
    const rows = await query<{ migration_name: string }>(
      db.url,
      `SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(rows.length).toBe(folders.length);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
  });

  it("creates a table for every model of prisma/schema.prisma", async () => {
    const expected = modelTables(readFileSync(schemaPath, "utf8"));
    expect(expected.length).toBeGreaterThan(0);
    const rows = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const actual = new Set(rows.map((r) => r.table_name));
    expect(expected.filter((table) => !actual.has(table))).toEqual([]);
    expect(actual.has("_prisma_migrations")).toBe(true);
  });

  it("leaves no drift between the database and prisma/schema.prisma", async () => {
    const diff = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      db.url,
    );
    expect(diff.code, describeRun(diff)).toBe(0);
  });

  it("reports the database as up to date in migrate status", async () => {
    const status = await prisma(["migrate", "status"], db.url);
    expect(status.code, describeRun(status)).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date");
  });

  it("applies nothing the second time", async () => {
    const again = await prisma(["migrate", "deploy"], db.url);
    expect(again.code, describeRun(again)).toBe(0);
    expect(again.stdout).toContain("No pending migrations to apply");
  });
});

describe("prisma migrate deploy with a broken migration", () => {
  // A throw-away project next to the repository: this repo's prisma.config.ts (so the same
  // engine selection applies), a tiny schema and two migrations, the second one broken.
  let dir: string;
  let db: Awaited<ReturnType<typeof createEmptyDatabase>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-broken-migration-"));
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    mkdirSync(path.join(dir, "prisma", "migrations"), { recursive: true });
    symlinkSync(path.join(root, "prisma", "engine"), path.join(dir, "prisma", "engine"), "dir");
    writeFileSync(path.join(dir, "prisma.config.ts"), readFileSync(path.join(root, "prisma.config.ts")));
    writeFileSync(
      path.join(dir, "prisma", "schema.prisma"),
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel Item {\n  id Int @id\n}\n',
    );
    writeFileSync(path.join(dir, "prisma", "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
    const migration = (name: string, sql: string) => {
      mkdirSync(path.join(dir, "prisma", "migrations", name));
      writeFileSync(path.join(dir, "prisma", "migrations", name, "migration.sql"), sql);
    };
    migration(
      "20000101000000_init",
      `CREATE TABLE "Item" ("id" INTEGER NOT NULL, CONSTRAINT "Item_pkey" PRIMARY KEY ("id"));
-- A PL/pgSQL body full of semicolons must reach PostgreSQL in one piece.
CREATE FUNCTION item_touch() RETURNS trigger AS $$
BEGIN
  NEW.id := NEW.id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
`,
    );
    migration(
      "20000102000000_broken",
      `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "DoesNotExist" ADD COLUMN "x" INTEGER;\n`,
    );
    db = await createEmptyDatabase("broken");
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("fails loudly, keeps the good migration and rolls the broken one back as a whole", async () => {
    const run = await prisma(["migrate", "deploy"], db.url, dir);
    expect(run.code, describeRun(run)).not.toBe(0);
    expect(`${run.stdout}\n${run.stderr}`).toContain("DoesNotExist");

    const rows = await query<{ migration_name: string; ok: boolean }>(
      db.url,
      `SELECT migration_name, finished_at IS NOT NULL AS ok FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual([
      { migration_name: "20000101000000_init", ok: true },
      { migration_name: "20000102000000_broken", ok: false },
    ]);
    const [objects] = await query<{ half: string | null; fn: string | null }>(
      db.url,
      `SELECT to_regclass('"Half"')::text AS half, to_regproc('item_touch')::text AS fn`,
    );
    expect(objects).toEqual({ half: null, fn: "item_touch" });

    const status = await prisma(["migrate", "status"], db.url, dir);
    expect(status.code, describeRun(status)).not.toBe(0);
  });
});
