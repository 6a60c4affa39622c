// Bodies (organ), the organisation's settings and the notice they give (issue 14, points 1 and 6):
// an administrator creates and edits bodies (slug, genitive, kind, seats, reports-to without
// cycles, ersättare order) and the organisation's förvaringsplats, anslagstavla, notice wording and
// certifier; the protocol and notice PDFs show them; nobody else may, and forged input is refused.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createBody, setCallOrder, updateBody, updateOrganisation } from "@/modules/administration/bodies.mutations";
import { findBodyDetail, listOrganisationSettings } from "@/modules/administration/bodies.queries";
import { saveNoticeSettings } from "@/modules/drafting/meeting-settings.mutations";
import { editNotice } from "@/modules/notice/notice.mutations";
import { findPublicProtocol, listNoticesUp } from "@/modules/publication/public.queries";
import { renderNoticePdf } from "@/pdf/render-notice";
import { renderProtocolPdf } from "@/pdf/render-protocol";
import { pdfToText } from "@/pdf/testing/poppler";
import { today } from "@/server/clock";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let organisationId: string;
let otherOrgBodyId: string;
let tmp: string;
let previousDataDir: string | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-bodies-"));
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  process.env.PARAGRAF_DATA_DIR = tmp;
  seeded = await createSeededDatabase("bodies");
  db = seeded.db;
  organisationId = seeded.direktionen.organisationId;
  const other = await db.organisation.create({
    data: { slug: "annan", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
  });
  otherOrgBodyId = (
    await db.body.create({
      data: {
        organisationId: other.id,
        slug: "kommunstyrelsen",
        name: "Kommunstyrelsen",
        genitiveName: "Kommunstyrelsens",
        kind: "STYRELSE",
        seatCount: 11,
      },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await seeded?.drop();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(tmp, { recursive: true, force: true });
});

const as = (who: ActorName) => contextFor(db, who);
const NOT_ADMINS: [ActorName, string][] = [
  ["anonymous", "UNAUTHENTICATED"],
  ["secretary", "FORBIDDEN"],
  ["member", "FORBIDDEN"],
  ["chair", "FORBIDDEN"],
];
const newBody = (overrides: Record<string, unknown> = {}) => ({
  organisationId,
  name: "Kommunstyrelsens arbetsutskott",
  genitiveName: "Arbetsutskottets",
  kind: "UTSKOTT",
  seatCount: "5",
  parentBodyId: "",
  ...overrides,
});
const audits = (action: string, entityId: string) => db.auditLog.findMany({ where: { action, entityId } });

async function created(input: Record<string, unknown>) {
  const result = await createBody(await as("admin"), newBody(input));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe("createBody", () => {
  it("creates a body with a transliterated slug, its genitive and one audit row", async () => {
    const result = await createBody(await as("admin"), newBody({ name: "Miljö- och byggnämnden", kind: "NAMND" }));
    expect(result).toMatchObject({ ok: true, data: { slug: "miljo-och-byggnamnden" } });
    if (!result.ok) return;
    const stored = await db.body.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(stored).toMatchObject({
      organisationId,
      name: "Miljö- och byggnämnden",
      genitiveName: "Arbetsutskottets",
      kind: "NAMND",
      seatCount: 5,
      parentBodyId: null,
    });
    expect(await audits("admin.body.create", stored.id)).toHaveLength(1);
  });

  it("keeps slugs unique in the organisation and refuses a name it already has", async () => {
    const a = await created({ name: "Valnämnden" });
    const b = await created({ name: "Valnämnden!" });
    expect(a.slug).toBe("valnamnden");
    expect(b.slug).toBe("valnamnden-2");
    const again = await createBody(await as("admin"), newBody({ name: "valnämnden" }));
    expect(again).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: ["Organisationen har redan ett organ med det namnet."] },
    });
  });

  it("answers bad input with Swedish messages per field and stores nothing", async () => {
    const before = await db.body.count();
    const result = await createBody(
      await as("admin"),
      newBody({ name: " ", genitiveName: "", kind: "PRESIDIUM", seatCount: "noll" }),
    );
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors).toMatchObject({
      name: ["Ange organets namn."],
      genitiveName: ["Ange genitivformen, t.ex. Arbetsutskottets."],
      kind: ["Välj vilket slags organ det är."],
      seatCount: ["Ange antalet ledamotsplatser som ett heltal, t.ex. 1."],
    });
    const zero = await createBody(await as("admin"), newBody({ name: "Nollnämnden", seatCount: "0" }));
    expect(zero).toMatchObject({ fieldErrors: { seatCount: ["Ange antalet ledamotsplatser mellan 1 och 999."] } });
    expect(await db.body.count()).toBe(before);
  });

  it("ignores a forged slug or organisation field beyond the schema", async () => {
    const body = await created({ name: "Krisledningsnämnden", slug: "direktionen", id: "forged" });
    expect(body.slug).toBe("krisledningsnamnden");
    expect(body.id).not.toBe("forged");
  });

  it("refuses a body of another organisation to report to", async () => {
    const result = await createBody(await as("admin"), newBody({ name: "Utskottet X", parentBodyId: otherOrgBodyId }));
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        parentBodyId: ["Organet som det rapporterar till finns inte i organisationen; välj ett i listan."],
      },
    });
  });

  it.each(NOT_ADMINS)("is refused for %s and stores nothing", async (who, code) => {
    const before = await db.body.count();
    expect(await createBody(await as(who), newBody({ name: `Nämnd för ${who}` }))).toMatchObject({ ok: false, code });
    expect(await db.body.count()).toBe(before);
  });
});

describe("updateBody", () => {
  it("edits name, genitive, kind, seats and reports-to; the slug stays; audited with what changed", async () => {
    const ks = await created({ name: "Kommunstyrelsen", kind: "STYRELSE", seatCount: "13" });
    const au = await created({ name: "Arbetsutskottet", parentBodyId: ks.id });
    const result = await updateBody(await as("admin"), {
      bodyId: au.id,
      name: "KS arbetsutskott",
      genitiveName: "Arbetsutskottets",
      kind: "UTSKOTT",
      seatCount: "7",
      parentBodyId: ks.id,
    });
    expect(result).toMatchObject({ ok: true, data: { slug: "arbetsutskottet" } });
    expect(await db.body.findUniqueOrThrow({ where: { id: au.id } })).toMatchObject({
      name: "KS arbetsutskott",
      slug: "arbetsutskottet",
      seatCount: 7,
      parentBodyId: ks.id,
    });
    const [row] = await audits("admin.body.update", au.id);
    expect(row?.data).toMatchObject({ changed: ["name", "seatCount"] });
    const detail = await findBodyDetail(db, "arbetsutskottet");
    expect(detail).toMatchObject({ parentName: "Kommunstyrelsen", organisationName: "Itsam" });
  });

  it("stores the kallelse's days; bad input in Swedish; unchanged is not audited; names the opening templates", async () => {
    const fm = await created({
      name: "Fullmäktige före mötet",
      genitiveName: "Fullmäktiges",
      kind: "FULLMAKTIGE",
      seatCount: "31",
    });
    const base = {
      bodyId: fm.id,
      name: "Fullmäktige före mötet",
      genitiveName: "Fullmäktiges",
      kind: "FULLMAKTIGE",
      seatCount: "31",
      parentBodyId: "",
    };
    const saved = await updateBody(await as("admin"), { ...base, summonsLeadDays: "10" });
    expect(saved.ok).toBe(true);
    expect(await db.body.findUniqueOrThrow({ where: { id: fm.id } })).toMatchObject({ summonsLeadDays: 10 });
    expect((await audits("admin.body.update", fm.id)).map((a) => a.data)).toEqual([
      expect.objectContaining({ changed: ["summonsLeadDays"] }),
    ]);
    // The same again changes nothing and says so in the audit row.
    await updateBody(await as("admin"), { ...base, summonsLeadDays: "10" });
    expect((await audits("admin.body.update", fm.id)).at(-1)?.data).toMatchObject({ changed: [] });

    const bad = await updateBody(await as("admin"), { ...base, summonsLeadDays: "en vecka" });
    expect(bad).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        summonsLeadDays: ["Ange hur många dagar före sammanträdet kallelsen ska skickas som ett heltal, t.ex. 0."],
      },
    });
    expect((await db.body.findUniqueOrThrow({ where: { id: fm.id } })).summonsLeadDays).toBe(10);
    // Left out (an older form): unchanged. The opening §§ are the body's opening templates
    // (src/modules/templates): the edit page names their titles.
    expect((await updateBody(await as("admin"), base)).ok).toBe(true);
    await db.paragraphTemplate.create({ data: { bodyId: fm.id, title: "Upprop", isOpening: true, position: 1 } });
    await db.paragraphTemplate.create({ data: { bodyId: fm.id, title: "Information", position: 2 } });
    expect(await findBodyDetail(db, fm.slug)).toMatchObject({ summonsLeadDays: 10, openingTitles: ["Upprop"] });
  });

  it("refuses a cycle in reports-to, itself included, with a Swedish message", async () => {
    const ks = await created({ name: "Styrelse A", kind: "STYRELSE" });
    const au = await created({ name: "Utskott A", parentBodyId: ks.id });
    const pu = await created({ name: "Personalutskott A", parentBodyId: au.id });
    const edit = (bodyId: string, parentBodyId: string) =>
      as("admin").then((ctx) =>
        updateBody(ctx, {
          bodyId,
          name: bodyId === ks.id ? "Styrelse A" : "Namn",
          genitiveName: "Styrelsens",
          kind: "STYRELSE",
          seatCount: "9",
          parentBodyId,
        }),
      );
    expect(await edit(ks.id, pu.id)).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        parentBodyId: [
          "Det valda organet rapporterar redan (direkt eller via andra) till det här organet. Välj ett annat.",
        ],
      },
    });
    expect(await edit(ks.id, ks.id)).toMatchObject({
      fieldErrors: { parentBodyId: ["Ett organ kan inte rapportera till sig självt."] },
    });
    expect((await db.body.findUniqueOrThrow({ where: { id: ks.id } })).parentBodyId).toBeNull();
  });

  it("refuses another organisation's body as parent, and an unknown body id", async () => {
    const ctx = await as("admin");
    const input = {
      bodyId: seeded.kcb.id,
      name: seeded.kcb.name,
      genitiveName: seeded.kcb.genitiveName,
      kind: seeded.kcb.kind,
      seatCount: String(seeded.kcb.seatCount),
    };
    expect(await updateBody(ctx, { ...input, parentBodyId: otherOrgBodyId })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await updateBody(ctx, { ...input, bodyId: "finns-inte", parentBodyId: "" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it.each(NOT_ADMINS)("is refused for %s", async (who, code) => {
    const result = await updateBody(await as(who), {
      bodyId: seeded.direktionen.id,
      name: "Kapad",
      genitiveName: "Kapads",
      kind: "DIREKTION",
      seatCount: "1",
      parentBodyId: "",
    });
    expect(result).toMatchObject({ ok: false, code });
    expect((await db.body.findUniqueOrThrow({ where: { id: seeded.direktionen.id } })).name).toBe("Direktionen");
  });
});

describe("setCallOrder (ersättarordning)", () => {
  it("sets and clears an ersättare's place, refuses it for a ledamot, and lists in that order", async () => {
    const substitutes = await db.membership.findMany({
      where: { bodyId: seeded.direktionen.id, role: "SUBSTITUTE" },
      include: { person: true },
      orderBy: { person: { name: "desc" } },
    });
    expect(substitutes.length).toBeGreaterThanOrEqual(2);
    const ctx = await as("admin");
    for (const [i, m] of substitutes.entries()) {
      expect(await setCallOrder(ctx, { membershipId: m.id, callOrder: String(i + 1) })).toMatchObject({ ok: true });
    }
    const detail = await findBodyDetail(db, "direktionen");
    expect(detail!.substitutes.slice(0, 2).map((s) => s.personName)).toEqual(
      substitutes.slice(0, 2).map((m) => m.person.name),
    );
    expect(await setCallOrder(ctx, { membershipId: substitutes[0]!.id, callOrder: "" })).toMatchObject({
      ok: true,
      data: { callOrder: null },
    });
    const member = await db.membership.findFirstOrThrow({
      where: { bodyId: seeded.direktionen.id, role: "MEMBER" },
      include: { person: true },
    });
    expect(await setCallOrder(ctx, { membershipId: member.id, callOrder: "1" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        callOrder: [`${member.person.name} är ledamot; bara ersättare har en plats i ersättarordningen.`],
      },
    });
    expect(await setCallOrder(ctx, { membershipId: member.id, callOrder: "x" })).toMatchObject({
      fieldErrors: { callOrder: ["Ange ersättarens plats i ordningen som ett heltal mellan 1 och 99."] },
    });
    expect(
      await setCallOrder(await as("secretary"), { membershipId: substitutes[1]!.id, callOrder: "9" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("the genitive in the protocol", () => {
  it("heads every decision with the body's genitive in the PDF", { timeout: 120_000 }, async () => {
    const d = seeded.direktionen;
    const result = await updateBody(await as("admin"), {
      bodyId: d.id,
      name: d.name,
      genitiveName: "Förbundsdirektionens",
      kind: d.kind,
      seatCount: String(d.seatCount),
      parentBodyId: "",
    });
    expect(result).toMatchObject({ ok: true });
    const protocol = await findProtocolBySlug(db, SEED_SLUG);
    expect(protocol!.body.genitiveName).toBe("Förbundsdirektionens");
    const text = pdfToText(await renderProtocolPdf(protocol!));
    expect(text.match(/Förbundsdirektionens beslut/g)?.length).toBe(protocol!.paragraphs.length);
    expect(text).not.toMatch(/(?<!Förbunds)[Dd]irektionens beslut/);
  });
});

describe("the organisation's settings and the notice", () => {
  const settings = {
    name: "Itsam",
    storagePlace: "Itsams kansli, Linköping",
    noticeBoard: "https://www.itsam.se/anslagstavla",
    noticeWording: "Justeringen av protokollet har tillkännagivits på förbundets anslagstavla.",
    noticeCertifier: "Joakim Karlsson, förbundssekreterare",
    caseNumberExample: "ITSAM 2021/8",
  };

  it("is refused for everyone but administrators", async () => {
    for (const [who, code] of NOT_ADMINS) {
      expect(await updateOrganisation(await as(who), { organisationId, ...settings, name: "Kapad" })).toMatchObject({
        ok: false,
        code,
      });
    }
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).name).toBe("Itsam");
  });

  it("validates in Swedish and stores the settings with an audit row", async () => {
    const ctx = await as("admin");
    expect(
      await updateOrganisation(ctx, { organisationId, ...settings, name: "", noticeWording: "x".repeat(2001) }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        name: ["Ange organisationens namn."],
        noticeWording: ["Anslagets text får vara högst 2000 tecken."],
      },
    });
    expect(await updateOrganisation(ctx, { organisationId, ...settings })).toMatchObject({ ok: true });
    const [org] = (await listOrganisationSettings(db)).filter((o) => o.id === organisationId);
    expect(org).toMatchObject(settings);
    expect(await audits("admin.organisation.update", organisationId)).toHaveLength(1);
  });

  it("stores the Dnr example the secretaries see (optional), and clears it", async () => {
    const ctx = await as("admin");
    const withExample = (caseNumberExample: string) => ({ organisationId, ...settings, caseNumberExample });
    expect(await updateOrganisation(ctx, withExample("x".repeat(101)))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { caseNumberExample: ["Exemplet på diarienummer får vara högst 100 tecken."] },
    });
    const stored = async () =>
      (await listOrganisationSettings(db)).find((o) => o.id === organisationId)!.caseNumberExample;
    expect(await updateOrganisation(ctx, withExample(" ITSAM 2021/117 "))).toMatchObject({ ok: true });
    expect(await stored()).toBe("ITSAM 2021/117");
    expect(await updateOrganisation(ctx, withExample(""))).toMatchObject({ ok: true });
    expect(await stored()).toBeNull();
    const rows = await db.auditLog.findMany({
      where: { action: "admin.organisation.update", entityId: organisationId },
    });
    expect(rows.filter((r) => JSON.stringify(r.data) === '{"changed":["caseNumberExample"]}')).toHaveLength(2);
  });

  it("writes them into the notice at justering, the protocol's own choice first", { timeout: 180_000 }, async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    // A member may not choose; the secretary may, before justering.
    expect(
      await saveNoticeSettings(await as("member"), {
        meetingId: meeting.id,
        storagePlace: "Hos mig",
        noticeBoard: "",
        certifier: "",
      }),
    ).toMatchObject({ ok: false });
    expect(
      await saveNoticeSettings(await as("secretary"), {
        meetingId: meeting.id,
        storagePlace: "",
        noticeBoard: "",
        certifier: "Anna Berg, nämndsekreterare",
      }),
    ).toMatchObject({ ok: true });
    await justeraDemoMeeting(db);
    const notice = await db.notice.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect(notice).toMatchObject({
      storagePlace: settings.storagePlace,
      noticeBoard: settings.noticeBoard,
      certifiedBy: "Anna Berg, nämndsekreterare",
      wording: settings.noticeWording,
    });
    // After justering the choice is the notice's, not the draft's.
    expect(
      await saveNoticeSettings(await as("secretary"), {
        meetingId: meeting.id,
        storagePlace: "Annat",
        noticeBoard: "",
        certifier: "",
      }),
    ).toMatchObject({ ok: false, code: "STATE" });

    const protocol = await findProtocolBySlug(db, SEED_SLUG);
    const noticeText = pdfToText(await renderNoticePdf(protocol!));
    expect(noticeText).toContain(settings.noticeWording);
    expect(noticeText).toMatch(/Förvaringsplats för protokollet\s+Itsams kansli, Linköping/);
    expect(noticeText).toMatch(/Anslagstavla\s+https:\/\/www\.itsam\.se\/anslagstavla/);
    expect(noticeText).toContain("Anna Berg, nämndsekreterare");
    expect(noticeText).not.toContain("Förvaringsplats för protokollet\tItsam\n");
    const protocolText = pdfToText(await renderProtocolPdf(protocol!));
    expect(protocolText).toContain("Anna Berg, nämndsekreterare");

    // The public copy and the anslagstavla carry them (decided 'publish' in public.rules.ts).
    const publicProtocol = await findPublicProtocol(db, SEED_SLUG);
    expect(publicProtocol!.notice).toMatchObject({
      storagePlace: settings.storagePlace,
      noticeBoard: settings.noticeBoard,
      certifiedBy: "Anna Berg, nämndsekreterare",
      wording: settings.noticeWording,
    });
    const [up] = (await listNoticesUp(db, today())).filter((n) => n.slug === SEED_SLUG);
    expect(up).toMatchObject({ storagePlace: settings.storagePlace, noticeBoard: settings.noticeBoard });
  });

  it("lets the secretary move the förvaringsplats and anslagstavla after justering, audited and revised", async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG }, include: { notice: true } });
    const dates = {
      postedOn: meeting.notice!.postedOn.toISOString().slice(0, 10),
      takeDownOn: meeting.notice!.takeDownOn.toISOString().slice(0, 10),
    };
    const result = await editNotice(await as("secretary"), {
      meetingId: meeting.id,
      ...dates,
      storagePlace: "Kommunarkivet, Vimmerby",
      noticeBoard: "Stadshusets entré",
    });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const notice = await db.notice.findUniqueOrThrow({ where: { meetingId: meeting.id } });
    expect(notice).toMatchObject({ storagePlace: "Kommunarkivet, Vimmerby", noticeBoard: "Stadshusets entré" });
    expect(notice.revisedAt).not.toBeNull();
    const [row] = await db.auditLog.findMany({ where: { action: "notice.edit", meetingId: meeting.id } });
    expect(row?.data).toMatchObject({ storagePlace: { to: "Kommunarkivet, Vimmerby" } });
    expect(
      await editNotice(await as("secretary"), { meetingId: meeting.id, ...dates, storagePlace: " " }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { storagePlace: ["Ange var protokollet förvaras."] },
    });
    expect(
      await editNotice(await as("member"), { meetingId: meeting.id, ...dates, storagePlace: "Hos mig" }),
    ).toMatchObject({ ok: false });
  });
});
