// The ärendelista as sent (issue 15, points 5 and 3) on real PostgreSQL: after the agenda became
// §§ the kallelse still lists every ärende it was sent with (a tabled or returned one under its
// number, an extra one never), the meeting's agenda page says where those went, and the protocol
// PDF marks the extra ärende and names the struck one only in the approval of the agenda; an extra
// ärende added from the agenda → protocol page (validated, audited); the kungörelse that says what
// changed after it was posted, without a confidential byte; and who gets which version of the
// workspace kallelse (confidential ärenden and handlingar only for the body's own).
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, dbDate, toSwedishDate } from "@/lib/iso-date";
import { EXTRA_ITEM_TEXT } from "@/domain/rules/agenda-fate.rules";
import { createAgendaItem } from "@/modules/agenda/agenda.mutations";
import { findMeetingAgenda } from "@/modules/agenda";
import { turnAgendaIntoParagraphs } from "@/modules/agenda/agenda-to-protocol.mutations";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { KungorelseList } from "@/modules/summons/components/kungorelse-list";
import { sendSummons } from "@/modules/summons/summons.mutations";
import { findKungorelseChanges, findSummons, listKungorelser } from "@/modules/summons/summons.queries";
import { summonsFileBytes } from "@/modules/summons/summons.http";
import { renderProtocolPdf } from "@/pdf/render-protocol";
import { agendaRows } from "@/pdf/testing/agenda";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as workspaceKallelse } from "@/app/(app)/moten/[slug]/kallelse/kallelse.pdf/route";
import { GET as workspaceBundle } from "@/app/(app)/moten/[slug]/kallelse/handlingar.pdf/route";
import { findMeetingAccess } from "@/server/meeting-access";
import { findProtocolBySlug } from "@/server/protocol.queries";
import type { CurrentUser } from "@/server/session";
import { useRouteDatabase } from "./support/route-db";
import { actorFor, contextFor, createSeededDatabase, EMAILS, SEED_SLUG, type ActorName } from "./support/seeded-db";
import { addOpeningTemplates, createFullmaktige } from "./support/bodies";

// The workspace routes ask the session who is signed in; the tests say who.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/session")>()),
  getCurrentUser: async () => session.user,
}));

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let restoreRouteDatabase: () => Promise<void>;

beforeAll(async () => {
  seeded = await createSeededDatabase("agenda_as_sent");
  db = seeded.db;
  restoreRouteDatabase = useRouteDatabase(seeded.url);
  // The body's opening §§ are its opening templates (src/modules/templates); here titles only.
  await addOpeningTemplates(db, seeded.direktionen.id, ["Upprop", "Val av justerare", "Godkännande av dagordningen"]);
}, 120_000);
afterAll(async () => {
  await restoreRouteDatabase?.();
  await seeded?.drop();
});

const as = (who: ActorName) => contextFor(db, who);
const flat = (s: string) => s.replace(/\s+/g, " ");

async function pdfSaying(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, font, size: 14 });
  return new Uint8Array(await doc.save());
}

async function newItem(
  bodyId: string,
  meetingId: string,
  position: number,
  title: string,
  opts: { handling?: string; confidentialHandling?: string; isConfidential?: boolean } = {},
) {
  const documents = [
    ...(opts.handling ? [{ title: opts.handling, isConfidential: false }] : []),
    ...(opts.confidentialHandling ? [{ title: opts.confidentialHandling, isConfidential: true }] : []),
  ];
  return db.agendaItem.create({
    data: {
      bodyId,
      meetingId,
      position,
      title,
      caseNumber: `ITSAM 2023/${position}`,
      proposalIntro: "Direktionen föreslås besluta:",
      proposalClauses: [`att godkänna ${title.toLowerCase()}`],
      isConfidential: opts.isConfidential ?? false,
      documents: {
        create: await Promise.all(
          documents.map(async (d, i) => ({
            title: d.title,
            fileName: `h${i}.pdf`,
            mimeType: "application/pdf",
            bytes: await pdfSaying(`${d.title} text`),
            sha256: String(i),
            position: i + 1,
            isConfidential: d.isConfidential,
          })),
        ),
      },
    },
  });
}

describe("a meeting whose agenda became §§ (utgår, bordläggs, återremitteras, extra ärende)", () => {
  let meetingId: string;
  let slug: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const created = await createMeeting(await as("secretary"), {
      bodyId: seeded.direktionen.id,
      date: "2023-02-09",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
      firstParagraphNumber: "",
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    slug = created.data.slug;
    meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug } })).id;
    const body = seeded.direktionen.id;
    ids.decided = (await newItem(body, meetingId, 1, "Budget 2024", { handling: "Budgetunderlag" })).id;
    ids.struck = (await newItem(body, meetingId, 2, "Information som utgår")).id;
    ids.tabled = (await newItem(body, meetingId, 3, "Verksamhetsplan 2024", { handling: "Planunderlag" })).id;
    ids.returned = (await newItem(body, meetingId, 4, "Ny förbundsordning")).id;
  });

  it("adds an extra ärende from the agenda → protocol page: in Swedish when wrong, audited, not in the kallelse", async () => {
    const input = { bodyId: seeded.direktionen.id, meetingId, caseNumber: "", isExtra: true };
    expect(await createAgendaItem(await as("secretary"), { ...input, title: "  " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { title: ["Skriv ärendets rubrik, t.ex. Budget för 2026."] },
    });
    expect(await createAgendaItem(await as("chair"), { ...input, title: "Lokalfrågan" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.agendaItem.count({ where: { meetingId } })).toBe(4);

    const r = await createAgendaItem(await as("secretary"), { ...input, title: "Lokalfrågan" });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.extra = r.data.id;
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: r.data.id } })).toMatchObject({
      meetingId,
      position: 5,
      isExtra: true,
      state: "PREPARING",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "agenda.create", entityId: r.data.id } });
    expect(audit.data).toMatchObject({ title: "Lokalfrågan", position: 5, isExtra: true });
    expect((await findSummons(db, { id: meetingId }))!.items.map((i) => i.title)).toEqual([
      "Budget 2024",
      "Information som utgår",
      "Verksamhetsplan 2024",
      "Ny förbundsordning",
    ]);
  });

  it("keeps the kallelse as sent: the tabled and the returned ärende keep their number and handlingar", async () => {
    const before = await findSummons(db, { id: meetingId });
    const kallelseBefore = pdfToText(await summonsFileBytes(db, before!, "members", "kallelse"));
    const { agendaVersion } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const result = await turnAgendaIntoParagraphs(await as("secretary"), {
      meetingId,
      agendaVersion,
      includeOpening: true,
      items: [
        { itemId: ids.decided!, fate: "DECIDED", reason: "" },
        { itemId: ids.struck!, fate: "STRUCK", reason: "" },
        { itemId: ids.tabled!, fate: "TABLED", reason: "" },
        { itemId: ids.returned!, fate: "RETURNED", reason: "Konsekvenserna ska utredas" },
        { itemId: ids.extra!, fate: "DECIDED", reason: "" },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { numbers: [1, 2, 3, 4, 5, 6, 7] } });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: ids.tabled! } })).toMatchObject({
      meetingId: null,
      position: null,
    });

    const after = await findSummons(db, { id: meetingId });
    expect(after!.items).toEqual(before!.items);
    expect(pdfToText(await summonsFileBytes(db, after!, "members", "kallelse"))).toBe(kallelseBefore);
    const bundle = flat(pdfToText(await summonsFileBytes(db, after!, "members", "handlingar")));
    expect(bundle).toContain("Planunderlag text");
    expect(bundle).not.toContain("Lokalfrågan");

    const page = await findMeetingAgenda(db, (await as("secretary")).actor!, slug);
    expect(page!.items.map((i) => [i.position, i.title, i.state, i.isExtra])).toEqual([
      [1, "Budget 2024", "DECIDED", false],
      [2, "Information som utgår", "STRUCK", false],
      [5, "Lokalfrågan", "DECIDED", true],
    ]);
    expect(page!.left).toEqual([
      { id: ids.tabled, position: 3, title: "Verksamhetsplan 2024", fate: "TABLED" },
      { id: ids.returned, position: 4, title: "Ny förbundsordning", fate: "RETURNED" },
    ]);
  });

  it("prints in the protocol that the extra ärende was added, and names the struck one only in the approval of the agenda", async () => {
    const protocol = (await findProtocolBySlug(db, slug))!;
    const pdf = await renderProtocolPdf(protocol);
    const text = flat(pdfToText(pdf));
    expect(text).toContain(EXTRA_ITEM_TEXT);
    expect(text).toContain("Direktionen beslutar att godkänna dagordningen med följande ändringar:");
    expect(text).toContain("att ärende 2, Information som utgår, utgår");
    expect(text).toContain("att Lokalfrågan tas upp som extra ärende");
    expect(text.split("Information som utgår")).toHaveLength(2);
    // The protocol's ärendelista: the §§ only, the struck ärende none of them.
    const rows = agendaRows(pdfToText(pdf, { first: 1, last: 2, layout: true }));
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("sends a tabled extra ärende back to the pool as an ordinary ärende, for a later kallelse", async () => {
    const late = await createAgendaItem(await as("secretary"), {
      bodyId: seeded.direktionen.id,
      meetingId,
      title: "Sent extra ärende",
      caseNumber: "",
      isExtra: true,
    });
    if (!late.ok) throw new Error(JSON.stringify(late));
    const { agendaVersion } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const r = await turnAgendaIntoParagraphs(await as("secretary"), {
      meetingId,
      agendaVersion,
      includeOpening: false,
      items: [{ itemId: late.data.id, fate: "TABLED", reason: "" }],
    });
    expect(r).toMatchObject({ ok: true });
    expect(await db.agendaItem.findUniqueOrThrow({ where: { id: late.data.id } })).toMatchObject({
      meetingId: null,
      isExtra: false,
    });
    expect((await db.agendaOutcome.findFirstOrThrow({ where: { agendaItemId: late.data.id } })).position).toBeNull();
    expect((await findSummons(db, { id: meetingId }))!.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
  });
});

describe("the kungörelse after the ärendelista changed", () => {
  const SECRET_LATER = "Markförvärv av fastigheten Hemlingby 1:2";
  let meetingId: string;
  let kfId: string;
  const ids: Record<string, string> = {};
  const today = toSwedishDate(new Date());

  beforeAll(async () => {
    const organisationId = seeded.direktionen.organisationId;
    const created = await createFullmaktige(db, { organisationId, today, member: { name: "KF Ledamot" } });
    const kf = { id: created.bodyId };
    kfId = kf.id;
    const date = addDays(today, 10);
    const meeting = await db.meeting.create({
      data: { bodyId: kf.id, slug: `kommunfullmaktige-${date}`, date: dbDate(date), place: "Stadshuset" },
    });
    meetingId = meeting.id;
    ids.budget = (await newItem(kf.id, meetingId, 1, "Budget 2024", { handling: "Budgetunderlag" })).id;
    ids.land = (await newItem(kf.id, meetingId, 2, SECRET_LATER)).id;
    ids.info = (await newItem(kf.id, meetingId, 3, "Informationsärenden")).id;
    const sent = await sendSummons(await as("admin"), { meetingId, agendaVersion: 1 });
    expect(sent).toMatchObject({ ok: true });
  });

  it("keeps the public ärendelista posted at the sending, and finds nothing changed", async () => {
    const stored = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).kungorelseItems;
    expect((stored as { title: string }[]).map((i) => i.title)).toEqual([
      "Budget 2024",
      SECRET_LATER,
      "Informationsärenden",
    ]);
    const [k] = await listKungorelser(db, today);
    expect(k!.changes).toBeNull();
    expect(await findKungorelseChanges(db, meetingId)).toBeNull();
  });

  it("shows the live public list and what changed since, never an ärende made confidential since", async () => {
    await db.agendaItem.update({ where: { id: ids.budget! }, data: { title: "Budget 2024 (reviderad)" } });
    await db.agendaItem.update({ where: { id: ids.land! }, data: { isConfidential: true } });
    await db.agendaItem.delete({ where: { id: ids.info! } });
    await newItem(kfId, meetingId, 3, "Val av revisorer");
    const list = await listKungorelser(db, today);
    const [k] = list;
    expect(k!.items.map((i) => `${i.number}. ${i.title}`)).toEqual([
      "1. Budget 2024 (reviderad)",
      "2. Sekretessbelagt ärende",
      "3. Val av revisorer",
    ]);
    expect(k!.changes).toMatchObject({ added: [3], changed: [1, 2], removed: 1 });
    expect(await findKungorelseChanges(db, meetingId)).toEqual(k!.changes);
    const html = renderToStaticMarkup(createElement(KungorelseList, { kungorelser: list }));
    expect(html).toContain(`Ärendelistan har ändrats efter kungörelsen ${today}.`);
    expect(html).toContain("Ett ärende i kungörelsen är inte längre med på listan.");
    expect(html).toContain("3. Val av revisorer (tillkommit efter kungörelsen)");
    expect(html).toContain("1. Budget 2024 (reviderad) (ändrat efter kungörelsen)");
    for (const out of [JSON.stringify(list), html]) {
      expect(out).not.toContain("Hemlingby");
      expect(out).not.toContain("Informationsärenden");
    }
  });

  it("posts the new list when the kallelse is sent again", async () => {
    const { agendaVersion } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(await sendSummons(await as("admin"), { meetingId, agendaVersion })).toMatchObject({
      ok: true,
      data: { resend: true },
    });
    const [k] = await listKungorelser(db, today);
    expect(k!.changes).toBeNull();
    const stored = JSON.stringify((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).kungorelseItems);
    expect(stored).not.toContain("Hemlingby");
  });
});

describe("the workspace kallelse: the members' version only for the body's own", () => {
  const SECRET_ITEM = "Uppsägning av förbundsdirektören";
  const SECRET_HANDLING = "Läkarintyg";

  beforeAll(async () => {
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    await newItem(seeded.direktionen.id, meeting.id, 1, "Offentligt ärende", {
      handling: "Offentlig handling",
      confidentialHandling: SECRET_HANDLING,
    });
    await newItem(seeded.direktionen.id, meeting.id, 2, SECRET_ITEM, { isConfidential: true });
    // The chair and the justerare from outside the body: no ledamot's or ersättare's seat, no body role.
    const access = (await findMeetingAccess(db, { slug: SEED_SLUG }))!;
    const outsiders = [access.chairPersonId!, ...access.adjusterPersonIds];
    await db.membership.deleteMany({ where: { personId: { in: outsiders } } });
    await db.bodyRole.deleteMany({ where: { user: { personId: { in: outsiders } } } });
  });

  async function get(who: ActorName, file: "kallelse" | "handlingar") {
    session.user =
      who === "anonymous"
        ? null
        : ({ ...(await actorFor(db, EMAILS[who])), name: who, email: EMAILS[who] } as CurrentUser);
    const route = file === "kallelse" ? workspaceKallelse : workspaceBundle;
    return route(new Request(`http://localhost/moten/${SEED_SLUG}/kallelse/${file}.pdf`), {
      params: Promise.resolve({ slug: SEED_SLUG }),
    });
  }

  it.each(["secretary", "admin", "member"] as const)("gives %s the members' version", async (who) => {
    for (const file of ["kallelse", "handlingar"] as const) {
      const res = await get(who, file);
      expect(res.status).toBe(200);
      const text = flat(pdfToText(new Uint8Array(await res.arrayBuffer())));
      expect(text).toContain(SECRET_ITEM);
      expect(text).not.toContain("Offentlig version");
      if (file === "handlingar") expect(text).toContain(`${SECRET_HANDLING} text`);
    }
  });

  it.each(["chair", "adjuster"] as const)("gives the %s from outside the body the public version", async (who) => {
    for (const file of ["kallelse", "handlingar"] as const) {
      const res = await get(who, file);
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = flat(pdfToText(bytes));
      expect(text).toContain("Offentlig version");
      expect(text).toContain("2. Sekretessbelagt ärende");
      expect(text).toContain("Offentligt ärende");
      if (file === "handlingar") expect(text).toContain("Offentlig handling text");
      for (const s of [SECRET_ITEM, SECRET_HANDLING]) {
        expect(text).not.toContain(s);
        expect(Buffer.from(bytes).toString("latin1")).not.toContain(s);
      }
    }
  });

  it.each(["otherSecretary", "anonymous"] as const)("gives %s nothing", async (who) => {
    expect((await get(who, "kallelse")).status).toBe(404);
  });
});
