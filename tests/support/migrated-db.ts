import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient } from "@/server/db";
import type { PrismaClient } from "@/generated/prisma/client";
import { createEmptyDatabase } from "./db";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A fresh database with all migrations applied through the real Prisma CLI, and a client on it. */
export async function createMigratedDatabase(prefix = "t"): Promise<{ db: PrismaClient; url: string; drop: () => Promise<void> }> {
  const database = await createEmptyDatabase(prefix);
  await promisify(execFile)(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
  const db = createPrismaClient(database.url);
  return {
    db,
    url: database.url,
    async drop() {
      await db.$disconnect();
      await database.drop();
    },
  };
}
