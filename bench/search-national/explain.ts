// EXPLAIN (ANALYZE, BUFFERS) of the app's search SQL for one query, as the app's role in the scope
// the app would search in, on the national benchmark's database (generate it first with run.ts).
//   npx tsx bench/search-national/explain.ts '{"q":"anmälan antas","organisationSlug":"kommun-042"}'
import { Prisma } from "../../src/generated/prisma/client";
import { createPrismaClient } from "../../src/server/db";
import { searchArchiveSql, type SearchQuery } from "../../src/modules/publication/public.search";
import { PLATFORM_SCOPE, runInScope } from "../../src/server/tenancy";
import { startSearchDb } from "./db";

const server = await startSearchDb();
try {
  const db = createPrismaClient(server.appUrl);
  for (const arg of process.argv.slice(2)) {
    const query = { page: 1, pageSize: 20, ...(JSON.parse(arg) as SearchQuery) };
    const scope = query.organisationSlug
      ? (await runInScope(PLATFORM_SCOPE, () =>
          db.organisation.findUniqueOrThrow({ where: { slug: query.organisationSlug! } }),
        ))!.id
      : PLATFORM_SCOPE;
    const explain = () =>
      runInScope(scope, () =>
        db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${searchArchiveSql(query)}`),
      );
    await explain(); // warm
    console.log(`\n${JSON.stringify(query)}\n${(await explain()).map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
  await db.$disconnect();
} finally {
  await server.stop();
}
