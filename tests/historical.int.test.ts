// Historical protocols (issue 14, point 6): protocols justerade on paper, registered with their
// real dates and scanned PDF. Registration through the real action (permission table, zod, the
// rules, one transaction with its audit row), what the public archive, search, PDF route and
// /verifiera make of it, the attacks on who may register or read, and the database guards that
// keep a registered protocol as it was, tried as the app's own role.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/inskannade/[slug]/protokoll.pdf/route";
import { deleteHistoricalProtocol, registerHistoricalProtocol } from "@/modules/historical/historical.mutations";
import { findPublicHistoricalProtocol, findHistoricalProtocol } from "@/modules/historical";
import { archiveFacets, listArchive, searchArchive } from "@/modules/publication";
import { verifyPdf } from "@/modules/publication/verify";
import { hash } from "@node-rs/argon2";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph } from "@/modules/drafting/paragraph.mutations";
import { contextFor, createSeededDatabase, type ActorName } from "./support/seeded-db";
import { useRouteDatabase } from "./support/route-db";
import { PLATFORM_SCOPE_OPTION } from "./support/scope";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let restoreRouteDatabase: () => Promise<void>;
let app: pg.Client;
let owner: pg.Client;
let bodyId: string;
let otherOrganisationSecretary: ActionContext;

const NOW = new Date("2026-12-04T10:00:00.000Z");
const at = async (who: ActorName): Promise<ActionContext> => ({ ...(await contextFor(db, who)), now: NOW });

let pdfCounter = 0;
/** A small PDF, different every time (the same PDF cannot be registered twice). */
function pdf(name = "Protokoll 2021-03-11 direktionen.pdf"): File {
  pdfCounter += 1;
  return new File([`%PDF-1.4\n% inskannat ${pdfCounter}\n1 0 obj << >> endobj\n%%EOF\n`], name, {
    type: "application/pdf",
  });
}

const valid = () => ({
  bodyId,
  meetingDate: "2021-03-11",
  title: "",
  description: "Protokollet justerades på papper och skannades in 2026.",
  firstNumber: "10",
  lastNumber: "18",
  adjustedOn: "2021-03-18",
  postedOn: "2021-03-19",
  takeDownOn: "2021-04-12",
  paragraphs: "10; Budget för Itsam 2022; ITSAM 2021/3\n§ 11; Internkontrollplan\n12\tVal av revisorer\tITSAM 2021/5",
  isPublic: true,
  file: pdf(),
});

const pdfGet = (slug: string, headers: Record<string, string> = {}) =>
  publicPdf(new Request(`http://localhost/protokoll/inskannade/${slug}/protokoll.pdf`, { headers }), {
    params: Promise.resolve({ org: "itsam", slug }),
  });

beforeAll(async () => {
  seeded = await createSeededDatabase("historical");
  db = seeded.db;
  bodyId = seeded.direktionen.id;
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  app = new pg.Client({ connectionString: seeded.url, options: PLATFORM_SCOPE_OPTION });
  owner = new pg.Client({ connectionString: seeded.ownerUrl });
  await Promise.all([app.connect(), owner.connect()]);
  // Another organisation with a body and its secretary.
  const org = await db.organisation.create({
    data: { slug: "annan-kommun", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
  });
  const ks = await db.body.create({
    data: {
      organisationId: org.id,
      slug: "kommunstyrelsen",
      name: "Kommunstyrelsen",
      genitiveName: "Kommunstyrelsens",
      kind: "STYRELSE",
      seatCount: 11,
    },
  });
  const user = await db.user.create({
    data: {
      email: "sekreterare@annan-kommun.example",
      name: "Sekreterare Annan Kommun",
      passwordHash: await hash("test-password"),
      bodyRoles: { create: { bodyId: ks.id, role: "SECRETARY" } },
    },
  });
  otherOrganisationSecretary = {
    db,
    ip: "127.0.0.1",
    now: NOW,
    actor: {
      userId: user.id,
      isAdmin: false,
      organisationBodyIds: [ks.id],
      personId: null,
      bodyRoles: [{ bodyId: ks.id, role: "SECRETARY" }],
    },
  };
}, 120_000);

afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
  await restoreRouteDatabase?.();
  await seeded?.drop();
});

describe("registering a historical protocol", () => {
  let slug: string;
  let bytes: Uint8Array;

  it("stores it with its real dates, §§ and the PDF byte for byte, with an audit row", async () => {
    const input = valid();
    bytes = new Uint8Array(await input.file.arrayBuffer());
    const result = await registerHistoricalProtocol(await at("secretary"), input);
    expect(result).toMatchObject({ ok: true, data: { slug: "direktionen-2021-03-11" } });
    slug = result.ok ? result.data.slug : "";
    const row = await db.historicalProtocol.findUniqueOrThrow({ where: { slug }, include: { paragraphs: true } });
    expect(row).toMatchObject({
      year: 2021,
      title: "Direktionen, sammanträde 11 mars 2021",
      firstNumber: 10,
      lastNumber: 18,
      isPublic: true,
      fileName: "Protokoll 2021-03-11 direktionen.pdf",
      registeredAt: NOW,
    });
    expect(row.adjustedOn.toISOString().slice(0, 10)).toBe("2021-03-18");
    expect(row.postedOn.toISOString().slice(0, 10)).toBe("2021-03-19");
    expect(row.takeDownOn?.toISOString().slice(0, 10)).toBe("2021-04-12");
    expect(Buffer.from(row.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.paragraphs.map((p) => [p.number, p.title, p.caseNumber]).sort()).toEqual([
      [10, "Budget för Itsam 2022", "ITSAM 2021/3"],
      [11, "Internkontrollplan", null],
      [12, "Val av revisorer", "ITSAM 2021/5"],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "historical.register", entityId: row.id } });
    expect(audit.data).toMatchObject({ slug, sha256: row.sha256, meetingDate: "2021-03-11", isPublic: true });
    // No meeting was created: the live lifecycle is not involved.
    expect(await db.meeting.count({ where: { slug } })).toBe(0);
  });

  it("is in the public archive and its search, marked as scanned, without who registered it", async () => {
    const { entries } = await listArchive(db, { bodySlug: "direktionen", year: 2021 });
    const entry = entries.find((e) => e.slug === slug);
    expect(entry).toMatchObject({ scanned: true, href: `/itsam/protokoll/inskannade/${slug}`, paragraphs: "§§ 10–18" });
    const { hits } = await searchArchive(db, { q: "revisorer" });
    expect(hits).toContainEqual(
      expect.objectContaining({ scanned: true, number: 12, href: `/itsam/protokoll/inskannade/${slug}#paragraf-12` }),
    );
    const byDescription = await searchArchive(db, { q: "skannades" });
    expect(byDescription.hits[0]).toMatchObject({ scanned: true, number: null, slug });
    expect((await archiveFacets(db)).years).toContain(2021);
    const pub = await findPublicHistoricalProtocol(db, slug);
    expect(pub).toMatchObject({ slug, adjustedOn: "2021-03-18", registeredByUserId: null, registeredByName: null });
    expect(JSON.stringify(pub)).not.toContain("Sekreterare");
    // The workspace knows who registered it.
    expect((await findHistoricalProtocol(db, slug))?.registeredByName).toBeTruthy();
  });

  it("serves its PDF byte-identical with its hash as ETag", async () => {
    const res = await pdfGet(slug);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Protokoll 2021-03-11 direktionen.pdf"/);
    const sha = (await db.historicalProtocol.findUniqueOrThrow({ where: { slug } })).sha256;
    expect(res.headers.get("etag")).toBe(`"${sha}"`);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect((await pdfGet(slug, { "if-none-match": `"${sha}"` })).status).toBe(304);
    expect((await pdfGet("direktionen-1999-01-01")).status).toBe(404);
  });

  it("/verifiera reports it as registered, not as signed in Paragraf", async () => {
    const result = await verifyPdf(db, bytes);
    expect(result).toMatchObject({
      match: false,
      message: expect.stringContaining("registrerad som inskannat protokoll 2026-12-04, inte signerat i Paragraf"),
      scanned: {
        bodyName: "Direktionen",
        meetingDate: "2021-03-11",
        adjustedOn: "2021-03-18",
        registeredOn: "2026-12-04",
      },
    });
  });

  it.each([
    [
      "a file that is not a PDF",
      { file: new File(["<html>"], "x.pdf", { type: "application/pdf" }) },
      "file",
      /inte en PDF/,
    ],
    ["an empty file", { file: new File([], "x.pdf") }, "file", /tom/],
    ["no file", { file: "x" }, "file", /Välj det inskannade protokollet/],
    ["no meeting date", { meetingDate: "" }, "meetingDate", /Ange sammanträdets datum/],
    ["a date that does not exist", { adjustedOn: "2021-02-30" }, "adjustedOn", /ÅÅÅÅ-MM-DD/],
    ["justering before the meeting", { adjustedOn: "2021-03-10" }, "adjustedOn", /före sammanträdet/],
    ["posting before justering", { postedOn: "2021-03-17" }, "postedOn", /före justeringen/],
    ["take-down before posting", { takeDownOn: "2021-03-18" }, "takeDownOn", /före den dag det sattes upp/],
    [
      "a date after today",
      { meetingDate: "2026-12-01", adjustedOn: "2026-12-03", postedOn: "2026-12-04", takeDownOn: "2026-12-05" },
      "takeDownOn",
      /senare än i dag \(2026-12-04\)/,
    ],
    ["only a first §", { lastNumber: "" }, "lastNumber", /både första och sista/],
    ["a last § before the first", { firstNumber: "18", lastNumber: "10" }, "lastNumber", /lägre nummer/],
    ["a § number that is not one", { firstNumber: "tio" }, "firstNumber", /paragrafens nummer/],
    [
      "a § list line without a number",
      { paragraphs: "Budget; ITSAM 2021/3" },
      "paragraphs",
      /Rad 1: börja med paragrafens nummer/,
    ],
    ["a § listed twice", { paragraphs: "10; A\n10; B" }, "paragraphs", /Rad 2: § 10 finns redan/],
    ["a § outside the range", { paragraphs: "19; Övrigt" }, "paragraphs", /§ 19 ligger utanför/],
  ])("refuses %s in Swedish and stores nothing", async (_name, change, field, message) => {
    const before = await db.historicalProtocol.count();
    const result = await registerHistoricalProtocol(await at("secretary"), {
      ...valid(),
      meetingDate: "2020-05-14",
      adjustedOn: "2020-05-20",
      postedOn: "2020-05-21",
      takeDownOn: "2020-06-12",
      ...(field === "meetingDate" || field === "adjustedOn" || field === "postedOn" || field === "takeDownOn"
        ? { meetingDate: "2021-03-11", adjustedOn: "2021-03-18", postedOn: "2021-03-19", takeDownOn: "2021-04-12" }
        : {}),
      firstNumber: "40",
      lastNumber: "49",
      paragraphs: "",
      ...change,
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok && result.code === "VALIDATION") expect(result.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await db.historicalProtocol.count()).toBe(before);
  });

  it("refuses §§ of the body's year that a meeting in Paragraf or another historical protocol has", async () => {
    const ctx = await at("secretary");
    // The seed's meeting 2021-11-18 has §§ 59–67.
    const live = await registerHistoricalProtocol(ctx, {
      ...valid(),
      meetingDate: "2021-06-10",
      adjustedOn: "2021-06-15",
      postedOn: "2021-06-16",
      takeDownOn: "",
      firstNumber: "55",
      lastNumber: "60",
      paragraphs: "",
    });
    expect(live).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!live.ok && live.code === "VALIDATION")
      expect(live.fieldErrors.firstNumber?.join(" ")).toMatch(/§ 59 2021 finns redan i organets protokoll i Paragraf/);
    const other = await registerHistoricalProtocol(ctx, {
      ...valid(),
      meetingDate: "2021-04-15",
      adjustedOn: "2021-04-20",
      postedOn: "2021-04-21",
      takeDownOn: "",
      firstNumber: "",
      lastNumber: "",
      paragraphs: "17; Övrigt\n19; Information",
    });
    expect(other).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!other.ok && other.code === "VALIDATION")
      expect(other.fieldErrors.firstNumber?.join(" ")).toMatch(
        /10–18 2021 är redan registrerade i ett inskannat protokoll/,
      );
    // The same numbers another year are free; so is the next range of the year.
    const nextYear = await registerHistoricalProtocol(ctx, {
      ...valid(),
      meetingDate: "2020-03-12",
      adjustedOn: "2020-03-19",
      postedOn: "2020-03-20",
    });
    expect(nextYear).toMatchObject({ ok: true, data: { slug: "direktionen-2020-03-12" } });
    const after = await registerHistoricalProtocol(ctx, {
      ...valid(),
      meetingDate: "2021-04-15",
      adjustedOn: "2021-04-20",
      postedOn: "2021-04-21",
      takeDownOn: "",
      firstNumber: "19",
      lastNumber: "25",
      paragraphs: "",
    });
    expect(after).toMatchObject({ ok: true });
  });

  it("refuses the same PDF twice", async () => {
    const again = await registerHistoricalProtocol(await at("secretary"), {
      ...valid(),
      meetingDate: "2019-03-14",
      adjustedOn: "2019-03-20",
      postedOn: "2019-03-21",
      file: new File([Buffer.from(bytes)], "kopia.pdf"),
    });
    expect(again).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!again.ok && again.code === "VALIDATION")
      expect(again.fieldErrors.file?.join(" ")).toMatch(/redan registrerad/);
  });
});

describe("who may register, read and remove", () => {
  const input2019 = () => ({
    ...valid(),
    meetingDate: "2019-09-12",
    adjustedOn: "2019-09-18",
    postedOn: "2019-09-19",
    takeDownOn: "",
    firstNumber: "30",
    lastNumber: "31",
    paragraphs: "",
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["chair", "FORBIDDEN"], // a member of the body as well (seed)
    ["otherSecretary", "NOT_FOUND"],
  ] as const)("refuses %s (%s)", async (who, code) => {
    const before = await db.historicalProtocol.count();
    expect(await registerHistoricalProtocol(await at(who), input2019())).toMatchObject({ ok: false, code });
    expect(await db.historicalProtocol.count()).toBe(before);
  });

  it("refuses the secretary of another organisation's body", async () => {
    expect(await registerHistoricalProtocol(otherOrganisationSecretary, input2019())).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("lets an admin register, and only an admin remove (audited)", async () => {
    const admin = await at("admin");
    const created = await registerHistoricalProtocol(admin, input2019());
    expect(created).toMatchObject({ ok: true });
    const { id } = await db.historicalProtocol.findUniqueOrThrow({ where: { slug: "direktionen-2019-09-12" } });
    expect(await deleteHistoricalProtocol(await at("secretary"), { id, reason: "Fel fil" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await deleteHistoricalProtocol(otherOrganisationSecretary, { id, reason: "Fel fil" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await deleteHistoricalProtocol(admin, { id, reason: " " })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await deleteHistoricalProtocol(admin, { id, reason: "Fel fil uppladdad" })).toMatchObject({ ok: true });
    expect(await db.historicalProtocol.count({ where: { id } })).toBe(0);
    expect(await db.historicalParagraph.count({ where: { historicalProtocolId: id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "historical.delete", entityId: id } });
    expect(audit.data).toMatchObject({ slug: "direktionen-2019-09-12", reason: "Fel fil uppladdad" });
  });

  it("keeps one registered as not public out of every public byte", async () => {
    const input = {
      ...input2019(),
      meetingDate: "2019-10-10",
      adjustedOn: "2019-10-15",
      postedOn: "2019-10-16",
      isPublic: false,
      paragraphs: "30; Hemligt ärende om uppsägning",
    };
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const created = await registerHistoricalProtocol(await at("secretary"), input);
    expect(created).toMatchObject({ ok: true });
    const slug = created.ok ? created.data.slug : "";
    expect(await findPublicHistoricalProtocol(db, slug)).toBeNull();
    const res = await pdfGet(slug);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("%PDF");
    expect((await listArchive(db, { year: 2019 })).entries.map((e) => e.slug)).not.toContain(slug);
    expect((await searchArchive(db, { q: "uppsägning" })).total).toBe(0);
    const verified = await verifyPdf(db, bytes);
    expect(verified).toMatchObject({ match: false });
    expect("scanned" in verified && verified.scanned).toBeFalsy();
    // The workspace still has it.
    expect(await findHistoricalProtocol(db, slug)).toMatchObject({ isPublic: false });
  });
});

describe("the database keeps a registered protocol as it was", () => {
  const frozen = { hint: "paragraf_frozen" };
  let id: string;
  beforeAll(async () => {
    id = (await db.historicalProtocol.findUniqueOrThrow({ where: { slug: "direktionen-2021-03-11" } })).id;
  });

  it.each([
    ["\"adjustedOn\" = '2021-03-12'"],
    ["bytes = '\\x255044462d312e340a'::bytea"],
    ["sha256 = 'abc'"],
    ['"isPublic" = false'],
  ])("the app's role may not UPDATE (%s)", async (set) => {
    await expect(app.query(`UPDATE "HistoricalProtocol" SET ${set} WHERE id = $1`, [id])).rejects.toMatchObject({
      code: "42501",
    });
  });

  it.each([
    ["\"postedOn\" = '2021-03-25'"],
    ["bytes = '\\x255044462d312e340a'::bytea, sha256 = encode(sha256('\\x255044462d312e340a'::bytea), 'hex')"],
    ['"takeDownOn" = NULL'],
  ])("not even the owner may change it (%s)", async (set) => {
    await expect(owner.query(`UPDATE "HistoricalProtocol" SET ${set} WHERE id = $1`, [id])).rejects.toMatchObject({
      ...frozen,
      message: expect.stringContaining("kan inte ändras"),
    });
  });

  it("its §§ cannot be added to, changed or removed", async () => {
    await expect(
      app.query(
        `INSERT INTO "HistoricalParagraph" (id, "historicalProtocolId", number, title, position) VALUES ('x1', $1, 13, 'Tillagd', 9)`,
        [id],
      ),
    ).rejects.toMatchObject(frozen);
    await expect(
      app.query(`UPDATE "HistoricalParagraph" SET title = 'Ändrad' WHERE "historicalProtocolId" = $1`, [id]),
    ).rejects.toMatchObject({ code: "42501" });
    await expect(
      owner.query(`UPDATE "HistoricalParagraph" SET title = 'Ändrad' WHERE "historicalProtocolId" = $1`, [id]),
    ).rejects.toMatchObject(frozen);
    await expect(
      app.query(`DELETE FROM "HistoricalParagraph" WHERE "historicalProtocolId" = $1`, [id]),
    ).rejects.toMatchObject(frozen);
    expect(await db.historicalParagraph.count({ where: { historicalProtocolId: id } })).toBe(3);
  });

  it("takes a PDF only with the hash of its bytes, and only a PDF", async () => {
    const insert = (bytes: string, sha: string) =>
      app.query(
        `INSERT INTO "HistoricalProtocol" (id, "bodyId", slug, year, "meetingDate", title, "adjustedOn", "postedOn", "fileName", bytes, sha256, "registeredAt")
         VALUES ('h-forged', $1, 'direktionen-2018-01-11', 2018, '2018-01-11', 'x', '2018-01-12', '2018-01-13', 'x.pdf', ${bytes}, ${sha}, now())`,
        [bodyId],
      );
    await expect(insert("'\\x255044462d'::bytea", "'0000'")).rejects.toMatchObject({
      ...frozen,
      message: expect.stringContaining("kontrollsumma"),
    });
    await expect(
      insert("'\\x3c68746d6c3e'::bytea", "encode(sha256('\\x3c68746d6c3e'::bytea), 'hex')"),
    ).rejects.toMatchObject({
      ...frozen,
      message: expect.stringContaining("måste vara en PDF"),
    });
  });
});

describe("the live workflow next to registered paper protocols", () => {
  it("numbers a new meeting's §§ after them, and neither side takes the other's numbers", async () => {
    const secretary = await at("secretary");
    const paper = await registerHistoricalProtocol(secretary, {
      ...valid(),
      meetingDate: "2022-01-13",
      adjustedOn: "2022-01-18",
      postedOn: "2022-01-19",
      takeDownOn: "2022-02-10",
      firstNumber: "1",
      lastNumber: "4",
      paragraphs: "",
    });
    expect(paper).toMatchObject({ ok: true });
    const meeting = await createMeeting(secretary, {
      bodyId,
      date: "2022-02-17",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
    });
    expect(meeting).toMatchObject({ ok: true });
    const { id: meetingId, status } = await db.meeting.findFirstOrThrow({
      where: { bodyId, date: new Date("2022-02-17T00:00:00.000Z") },
    });
    expect(status).toBe("DRAFT"); // born a draft as ever
    const added = await addParagraph(secretary, { meetingId, title: "Mötets öppnande" });
    expect(added).toMatchObject({ ok: true, data: { number: 5 } });
    const clash = await registerHistoricalProtocol(secretary, {
      ...valid(),
      meetingDate: "2022-01-27",
      adjustedOn: "2022-02-01",
      postedOn: "2022-02-02",
      takeDownOn: "",
      firstNumber: "5",
      lastNumber: "6",
      paragraphs: "",
    });
    expect(clash).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});
