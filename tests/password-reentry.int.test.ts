// Password re-entry for signing: limited per user in PostgreSQL (shared by every app process),
// and every failed or refused attempt is audited without the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { createPrismaClient } from "@/server/db";
import { REENTRY_FAILED, REENTRY_LIMITED } from "@/server/password-reentry";
import { contextFor, createSeededDatabase, EMAILS, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let other: PrismaClient;
let drop: () => Promise<void>;
let meetingId: string;
const PASSWORD = "paragraf-demo";

beforeAll(async () => {
  const seeded = await createSeededDatabase("reentry");
  ({ db, drop } = seeded);
  other = createPrismaClient(seeded.url);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  // Fix the seed's real defects the checker reports as errors (§ 62 seat overlap, § 67), then send.
  await fixSeedDefects(db, meetingId);
  expect((await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).ok).toBe(true);
});
afterAll(async () => {
  await other?.$disconnect();
  await drop?.();
});

describe("password re-entry for signing", () => {
  it("refuses the sixth attempt in 15 minutes even with the right password, across processes, and audits each failure", async () => {
    const chair = await db.user.findUniqueOrThrow({ where: { email: EMAILS.chair } });
    const wrong = "gissning-nummer-";
    // Five wrong guesses, alternating between two "processes" (two clients, two pools).
    for (let i = 0; i < 5; i++) {
      const ctx = { ...(await contextFor(i % 2 ? other : db, "chair")), ip: "198.51.100.9" };
      expect(await signProtocol(ctx, { meetingId, password: `${wrong}${i}` })).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { password: ["Fel lösenord. Skriv lösenordet du loggar in med."] },
      });
    }
    const refused = await signProtocol(await contextFor(other, "chair"), { meetingId, password: PASSWORD });
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        password: [expect.stringMatching(/^För många felaktiga lösenord\. Vänta 1[45] minuter och försök igen\.$/)],
      },
    });
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);

    const rows = await db.auditLog.findMany({
      where: { userId: chair.id, action: { in: [REENTRY_FAILED, REENTRY_LIMITED] } },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill(REENTRY_FAILED), REENTRY_LIMITED]);
    for (const r of rows) {
      expect(r).toMatchObject({ meetingId, entity: "User", entityId: chair.id, data: { for: "protocol.sign" } });
      expect(JSON.stringify(r)).not.toContain(wrong);
      expect(JSON.stringify(r)).not.toContain(PASSWORD);
    }
    expect(rows[0]!.ip).toBe("198.51.100.9");

    // Another signer is not affected.
    expect(await signProtocol(await contextFor(db, "adjuster"), { meetingId, password: PASSWORD })).toEqual({
      ok: true,
      data: { complete: false },
    });
  });

  it("clears the count after the right password", async () => {
    const ctx = await contextFor(db, "secretary");
    for (let i = 0; i < 4; i++)
      expect(await signProtocol(ctx, { meetingId, password: "fel" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await signProtocol(ctx, { meetingId, password: PASSWORD })).toEqual({ ok: true, data: { complete: false } });
    const secretary = await db.user.findUniqueOrThrow({ where: { email: EMAILS.secretary } });
    expect(await db.auditLog.count({ where: { userId: secretary.id, action: REENTRY_FAILED } })).toBe(4);
  });
});
