// reorderParagraphs: a drag in the editor's outline moves a § several steps in one change, checked
// against the order the editor saw; refused in Swedish for a stale or incomplete order and for
// whoever may not edit; one audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { moveParagraph, reorderParagraphs } from "@/modules/drafting/paragraph.mutations";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("reorder"));
});
afterAll(async () => drop?.());

async function meetingId() {
  return (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
}

async function paragraphs() {
  return db.paragraph.findMany({
    where: { meetingId: await meetingId() },
    orderBy: { number: "asc" },
    select: { id: true, number: true, title: true },
  });
}

describe("reorderParagraphs", () => {
  it("moves a § several steps at once, renumbering from the first number, with one audit row", async () => {
    const before = await paragraphs();
    expect(before.map((p) => p.number)).toEqual([59, 60, 61, 62, 63, 64, 65, 66, 67]);
    const ids = before.map((p) => p.id);
    // § 66 dragged to the second place.
    const order = [ids[0]!, ids[7]!, ...ids.slice(1, 7), ids[8]!];
    const ctx = await contextFor(db, "secretary");
    const result = await reorderParagraphs(ctx, { meetingId: await meetingId(), expected: ids, order });
    expect(result.ok).toBe(true);
    const after = await paragraphs();
    expect(after.map((p) => p.id)).toEqual(order);
    expect(after.map((p) => p.number)).toEqual([59, 60, 61, 62, 63, 64, 65, 66, 67]);
    expect(after[1]!.title).toBe(before[7]!.title);
    const audits = await db.auditLog.findMany({ where: { action: "paragraph.reorder", meetingId: await meetingId() } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toEqual({ order });

    // Back again, so the other tests see the seed's order.
    expect((await reorderParagraphs(ctx, { meetingId: await meetingId(), expected: order, order: ids })).ok).toBe(true);
    expect((await paragraphs()).map((p) => p.id)).toEqual(ids);
  });

  it("refuses an order based on a stale view (someone moved a § meanwhile) and changes nothing", async () => {
    const ctx = await contextFor(db, "secretary");
    const seen = (await paragraphs()).map((p) => p.id);
    // Someone else moves § 59 down after the editor read the order.
    expect((await moveParagraph(ctx, { paragraphId: seen[0]!, direction: "down" })).ok).toBe(true);
    const now = (await paragraphs()).map((p) => p.id);
    const result = await reorderParagraphs(ctx, {
      meetingId: await meetingId(),
      expected: seen,
      order: [...seen].reverse(),
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!result.ok && result.message).toMatch(/Någon annan har flyttat/);
    expect((await paragraphs()).map((p) => p.id)).toEqual(now);
    expect((await moveParagraph(ctx, { paragraphId: seen[0]!, direction: "up" })).ok).toBe(true);
  });

  it("refuses an order that leaves out, repeats or invents a §, in Swedish", async () => {
    const ctx = await contextFor(db, "secretary");
    const ids = (await paragraphs()).map((p) => p.id);
    for (const order of [ids.slice(1), [ids[0]!, ...ids.slice(0, -1)], [...ids.slice(0, -1), "okand"]]) {
      const result = await reorderParagraphs(ctx, { meetingId: await meetingId(), expected: ids, order });
      expect(result).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { order: ["Ta med varje paragraf i protokollet en gång."] },
      });
    }
    expect((await paragraphs()).map((p) => p.id)).toEqual(ids);
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ])("refuses %s", async (who, code) => {
    const ids = (await paragraphs()).map((p) => p.id);
    const result = await reorderParagraphs(await contextFor(db, who), {
      meetingId: await meetingId(),
      expected: ids,
      order: [...ids].reverse(),
    });
    expect(result).toMatchObject({ ok: false, code });
    expect((await paragraphs()).map((p) => p.id)).toEqual(ids);
  });
});
