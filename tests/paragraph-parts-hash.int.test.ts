// Issue 19.6: the § row remembers the hash of its parts ("partsHash"), so the usual autosave does
// not rebuild them to prove they are unchanged. The database forgets the hash whenever a part
// changes, whoever changes it (migration 20261208010000: triggers on every part table); a save
// trusts the hash only while it is there, and remembers one only for parts it found or wrote.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { paragraphFields, paragraphPartsHash, saveParagraphFieldsOnly } from "@/modules/drafting/paragraph.stored";
import type { ParagraphContent } from "@/modules/drafting/paragraph.schema";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { editableParagraph } from "./support/paragraph-edit";
import { contextFor, createSeededDatabase, EMAILS, SEED_SLUG } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let userId: string;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("partshash"));
  userId = (await db.user.findUniqueOrThrow({ where: { email: EMAILS.secretary } })).id;
});
afterAll(async () => drop?.());

async function editable(number: number) {
  const p = (await findProtocolBySlug(db, SEED_SLUG))!.paragraphs.find((x) => x.number === number)!;
  const { version, content } = await editableParagraph(db, p.id);
  const row = await db.paragraph.findUniqueOrThrow({ where: { id: p.id } });
  return { id: p.id, version, content, row };
}

function fieldsSave(id: string, version: number, meetingId: string, content: ParagraphContent) {
  return saveParagraphFieldsOnly(db, {
    paragraphId: id,
    version,
    fields: paragraphFields(content),
    content,
    people: [],
    audit: { userId, meetingId, ip: null, action: "paragraph.save" },
    now: new Date(),
  });
}

const state = (id: string) =>
  db.paragraph.findUniqueOrThrow({ where: { id }, select: { partsHash: true, partsVersion: true, version: true } });

describe("the § row's parts hash", () => {
  it("is remembered by a save that compared the parts, and cleared by any change of a part", async () => {
    const p = await editable(62);
    expect(p.row.partsHash).toBeNull(); // the seed wrote the parts; nobody compared them yet
    const saved = await fieldsSave(p.id, p.version, p.row.meetingId, { ...p.content, title: "Ny rubrik" });
    expect(saved).toBe(p.version + 1);
    expect(await state(p.id)).toEqual({
      partsHash: paragraphPartsHash(p.content),
      partsVersion: p.row.partsVersion,
      version: p.version + 1,
    });

    // A section changed behind the editor's back (another writer): the hash is gone, the version moved.
    const section = await db.paragraphSection.findFirstOrThrow({ where: { paragraphId: p.id } });
    await db.paragraphSection.update({ where: { id: section.id }, data: { heading: "Ändrad av någon annan" } });
    expect(await state(p.id)).toMatchObject({ partsHash: null, partsVersion: p.row.partsVersion + 1 });
    // So the editor's older parts are not taken for the stored ones: nothing is written.
    expect(await fieldsSave(p.id, p.version + 1, p.row.meetingId, { ...p.content, title: "Gammal bild" })).toBeNull();
    await db.paragraphSection.update({ where: { id: section.id }, data: { heading: section.heading } });
  });

  it("is cleared by a change of any part table, ballots included", async () => {
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    const person = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
    for (const p of protocol.paragraphs.slice(0, 3)) {
      const change = [
        () => db.basisDocument.create({ data: { paragraphId: p.id, title: "Ny handling", position: 99 } }),
        () => db.protocolNote.create({ data: { paragraphId: p.id, text: "Antecknas", position: 99 } }),
        () => db.recusal.create({ data: { paragraphId: p.id, personId: person.id, reason: "Jäv" } }),
      ][protocol.paragraphs.indexOf(p)]!;
      await db.$executeRaw`UPDATE "Paragraph" SET "partsHash" = 'x' WHERE id = ${p.id}`;
      const before = await state(p.id);
      await change();
      expect(await state(p.id), `§ ${p.number}`).toEqual({
        ...before,
        partsHash: null,
        partsVersion: before.partsVersion + 1,
      });
    }
    // A ballot reaches its § through the vote.
    const p = protocol.paragraphs[3]!;
    const vote = await db.vote.create({
      data: {
        paragraphId: p.id,
        question: "Bifall mot avslag",
        result: "Bifall",
        outcome: "JA",
        position: 99,
        ballots: { create: { personId: person.id, choice: "JA", position: 0 } },
      },
    });
    await db.$executeRaw`UPDATE "Paragraph" SET "partsHash" = 'x' WHERE id = ${p.id}`;
    const before = await state(p.id);
    await db.ballot.update({
      where: { voteId_personId: { voteId: vote.id, personId: person.id } },
      data: { choice: "NEJ" },
    });
    expect(await state(p.id)).toEqual({ ...before, partsHash: null, partsVersion: before.partsVersion + 1 });
  });

  it("is trusted while it is there: the autosave then reads no part", async () => {
    const p = await editable(63);
    const other: ParagraphContent = { ...p.content, propositions: [...p.content.propositions, "Ett nytt yrkande"] };
    // A hash that claims the stored parts are `other`'s (which no save ever stored): the save
    // believes it, which shows that the comparison of the rows was skipped.
    await db.$executeRaw`UPDATE "Paragraph" SET "partsHash" = ${paragraphPartsHash(other)} WHERE id = ${p.id}`;
    expect(await fieldsSave(p.id, p.version, p.row.meetingId, other)).toBe(p.version + 1);
    // Without it, the rows are compared: `other` is not what is stored.
    await db.$executeRaw`UPDATE "Paragraph" SET "partsHash" = NULL WHERE id = ${p.id}`;
    expect(await fieldsSave(p.id, p.version + 1, p.row.meetingId, other)).toBeNull();
    expect(await fieldsSave(p.id, p.version + 1, p.row.meetingId, p.content)).toBe(p.version + 2);
  });

  it("is set by the whole save that wrote the parts, so the next autosave is the short one", async () => {
    const p = await editable(64);
    const ctx = await contextFor(db, "secretary");
    const changed = { ...p.content, propositions: [...p.content.propositions, "Bifall till förslaget"] };
    const saved = await saveParagraph(ctx, { paragraphId: p.id, version: p.version, content: changed });
    expect(saved).toEqual({ ok: true, data: { version: p.version + 1 } });
    expect((await state(p.id)).partsHash).toBe(paragraphPartsHash(changed));
  });

  it("is not remembered for parts that a transaction committing meanwhile changed", async () => {
    // The save compares the rows of its snapshot while another transaction holds a changed
    // section (and the § row, through the triggers); when that commits, the save's UPDATE
    // rechecks the newer § row, whose partsVersion is not the one its snapshot read.
    const p = await editable(65);
    await db.$executeRaw`UPDATE "Paragraph" SET "partsHash" = NULL WHERE id = ${p.id}`;
    const section = await db.paragraphSection.findFirstOrThrow({ where: { paragraphId: p.id } });
    let save: Promise<number | null> = Promise.resolve(null);
    await db.$transaction(
      async (tx) => {
        await tx.paragraphSection.update({ where: { id: section.id }, data: { heading: "Samtidigt ändrad" } });
        save = fieldsSave(p.id, p.version, p.row.meetingId, { ...p.content, title: "Samtidig rubrik" });
        // Commit only once the save waits for the § row.
        for (let i = 0; i < 200; i++) {
          const [w] = await db.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%WITH saved AS%'`;
          if (w!.n > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      },
      { timeout: 15_000 },
    );
    expect(await save).toBeNull();
    expect(await state(p.id)).toMatchObject({ partsHash: null, version: p.version });
  });
});
