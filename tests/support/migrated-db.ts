import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient } from "@/server/db";
import type { PrismaClient } from "@/generated/prisma/client";
import { applyAppPrivileges } from "../../scripts/lib/db-roles";
import { createEmptyDatabase, templateDatabase } from "./db";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * All migrations applied through the real Prisma CLI as the owner, and the app role's rights given
 * as `npm start` gives them.
 */
export async function migrate(database: { url: string; appRole: string }): Promise<void> {
  await promisify(execFile)(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  await applyAppPrivileges(database.url, database.appRole);
}

/** The run's migrated database to copy (migrated once per run, tests/support/db.ts). */
const migratedTemplate = () => templateDatabase("migrated", migrate);

/**
 * A fresh database with all migrations applied (`migrate`, copied from the run's template), and a
 * client logged in as the app role: the app code under test has no more privilege than in
 * production. `url` is the app's login; `ownerUrl` is for tests that deliberately act as the
 * owner. `template` copies another prepared database instead (the seeded one).
 */
export async function createMigratedDatabase(
  prefix = "t",
  template?: string,
): Promise<{ db: PrismaClient; url: string; ownerUrl: string; drop: () => Promise<void> }> {
  const database = await createEmptyDatabase(prefix, template ?? (await migratedTemplate()));
  const db = createPrismaClient(database.appUrl);
  return {
    db,
    url: database.appUrl,
    ownerUrl: database.url,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
