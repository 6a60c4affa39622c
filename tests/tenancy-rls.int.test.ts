// Tenancy's second line (issue 19.1): PostgreSQL's row-level security, as the app's own role,
// through the app's own pool (src/server/db.ts) and raw. Two organisations: the seed's Itsam and
// a second one with its own body, meeting and §. Whatever the queries above forget, a request in
// one organisation reads and writes that organisation's rows only, and a request that has not said
// whose data it reads sees nothing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendForAdjustment } from "@/modules/justering/signoff.mutations";
import { addParagraph } from "@/modules/drafting/paragraph.mutations";
import { loadActor } from "@/server/actor";
import { enterOrganisation, NO_SCOPE, PLATFORM_SCOPE, runInScope } from "@/server/tenancy";
import { createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let itsam: { id: string; meetingId: string; paragraphId: string; bodyId: string };
let ydre: { id: string; meetingId: string; paragraphId: string; bodyId: string; adminId: string };

/** Tables that hold no organisation's data and so have no policy (decided, not forgotten). */
const PLATFORM_TABLES = ["CacheTag", "JobMark", "MailOutbox", "RateLimit", "User", "_prisma_migrations"];

beforeAll(async () => {
  seeded = await createSeededDatabase("tenancy_rls");
  db = seeded.db;
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG }, include: { paragraphs: true } });
  itsam = {
    id: seeded.direktionen.organisationId,
    meetingId: meeting.id,
    paragraphId: meeting.paragraphs[0]!.id,
    bodyId: seeded.direktionen.id,
  };
  // Outside a request the scope is the platform's: the setup writes both organisations.
  const org = await db.organisation.create({
    data: { slug: "ydre", name: "Ydre kommun", kind: "KOMMUN", caseNumberPrefix: "KS" },
  });
  const body = await db.body.create({
    data: {
      organisationId: org.id,
      slug: "kommunstyrelsen",
      name: "Kommunstyrelsen",
      genitiveName: "Kommunstyrelsens",
      kind: "STYRELSE",
      seatCount: 5,
    },
  });
  const ydreMeeting = await db.meeting.create({
    data: {
      bodyId: body.id,
      slug: "kommunstyrelsen-2026-11-30",
      date: new Date("2026-11-30"),
      place: "Kommunhuset, Österbymo",
      paragraphs: {
        create: { bodyId: body.id, number: 1, year: 2026, title: "Ydres hemliga ärende", decisionIntro: "" },
      },
    },
    include: { paragraphs: true },
  });
  const admin = await db.user.create({
    data: {
      email: "admin@ydre.example",
      name: "Ydres administratör",
      organisations: { create: { organisationId: org.id, isAdmin: true } },
    },
  });
  ydre = {
    id: org.id,
    meetingId: ydreMeeting.id,
    paragraphId: ydreMeeting.paragraphs[0]!.id,
    bodyId: body.id,
    adminId: admin.id,
  };
}, 180_000);

afterAll(async () => {
  await seeded?.drop();
});

async function rawAppClient(options?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: seeded.url, ...(options ? { options } : {}) });
  await client.connect();
  return client;
}

describe("the catalogue", () => {
  it("has row-level security on every table of the public schema but the platform's, each with a policy", async () => {
    const client = await rawAppClient();
    try {
      const { rows } = await client.query<{ name: string; rls: boolean; policies: number }>(`
        SELECT c.relname AS name, c.relrowsecurity AS rls,
               (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' ORDER BY 1`);
      const unprotected = rows.filter((r) => !r.rls || r.policies === 0).map((r) => r.name);
      // A new table is the organisation's until someone decides otherwise: it fails here.
      expect(unprotected.sort()).toEqual([...PLATFORM_TABLES].sort());
      expect(rows.length).toBeGreaterThan(40);
    } finally {
      await client.end();
    }
  });

  it("runs the app as a role the policies bind: no superuser, no BYPASSRLS, owner of nothing", async () => {
    const client = await rawAppClient();
    try {
      const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(`
        SELECT r.rolsuper, r.rolbypassrls,
               (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    } finally {
      await client.end();
    }
  });
});

describe("a raw connection as the app's role", () => {
  it("sees no row of any organisation's table until the scope is set", async () => {
    const client = await rawAppClient();
    try {
      const { rows } = await client.query<{ name: string }>(`
        SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity`);
      for (const { name } of rows) {
        const counted = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
        expect(counted.rows[0]!.n, name).toBe(0);
      }
      // The owner's view: the rows are there.
      const owner = new pg.Client({ connectionString: seeded.ownerUrl });
      await owner.connect();
      const total = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Paragraph"`);
      await owner.end();
      expect(total.rows[0]!.n).toBeGreaterThan(9);
    } finally {
      await client.end();
    }
  });

  it("cannot write into another organisation's body, nor move a row there", async () => {
    const client = await rawAppClient(`-c app.organisation=${itsam.id}`);
    try {
      await expect(
        client.query(
          `INSERT INTO "Meeting" (id, "bodyId", slug, date, place, "updatedAt") VALUES ('m-x', $1, 'ks-x', '2026-12-01', 'X', now())`,
          [ydre.bodyId],
        ),
      ).rejects.toMatchObject({ code: "42501" });
      await expect(
        client.query(`UPDATE "Paragraph" SET "meetingId" = $1, "bodyId" = $2 WHERE id = $3`, [
          ydre.meetingId,
          ydre.bodyId,
          itsam.paragraphId,
        ]),
      ).rejects.toMatchObject({ code: "42501" });
      const changed = await client.query(`UPDATE "Paragraph" SET title = 'Ändrad' WHERE id = $1`, [ydre.paragraphId]);
      expect(changed.rowCount).toBe(0);
      const deleted = await client.query(`DELETE FROM "Paragraph" WHERE id = $1`, [ydre.paragraphId]);
      expect(deleted.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe("the app's pool", () => {
  const counts = () =>
    Promise.all([
      db.organisation.count(),
      db.meeting.count(),
      db.paragraph.count({ where: { id: { in: [itsam.paragraphId, ydre.paragraphId] } } }),
      db.organisationUser.count({ where: { userId: ydre.adminId } }),
    ]);

  it("hands each scope to PostgreSQL: nothing, one organisation, or the platform's all", async () => {
    expect(await runInScope(NO_SCOPE, counts)).toEqual([0, 0, 0, 0]);
    const [orgs, , paragraphs] = await runInScope(itsam.id, counts);
    expect([orgs, paragraphs]).toEqual([1, 1]);
    expect(await runInScope(itsam.id, () => db.paragraph.findUnique({ where: { id: ydre.paragraphId } }))).toBeNull();
    expect(await runInScope(ydre.id, counts)).toEqual([1, 1, 1, 1]);
    const all = await runInScope(PLATFORM_SCOPE, counts);
    expect(all[0]).toBe(2);
    expect(all[2]).toBe(2);
  });

  it("keeps the scope inside an interactive transaction", async () => {
    const seen = await runInScope(ydre.id, () =>
      db.$transaction(async (tx) => tx.meeting.findMany({ select: { id: true } })),
    );
    expect(seen.map((m) => m.id)).toEqual([ydre.meetingId]);
  });

  it("never lets one request's scope reach another's queries on a reused connection", async () => {
    // Sixty interleaved requests on a pool of ten: each sees its own organisation only.
    const scopes = Array.from({ length: 60 }, (_, i) => [itsam.id, ydre.id, NO_SCOPE][i % 3]!);
    const seen = await Promise.all(
      scopes.map((scope) =>
        runInScope(scope, async () => {
          const meetings = await db.meeting.findMany({ select: { bodyId: true } });
          return new Set(meetings.map((m) => m.bodyId));
        }),
      ),
    );
    seen.forEach((bodies, i) => {
      const scope = scopes[i];
      if (scope === NO_SCOPE) expect(bodies.size).toBe(0);
      else if (scope === ydre.id) expect([...bodies]).toEqual([ydre.bodyId]);
      else expect(bodies.has(ydre.bodyId)).toBe(false);
    });
  });

  it("refuses to let a request that has entered one organisation enter another", async () => {
    await expect(
      runInScope(NO_SCOPE, () => {
        enterOrganisation(itsam.id);
        enterOrganisation(ydre.id);
      }),
    ).rejects.toThrow("En begäran kan bara läsa en organisations uppgifter.");
  });

  it("runs a query returned unawaited from the scope in that scope (Prisma's queries are lazy)", async () => {
    expect(await runInScope(NO_SCOPE, () => db.organisation.findFirst())).toBeNull();
    expect(await runInScope(ydre.id, () => db.organisation.findFirst({ select: { id: true } }))).toEqual({
      id: ydre.id,
    });
  });
});

describe("another organisation's admin and secretary, through the real actions", () => {
  it("cannot read, change or send Itsam's protocol, neither by the permission table nor past it", async () => {
    const ydreAdmin = await loadActor(db, ydre.adminId, ydre.id);
    expect(ydreAdmin).toMatchObject({ isAdmin: true, organisationId: ydre.id, organisationBodyIds: [ydre.bodyId] });
    const ctx = { db, ip: "127.0.0.1", actor: ydreAdmin };
    const count = () => db.paragraph.count({ where: { meetingId: itsam.meetingId } });
    const before = await count();
    // First line alone (the platform's scope: row-level security lets everything through).
    const asPlatform = await runInScope(PLATFORM_SCOPE, () => sendForAdjustment(ctx, { meetingId: itsam.meetingId }));
    expect(asPlatform).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const added = await runInScope(PLATFORM_SCOPE, () =>
      addParagraph(ctx, { meetingId: itsam.meetingId, title: "Kapad" }),
    );
    expect(added).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Both lines, as a request of Ydre's runs.
    const inYdre = await runInScope(ydre.id, () => addParagraph(ctx, { meetingId: itsam.meetingId, title: "Kapad" }));
    expect(inYdre).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await count()).toBe(before);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: itsam.meetingId } })).status).toBe("DRAFT");
    // Itsam's own admin, for contrast, may.
    const itsamAdmin = await loadActor(
      db,
      (await db.user.findUniqueOrThrow({ where: { email: "admin@itsam.example" } })).id,
      itsam.id,
    );
    const own = await runInScope(itsam.id, () =>
      addParagraph({ db, ip: "127.0.0.1", actor: itsamAdmin }, { meetingId: itsam.meetingId, title: "Eget ärende" }),
    );
    expect(own.ok).toBe(true);
  });
});
