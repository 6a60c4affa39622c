// Red team over issue 15's new surfaces (agenda, handlingar, DOCX import, agenda → §§, kallelse,
// members' view), on real PostgreSQL through the real actions and queries. Each test is an attack;
// a passing test is a defence that holds (kept as a regression test), a failing one a finding
// (see the red-team report: the fault's file:line and a proposed fix).
import { crc32, deflateRawSync } from "node:zlib";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
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
import { turnAgendaIntoParagraphs } from "@/modules/agenda/agenda-to-protocol.mutations";
import { findAgendaDocument, findAgendaItem, findBodyPool, findMeetingAgenda } from "@/modules/agenda";
import { addDays, dbDate, toSwedishDate } from "@/lib/iso-date";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as publicKallelse } from "@/app/(public)/[org]/anslagstavla/kungorelse/[slug]/kallelse.pdf/route";
import { GET as publicBundle } from "@/app/(public)/[org]/anslagstavla/kungorelse/[slug]/handlingar.pdf/route";
import { useRouteDatabase } from "./support/route-db";
import { makeSendSummons } from "@/modules/summons/summons.mutations";
import { MAX_ATTACHMENT_BYTES } from "@/modules/drafting";
import type { OutgoingMail } from "@/server/mail";
import { actorFor, contextFor, createSeededDatabase, EMAILS, type ActorName } from "./support/seeded-db";
import { createFullmaktige } from "./support/bodies";
import { asOwnerWithoutGuards } from "./support/owner";
import { DOCX_TYPE } from "./support/docx-files";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let bodyId: string;
let draft: { id: string; slug: string };
let adjusted: { id: string; slug: string };
let ledamot: ActionContext;

const NOW = new Date("2026-12-04T10:00:00.000Z");
const at = async (who: ActorName): Promise<ActionContext> => ({ ...(await contextFor(db, who)), now: NOW });

let slugCounter = 0;
async function meeting(date: string) {
  return db.meeting.create({
    data: { bodyId, slug: `redteam-${date}-${++slugCounter}`, date: new Date(`${date}T00:00:00Z`), place: "Sal 1" },
    select: { id: true, slug: true },
  });
}

async function newItem(title: string, meetingId: string | null, extra: { isConfidential?: boolean } = {}) {
  const r = await createAgendaItem(await at("secretary"), { bodyId, meetingId, title, caseNumber: "RT 2026/1" });
  if (!r.ok) throw new Error(r.message);
  if (extra.isConfidential) await db.agendaItem.update({ where: { id: r.data.id }, data: { isConfidential: true } });
  return r.data.id;
}

const plainPdf = () => new File(["%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"], "Bilaga.pdf", { type: "application/pdf" });

/** A real PDF that runs JavaScript when opened (an OpenAction) and from a page's open action. */
async function pdfWithJavaScript(): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText("Tjanstesskrivelse", { x: 50, y: 780, font, size: 14 });
  const js = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('x');") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(js));
  page.node.set(PDFName.of("AA"), doc.context.obj({ O: doc.context.register(js) }));
  return new Uint8Array(await doc.save());
}

/** A zip file, written here: entries deflated (or stored), with their central directory. */
function zip(entries: { name: string; data: Buffer; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const RELS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX whose word/document.xml is `mb` megabytes of nothing (blanks) around one paragraph: a zip bomb. */
function docxBomb(mb: number): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>Sammanfattning</w:t></w:r></w:p>`;
  const xml = Buffer.alloc(mb * 1024 * 1024, 0x20);
  xml.write(head, 0, "utf8");
  const tail = "</w:body></w:document>";
  xml.write(tail, xml.length - tail.length, "utf8");
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "word/document.xml", data: xml },
  ]);
}

const docxFile = (bytes: Uint8Array, name = "Tjänsteskrivelse.docx") =>
  new File([new Uint8Array(bytes)], name, { type: DOCX_TYPE });

beforeAll(async () => {
  seeded = await createSeededDatabase("redteam");
  db = seeded.db;
  bodyId = seeded.direktionen.id;
  draft = await meeting("2026-12-17");
  adjusted = await meeting("2026-11-19");
  await asOwnerWithoutGuards(seeded.ownerUrl, (c) =>
    c.query(`UPDATE "Meeting" SET "status" = 'READY_FOR_ADJUSTMENT' WHERE "id" = $1`, [adjusted.id]),
  );
  // An ersättare of Direktionen (a Membership) with an account but no role on the body.
  const person = await db.person.create({
    data: { organisationId: seeded.direktionen.organisationId, name: "Rut Ersättare", email: "rut@itsam.example" },
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
      email: "rut@itsam.example",
      name: person.name,
      passwordHash: await hash("test-password"),
      personId: person.id,
    },
  });
  ledamot = { db, ip: "127.0.0.1", now: NOW, actor: await actorFor(db, "rut@itsam.example") };
}, 180_000);

let restoreRouteDatabase: (() => Promise<void>) | undefined;

afterAll(async () => {
  await restoreRouteDatabase?.();
  await seeded?.drop();
});

// -------------------------------------------------------------------------------------------------
// Files
// -------------------------------------------------------------------------------------------------

describe("hostile files", () => {
  let itemId: string;
  const stored = () => db.agendaDocument.count({ where: { agendaItemId: itemId } });
  /** The upload's answer; the test fails here if a refused file was stored all the same. */
  const upload = async (file: File) => {
    const before = await stored();
    const r = await uploadAgendaDocument(await at("secretary"), {
      itemId,
      title: "Handling",
      isConfidential: false,
      file,
    });
    if (!r.ok) expect(await stored()).toBe(before);
    return r;
  };

  beforeAll(async () => {
    itemId = await newItem("Filer", null);
  });

  it("refuses a PDF that runs JavaScript, in Swedish, and stores nothing", async () => {
    const r = await upload(new File([await pdfWithJavaScript()], "skript.pdf", { type: "application/pdf" }));
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) expect(r.message).toMatch(/[åäö]|PDF/);
  });

  it("refuses a zip that is not a DOCX, in Swedish, and stores nothing", async () => {
    const r = await upload(
      new File([new Uint8Array(zip([{ name: "a.txt", data: Buffer.from("hej") }]))], "arkiv.docx"),
    );
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/varken PDF eller Word/) });
  });

  it("refuses a zip that is not a DOCX even when a file in it mentions word/document.xml", async () => {
    const notDocx = zip([
      { name: "LASMIG.txt", data: Buffer.from("Öppna word/document.xml i programmet."), store: true },
      { name: "program.exe", data: Buffer.from("MZ\x90\x00 this is not a Word file") },
    ]);
    const r = await upload(new File([new Uint8Array(notDocx)], "handling.docx"));
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("refuses a 0-byte file and one over the limit, in Swedish, and stores nothing", async () => {
    expect(await upload(new File([], "tom.pdf"))).toMatchObject({ ok: false, code: "VALIDATION" });
    const big = await upload(new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x25)], "stor.pdf"));
    expect(big).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/större än/) });
  });

  it('stores "../../x.pdf" under a name without a path, and serves it as an attachment', async () => {
    const r = await uploadAgendaDocument(await at("secretary"), {
      itemId,
      title: "Sökväg",
      isConfidential: false,
      file: new File([await plainPdf().arrayBuffer()], "../../x.pdf"),
    });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    const doc = await db.agendaDocument.findUniqueOrThrow({ where: { id: r.data.id } });
    expect(doc.fileName).not.toMatch(/[/\\]/);
    expect(doc.fileName.endsWith(".pdf")).toBe(true);
    const served = await findAgendaDocument(db, (await at("secretary")).actor, itemId, doc.id);
    expect(served?.fileName).toBe(doc.fileName);
  });

  it("refuses a zip that is not a DOCX on import, in Swedish, and changes nothing", async () => {
    const before = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const r = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: before.version,
      file: docxFile(zip([{ name: "a.txt", data: Buffer.from("hej") }])),
    });
    expect(r).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: expect.stringMatching(/inte ett Word-dokument/),
    });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).version).toBe(before.version);
  });

  it("refuses a DOCX bomb (a small file, a huge document.xml) on import without unpacking it, in Swedish", async () => {
    const bomb = docxBomb(200); // ~200 KB on the wire, 200 MB unpacked
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    const r = await importTjansteskrivelse(await at("secretary"), {
      itemId,
      version: before.version,
      file: docxFile(bomb),
    });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!r.ok) expect(r.message).toMatch(/[åäö]/);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).version).toBe(before.version);
  }, 120_000);
});

// -------------------------------------------------------------------------------------------------
// Who may do what
// -------------------------------------------------------------------------------------------------

describe("people without the right", () => {
  let itemId: string;
  let secretDocId: string;
  let publicDocId: string;

  beforeAll(async () => {
    itemId = await newItem("Löneförhandling Hemligsson", draft.id, { isConfidential: true });
    const ctx = await at("secretary");
    const a = await uploadAgendaDocument(ctx, { itemId, title: "Lönelista", isConfidential: true, file: plainPdf() });
    const open = await newItem("Öppet ärende", draft.id);
    const b = await uploadAgendaDocument(ctx, {
      itemId: open,
      title: "Öppen handling",
      isConfidential: false,
      file: plainPdf(),
    });
    if (!a.ok || !b.ok) throw new Error("upload");
    secretDocId = a.data.id;
    publicDocId = b.data.id;
  });

  const refused = (r: { ok: boolean; code?: string }) =>
    expect(r).toMatchObject({ ok: false, code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND|UNAUTHENTICATED)$/) });

  it("an ersättare, a member, another body's secretary and an anonymous client cannot edit, send or convert", async () => {
    const version = (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).version;
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: draft.id } })).agendaVersion;
    const mails: OutgoingMail[] = [];
    const send = makeSendSummons(async (m) => (mails.push(m), { sent: true }));
    for (const ctx of [ledamot, await at("member"), await at("otherSecretary"), await at("anonymous")]) {
      refused(
        await updateAgendaItem(ctx, {
          itemId,
          version,
          title: "Kapad",
          caseNumber: "",
          responsible: "",
          proposalIntro: "",
          proposalClauses: [],
          isConfidential: false,
        }),
      );
      refused(await uploadAgendaDocument(ctx, { itemId, title: "X", isConfidential: false, file: plainPdf() }));
      refused(await deleteAgendaDocument(ctx, { documentId: secretDocId }));
      refused(await deleteAgendaItem(ctx, { itemId, version }));
      refused(await reorderAgenda(ctx, { meetingId: draft.id, agendaVersion, itemId, direction: "down" }));
      refused(await send(ctx, { meetingId: draft.id, agendaVersion }));
      refused(
        await turnAgendaIntoParagraphs(ctx, {
          meetingId: draft.id,
          agendaVersion,
          includeOpening: false,
          items: [],
        }),
      );
    }
    expect(mails).toEqual([]);
    const item = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item).toMatchObject({ title: "Löneförhandling Hemligsson", isConfidential: true, version });
    expect(await db.paragraph.count({ where: { meetingId: draft.id } })).toBe(0);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: draft.id } })).summonsSentAt).toBeNull();
  });

  it("hands a confidential handling to the body's own only; another body's secretary gets not even a public one", async () => {
    expect(await findAgendaDocument(db, ledamot.actor, null, secretDocId)).not.toBeNull();
    expect(await findAgendaDocument(db, (await at("member")).actor, null, secretDocId)).not.toBeNull();
    expect(await findAgendaDocument(db, (await at("otherSecretary")).actor, null, secretDocId)).toBeNull();
    expect(await findAgendaDocument(db, (await at("otherSecretary")).actor, null, publicDocId)).toBeNull();
    expect(await findAgendaDocument(db, null, null, publicDocId)).toBeNull();
    expect(await findAgendaDocument(db, (await at("otherSecretary")).actor, itemId, secretDocId)).toBeNull();
    expect(await findAgendaDocument(db, null, itemId, secretDocId)).toBeNull();
  });

  it("a secretary cannot put an ärende on a meeting sent for justering, by creating or moving it", async () => {
    const created = await createAgendaItem(await at("secretary"), {
      bodyId,
      meetingId: adjusted.id,
      title: "Sent påkommet",
      caseNumber: "",
    });
    expect(created).toMatchObject({ ok: false });
    const pooled = await newItem("I poolen", null);
    const moved = await moveAgendaItem(await at("secretary"), { itemId: pooled, version: 1, meetingId: adjusted.id });
    expect(moved).toMatchObject({ ok: false, code: "STATE" });
    expect(await db.agendaItem.count({ where: { meetingId: adjusted.id } })).toBe(0);
  });

  it("another body's secretary cannot move this body's ärende onto their own meeting (a forged id)", async () => {
    const kcbMeeting = await db.meeting.create({
      data: { bodyId: seeded.kcb.id, slug: "redteam-kcb", date: new Date("2026-12-10T00:00:00Z"), place: "Sal 2" },
    });
    const pooled = await newItem("Direktionens ärende", null);
    for (const who of ["otherSecretary", "secretary"] as const) {
      const r = await moveAgendaItem(await at(who), { itemId: pooled, version: 1, meetingId: kcbMeeting.id });
      expect(r, who).toMatchObject({ ok: false });
    }
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: pooled } })).meetingId).toBeNull();
  });
});

// -------------------------------------------------------------------------------------------------
// After the ärendelista became §§
// -------------------------------------------------------------------------------------------------

describe("an ärende that became a §", () => {
  let meetingId: string;
  let itemId: string;
  let docIds: string[];

  beforeAll(async () => {
    meetingId = (await meeting("2027-02-11")).id;
    itemId = await newItem("Beslutat ärende", meetingId);
    const ctx = await at("secretary");
    docIds = [];
    for (const title of ["Tjänsteskrivelse", "Bilaga"]) {
      const r = await uploadAgendaDocument(ctx, { itemId, title, isConfidential: false, file: plainPdf() });
      if (!r.ok) throw new Error(r.message);
      docIds.push(r.data.id);
    }
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).agendaVersion;
    const r = await turnAgendaIntoParagraphs(ctx, {
      meetingId,
      agendaVersion,
      includeOpening: false,
      items: [{ itemId, fate: "DECIDED", reason: "" }],
    });
    if (!r.ok) throw new Error(r.message);
  });

  it("cannot be deleted, edited or given a new handling", async () => {
    const ctx = await at("secretary");
    const { version } = await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(await deleteAgendaItem(ctx, { itemId, version })).toMatchObject({ ok: false, code: "STATE" });
    expect(
      await updateAgendaItem(ctx, {
        itemId,
        version,
        title: "Ändrat i efterhand",
        caseNumber: "",
        responsible: "",
        proposalIntro: "",
        proposalClauses: [],
        isConfidential: false,
      }),
    ).toMatchObject({ ok: false, code: "STATE" });
    expect(
      await uploadAgendaDocument(ctx, { itemId, title: "Efteråt", isConfidential: false, file: plainPdf() }),
    ).toMatchObject({ ok: false, code: "STATE" });
  });

  it("keeps its handlingar: they cannot be deleted or reordered once the ärende is dealt with", async () => {
    const ctx = await at("secretary");
    const del = await deleteAgendaDocument(ctx, { documentId: docIds[0]! });
    const move = await moveAgendaDocument(ctx, { documentId: docIds[1]!, direction: "up" });
    // Refused by the app with its own message (and by the database beneath it, 20261204171000_agenda_guards).
    const message = "Ärendet är redan behandlat på ett sammanträde och kan inte ändras här.";
    expect(del).toMatchObject({ ok: false, code: "STATE", message });
    expect(move).toMatchObject({ ok: false, code: "STATE", message });
    const docs = await db.agendaDocument.findMany({ where: { agendaItemId: itemId }, orderBy: { position: "asc" } });
    expect(docs.map((d) => d.id)).toEqual(docIds);
  });
});

// -------------------------------------------------------------------------------------------------
// Races
// -------------------------------------------------------------------------------------------------

describe("races", () => {
  it("an edit racing the protocol being sent for justering does not change the ärendelista of a frozen meeting", async () => {
    const m = await meeting("2027-03-11");
    const itemId = await newItem("Under justering", m.id);
    let edit: ReturnType<typeof updateAgendaItem> | undefined;
    // Another transaction holds the ärende's row (as a save in flight would) while the meeting is
    // sent for justering; the edit was authorised against DRAFT just before.
    await asOwnerWithoutGuards(seeded.ownerUrl, async (c: pg.Client) => {
      await c.query(`SELECT 1 FROM "AgendaItem" WHERE "id" = $1 FOR UPDATE`, [itemId]);
      edit = (async () =>
        updateAgendaItem(await at("secretary"), {
          itemId,
          version: 1,
          title: "Ändrat under justeringen",
          caseNumber: "",
          responsible: "",
          proposalIntro: "",
          proposalClauses: [],
          isConfidential: false,
        }))();
      await new Promise((r) => setTimeout(r, 500));
      await c.query(`UPDATE "Meeting" SET "status" = 'READY_FOR_ADJUSTMENT' WHERE "id" = $1`, [m.id]);
    });
    const r = await edit!;
    expect(r).toMatchObject({ ok: false, code: "STATE" });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).title).toBe("Under justering");
  });

  it("two 'Skicka kallelse' at once (a double click) send one kallelse, not a second 'Ny kallelse'", async () => {
    const m = await meeting("2027-04-15");
    await newItem("Ärende att kalla till", m.id);
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).agendaVersion;
    const mails: OutgoingMail[] = [];
    const send = makeSendSummons(async (mail) => (mails.push(mail), { sent: true }));
    const ctx = await at("secretary");
    const results = await Promise.all([
      send(ctx, { meetingId: m.id, agendaVersion }),
      send(ctx, { meetingId: m.id, agendaVersion }),
    ]);
    // Neither deadlocks nor fails unexpectedly: one sends; the other is refused or a no-op.
    expect(results.filter((r) => r.ok && !r.data.resend)).toHaveLength(1);
    expect(mails.filter((x) => /^Ny kallelse/.test(x.subject))).toEqual([]);
    expect(await db.auditLog.count({ where: { meetingId: m.id, action: { startsWith: "summons." } } })).toBe(1);
  });

  it("two conversions at once make the §§ once; a stale agendaVersion is refused", async () => {
    const m = await meeting("2027-05-13");
    const itemId = await newItem("Samtidigt", m.id);
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).agendaVersion;
    const ctx = await at("secretary");
    const input = { meetingId: m.id, includeOpening: false, items: [{ itemId, fate: "DECIDED" as const, reason: "" }] };
    expect(await turnAgendaIntoParagraphs(ctx, { ...input, agendaVersion: agendaVersion - 1 })).toMatchObject({
      ok: false,
    });
    const results = await Promise.all([
      turnAgendaIntoParagraphs(ctx, { ...input, agendaVersion }),
      turnAgendaIntoParagraphs(ctx, { ...input, agendaVersion }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.paragraph.count({ where: { meetingId: m.id } })).toBe(1);
  });
});

// -------------------------------------------------------------------------------------------------
// Public bytes: the kungörelse of a fullmäktige meeting, before and after its agenda became §§
// -------------------------------------------------------------------------------------------------

describe("the public kungörelse", () => {
  const SECRET = "Hemligsson lönetvist";
  const SECRET_DNR = "KF 2026/777";
  const SECRET_DOC = "Förlikningsavtal Hemligsson";
  let slug: string;
  let kfMeetingId: string;
  let secretItemId: string;
  let openItemId: string;

  const fetchPublic = async (file: "kallelse" | "handlingar") => {
    const get = file === "kallelse" ? publicKallelse : publicBundle;
    const res = await get(new Request(`http://localhost/anslagstavla/kungorelse/${slug}/${file}.pdf`), {
      params: Promise.resolve({ org: "itsam", slug }),
    });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  beforeAll(async () => {
    restoreRouteDatabase = useRouteDatabase(seeded.url);
    const today = toSwedishDate(new Date());
    const created = await createFullmaktige(db, {
      organisationId: seeded.direktionen.organisationId,
      today,
      slug: "redteam-kf",
      member: { name: "KF Ledamot", email: "kf@itsam.example" },
    });
    const kf = { id: created.bodyId };
    slug = `redteam-kf-${addDays(today, 10)}`;
    const m = await db.meeting.create({
      data: { bodyId: kf.id, slug, date: dbDate(addDays(today, 10)), startTime: "18:00", place: "Stadshuset" },
    });
    kfMeetingId = m.id;
    const open = await db.agendaItem.create({
      data: {
        bodyId: kf.id,
        meetingId: m.id,
        position: 1,
        title: "Öppet ärende",
        proposalIntro: "Fullmäktige föreslås besluta",
        proposalClauses: ["att godkänna"],
        documents: {
          create: [
            {
              title: "Tjänsteskrivelse med skript",
              fileName: "ts.pdf",
              mimeType: "application/pdf",
              bytes: await pdfWithJavaScript(),
              sha256: "js",
              position: 1,
            },
          ],
        },
      },
    });
    openItemId = open.id;
    const secret = await db.agendaItem.create({
      data: {
        bodyId: kf.id,
        meetingId: m.id,
        position: 2,
        title: SECRET,
        caseNumber: SECRET_DNR,
        proposalIntro: "Hemligt förslag om förlikning",
        isConfidential: true,
        documents: {
          create: [
            {
              title: SECRET_DOC,
              fileName: "avtal.pdf",
              mimeType: "application/pdf",
              bytes: await pdfWithJavaScript(),
              sha256: "s",
              position: 1,
            },
          ],
        },
      },
    });
    secretItemId = secret.id;
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).agendaVersion;
    const send = makeSendSummons(async () => ({ sent: true }));
    const r = await send({ ...(await contextFor(db, "admin")), now: new Date() }, { meetingId: m.id, agendaVersion });
    if (!r.ok) throw new Error(r.message);
  });

  const expectNoSecret = (bytes: Uint8Array) => {
    const text = pdfToText(bytes).replace(/\s+/g, " ");
    const raw = Buffer.from(bytes).toString("latin1");
    for (const s of [SECRET, "Hemligsson", SECRET_DNR, SECRET_DOC, "förlikning"]) {
      expect(text).not.toContain(s);
      expect(raw.includes(s), s).toBe(false);
    }
  };

  it("holds no confidential title, Dnr, förslag or handling, before the agenda became §§", async () => {
    expectNoSecret(await fetchPublic("kallelse"));
    expectNoSecret(await fetchPublic("handlingar"));
  });

  it("and still none after the agenda became §§ (the meeting still a draft, the kungörelse still up)", async () => {
    const agendaVersion = (await db.meeting.findUniqueOrThrow({ where: { id: kfMeetingId } })).agendaVersion;
    const r = await turnAgendaIntoParagraphs(await at("admin"), {
      meetingId: kfMeetingId,
      agendaVersion,
      includeOpening: false,
      items: [
        { itemId: openItemId, fate: "DECIDED", reason: "" },
        { itemId: secretItemId, fate: "DECIDED", reason: "" },
      ],
    });
    expect(r).toMatchObject({ ok: true });
    expectNoSecret(await fetchPublic("kallelse"));
    expectNoSecret(await fetchPublic("handlingar"));
  });

  it("does not carry a handling's JavaScript into the public bundle served from the organisation's site", async () => {
    const raw = Buffer.from(await fetchPublic("handlingar")).toString("latin1");
    // (a boolean, so a failure does not print the PDF's bytes)
    expect(/\/JavaScript|\/JS\b/.test(raw), "the public bundle holds a JavaScript action").toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
// Reads of the workspace pages (what their HTML and RSC payload are built from)
// -------------------------------------------------------------------------------------------------

describe("the workspace's agenda reads", () => {
  it("give another body's secretary nothing of this body's ärenden, lists or pool", async () => {
    const itemId = await newItem("Direktionens hemliga ärende", draft.id, { isConfidential: true });
    const other = await actorFor(db, EMAILS.otherSecretary);
    expect(await findAgendaItem(db, other, itemId)).toBeNull();
    const agenda = await findMeetingAgenda(db, other, draft.slug);
    expect(JSON.stringify(agenda ?? null)).not.toContain("hemliga");
    const pool = await findBodyPool(db, other, seeded.direktionen.slug);
    expect(JSON.stringify(pool ?? null)).not.toContain("hemliga");
    // The body's own ersättare reads it (confidential included).
    expect(await findAgendaItem(db, ledamot.actor!, itemId)).not.toBeNull();
  });
});
