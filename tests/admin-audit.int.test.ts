// The organisation's administration log (/admin/logg; issue 19.1): an admin change's audit row
// names its organisation, that organisation's admin reads it, and no other organisation can read
// or write such rows — by the query's own scope, and by row-level security when a query forgets.
// Sign-ins and other rows of no organisation stay the platform's.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createBody } from "@/modules/administration/bodies.mutations";
import { AUDIT_PAGE_SIZE, listOrganisationAudit } from "@/modules/administration/audit.queries";
import { writeAudit } from "@/server/audit";
import { runInScope } from "@/server/tenancy";
import { contextFor, createSeededDatabase } from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let itsam: string;
let ydre: string;

beforeAll(async () => {
  seeded = await createSeededDatabase("admin_audit");
  db = seeded.db;
  itsam = seeded.direktionen.organisationId;
  ydre = (
    await db.organisation.create({
      data: { slug: "ydre", name: "Ydre kommun", kind: "KOMMUN", caseNumberPrefix: "KS" },
    })
  ).id;
  const created = await createBody(await contextFor(db, "admin"), {
    organisationId: itsam,
    name: "Valnämnden",
    genitiveName: "Valnämndens",
    kind: "NAMND",
    seatCount: "5",
    parentBodyId: "",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  // A sign-in: the platform's row (no meeting, no organisation).
  await db.auditLog.create({ data: { action: "auth.signIn", entity: "User", userId: null } });
}, 180_000);

afterAll(async () => {
  await seeded?.drop();
});

describe("the administration log", () => {
  it("shows the organisation's admin who created the body, and nothing of the platform's own rows", async () => {
    const { rows } = await runInScope(itsam, () => listOrganisationAudit(db, itsam));
    const row = rows.find((r) => r.action === "admin.body.create");
    expect(row).toMatchObject({ concerns: "Valnämnden", by: expect.any(String) });
    expect(rows.some((r) => r.action === "auth.signIn")).toBe(false);
  });

  it("another organisation sees none of it, even when its query names the first organisation", async () => {
    expect((await runInScope(ydre, () => listOrganisationAudit(db, ydre))).rows).toEqual([]);
    expect((await runInScope(ydre, () => listOrganisationAudit(db, itsam))).rows).toEqual([]);
    expect(await runInScope(ydre, () => db.auditLog.count({ where: { organisationId: itsam } }))).toBe(0);
  });

  it("the app's role cannot write a row into another organisation's log", async () => {
    const client = new pg.Client({ connectionString: seeded.url, options: `-c app.organisation=${ydre}` });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO "AuditLog" (id, action, entity, "organisationId") VALUES ('forged', 'admin.user.create', 'User', $1)`,
          [itsam],
        ),
      ).rejects.toMatchObject({ code: "42501" });
      const own = await client.query(
        `INSERT INTO "AuditLog" (id, action, entity, "organisationId") VALUES ('own', 'admin.user.create', 'User', $1)`,
        [ydre],
      );
      expect(own.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("pages newest first without gaps or repeats", async () => {
    await db.$transaction(async (tx) => {
      for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
        await writeAudit(tx, {
          userId: null,
          meetingId: null,
          organisationId: itsam,
          action: "admin.person.rename",
          entity: "Person",
          entityId: `p${i}`,
          ip: null,
        });
      }
    });
    const total = await db.auditLog.count({ where: { organisationId: itsam, meetingId: null } });
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await runInScope(itsam, () => listOrganisationAudit(db, itsam, before));
      expect(page.rows.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...page.rows.map((r) => r.id));
      const times = page.rows.map((r) => r.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      if (!page.next) break;
      before = page.next;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
