// Issue 19.6: the usual autosave (only the §'s own fields changed) is one statement —
// saveParagraphFieldsOnly: version check, the § row, the audit row. It must recognise every stored
// part as unchanged for each § of the seed (motions with amendments, votes, tables, notes …), and
// write nothing at all when a part changed, the version is old or a person is not the
// organisation's (saveParagraph then saves in a transaction, as the other tests show).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { paragraphFields, paragraphPeople, saveParagraphFieldsOnly } from "@/modules/drafting/paragraph.stored";
import type { ParagraphContent } from "@/modules/drafting/paragraph.schema";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { editableParagraph } from "./support/paragraph-edit";
import { createSeededDatabase, EMAILS, SEED_SLUG } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let userId: string;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("saveone"));
  userId = (await db.user.findUniqueOrThrow({ where: { email: EMAILS.secretary } })).id;
});
afterAll(async () => drop?.());

async function editable(id: string) {
  return {
    ...(await editableParagraph(db, id)),
    meetingId: (await db.paragraph.findUniqueOrThrow({ where: { id } })).meetingId,
  };
}

function fieldsSave(id: string, version: number, meetingId: string, content: ParagraphContent) {
  return saveParagraphFieldsOnly(db, {
    paragraphId: id,
    version,
    fields: paragraphFields(content),
    content,
    people: paragraphPeople(content),
    audit: { userId, meetingId, ip: "127.0.0.1", action: "paragraph.save" },
    now: new Date(),
  });
}

const audits = (entityId: string) => db.auditLog.findMany({ where: { action: "paragraph.save", entityId } });

describe("saveParagraphFieldsOnly", () => {
  it("saves a title change of every seed § in one statement, with its audit row, parts untouched", async () => {
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(protocol.paragraphs.length).toBeGreaterThan(5);
    for (const p of protocol.paragraphs) {
      const before = await editable(p.id);
      const title = `${before.content.title} (ny rubrik)`;
      const saved = await fieldsSave(p.id, before.version, before.meetingId, { ...before.content, title });
      expect(saved, `§ ${p.number}`).toBe(before.version + 1);
      const after = (await findParagraphForEditing(db, p.id))!;
      expect(after.version).toBe(before.version + 1);
      expect({ ...after.paragraph, title: p.title }).toEqual(p);
      const [audit] = await audits(p.id);
      expect(audit).toMatchObject({ userId, meetingId: before.meetingId, entity: "Paragraph", ip: "127.0.0.1" });
      expect(audit!.data).toEqual({ version: before.version + 1 });
      expect(audit!.id).toMatch(/^c[0-9a-z]{24}$/);
    }
  });

  it("writes nothing when a part changed, the version is old or a person is not the organisation's", async () => {
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    const p = protocol.paragraphs.find((x) => x.sections.length > 0 && x.motions.length > 0)!;
    const start = await editable(p.id);
    const auditsBefore = (await audits(p.id)).length;
    const section = {
      ...start.content,
      sections: start.content.sections.map((s, i) => (i ? s : { ...s, heading: "Ny" })),
    };
    const otherOrganisation = await db.organisation.create({
      data: { slug: "annan", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
    });
    // A person the § names who has since moved to another organisation (the parts are unchanged).
    const moved = start.content.motions[0]!.personId;
    const home = (await db.person.findUniqueOrThrow({ where: { id: moved } })).organisationId;
    for (const [version, content, organisationId] of [
      [start.version, section, home],
      [start.version - 1, { ...start.content, title: "Gammal version" }, home],
      [start.version, { ...start.content, title: "Flyttad" }, otherOrganisation.id],
    ] as const) {
      await db.person.update({ where: { id: moved }, data: { organisationId } });
      expect(await fieldsSave(p.id, version, start.meetingId, content)).toBeNull();
    }
    await db.person.update({ where: { id: moved }, data: { organisationId: home } });
    expect(await fieldsSave(p.id, start.version, start.meetingId, { ...start.content, title: "Hemma" })).toBe(
      start.version + 1,
    );
    await db.paragraph.update({ where: { id: p.id }, data: { title: start.content.title, version: start.version } });
    expect(await editable(p.id)).toEqual(start);
    expect(await audits(p.id)).toHaveLength(auditsBefore + 1);
  });
});
