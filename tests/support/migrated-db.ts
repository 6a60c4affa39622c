import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient } from "@/server/db";
import type { PrismaClient } from "@/generated/prisma/client";
import { applyAppPrivileges } from "../../scripts/lib/db-roles";
import { createEmptyDatabase } from "./db";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * A fresh database with all migrations applied through the real Prisma CLI as the owner, the app
 * role's rights given as `npm start` gives them, and a client logged in as the app role: the app
 * code under test has no more privilege than in production. `url` is the app's login;
 * `ownerUrl` is for tests that deliberately act as the owner.
 */
export async function createMigratedDatabase(
  prefix = "t",
): Promise<{ db: PrismaClient; url: string; ownerUrl: string; drop: () => Promise<void> }> {
  const database = await createEmptyDatabase(prefix);
  await promisify(execFile)(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  await applyAppPrivileges(database.url, database.appRole);
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
