// Start-up configuration checks: each problem becomes one Swedish sentence that says what to fix.
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parse and check a PostgreSQL connection URL; throws ConfigError with a clear message. */
export function checkDatabaseUrl(raw: string | undefined): string {
  if (!raw || raw.trim() === "") {
    throw new ConfigError(
      "DATABASE_URL saknas: ange en PostgreSQL-adress (postgresql://användare:lösenord@värd:5432/databas) eller starta med `npm start`, som använder den inbyggda databasen.",
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      "DATABASE_URL är ingen giltig adress: skriv den som postgresql://användare:lösenord@värd:5432/databas.",
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new ConfigError(
      `DATABASE_URL måste börja med postgresql:// (nu: ${url.protocol}//); Paragraf använder PostgreSQL.`,
    );
  }
  if (!url.hostname) {
    throw new ConfigError("DATABASE_URL saknar värdnamn: skriv t.ex. postgresql://paragraf@localhost:5432/paragraf.");
  }
  if (url.pathname.replace(/^\//, "") === "") {
    throw new ConfigError("DATABASE_URL saknar databasnamn: lägg till /databasnamn sist i adressen.");
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
