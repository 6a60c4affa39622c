import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { checkDatabaseUrl } from "./config";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: checkDatabaseUrl(databaseUrl), max: 10 }) });
}

// One client per server process (and across hot reloads in development).
const globalForPrisma = globalThis as unknown as { paragrafPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.paragrafPrisma ??= createPrismaClient(process.env.DATABASE_URL ?? "");
  return globalForPrisma.paragrafPrisma;
}
