// The kallelse on real PostgreSQL with a real (local) SMTP server: "Skicka kallelse" with its
// permission, version check, audit row and one mail per ledamot/ersättare; sending again says
// "Ny kallelse"; the members' bundle has every handling, the public one none that is secret; and
// a fullmäktige's kungörelse on the anslagstavla (list, HTML, public PDF and bundle) shows no
// confidential ärende's title, from the sending until the meeting day has passed.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, dbDate, toSwedishDate } from "@/lib/iso-date";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { sendSummons } from "@/modules/summons/summons.mutations";
import { findSummons, listKungorelser } from "@/modules/summons/summons.queries";
import { summonsFileBytes } from "@/modules/summons/summons.http";
import { KungorelseList } from "@/modules/summons/components/kungorelse-list";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as publicKallelse } from "@/app/(public)/[org]/anslagstavla/kungorelse/[slug]/kallelse.pdf/route";
import { GET as publicBundle } from "@/app/(public)/[org]/anslagstavla/kungorelse/[slug]/handlingar.pdf/route";
import type { ActionContext } from "@/server/action";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { createFullmaktige } from "./support/bodies";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";

const SECRET_TITLE = "Förhandling om lönetillägg för Kalle Hemligsson";
const SECRET_HANDLING = "Lönelista Hemligsson";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let db: PrismaClient;
let drop: () => Promise<void>;
let smtp: SmtpCapture;
let restoreRouteDatabase: () => Promise<void>;
let meetingId: string;
let organisationId: string;

async function pdfSaying(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, font, size: 14 });
  return new Uint8Array(await doc.save());
}

/** Three ärenden (the second confidential) and an extra ärende, with handlingar, on a meeting. */
async function prepareAgenda(bodyId: string, meeting: string) {
  await db.agendaItem.create({
    data: {
      bodyId,
      meetingId: meeting,
      position: 1,
      title: "Budget 2022 med plan för 2023–2024",
      caseNumber: "ITSAM 2021/12",
      proposalIntro: "Direktionen föreslås besluta",
      proposalClauses: ["att fastställa budget 2022"],
      documents: {
        create: [
          {
            title: "Tjänsteskrivelse budget",
            fileName: "ts.pdf",
            mimeType: "application/pdf",
            bytes: await pdfSaying("Offentlig tjanstesskrivelse"),
            sha256: "a",
            position: 1,
          },
          {
            title: SECRET_HANDLING,
            fileName: "loner.pdf",
            mimeType: "application/pdf",
            bytes: await pdfSaying("Hemlig lonelista"),
            sha256: "b",
            position: 2,
            isConfidential: true,
          },
          {
            title: "Budgetunderlag",
            fileName: "u.docx",
            mimeType: DOCX,
            bytes: new TextEncoder().encode("PK"),
            sha256: "c",
            position: 3,
          },
        ],
      },
    },
  });
  await db.agendaItem.create({
    data: {
      bodyId,
      meetingId: meeting,
      position: 2,
      title: SECRET_TITLE,
      caseNumber: "ITSAM 2021/99",
      proposalIntro: "Hemligt förslag",
      isConfidential: true,
      documents: {
        create: [
          {
            title: "Underlag förhandling",
            fileName: "f.pdf",
            mimeType: "application/pdf",
            bytes: await pdfSaying("Hemligt underlag"),
            sha256: "d",
            position: 1,
          },
        ],
      },
    },
  });
  await db.agendaItem.create({ data: { bodyId, meetingId: meeting, position: 3, title: "Informationsärenden" } });
  await db.agendaItem.create({
    data: { bodyId, meetingId: meeting, position: 4, title: "Extra ärende vid mötet", isExtra: true },
  });
}

async function at(who: Parameters<typeof contextFor>[1], instant: Date): Promise<ActionContext> {
  return { ...(await contextFor(db, who)), now: instant };
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("summons");
  ({ db, drop } = seeded);
  smtp = await startSmtpCapture();
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: smtp.url, MAIL_FROM: undefined });
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
  meetingId = meeting.id;
  organisationId = seeded.direktionen.organisationId;
  await prepareAgenda(seeded.direktionen.id, meetingId);
}, 180_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await smtp?.stop();
  await drop?.();
});

describe("Skicka kallelse", () => {
  const sentAt = new Date("2021-11-08T09:30:00.000Z");

  it("is the secretary's: a member may not send it, and nothing is sent", async () => {
    const r = await sendSummons(await at("member", sentAt), { meetingId, agendaVersion: 1 });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).summonsSentAt).toBeNull();
  });

  it("refuses an ärendelista changed since the page was read, in Swedish, and sends nothing", async () => {
    const before = smtp.messages.length;
    const r = await sendSummons(await at("secretary", sentAt), { meetingId, agendaVersion: 7 });
    expect(r).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!r.ok && r.message).toContain("Ärendelistan har ändrats");
    const bad = await sendSummons(await at("secretary", sentAt), { meetingId, agendaVersion: "x" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(!bad.ok && bad.code === "VALIDATION" && bad.fieldErrors.agendaVersion?.[0]).toContain("ladda om sidan");
    expect(smtp.messages.length).toBe(before);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).summonsSentAt).toBeNull();
  });

  it("mails every ledamot and ersättare with an address, lists those without, sets the date, audits", async () => {
    const people = await db.membership.findMany({
      where: {
        body: { slug: "direktionen" },
        termStart: { lte: dbDate("2021-11-18") },
        termEnd: { gte: dbDate("2021-11-18") },
      },
      select: { person: { select: { name: true, email: true } } },
    });
    const withEmail = [...new Set(people.filter((p) => p.person.email).map((p) => p.person.email!))].sort();
    const without = [...new Set(people.filter((p) => !p.person.email).map((p) => p.person.name))].sort();
    expect(withEmail.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);

    const before = smtp.messages.length;
    const r = await sendSummons(await at("secretary", sentAt), { meetingId, agendaVersion: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.resend).toBe(false);
    expect(r.data.failed).toEqual([]);
    expect([...r.data.withoutEmail].sort()).toEqual(without);
    expect(r.data.mailed).toHaveLength(withEmail.length);

    const mails = (await smtp.waitFor(before + withEmail.length)).slice(before);
    expect(mails.flatMap((m) => m.envelopeTo).sort()).toEqual(withEmail);
    for (const mail of mails) {
      expect(mail.envelopeTo).toHaveLength(1); // one mail per person: no one sees the others' addresses
      expect(mail.parsed.subject).toBe("Kallelse: Direktionen 18 november 2021");
      const text = mail.parsed.text ?? "";
      expect(text).toMatch(/Du kallas som (ledamot|ersättare) till sammanträde med direktionen\./);
      expect(text).toContain("Tid: torsdag 18 november 2021");
      expect(text).toContain("1. Budget 2022 med plan för 2023–2024");
      expect(text).toContain("2. Sekretessbelagt ärende");
      expect(text).toContain("3. Informationsärenden");
      expect(text).not.toContain("Extra ärende");
      expect(text).not.toContain("Hemligsson");
      expect(text).toContain(`/moten/${SEED_SLUG}/kallelse/kallelse.pdf`);
      expect(text).toContain(`/moten/${SEED_SLUG}/kallelse/handlingar.pdf`);
    }
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.summonsSentAt?.toISOString()).toBe(sentAt.toISOString());
    const audit = await db.auditLog.findMany({ where: { meetingId, action: { startsWith: "summons." } } });
    expect(audit.map((a) => a.action)).toEqual(["summons.send"]);
    expect((audit[0]!.data as { items: string[] }).items).toHaveLength(3);
  });

  it("sends again after a change as 'Ny kallelse', moving the date", async () => {
    const later = new Date("2021-11-10T08:00:00.000Z");
    // Unchanged, it is not sent again (a double click, a second tab).
    expect(await sendSummons(await at("secretary", later), { meetingId, agendaVersion: 1 })).toMatchObject({
      ok: false,
      code: "STATE",
      message: expect.stringMatching(/^Kallelsen är redan skickad och ingenting i den har ändrats/),
    });
    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId }, orderBy: { position: "asc" } });
    await db.agendaItem.update({ where: { id: item.id }, data: { proposalIntro: `${item.proposalIntro} (ändrat)` } });
    const before = smtp.messages.length;
    const r = await sendSummons(await at("secretary", later), { meetingId, agendaVersion: 1 });
    expect(r).toMatchObject({ ok: true, data: { resend: true } });
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    expect(mails[0]!.parsed.subject).toBe("Ny kallelse: Direktionen 18 november 2021");
    expect(mails[0]!.parsed.text).toContain("Det här är en ny kallelse.");
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.summonsSentAt?.toISOString()).toBe(later.toISOString());
    const actions = (
      await db.auditLog.findMany({ where: { meetingId, action: { startsWith: "summons." } }, orderBy: { at: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["summons.send", "summons.resend"]);
  });

  it("refuses an empty ärendelista", async () => {
    const body = await db.body.findFirstOrThrow({ where: { slug: "direktionen" } });
    const empty = await db.meeting.create({
      data: { bodyId: body.id, slug: "direktionen-2021-12-09", date: dbDate("2021-12-09"), place: "Vimmerby" },
    });
    const r = await sendSummons(await at("secretary", new Date()), { meetingId: empty.id, agendaVersion: 1 });
    expect(r).toMatchObject({
      ok: false,
      code: "STATE",
      message: "Ärendelistan är tom. Lägg till ärenden innan kallelsen skickas.",
    });
  });
});

describe("the kallelse and its bundle", () => {
  it("members' bundle: every PDF handling after the kallelse; public bundle: none that is secret", async () => {
    const summons = (await findSummons(db, { id: meetingId }))!;
    expect(summons.items.map((i) => i.number)).toEqual([1, 2, 3]);
    const members = pdfToText(await summonsFileBytes(db, summons, "members", "handlingar"));
    for (const s of ["Offentlig tjanstesskrivelse", "Hemlig lonelista", "Hemligt underlag", SECRET_TITLE]) {
      expect(members.replace(/\s+/g, " ")).toContain(s);
    }
    const pubBytes = await summonsFileBytes(db, toPublicSummons(summons), "public", "handlingar");
    const pub = pdfToText(pubBytes).replace(/\s+/g, " ");
    expect(pub).toContain("Offentlig tjanstesskrivelse");
    expect(pub).toContain("2. Sekretessbelagt ärende");
    for (const s of ["Hemlig", "Hemligsson", SECRET_HANDLING, "Underlag förhandling", "2021/99"]) {
      expect(pub).not.toContain(s);
      expect(Buffer.from(pubBytes).toString("latin1")).not.toContain(s);
    }
  });
});

describe("the kungörelse on the anslagstavla (fullmäktige)", () => {
  let slug: string;
  let meetingDate: string;
  const today = toSwedishDate(new Date());

  beforeAll(async () => {
    const created = await createFullmaktige(db, {
      organisationId,
      today,
      member: { name: "Fullmäktige Ledamot", email: "kf-ledamot@itsam.example" },
    });
    const kf = { id: created.bodyId };
    meetingDate = addDays(today, 10);
    slug = `kommunfullmaktige-${meetingDate}`;
    const meeting = await db.meeting.create({
      data: { bodyId: kf.id, slug, date: dbDate(meetingDate), startTime: "18:00", place: "Stadshuset, sessionssalen" },
    });
    await prepareAgenda(kf.id, meeting.id);
    expect(await listKungorelser(db, today)).toEqual([]); // not before the kallelse is sent
    const r = await sendSummons(await at("admin", new Date()), { meetingId: meeting.id, agendaVersion: 1 });
    expect(r).toMatchObject({ ok: true, data: { mailed: ["Fullmäktige Ledamot"] } });
  });

  it("lists time, place and the public ärenden; a confidential one only by its number", async () => {
    const list = await listKungorelser(db, today);
    expect(list.map((k) => k.meeting.slug)).toEqual([slug]); // the direktion's kallelse is no kungörelse
    const [k] = list;
    expect(k!.meeting).toMatchObject({ date: meetingDate, startTime: "18:00", place: "Stadshuset, sessionssalen" });
    expect(k!.items.map((i) => `${i.number}. ${i.title}`)).toEqual([
      "1. Budget 2022 med plan för 2023–2024",
      "2. Sekretessbelagt ärende",
      "3. Informationsärenden",
    ]);
    const json = JSON.stringify(list);
    for (const s of ["Hemligsson", SECRET_HANDLING, "2021/99", "Hemligt förslag", "Extra ärende"])
      expect(json).not.toContain(s);
    const html = renderToStaticMarkup(createElement(KungorelseList, { kungorelser: list }));
    expect(html).toContain("Stadshuset, sessionssalen");
    expect(html).toContain("2. Sekretessbelagt ärende");
    expect(html).not.toContain("Hemligsson");
    expect(html).not.toContain(SECRET_HANDLING);
  });

  it("serves the public kallelse and bundle without a secret byte", async () => {
    const params = Promise.resolve({ org: "itsam", slug });
    const url = `http://localhost/anslagstavla/kungorelse/${slug}`;
    const pdf = await publicKallelse(new Request(`${url}/kallelse.pdf`), { params });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bundle = await publicBundle(new Request(`${url}/handlingar.pdf`), {
      params: Promise.resolve({ org: "itsam", slug }),
    });
    expect(bundle.status).toBe(200);
    for (const res of [pdf, bundle]) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = pdfToText(bytes).replace(/\s+/g, " ");
      expect(text).toContain("Sekretessbelagt ärende");
      for (const s of ["Hemlig", SECRET_HANDLING, "Underlag förhandling", "2021/99"]) {
        expect(text).not.toContain(s);
        expect(Buffer.from(bytes).toString("latin1")).not.toContain(s);
      }
    }
    // The direktion's kallelse is not public: no kungörelse, 404.
    const none = await publicKallelse(new Request("http://localhost/x"), {
      params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
    });
    expect(none.status).toBe(404);
  });

  it("is shown until the meeting day has passed", async () => {
    expect((await listKungorelser(db, meetingDate)).map((k) => k.meeting.slug)).toEqual([slug]);
    expect(await listKungorelser(db, addDays(meetingDate, 1))).toEqual([]);
  });
});
