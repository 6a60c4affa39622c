// Issue 19.5: the public search, as the app's role under row-level security, finds its matches
// through the GIN indexes of PublicSearchVector (via the scoped view PublicSearchMatch). Under a
// policy PostgreSQL uses no index for `tsvector @@ tsquery` (not LEAKPROOF), and the app's role
// then scanned every §: with sequential scans discouraged the plan must still use the index, in an
// organisation's scope and in the platform's. The view keeps the scope: another organisation's
// §§ are not found.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { searchArchive, searchArchiveSql, type SearchQuery } from "@/modules/publication/public.search";
import { PLATFORM_SCOPE, runInScope } from "@/server/tenancy";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { createSeededDatabase } from "./support/seeded-db";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let organisation: { id: string; slug: string };

beforeAll(async () => {
  ({ db, url, drop } = await createSeededDatabase("searchplan"));
  await justeraDemoMeeting(db);
  organisation = await db.organisation.findFirstOrThrow({ select: { id: true, slug: true } });
}, 180_000);
afterAll(async () => drop?.());

async function plan(scope: string, query: SearchQuery): Promise<string> {
  return runInScope(scope, () =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(
        Prisma.sql`EXPLAIN ${searchArchiveSql({ page: 1, pageSize: 20, ...query })}`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    }),
  );
}

describe("the public search's plan as the app's role", () => {
  // The words are a key of the scan of the vector with names, in its own index: not the organisation
  // alone in the name-free vector's index, with every § of the organisation tested on the heap.
  const wordsInOwnIndex = /Bitmap Index Scan on "PublicSearchVector_tsv_idx"[^\n]*\n\s*Index Cond: \([^\n]*\btsv @@/;

  it("matches with the GIN index, never a scan of every §, in an organisation's scope", async () => {
    const text = await plan(organisation.id, { q: "Google Workspace", organisationSlug: organisation.slug });
    expect(text).toMatch(wordsInOwnIndex);
    expect(text).not.toMatch(/Seq Scan on "PublicSearch(Vector|Entry)"/);
  });

  it("with the words as a key also for one body and one year of the organisation", async () => {
    const body = await db.body.findFirstOrThrow({ where: { organisationId: organisation.id }, select: { slug: true } });
    for (const query of [
      { q: "Google Workspace", organisationSlug: organisation.slug, bodySlug: body.slug },
      { q: "Google Workspace", organisationSlug: organisation.slug, bodySlug: body.slug, year: 2021 },
    ]) {
      const text = await plan(organisation.id, query);
      expect(text).toMatch(wordsInOwnIndex);
      expect(text).not.toMatch(/Seq Scan on "PublicSearch(Vector|Entry)"/);
    }
  });

  it("and in the platform's, over every organisation", async () => {
    const text = await plan(PLATFORM_SCOPE, { q: "Google Workspace" });
    expect(text).toMatch(wordsInOwnIndex);
    expect(text).not.toMatch(/Seq Scan on "PublicSearch(Vector|Entry)"/);
  });

  it("finds the organisation's §§ in its scope and none in another's", async () => {
    const query = { q: "Google Workspace", organisationSlug: organisation.slug };
    expect((await runInScope(organisation.id, () => searchArchive(db, query))).total).toBeGreaterThan(0);
    const other = await db.organisation.create({
      data: { slug: "annan-kommun", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
    });
    expect((await runInScope(other.id, () => searchArchive(db, { q: "Google Workspace" }))).total).toBe(0);
  });
});

describe("the narrow search rows and their view, as the app's role by raw SQL (attack)", () => {
  async function raw<T>(scope: string | null, fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({
      connectionString: url,
      ...(scope !== null ? { options: `-c app.organisation=${scope}` } : {}),
    });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
  const count = async (c: pg.Client, table: string) =>
    (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0]!.n;

  it("without a scope the view and the table show nothing; in the organisation's scope they show its rows", async () => {
    expect(await raw(null, (c) => count(c, "PublicSearchMatch"))).toBe(0);
    expect(await raw(null, (c) => count(c, "PublicSearchVector"))).toBe(0);
    expect(await raw(organisation.id, (c) => count(c, "PublicSearchMatch"))).toBeGreaterThan(0);
  });

  it("the app's role cannot write, move or delete a search row, even in its own organisation's scope", async () => {
    await raw(organisation.id, async (c) => {
      const before = await count(c, "PublicSearchVector");
      await expect(
        c.query(`UPDATE "PublicSearchVector" SET "organisationId" = 'annan' WHERE true`),
      ).rejects.toBeDefined();
      await expect(c.query(`DELETE FROM "PublicSearchVector" WHERE true`)).rejects.toBeDefined();
      await expect(
        c.query(`INSERT INTO "PublicSearchVector" SELECT * FROM "PublicSearchVector" LIMIT 1`),
      ).rejects.toBeDefined();
      expect(await count(c, "PublicSearchVector")).toBe(before);
    });
  });
});
