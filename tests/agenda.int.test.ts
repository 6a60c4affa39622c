// Agenda items and handlingar (issue 15, points 1 and 2) through the real actions on PostgreSQL:
// the permission table, zod in Swedish, one transaction with its audit row. Create in the pool and
// on a meeting's ärendelista, edit with a version check, move (never onto a meeting sent for
// justering), reorder with agendaVersion, delete; handlingar sniffed and size-limited, ordered,
// downloadable only by those entitled; the import of real DOCX files built here (a table and a
// numbered list included), and files that are not one.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import { findAgendaDocument, findAgendaItem, findMeetingAgenda } from "@/modules/agenda";
import {
  createAgendaItem,
  deleteAgendaDocument,
  deleteAgendaItem,
  importTjansteskrivelse,
  moveAgendaDocument,
  moveAgendaItem,
  reorderAgenda,
  updateAgendaItem,
  uploadAgendaDocument,
} from "@/modules/agenda/agenda.mutations";
import { MAX_ATTACHMENT_BYTES } from "@/modules/drafting";
import { actorFor, contextFor, createSeededDatabase, type ActorName } from "./support/seeded-db";
import { asOwnerWithoutGuards } from "./support/owner";
import { DOCX_TYPE, emptyDocx, encryptedDocx, tjansteskrivelseDocx } from "./support/docx-files";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let bodyId: string;
let kcbId: string;
let draft: { id: string; slug: string };
let draft2: { id: string; slug: string };
let adjusted: { id: string };
let kcbMeeting: { id: string };
let ledamot: ActionContext;

const NOW = new Date("2026-12-04T10:00:00.000Z");
const at = async (who: ActorName): Promise<ActionContext> => ({ ...(await contextFor(db, who)), now: NOW });

const pdf = (name = "Bilaga.pdf", body = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n") =>
  new File([body], name, { type: "application/pdf" });
const docxFile = (bytes: Uint8Array, name = "Tjänsteskrivelse.docx") =>
  new File([new Uint8Array(bytes)], name, { type: DOCX_TYPE });

async function meeting(body: string, date: string) {
  return db.meeting.create({
    data: { bodyId: body, slug: `agenda-${body}-${date}`, date: new Date(`${date}T00:00:00Z`), place: "Sal 1" },
    select: { id: true, slug: true },
  });
}

const positions = async (meetingId: string) =>
  (
    await db.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: "asc" },
      select: { title: true, position: true },
    })
  ).map((i) => `${i.position}:${i.title}`);
const agendaVersion = async (id: string) => (await db.meeting.findUniqueOrThrow({ where: { id } })).agendaVersion;

async function newItem(title: string, meetingId: string | null = draft.id) {
  const r = await createAgendaItem(await at("secretary"), { bodyId, meetingId, title, caseNumber: "" });
  if (!r.ok) throw new Error(r.message);
  return r.data.id;
}

beforeAll(async () => {
  seeded = await createSeededDatabase("agenda");
  db = seeded.db;
  bodyId = seeded.direktionen.id;
  kcbId = seeded.kcb.id;
  draft = await meeting(bodyId, "2026-12-17");
  draft2 = await meeting(bodyId, "2027-01-21");
  // A meeting sent for justering (planted: the app reaches that state only through the workflow).
  adjusted = await meeting(bodyId, "2026-11-19");
  await asOwnerWithoutGuards(seeded.ownerUrl, (c) =>
    c.query(`UPDATE "Meeting" SET "status" = 'READY_FOR_ADJUSTMENT' WHERE "id" = $1`, [adjusted.id]),
  );
  kcbMeeting = await meeting(kcbId, "2026-12-10");
  // A ledamot of Direktionen today (a Membership), with an account but no role on the body.
  const person = await db.person.create({
    data: { organisationId: seeded.direktionen.organisationId, name: "Lena Ledamot" },
  });
  await db.membership.create({
    data: {
      bodyId,
      personId: person.id,
      role: "SUBSTITUTE",
      represents: "Vimmerby kommun",
      termStart: new Date("2023-01-01T00:00:00Z"),
      termEnd: new Date("2099-12-31T00:00:00Z"),
      callOrder: 1,
    },
  });
  await db.user.create({
    data: {
      email: "lena@itsam.example",
      name: person.name,
      passwordHash: await hash("test-password"),
      personId: person.id,
    },
  });
  ledamot = { db, ip: "127.0.0.1", now: NOW, actor: await actorFor(db, "lena@itsam.example") };
}, 120_000);

afterAll(async () => {
  await seeded?.drop();
});

describe("ärenden: create, edit, move, reorder, delete", () => {
  it("creates ärenden on the ärendelista in order and in the pool, each with an audit row", async () => {
    const before = await agendaVersion(draft.id);
    const a = await newItem("Budget 2026");
    const b = await newItem("Internkontrollplan");
    const pool = await newItem("Taxor 2027", null);
    expect(await positions(draft.id)).toEqual(["1:Budget 2026", "2:Internkontrollplan"]);
    expect(await agendaVersion(draft.id)).toBe(before + 2);
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: pool } })).toMatchObject({
      meetingId: null,
      position: null,
    });
    const audits = await db.auditLog.findMany({ where: { action: "agenda.create", entityId: { in: [a, b, pool] } } });
    expect(audits).toHaveLength(3);
    expect(audits.find((x) => x.entityId === a)?.meetingId).toBe(draft.id);
  });

  it("refuses a missing title in Swedish, and ärenden for another body's or a justerat meeting", async () => {
    const empty = await createAgendaItem(await at("secretary"), {
      bodyId,
      meetingId: draft.id,
      title: " ",
      caseNumber: "",
    });
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!empty.ok && empty.code === "VALIDATION") expect(empty.fieldErrors.title?.[0]).toMatch(/Skriv ärendets rubrik/);
    // A meeting of another body: not found (the item's body and meeting must agree).
    expect(
      await createAgendaItem(await at("secretary"), { bodyId, meetingId: kcbMeeting.id, title: "X", caseNumber: "" }),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await createAgendaItem(await at("secretary"), { bodyId, meetingId: adjusted.id, title: "X", caseNumber: "" }),
    ).toMatchObject({
      ok: false,
      code: "STATE",
    });
  });

  it("lets only the body's secretary and admins edit; others are refused or told nothing", async () => {
    const input = { bodyId, meetingId: null, title: "Obehörigt", caseNumber: "" };
    expect(await createAgendaItem(await at("member"), input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createAgendaItem(ledamot, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await createAgendaItem(await at("otherSecretary"), input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await createAgendaItem(await at("anonymous"), input)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await createAgendaItem(await at("admin"), { ...input, title: "Av admin" })).toMatchObject({ ok: true });
  });

  it("saves the fields with a version check; a stale save is refused with what is saved now, and changes nothing", async () => {
    const id = await newItem("Revisionsplan");
    const ctx = await at("secretary");
    const save = (version: number, title: string) =>
      updateAgendaItem(ctx, {
        itemId: id,
        version,
        title,
        caseNumber: "ITSAM 2026/4",
        responsible: "Ann Svensson, förbundsdirektör",
        proposalIntro: "Direktionen föreslås besluta",
        proposalClauses: ["att godkänna revisionsplanen", "", "  "],
        isConfidential: false,
      });
    expect(await save(1, "Revisionsplan 2027")).toEqual({ ok: true, data: { version: 2 } });
    const stale = await save(1, "Min rubrik");
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!stale.ok && stale.code === "CONFLICT") {
      expect(stale.message).toMatch(/Någon annan har ändrat ärendet/);
      expect(stale.current).toMatchObject({ version: 2, title: "Revisionsplan 2027" });
    }
    const row = await db.agendaItem.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      version: 2,
      title: "Revisionsplan 2027",
      caseNumber: "ITSAM 2026/4",
      proposalClauses: ["att godkänna revisionsplanen"],
    });
    // Keep mine: saved again over the current version.
    expect(await save(2, "Min rubrik")).toMatchObject({ ok: true });
    expect(await db.auditLog.count({ where: { action: "agenda.update", entityId: id } })).toBe(2);
  });

  it("moves an ärende between the pool and the body's draft meetings, renumbering the list it left", async () => {
    const a = await newItem("Flytt A", draft2.id);
    const b = await newItem("Flytt B", draft2.id);
    const c = await newItem("Flytt C", draft2.id);
    const v = (await db.agendaItem.findUniqueOrThrow({ where: { id: a } })).version;
    expect(await moveAgendaItem(await at("secretary"), { itemId: a, version: v, meetingId: null })).toMatchObject({
      ok: true,
    });
    expect(await positions(draft2.id)).toEqual(["1:Flytt B", "2:Flytt C"]);
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: a } })).toMatchObject({
      meetingId: null,
      position: null,
    });
    expect(
      await moveAgendaItem(await at("secretary"), { itemId: a, version: v + 1, meetingId: draft2.id }),
    ).toMatchObject({ ok: true });
    expect(await positions(draft2.id)).toEqual(["1:Flytt B", "2:Flytt C", "3:Flytt A"]);
    // Not onto a justerat meeting, nor another body's; not with an old version.
    const vb = (await db.agendaItem.findUniqueOrThrow({ where: { id: b } })).version;
    const refused = await moveAgendaItem(await at("secretary"), { itemId: b, version: vb, meetingId: adjusted.id });
    expect(refused).toMatchObject({ ok: false, code: "STATE" });
    if (!refused.ok) expect(refused.message).toMatch(/skickat till justering eller justerat/);
    expect(
      await moveAgendaItem(await at("secretary"), { itemId: b, version: vb, meetingId: kcbMeeting.id }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await moveAgendaItem(await at("secretary"), { itemId: c, version: 99, meetingId: null })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await positions(draft2.id)).toEqual(["1:Flytt B", "2:Flytt C", "3:Flytt A"]);
  });

  it("reorders the ärendelista with agendaVersion: a whole order, one step, and a stale list refused", async () => {
    const items = await db.agendaItem.findMany({ where: { meetingId: draft2.id }, orderBy: { position: "asc" } });
    const [b, c, a] = items.map((i) => i.id) as [string, string, string];
    let version = await agendaVersion(draft2.id);
    const r1 = await reorderAgenda(await at("secretary"), {
      meetingId: draft2.id,
      agendaVersion: version,
      order: [a, b, c],
    });
    expect(r1).toEqual({ ok: true, data: { agendaVersion: version + 1 } });
    expect(await positions(draft2.id)).toEqual(["1:Flytt A", "2:Flytt B", "3:Flytt C"]);
    version += 1;
    expect(
      await reorderAgenda(await at("secretary"), {
        meetingId: draft2.id,
        agendaVersion: version,
        itemId: c,
        direction: "up",
      }),
    ).toMatchObject({ ok: true });
    expect(await positions(draft2.id)).toEqual(["1:Flytt A", "2:Flytt C", "3:Flytt B"]);
    const stale = await reorderAgenda(await at("secretary"), {
      meetingId: draft2.id,
      agendaVersion: version,
      order: [b, c, a],
    });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!stale.ok) expect(stale.message).toMatch(/ärendelistan/);
    // An order that leaves one out or names another is refused.
    expect(
      await reorderAgenda(await at("secretary"), { meetingId: draft2.id, agendaVersion: version + 1, order: [a, b] }),
    ).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await positions(draft2.id)).toEqual(["1:Flytt A", "2:Flytt C", "3:Flytt B"]);
  });

  it("deletes an ärende never dealt with, and refuses one a meeting has dealt with", async () => {
    const first = await db.agendaItem.findFirstOrThrow({ where: { meetingId: draft2.id, position: 1 } });
    expect(
      await deleteAgendaItem(await at("secretary"), { itemId: first.id, version: first.version - 1 }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await deleteAgendaItem(await at("secretary"), { itemId: first.id, version: first.version })).toMatchObject({
      ok: true,
    });
    expect(await positions(draft2.id)).toEqual(["1:Flytt C", "2:Flytt B"]);
    const dealt = await newItem("Utgick förra gången", null);
    await db.agendaOutcome.create({ data: { agendaItemId: dealt, meetingId: adjusted.id, fate: "STRUCK" } });
    expect(await deleteAgendaItem(await at("secretary"), { itemId: dealt, version: 1 })).toMatchObject({
      ok: false,
      code: "STATE",
    });
    expect(await db.agendaItem.count({ where: { id: dealt } })).toBe(1);
  });

  it("refuses changes to an ärende on a meeting sent for justering", async () => {
    const id = await newItem("På justerat möte", null);
    // The database itself refuses to put an ärende on it (20261204171000_agenda_guards) …
    await expect(
      db.agendaItem.update({ where: { id }, data: { meetingId: adjusted.id, position: 1 } }),
    ).rejects.toThrow(/kan inte ändras/);
    // … so it is planted there past the guards, to see the app refuse too.
    await asOwnerWithoutGuards(seeded.ownerUrl, (c) =>
      c.query(`UPDATE "AgendaItem" SET "meetingId" = $1, "position" = 1 WHERE "id" = $2`, [adjusted.id, id]),
    );
    const r = await updateAgendaItem(await at("secretary"), {
      itemId: id,
      version: 1,
      title: "Ändrad",
      caseNumber: "",
      responsible: "",
      proposalIntro: "",
      proposalClauses: [],
      isConfidential: false,
    });
    expect(r).toMatchObject({ ok: false, code: "STATE" });
  });

  it("shows the ärendelista to the body's ledamöter and ersättare, and not to another body's secretary", async () => {
    const seen = await findMeetingAgenda(db, ledamot.actor!, draft.slug);
    expect(seen?.items.map((i) => i.title)).toEqual(
      ["Budget 2026", "Internkontrollplan", "Revisionsplan"].map((t, i) => (i === 2 ? "Min rubrik" : t)),
    );
    expect(seen?.can.edit).toBe(false);
    expect(await findMeetingAgenda(db, (await at("otherSecretary")).actor!, draft.slug)).toBeNull();
  });
});

describe("handlingar", () => {
  let itemId: string;
  let secret: string;

  beforeAll(async () => {
    itemId = await newItem("Med handlingar", null);
  });

  it("stores a PDF and a DOCX by their content, in order, with audit rows", async () => {
    const ctx = await at("secretary");
    const a = await uploadAgendaDocument(ctx, {
      itemId,
      title: "Tjänsteskrivelse",
      isConfidential: false,
      file: pdf(),
    });
    const b = await uploadAgendaDocument(ctx, {
      itemId,
      title: "Underlag",
      isConfidential: true,
      file: docxFile(await tjansteskrivelseDocx(), "underlag"),
    });
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: true });
    secret = b.ok ? b.data.id : "";
    const docs = await db.agendaDocument.findMany({ where: { agendaItemId: itemId }, orderBy: { position: "asc" } });
    expect(docs.map((d) => [d.position, d.title, d.mimeType, d.fileName, d.isConfidential])).toEqual([
      [1, "Tjänsteskrivelse", "application/pdf", "Bilaga.pdf", false],
      [2, "Underlag", DOCX_TYPE, "underlag.docx", true],
    ]);
    expect(await db.auditLog.count({ where: { action: "agenda.document.upload" } })).toBe(2);
  });

  it.each([
    ["HTML named .pdf", new File(["<html><script>alert(1)</script></html>"], "x.pdf"), /varken PDF eller Word/],
    ["a password-protected Word file", new File([new Uint8Array(encryptedDocx())], "hemlig.docx"), /lösenordsskyddad/],
    ["an empty file", new File([], "tom.pdf"), /Filen är tom/],
  ])("refuses %s in Swedish", async (_name, file, message) => {
    const r = await uploadAgendaDocument(await at("secretary"), { itemId, title: "Fel", isConfidential: false, file });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok && r.code === "VALIDATION") expect(r.fieldErrors.file?.join(" ")).toMatch(message);
    expect(await db.agendaDocument.count({ where: { agendaItemId: itemId } })).toBe(2);
  });

  it("refuses a file over the limit", async () => {
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x25)], "stor.pdf");
    const r = await uploadAgendaDocument(await at("secretary"), {
      itemId,
      title: "Stor",
      isConfidential: false,
      file: big,
    });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/större än 20 MB/) });
  });

  it("gives a confidential handling only to the body's secretaries, admins, members and ersättare", async () => {
    for (const who of ["secretary", "admin", "member"] as const) {
      expect(await findAgendaDocument(db, (await at(who)).actor, itemId, secret), who).not.toBeNull();
    }
    expect(await findAgendaDocument(db, ledamot.actor, itemId, secret)).not.toBeNull();
    expect(await findAgendaDocument(db, (await at("otherSecretary")).actor, itemId, secret)).toBeNull();
    expect(await findAgendaDocument(db, null, itemId, secret)).toBeNull();
    // A handling named under another ärende is not found either.
    expect(await findAgendaDocument(db, (await at("secretary")).actor, draft.id, secret)).toBeNull();
  });

  it("reorders and deletes handlingar, renumbering the rest", async () => {
    expect(await moveAgendaDocument(await at("secretary"), { documentId: secret, direction: "up" })).toMatchObject({
      ok: true,
    });
    const titles = async () =>
      (await db.agendaDocument.findMany({ where: { agendaItemId: itemId }, orderBy: { position: "asc" } })).map(
        (d) => `${d.position}:${d.title}`,
      );
    expect(await titles()).toEqual(["1:Underlag", "2:Tjänsteskrivelse"]);
    expect(await deleteAgendaDocument(ledamot, { documentId: secret })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await deleteAgendaDocument(await at("secretary"), { documentId: secret })).toMatchObject({ ok: true });
    expect(await titles()).toEqual(["1:Tjänsteskrivelse"]);
  });
});

describe("import of a tjänsteskrivelse (real DOCX files)", () => {
  let itemId: string;

  beforeAll(async () => {
    itemId = await newItem("Budget 2026 (import)", null);
  });

  it("fills the summary (headings, a table, the numbered list) and the förslag till beslut", async () => {
    const r = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: 1,
      file: docxFile(await tjansteskrivelseDocx()),
    });
    expect(r).toEqual({ ok: true, data: { version: 2, summary: true, proposal: { intro: true, clauses: 2 } } });
    const row = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(row.proposalIntro).toBe("Direktionen föreslås besluta");
    expect(row.proposalClauses).toEqual([
      "att fastställa budget för 2026 med plan för 2027–2028,",
      "att medlemsavgifterna för 2026 ska vara oförändrade.",
    ]);
    const types = (row.summary as { content: { type: string }[] }).content.map((b) => b.type);
    expect(types).toContain("table");
    expect(types).toContain("bulletList");
    expect(types).toContain("heading");
    expect(row.summaryPlain).toContain("Medlemsavgifter\t12 500");
    expect(row.summaryPlain).toContain("Löneökning om 3 procent");
    // The förslag is not repeated in the summary.
    expect(row.summaryPlain).not.toContain("att fastställa");
    const found = await findAgendaItem(db, (await at("secretary")).actor!, itemId);
    expect(found?.item.summary?.type).toBe("doc");
    expect(await db.auditLog.count({ where: { action: "agenda.import", entityId: itemId } })).toBe(1);
  });

  it.each([
    ["garbage", () => new File([new Uint8Array(4096).fill(7)], "skräp.docx"), /inte ett Word-dokument/],
    [
      "a zip that is no Word file",
      () => new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], "a.docx"),
      /inte ett Word-dokument/,
    ],
    ["a password-protected DOCX", () => new File([new Uint8Array(encryptedDocx())], "hemlig.docx"), /lösenordsskyddad/],
    ["an empty file", () => new File([], "tom.docx"), /Filen är tom/],
    ["a PDF", () => pdf(), /inte ett Word-dokument/],
  ])("refuses %s in Swedish and changes nothing", async (_name, file, message) => {
    const before = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const r = await importTjansteskrivelse(await at("secretary"), { itemId, version: before.version, file: file() });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok && r.code === "VALIDATION") expect(r.fieldErrors.file?.join(" ")).toMatch(message);
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).toEqual(before);
  });

  it("refuses a DOCX without text, and a damaged one", async () => {
    const before = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const empty = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: before.version,
      file: docxFile(await emptyDocx()),
    });
    expect(empty).toMatchObject({ ok: false, message: expect.stringMatching(/tomt/) });
    const whole = await tjansteskrivelseDocx();
    const damaged = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: before.version,
      file: docxFile(whole.subarray(0, Math.floor(whole.length / 2))),
    });
    expect(damaged).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).toEqual(before);
  });

  it("refuses an import over a newer version (someone saved meanwhile)", async () => {
    const r = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: 1,
      file: docxFile(await tjansteskrivelseDocx()),
    });
    expect(r).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});
