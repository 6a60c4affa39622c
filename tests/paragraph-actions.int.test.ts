// Every paragraph action: valid input, invalid input (Swedish field errors), stale version
// (conflict), and who is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addParagraph, deleteParagraph, moveParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("para"));
});
afterAll(async () => drop?.());

const contentOf = toParagraphContent;

async function paragraph(number: number) {
  const protocol = await findProtocolBySlug(db, SEED_SLUG);
  const p = protocol!.paragraphs.find((x) => x.number === number)!;
  const editing = await findParagraphForEditing(db, p.id);
  return { id: p.id, version: editing!.version, dto: editing!.paragraph };
}

describe("saveParagraph", () => {
  it("saves a whole § and bumps its version", async () => {
    const p = await paragraph(62);
    const content = contentOf(p.dto);
    content.decision = {
      ...content.decision,
      clauses: [...content.decision.clauses, "att därutöver notera rapporten", "   "],
    };
    const ctx = await contextFor(db, "secretary");
    const result = await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content });
    expect(result).toEqual({ ok: true, data: { version: p.version + 1 } });
    const after = await paragraph(62);
    expect(after.dto.decision.clauses).toHaveLength(4); // the blank row is dropped, not refused
    expect(after.dto.decision.clauses.at(-1)).toBe("att därutöver notera rapporten");
    // Everything else came back unchanged: motions with their amendment link, the table.
    expect(after.dto.motions).toEqual(p.dto.motions);
    expect(after.dto.sections).toEqual(p.dto.sections);
    const audit = await db.auditLog.findFirst({ where: { action: "paragraph.save", entityId: p.id } });
    expect(audit?.ip).toBe("127.0.0.1");
  });

  it("refuses invalid input with Swedish messages per field and stores nothing", async () => {
    const p = await paragraph(59);
    const content = contentOf(p.dto);
    content.title = "  ";
    content.sections = [{ kind: "SUMMARY", heading: "x".repeat(201), content: { type: "doc", content: [] } }];
    content.motions = [{ personId: "x", kind: "TILLAGG", text: "", amendsIndex: 3, withdrawn: false }];
    const result = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: p.id,
      version: p.version,
      content,
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "VALIDATION") throw new Error("expected a validation failure");
    expect(result.fieldErrors["content.title"]).toEqual(["Skriv en rubrik för paragrafen."]);
    expect(result.fieldErrors["content.sections.0.heading"]).toEqual(["Rubriken får vara högst 200 tecken."]);
    expect(result.fieldErrors["content.motions.0.text"]).toEqual(["Skriv yrkandets text."]);
    expect(result.fieldErrors["content.motions.0.amendsIndex"]?.[0]).toMatch(/tidigare yrkande/);
    expect((await paragraph(59)).version).toBe(p.version);
  });

  it("refuses rich text that is not the stored format (e.g. HTML or scripts)", async () => {
    const p = await paragraph(59);
    const content = contentOf(p.dto) as unknown as Record<string, unknown>;
    content.sections = [{ kind: "SUMMARY", heading: "X", content: "<script>alert(1)</script>" }];
    const result = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: p.id,
      version: p.version,
      content,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("VALIDATION");
  });

  it("refuses a person from outside the organisation", async () => {
    const p = await paragraph(60);
    const content = contentOf(p.dto);
    content.reservations = [{ personId: "no-such-person", reasons: null }];
    const result = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: p.id,
      version: p.version,
      content,
    });
    expect(!result.ok && result.code).toBe("VALIDATION");
    expect((await paragraph(60)).dto.reservations).toEqual([]);
  });

  it("refuses a save based on an old version and returns the stored text", async () => {
    const p = await paragraph(61);
    const ctx = await contextFor(db, "secretary");
    const mine = { ...contentOf(p.dto), title: "Personal (min version)" };
    const theirs = { ...contentOf(p.dto), title: "Personal (deras version)" };
    expect((await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content: theirs })).ok).toBe(true);
    const stale = await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content: mine });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.code !== "CONFLICT") throw new Error("expected a conflict");
    expect(stale.message).toMatch(/Någon annan har sparat paragrafen/);
    const current = stale.current as { version: number; paragraph: ParagraphDTO };
    expect(current.version).toBe(p.version + 1);
    expect(current.paragraph.title).toBe("Personal (deras version)");
    expect((await paragraph(61)).dto.title).toBe("Personal (deras version)");
  });

  it("lets exactly one of 20 concurrent saves from the same version win, whole", async () => {
    const p = await paragraph(63);
    const ctx = await contextFor(db, "secretary");
    const texts = Array.from({ length: 20 }, (_, i) => `Prislista 2022 – version ${i}`);
    const results = await Promise.all(
      texts.map((title, i) =>
        saveParagraph(ctx, {
          paragraphId: p.id,
          version: p.version,
          content: { ...contentOf(p.dto), title, decision: { intro: `Beslut ${i}`, clauses: [`att ${i}`] } },
        }),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "CONFLICT")).toHaveLength(19);
    const stored = (await paragraph(63)).dto;
    const w = winners[0]!;
    expect([stored.title, stored.decision.intro, stored.decision.clauses]).toEqual([
      texts[w],
      `Beslut ${w}`,
      [`att ${w}`],
    ]);
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["chair", "FORBIDDEN"],
    ["adjuster", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ])("refuses %s (%s)", async (who, code) => {
    const p = await paragraph(64);
    const result = await saveParagraph(await contextFor(db, who), {
      paragraphId: p.id,
      version: p.version,
      content: { ...contentOf(p.dto), title: "Kapat" },
    });
    expect(!result.ok && result.code).toBe(code);
    expect((await paragraph(64)).dto.title).toBe("Verksamhetsplan 2022");
  });

  it("lets an admin save", async () => {
    const p = await paragraph(64);
    const result = await saveParagraph(await contextFor(db, "admin"), {
      paragraphId: p.id,
      version: p.version,
      content: contentOf(p.dto),
    });
    expect(result.ok).toBe(true);
  });
});

describe("add, move and delete §§", () => {
  it("adds a § after the last one, moves it up with renumbering, and deletes it closing the gap", async () => {
    const ctx = await contextFor(db, "secretary");
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    const added = await addParagraph(ctx, { meetingId: meeting.id, title: "Övriga frågor" });
    expect(added).toMatchObject({ ok: true, data: { number: 68 } });
    const id = added.ok ? added.data.id : "";

    const moved = await moveParagraph(ctx, { paragraphId: id, direction: "up" });
    expect(moved.ok).toBe(true);
    const numbers = async () =>
      (
        await db.paragraph.findMany({
          where: { meetingId: meeting.id },
          orderBy: { number: "asc" },
          select: { title: true, number: true },
        })
      ).map((p) => `${p.number} ${p.title}`);
    expect((await numbers()).slice(-2)).toEqual(["67 Övriga frågor", "68 Handlingar för kännedom - 2021"]);

    expect(await moveParagraph(ctx, { paragraphId: id, direction: "sideways" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect((await deleteParagraph(ctx, { paragraphId: id })).ok).toBe(true);
    const after = await numbers();
    expect(after).toHaveLength(9);
    expect(after.at(-1)).toBe("67 Handlingar för kännedom - 2021");
  });

  it("refuses an empty title in Swedish", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    const result = await addParagraph(await contextFor(db, "secretary"), { meetingId: meeting.id, title: " " });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { title: ["Skriv en rubrik för paragrafen."] },
    });
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ])("refuses %s", async (who, code) => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    const p = await paragraph(59);
    const ctx = await contextFor(db, who);
    expect(await addParagraph(ctx, { meetingId: meeting.id, title: "X" })).toMatchObject({ ok: false, code });
    expect(await moveParagraph(ctx, { paragraphId: p.id, direction: "down" })).toMatchObject({ ok: false, code });
    expect(await deleteParagraph(ctx, { paragraphId: p.id })).toMatchObject({ ok: false, code });
    expect(await db.paragraph.count({ where: { meetingId: meeting.id } })).toBe(9);
  });
});

describe("once sent for justering", () => {
  it("refuses every change with a Swedish reason", async () => {
    // Sent as the database takes it: with a content hash (here a stand-in), cleared again when returned.
    const sent = { status: "READY_FOR_ADJUSTMENT" as const, contentHash: "a".repeat(64) };
    const meeting = await db.meeting.update({ where: { slug: SEED_SLUG }, data: sent });
    try {
      const p = await paragraph(65);
      const ctx = await contextFor(db, "secretary");
      const save = await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content: contentOf(p.dto) });
      expect(save).toMatchObject({ ok: false, code: "STATE" });
      expect(!save.ok && save.message).toMatch(/skickat till justering eller justerat/);
      expect(await addParagraph(ctx, { meetingId: meeting.id, title: "X" })).toMatchObject({
        ok: false,
        code: "STATE",
      });
      expect(await deleteParagraph(ctx, { paragraphId: p.id })).toMatchObject({ ok: false, code: "STATE" });
    } finally {
      await db.meeting.update({ where: { slug: SEED_SLUG }, data: { status: "DRAFT", contentHash: null } });
    }
  });
});
