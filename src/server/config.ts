// Start-up configuration checks: each problem becomes one Swedish sentence that says what to fix.
import path from "node:path";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse and check a PostgreSQL connection URL; throws ConfigError with a clear message. */
export function checkDatabaseUrl(raw: string | undefined, name = "DATABASE_URL"): string {
  if (!raw || raw.trim() === "") {
    if (name !== "DATABASE_URL")
      throw new ConfigError(
        `${name} saknas: ange en PostgreSQL-adress (postgresql://användare:lösenord@värd:5432/databas).`,
      );
    throw new ConfigError(
      "DATABASE_URL saknas: ange en PostgreSQL-adress (postgresql://användare:lösenord@värd:5432/databas) eller starta med `npm start`, som använder den inbyggda databasen.",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} är ingen giltig adress: skriv den som postgresql://användare:lösenord@värd:5432/databas.`,
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(
      `${name} måste börja med postgresql:// (nu: ${url.protocol}//); Paragraf använder PostgreSQL.`,
    );
  }
  if (!url.hostname) {
    throw new ConfigError(`${name} saknar värdnamn: skriv t.ex. postgresql://paragraf@localhost:5432/paragraf.`);
  }
  if (url.pathname.replace(/^\//, "") === "") {
    throw new ConfigError(`${name} saknar databasnamn: lägg till /databasnamn sist i adressen.`);
  }
  return raw;
}

/** In production an AUTH_SECRET of reasonable length is required to sign sessions. */
export function checkAuthSecret(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV !== "production") return;
  const secret = env.AUTH_SECRET;
  if (!secret) {
    throw new ConfigError(
      "AUTH_SECRET saknas: skapa en hemlighet med `openssl rand -base64 33` och lägg den i miljön eller i .env.",
    );
  }
  if (secret.length < 32) {
    throw new ConfigError("AUTH_SECRET är för kort: använd minst 32 tecken, t.ex. från `openssl rand -base64 33`.");
  }
}

/** What the app's database login may do, as read from the server (src/server/startup-check.ts). */
export interface DatabaseRoleFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Tables of the public schema the role owns, or may act as the owner of (role membership). */
  ownedTables: number;
}

/**
 * The app must run as a role that cannot switch off the database's protection of signed
 * protocols: no superuser (session_replication_role, DISABLE TRIGGER) and not the owner of the
 * tables (ALTER TABLE, DROP, TRUNCATE). Holds for the embedded default and CI alike.
 */
export function checkDatabaseRole(facts: DatabaseRoleFacts): void {
  const fix =
    "låt appen ansluta som en egen roll utan superuser-rätt som inte äger tabellerna, och ange ägarrollen i DATABASE_OWNER_URL för migreringar och återställning (se README, Drift).";
  if (facts.superuser || facts.bypassRls) {
    throw new ConfigError(
      `Databasrollen i DATABASE_URL (${facts.role}) är superuser och kan stänga av skydden för justerade protokoll: ${fix}`,
    );
  }
  if (facts.ownedTables > 0) {
    throw new ConfigError(
      `Databasrollen i DATABASE_URL (${facts.role}) äger Paragrafs tabeller och kan stänga av skydden för justerade protokoll: ${fix}`,
    );
  }
}

/**
 * The public address of the app, for links in e-mails and the ids of open data: APP_URL, else
 * AUTH_URL, else localhost and PORT; without a trailing slash, so "/moten/…" can follow.
 */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.APP_URL || env.AUTH_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/** Where the app keeps its files (the embedded database, the demo seal certificate): PARAGRAF_DATA_DIR or ./.data. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PARAGRAF_DATA_DIR ?? ".data");
}
