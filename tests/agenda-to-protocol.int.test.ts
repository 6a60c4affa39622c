// From agenda to protocol (issue 15, point 5) on real PostgreSQL: the meeting's ärendelista turned
// into §§ in one action with every fate (beslut, utgår, bordläggs, återremitteras), the body's
// opening items first, an extra ärende; numbering across meetings and the secretary's first
// number; a tabled ärende back in the pool and on the next meeting's agenda; refusals (stale list,
// missing reason, twice, a justerat meeting, the wrong people) that change nothing; and a
// confidential ärende or handling that never reaches the public copy of the protocol.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import { STALE_AGENDA_MESSAGE } from "@/domain/rules/agenda-fate.rules";
import { ALREADY_DONE_MESSAGE, turnAgendaIntoParagraphs } from "@/modules/agenda/agenda-to-protocol.mutations";
import { findAgendaToProtocol } from "@/modules/agenda/agenda-to-protocol.queries";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { addOpeningTemplates } from "./support/bodies";
import { asOwnerWithoutGuards } from "./support/owner";
import { useRouteDatabase } from "./support/route-db";
import {
  contextFor,
  createSeededDatabase,
  SEED_SLUG,
  type ActorName,
  newDirektionenMeeting,
} from "./support/seeded-db";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  seeded = await createSeededDatabase("agenda_protocol");
  db = seeded.db;
  // The body's opening §§ are its opening templates (src/modules/templates); here titles only.
  await addOpeningTemplates(db, seeded.direktionen.id, ["Upprop", "Val av justerare", "Godkännande av dagordningen"]);
}, 120_000);
afterAll(async () => seeded?.drop());

const as = (who: ActorName) => contextFor(db, who);

const newMeeting = (date: string, firstParagraphNumber = "") =>
  newDirektionenMeeting(seeded, date, { firstParagraphNumber });

const summaryOf = (text: string) => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Bakgrund" }] },
    { type: "paragraph", content: [{ type: "text", text }] },
  ],
});

async function newItem(
  meetingId: string | null,
  position: number | null,
  title: string,
  extra: Partial<Prisma.AgendaItemUncheckedCreateInput> = {},
) {
  return db.agendaItem.create({
    data: {
      bodyId: seeded.direktionen.id,
      meetingId,
      position,
      title,
      caseNumber: `ITSAM 2023/${title.length}`,
      proposalIntro: "Direktionen föreslås besluta:",
      proposalClauses: [`att godkänna ${title.toLowerCase()}`],
      summary: summaryOf(`Sammanfattning av ${title}.`),
      summaryPlain: `Bakgrund\nSammanfattning av ${title}.`,
      ...extra,
    },
  });
}

type Choice = { itemId: string; fate: "DECIDED" | "STRUCK" | "TABLED" | "RETURNED"; reason?: string };

async function turn(
  meetingId: string,
  choices: Choice[],
  opts: { includeOpening?: boolean; who?: ActorName; version?: number } = {},
) {
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  return turnAgendaIntoParagraphs(await as(opts.who ?? "secretary"), {
    meetingId,
    agendaVersion: opts.version ?? m.agendaVersion,
    includeOpening: opts.includeOpening ?? true,
    items: choices.map((c) => ({ reason: "", ...c })),
  });
}

const paragraphs = (meetingId: string) =>
  db.paragraph.findMany({
    where: { meetingId },
    orderBy: { number: "asc" },
    include: {
      sections: { orderBy: { position: "asc" } },
      basisDocuments: { orderBy: { position: "asc" } },
    },
  });

/** What must not change when an attempt is refused. */
async function snapshot(meetingId: string) {
  const [ps, items, outcomes, meeting] = await Promise.all([
    db.paragraph.count({ where: { meetingId } }),
    db.agendaItem.findMany({ where: { bodyId: seeded.direktionen.id }, orderBy: { id: "asc" } }),
    db.agendaOutcome.count(),
    db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { agendaVersion: true } }),
  ]);
  return { ps, items, outcomes, meeting };
}

describe("the agenda becomes §§ with every fate", () => {
  let meetingId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    meetingId = (await newMeeting("2023-02-09")).id;
    const prislista = await newItem(meetingId, 1, "Prislista 2023", {
      documents: {
        create: [
          {
            title: "Tjänsteskrivelse",
            fileName: "ts.pdf",
            mimeType: "application/pdf",
            bytes: Buffer.from("%PDF-1.7"),
            sha256: "a",
            position: 1,
          },
          {
            title: "Anbud från Leverantören AB",
            fileName: "anbud.pdf",
            mimeType: "application/pdf",
            bytes: Buffer.from("%PDF-1.7"),
            sha256: "b",
            position: 2,
            isConfidential: true,
          },
        ],
      },
    });
    ids.decided = prislista.id;
    ids.struck = (await newItem(meetingId, 2, "Informationsärende som utgår")).id;
    ids.tabled = (await newItem(meetingId, 3, "Verksamhetsplan 2024")).id;
    ids.returned = (await newItem(meetingId, 4, "Ny förbundsordning")).id;
    ids.extra = (
      await newItem(meetingId, 5, "Extra ärende om lokaler", { isExtra: true, proposalIntro: "", proposalClauses: [] })
    ).id;
  });

  it("refuses an återremiss without a reason, and changes nothing", async () => {
    const before = await snapshot(meetingId);
    const result = await turn(meetingId, [
      { itemId: ids.decided!, fate: "DECIDED" },
      { itemId: ids.struck!, fate: "STRUCK" },
      { itemId: ids.tabled!, fate: "TABLED" },
      { itemId: ids.returned!, fate: "RETURNED", reason: "  " },
      { itemId: ids.extra!, fate: "DECIDED" },
    ]);
    expect(result).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Några uppgifter behöver rättas innan ärendelistan kan föras över.",
      fieldErrors: {
        [`reason.${ids.returned}`]: ["Skriv skälet till återremissen av ärende 4; det står i paragrafen."],
      },
    });
    expect(await snapshot(meetingId)).toEqual(before);
  });

  it("refuses a stale ärendelista (another version, or an ärende missing from the form)", async () => {
    const before = await snapshot(meetingId);
    const all: Choice[] = [
      { itemId: ids.decided!, fate: "DECIDED" },
      { itemId: ids.struck!, fate: "STRUCK" },
      { itemId: ids.tabled!, fate: "TABLED" },
      { itemId: ids.returned!, fate: "RETURNED", reason: "x" },
      { itemId: ids.extra!, fate: "DECIDED" },
    ];
    expect(await turn(meetingId, all, { version: before.meeting.agendaVersion + 1 })).toEqual({
      ok: false,
      code: "STATE",
      message: STALE_AGENDA_MESSAGE,
    });
    expect(await turn(meetingId, all.slice(1))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { [`fate.${ids.decided}`]: ["Välj vad som blev av ärende 1."] },
    });
    expect(await turn(meetingId, [...all, { itemId: "ett-annat-arende", fate: "DECIDED" }])).toMatchObject({
      ok: false,
      message: STALE_AGENDA_MESSAGE,
    });
    expect(await snapshot(meetingId)).toEqual(before);
  });

  it.each([
    ["member", "FORBIDDEN"],
    ["chair", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
    ["anonymous", "UNAUTHENTICATED"],
  ] as const)("refuses %s (%s)", async (who, code) => {
    const before = await snapshot(meetingId);
    const result = await turn(meetingId, [{ itemId: ids.decided!, fate: "DECIDED" }], { who });
    expect(result).toMatchObject({ ok: false, code });
    expect(await snapshot(meetingId)).toEqual(before);
  });

  it("writes the opening items and one § per ärende but the struck one, numbered on from the body's year", async () => {
    // The seed's §§ 59–67 are 2021; 2023 has no § yet, so the year starts at 1.
    const result = await turn(meetingId, [
      { itemId: ids.decided!, fate: "DECIDED" },
      { itemId: ids.struck!, fate: "STRUCK" },
      { itemId: ids.tabled!, fate: "TABLED", reason: "ignoreras" },
      { itemId: ids.returned!, fate: "RETURNED", reason: "Konsekvenserna för medlemskommunerna ska utredas" },
      { itemId: ids.extra!, fate: "DECIDED" },
    ]);
    expect(result).toEqual({ ok: true, data: { numbers: [1, 2, 3, 4, 5, 6, 7], items: 5 } });
    const ps = await paragraphs(meetingId);
    expect(ps.map((p) => [p.number, p.title, p.decisionIntro])).toEqual([
      [1, "Upprop", ""],
      [2, "Val av justerare", ""],
      // The approval of the agenda records its changes (the struck and the extra ärende).
      [3, "Godkännande av dagordningen", "Direktionen beslutar att godkänna dagordningen med följande ändringar:"],
      [4, "Prislista 2023", "Direktionen beslutar:"],
      [5, "Verksamhetsplan 2024", "Ärendet bordläggs."],
      [6, "Ny förbundsordning", "Ärendet återremitteras. Skäl: Konsekvenserna för medlemskommunerna ska utredas."],
      [7, "Extra ärende om lokaler", ""],
    ]);
    const decided = ps[3]!;
    expect(decided).toMatchObject({
      caseNumber: "ITSAM 2023/14",
      decisionClauses: ["att godkänna prislista 2023"],
      year: 2023,
    });
    expect(decided.sections.map((s) => [s.kind, s.heading, s.content, s.plainText])).toEqual([
      [
        "SUMMARY",
        "Sammanfattning av ärendet",
        summaryOf("Sammanfattning av Prislista 2023."),
        "Bakgrund\nSammanfattning av Prislista 2023.",
      ],
    ]);
    expect(decided.basisDocuments.map((d) => d.title)).toEqual([
      "Tjänsteskrivelse",
      "Handling som omfattas av sekretess",
    ]);
    expect(ps[4]!.sections).toEqual([]);
  });

  it("moves each ärende on as its fate says and records an outcome with its §", async () => {
    const items = Object.fromEntries(
      await Promise.all(
        Object.entries(ids).map(
          async ([k, id]) => [k, await db.agendaItem.findUniqueOrThrow({ where: { id } })] as const,
        ),
      ),
    );
    expect(items.decided).toMatchObject({ state: "DECIDED", meetingId, position: 1, version: 2 });
    expect(items.struck).toMatchObject({ state: "STRUCK", meetingId, position: 2 });
    expect(items.tabled).toMatchObject({ state: "PREPARING", meetingId: null, position: null, returnReason: null });
    expect(items.returned).toMatchObject({
      state: "PREPARING",
      meetingId: null,
      position: null,
      returnReason: "Konsekvenserna för medlemskommunerna ska utredas",
    });
    expect(items.extra).toMatchObject({ state: "DECIDED", meetingId, isExtra: true });
    const numberOf = new Map((await db.paragraph.findMany({ where: { meetingId } })).map((p) => [p.id, p.number]));
    const outcomes = await db.agendaOutcome.findMany({ where: { meetingId } });
    expect(
      Object.fromEntries(
        outcomes.map((o) => [o.agendaItemId, [o.fate, o.paragraphId && numberOf.get(o.paragraphId), o.reason]]),
      ),
    ).toEqual({
      [ids.decided!]: ["DECIDED", 4, null],
      [ids.struck!]: ["STRUCK", null, null],
      [ids.tabled!]: ["TABLED", 5, null],
      [ids.returned!]: ["RETURNED", 6, "Konsekvenserna för medlemskommunerna ska utredas"],
      [ids.extra!]: ["DECIDED", 7, null],
    });
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.agendaVersion).toBe(2);
    const audit = await db.auditLog.findMany({ where: { meetingId, action: "agenda.toProtocol" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "Meeting", entityId: meetingId, ip: "127.0.0.1" });
    expect(audit[0]!.data).toMatchObject({ numbers: [1, 2, 3, 4, 5, 6, 7], opening: 3 });
  });

  it("does not do it twice: the same form again is refused and nothing is duplicated", async () => {
    const before = await snapshot(meetingId);
    const again = await turn(meetingId, [{ itemId: ids.decided!, fate: "DECIDED" }], { version: 1 });
    expect(again).toEqual({ ok: false, code: "STATE", message: ALREADY_DONE_MESSAGE });
    expect(await turn(meetingId, [])).toEqual({ ok: false, code: "STATE", message: ALREADY_DONE_MESSAGE });
    expect(await snapshot(meetingId)).toEqual(before);
  });

  it("takes an extra ärende added afterwards on its own, after the §§ already there, without the opening items", async () => {
    const late = await newItem(meetingId, 6, "Sent extra ärende", { isExtra: true });
    const result = await turn(meetingId, [{ itemId: late.id, fate: "DECIDED" }]);
    expect(result).toEqual({ ok: true, data: { numbers: [8], items: 1 } });
    expect((await paragraphs(meetingId)).map((p) => p.title)).toHaveLength(8);
  });

  it("shows the page what was done and what is left", async () => {
    const view = await findAgendaToProtocol(db, meetingId);
    expect(view).toMatchObject({ started: true, pending: [], agendaVersion: 3 });
    expect(view!.done.map((d) => [d.title, d.fate, d.paragraphNumber])).toEqual([
      ["Prislista 2023", "DECIDED", 4],
      ["Verksamhetsplan 2024", "TABLED", 5],
      ["Ny förbundsordning", "RETURNED", 6],
      ["Extra ärende om lokaler", "DECIDED", 7],
      ["Sent extra ärende", "DECIDED", 8],
      ["Informationsärende som utgår", "STRUCK", null],
    ]);
  });

  describe("the next meeting", () => {
    it("finds the tabled and the returned ärende in the body's pool, then the tabled one on its agenda, numbered on", async () => {
      const pool = await db.agendaItem.findMany({
        where: { bodyId: seeded.direktionen.id, meetingId: null },
        orderBy: { title: "asc" },
      });
      expect(pool.map((i) => i.title)).toEqual(["Ny förbundsordning", "Verksamhetsplan 2024"]);
      const next = await newMeeting("2023-03-09");
      // Put on the next agenda (Y1's move; here with Prisma, as the brief says).
      await db.agendaItem.update({ where: { id: ids.tabled! }, data: { meetingId: next.id, position: 1 } });
      const view = await findAgendaToProtocol(db, next.id);
      expect(view!.pending.map((p) => p.title)).toEqual(["Verksamhetsplan 2024"]);
      const result = await turn(next.id, [{ itemId: ids.tabled!, fate: "DECIDED" }], { includeOpening: false });
      expect(result).toEqual({ ok: true, data: { numbers: [9], items: 1 } });
      const [p] = await paragraphs(next.id);
      expect(p).toMatchObject({ number: 9, title: "Verksamhetsplan 2024", decisionIntro: "Direktionen beslutar:" });
      // The ärende's history: bordlagt at the first meeting, decided at the second.
      const history = await db.agendaOutcome.findMany({
        where: { agendaItemId: ids.tabled! },
        include: { meeting: true },
      });
      expect(history.map((o) => [o.meeting.date.toISOString().slice(0, 10), o.fate]).sort()).toEqual([
        ["2023-02-09", "TABLED"],
        ["2023-03-09", "DECIDED"],
      ]);
    });

    it("starts at the secretary's first § number when the meeting has one", async () => {
      const m = await newMeeting("2024-01-18", "101");
      const item = await newItem(m.id, 1, "Första ärendet 2024");
      expect(await turn(m.id, [{ itemId: item.id, fate: "DECIDED" }])).toEqual({
        ok: true,
        data: { numbers: [101, 102, 103, 104], items: 1 },
      });
    });

    it("lets two submits of the same form at once make the §§ only once", async () => {
      const m = await newMeeting("2025-02-06");
      const a = await newItem(m.id, 1, "Samtidigt");
      const results = await Promise.all([
        turn(m.id, [{ itemId: a.id, fate: "DECIDED" }], { includeOpening: false }),
        turn(m.id, [{ itemId: a.id, fate: "DECIDED" }], { includeOpening: false }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "STATE" });
      expect(await db.paragraph.count({ where: { meetingId: m.id } })).toBe(1);
      expect(await db.agendaOutcome.count({ where: { meetingId: m.id } })).toBe(1);
    });
  });
});

describe("a confidential ärende, a confidential handling, and the justerat protocol", () => {
  const SECRET = ["Upphandling av säkerhetstjänst", "Hotbilden mot serverhallen", "Anbud från Leverantören AB"];
  let meetingId: string;

  it("turns them into §§ of the demo meeting: the confidential ärende a confidential §", async () => {
    meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
    const secret = await newItem(meetingId, 1, SECRET[0]!, {
      isConfidential: true,
      caseNumber: "ITSAM 2021/40",
      summary: summaryOf(SECRET[1]!),
      summaryPlain: SECRET[1]!,
    });
    const open = await newItem(meetingId, 2, "Avtal om drift", {
      caseNumber: "ITSAM 2021/41",
      documents: {
        create: [
          {
            title: SECRET[2]!,
            fileName: "anbud.pdf",
            mimeType: "application/pdf",
            bytes: Buffer.from("%PDF-1.7"),
            sha256: "c",
            position: 1,
            isConfidential: true,
          },
        ],
      },
    });
    const result = await turn(
      meetingId,
      [
        { itemId: secret.id, fate: "DECIDED" },
        { itemId: open.id, fate: "DECIDED" },
      ],
      { includeOpening: false },
    );
    expect(result).toEqual({ ok: true, data: { numbers: [68, 69], items: 2 } });
    const ps = (await paragraphs(meetingId)).filter((p) => p.number >= 68);
    expect(ps.map((p) => [p.number, p.isConfidential, p.title])).toEqual([
      [68, true, "Ärende som omfattas av sekretess"],
      [69, false, "Avtal om drift"],
    ]);
    // The secretary's draft holds all of it; only the public copy leaves it out.
    expect(ps[0]).toMatchObject({
      caseNumber: "ITSAM 2021/40",
      decisionClauses: [`att godkänna ${SECRET[0]!.toLowerCase()}`],
    });
    expect(ps[0]!.sections[0]!.plainText).toContain(SECRET[1]);
  });

  it("refuses on a justerat meeting, and the public copy holds nothing of them", async () => {
    await justeraDemoMeeting(db, "paragraf-demo");
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.status).toBe("ADJUSTED");
    // The database refuses a new ärende on a justerat meeting (20261204171000_agenda_guards) …
    await expect(newItem(meetingId, 3, "För sent")).rejects.toThrow(/kan inte ändras/);
    // … so it is planted past the guards, to see the app refuse the conversion too.
    const late = await newItem(null, null, "För sent");
    await asOwnerWithoutGuards(seeded.ownerUrl, (c) =>
      c.query(`UPDATE "AgendaItem" SET "meetingId" = $1, "position" = 3 WHERE "id" = $2`, [meetingId, late.id]),
    );
    const before = await snapshot(meetingId);
    expect(await turn(meetingId, [{ itemId: late.id, fate: "DECIDED" }])).toEqual({
      ok: false,
      code: "STATE",
      message:
        "Ärendelistan kan bara föras över till protokollet medan protokollet är ett utkast; det är skickat till justering eller justerat.",
    });
    expect(await snapshot(meetingId)).toEqual(before);

    const projected = JSON.stringify(toPublicProtocol((await findProtocolBySlug(db, SEED_SLUG))!, TODAY));
    const restore = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
    try {
      const res = await publicPdf(new Request(`http://localhost/protokoll/${SEED_SLUG}/protokoll.pdf`), {
        params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
      });
      expect(res.status).toBe(200);
      const text = pdfToText(new Uint8Array(await res.arrayBuffer()));
      expect(text).toContain("Avtal om drift");
      expect(text).toContain("Ärende som omfattas av sekretess");
      expect(text).toContain("Handling som omfattas av sekretess");
      for (const secret of SECRET) {
        expect(projected).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
    } finally {
      await restore();
    }
  }, 180_000);
});
