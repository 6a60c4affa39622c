import type { PrismaClient } from "@/generated/prisma/client";

type WithClient = typeof globalThis & { paragrafPrisma?: PrismaClient };

/**
 * Points the app's own getDb() (used by route handlers, created on first use from DATABASE_URL)
 * at a test database, with any further variables set; the returned function disconnects and
 * puts the environment back as it was.
 */
export function useRouteDatabase(url: string, env: Record<string, string | undefined> = {}): () => Promise<void> {
  const vars = { DATABASE_URL: url, ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  delete (globalThis as WithClient).paragrafPrisma;
  for (const [key, value] of Object.entries(vars)) setEnv(key, value);
  return async () => {
    await (globalThis as WithClient).paragrafPrisma?.$disconnect();
    delete (globalThis as WithClient).paragrafPrisma;
    for (const [key, value] of Object.entries(saved)) setEnv(key, value);
  };
}

function setEnv(key: string, value: string | undefined) {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}
