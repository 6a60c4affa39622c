// Issue 19.6: a save writes only the parts of a § that changed. A part whose rows would come out
// the same keeps its rows (same ids); a changed part is written again; the saved § reads back as
// the content saved either way, with the audit row and the version as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("savediff"));
});
afterAll(async () => drop?.());

async function paragraph(number: number) {
  const protocol = await findProtocolBySlug(db, SEED_SLUG);
  const p = protocol!.paragraphs.find((x) => x.number === number)!;
  const editing = await findParagraphForEditing(db, p.id);
  return { id: p.id, version: editing!.version, dto: editing!.paragraph };
}

const ids = async (paragraphId: string) => ({
  sections: (await db.paragraphSection.findMany({ where: { paragraphId }, orderBy: { position: "asc" } })).map(
    (r) => r.id,
  ),
  motions: (await db.motion.findMany({ where: { paragraphId }, orderBy: { position: "asc" } })).map((r) => r.id),
  basis: (await db.basisDocument.findMany({ where: { paragraphId }, orderBy: { position: "asc" } })).map((r) => r.id),
});

describe("saveParagraph writes only what changed", () => {
  it("leaves unchanged child rows alone and rewrites a changed part", async () => {
    const p = await paragraph(62);
    expect(p.dto.sections.length).toBeGreaterThan(0);
    const before = await ids(p.id);
    const ctx = await contextFor(db, "secretary");

    // Only the title changes: no child row is written again.
    const content = toParagraphContent(p.dto);
    const titled = await saveParagraph(ctx, {
      paragraphId: p.id,
      version: p.version,
      content: { ...content, title: `${content.title} (ändrad)` },
    });
    expect(titled).toEqual({ ok: true, data: { version: p.version + 1 } });
    expect(await ids(p.id)).toEqual(before);
    const afterTitle = await paragraph(62);
    expect(afterTitle.dto.title).toBe(`${p.dto.title} (ändrad)`);
    expect(afterTitle.dto.sections).toEqual(p.dto.sections);
    expect(afterTitle.dto.motions).toEqual(p.dto.motions);

    // One section's heading changes: the sections are written again, the rest is not.
    const changed = toParagraphContent(afterTitle.dto);
    changed.sections = changed.sections.map((s, i) => (i === 0 ? { ...s, heading: `${s.heading} ny` } : s));
    const saved = await saveParagraph(ctx, { paragraphId: p.id, version: afterTitle.version, content: changed });
    expect(saved.ok).toBe(true);
    const after = await ids(p.id);
    expect(after.sections).not.toEqual(before.sections);
    expect(after.motions).toEqual(before.motions);
    expect(after.basis).toEqual(before.basis);
    const reread = await paragraph(62);
    expect(reread.dto.sections[0]!.heading).toBe(`${p.dto.sections[0]!.heading} ny`);
    expect(reread.dto.sections.slice(1)).toEqual(p.dto.sections.slice(1));
    expect(await db.auditLog.count({ where: { action: "paragraph.save", entityId: p.id } })).toBe(2);

    // A stale version is still refused, and writes nothing.
    const stale = await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content });
    expect(stale.ok).toBe(false);
    expect(stale.ok === false && stale.code).toBe("CONFLICT");
    expect(await ids(p.id)).toEqual(after);
  });
});
