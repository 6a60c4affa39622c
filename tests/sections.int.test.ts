// Issue 14 point 7 on real PostgreSQL: the body's decision placement (admin setting, honoured by
// the PDF), sections without heading and optional place/jäv reason saved, Dnr formats other than
// "ITSAM 2021/8" through OParl keys and search, and the extract routes' authorisation.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { CurrentUser } from "@/server/session";
import { saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { updateBody } from "@/modules/administration/bodies.mutations";
import { paperKey } from "@/modules/publication/opendata/oparl";
import { searchArchive } from "@/modules/publication";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as workspaceExtract } from "@/app/(app)/moten/[slug]/utdrag/route";
import { GET as publicExtract } from "@/app/(public)/[org]/protokoll/[slug]/utdrag/route";
import { GET as paperItem } from "@/app/api/oparl/v1/paper/[org]/[key]/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { actorFor, contextFor, createSeededDatabase, EMAILS, SEED_SLUG, type ActorName } from "./support/seeded-db";

// The workspace route asks the session who is signed in; the tests say who.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/session")>()),
  getCurrentUser: async () => session.user,
}));

let db: PrismaClient;
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;
let bodyId: string;

const CONFIDENTIAL_TITLE = "Status rekryteringar";

async function signIn(who: ActorName) {
  if (who === "anonymous") {
    session.user = null;
    return;
  }
  const actor = await actorFor(db, EMAILS[who]);
  session.user = { ...actor, name: who, email: EMAILS[who] } as CurrentUser;
}

const ws = (query: string) =>
  workspaceExtract(new Request(`http://localhost/moten/${SEED_SLUG}/utdrag${query}`), {
    params: Promise.resolve({ slug: SEED_SLUG }),
  });
const pub = (query: string) =>
  publicExtract(new Request(`http://localhost/protokoll/${SEED_SLUG}/utdrag${query}`), {
    params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
  });
const pdfText = async (res: Response) => pdfToText(new Uint8Array(await res.arrayBuffer())).replace(/\s+/g, " ");

async function paragraph(number: number) {
  const protocol = await findProtocolBySlug(db, SEED_SLUG);
  const p = protocol!.paragraphs.find((x) => x.number === number)!;
  const editing = await findParagraphForEditing(db, p.id);
  return { id: p.id, version: editing!.version, dto: editing!.paragraph };
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("sections");
  ({ db, drop } = seeded);
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  bodyId = (await db.body.findFirstOrThrow({ where: { slug: "direktionen" } })).id;
}, 120_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await drop?.();
});

describe("optional fields and sections without heading (draft)", () => {
  it("saves a § with a heading-less section and a jäv without reason; the checker warns, nothing blocks", async () => {
    const p = await paragraph(60);
    const original = toParagraphContent(p.dto);
    const someone = (await findProtocolBySlug(db, SEED_SLUG))!.attendance.find((a) => a.role === "MEMBER")!;
    const content = toParagraphContent(p.dto);
    content.sections = [
      {
        kind: "OTHER",
        heading: "",
        content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Löptext." }] }] },
      },
    ];
    content.recusals = [{ personId: someone.personId, reason: "" }];
    const saved = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: p.id,
      version: p.version,
      content,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const after = await paragraph(60);
    expect(after.dto.sections).toEqual([expect.objectContaining({ heading: "", kind: "OTHER" })]);
    expect(after.dto.recusals).toEqual([expect.objectContaining({ personId: someone.personId, reason: "" })]);
    const findings = checkProtocol((await findProtocolBySlug(db, SEED_SLUG))!, { now: "2021-11-19" });
    expect(findings.find((f) => f.code === "RECUSAL_REASON_MISSING")).toMatchObject({
      severity: "warning",
      paragraphNumber: 60,
    });
    expect(findings.filter((f) => f.code === "EMPTY_SECTION" && f.paragraphNumber === 60)).toEqual([]);
    // Put § 60 back as it was, for the justering below.
    const back = await saveParagraph(await contextFor(db, "secretary"), {
      paragraphId: p.id,
      version: after.version,
      content: original,
    });
    expect(back.ok).toBe(true);
  });

  it("saves a meeting without a place; the checker warns", async () => {
    const m = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG }, include: { adjusters: true } });
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    const header = (place: string, version: number) => ({
      meetingId: m.id,
      version,
      date: protocol.meeting.date,
      startTime: protocol.meeting.startTime ?? "",
      endTime: protocol.meeting.endTime ?? "",
      place,
      adjustmentPlace: protocol.meeting.adjustmentPlace ?? "",
      adjustmentDate: protocol.meeting.adjustmentDate ?? "",
      secretaryPersonId: protocol.secretary?.personId ?? null,
      adjusterPersonIds: protocol.adjusters.map((a) => a.personId),
    });
    const saved = await saveMeetingHeader(await contextFor(db, "secretary"), header("  ", m.version));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const empty = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(empty.meeting.place).toBe("");
    expect(checkProtocol(empty, { now: "2021-11-19" }).find((f) => f.code === "PLACE_MISSING")?.severity).toBe(
      "warning",
    );
    const version = (await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).version;
    expect((await saveMeetingHeader(await contextFor(db, "secretary"), header(m.place, version))).ok).toBe(true);
  });
});

describe("the body's decision placement", () => {
  /** The body form as posted: the body's own facts as they are, and the layout given. */
  async function updateBodyLayout(who: ActorName, layout: Record<string, unknown>) {
    const b = await db.body.findUniqueOrThrow({ where: { id: bodyId } });
    return updateBody(await contextFor(db, who), {
      bodyId,
      name: b.name,
      genitiveName: b.genitiveName,
      kind: b.kind,
      seatCount: String(b.seatCount),
      parentBodyId: b.parentBodyId ?? "",
      ...layout,
    });
  }

  it("is set by an organisation admin only, in the body form, with an audit row", async () => {
    for (const who of ["secretary", "member", "anonymous"] as const) {
      const refused = await updateBodyLayout(who, { decisionPlacement: "AFTER_SECTIONS" });
      expect(refused.ok, who).toBe(false);
    }
    const bad = await updateBodyLayout("admin", { decisionPlacement: "SIST" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    const done = await updateBodyLayout("admin", { decisionPlacement: "AFTER_SECTIONS" });
    expect(done.ok).toBe(true);
    expect((await findProtocolBySlug(db, SEED_SLUG))!.body.decisionPlacement).toBe("AFTER_SECTIONS");
    const audit = await db.auditLog.findMany({ where: { action: "admin.body.update", entityId: bodyId } });
    expect(audit.map((a) => a.data)).toEqual([
      { changed: ["decisionPlacement"], decisionPlacement: { from: "BEFORE_SECTIONS", to: "AFTER_SECTIONS" } },
    ]);
    // The same form sets the fullmäktige layout (the närvaro- och omröstningslista); left out, it stays.
    const listed = await updateBodyLayout("admin", {
      decisionPlacement: "AFTER_SECTIONS",
      appendedAttendanceList: true,
    });
    expect(listed.ok).toBe(true);
    expect((await findProtocolBySlug(db, SEED_SLUG))!.body.appendedAttendanceList).toBe(true);
    await updateBodyLayout("admin", { decisionPlacement: "AFTER_SECTIONS" });
    expect((await findProtocolBySlug(db, SEED_SLUG))!.body.appendedAttendanceList).toBe(true);
    const back = { decisionPlacement: "AFTER_SECTIONS", appendedAttendanceList: false } as const;
    expect((await updateBodyLayout("admin", back)).ok).toBe(true);
  });
});

describe("Dnr formats and extracts of a draft", () => {
  it("accepts other Dnr formats on save", async () => {
    for (const [number, dnr] of [
      [63, "MBN 2019.0412"],
      [64, "KS 2023/117"],
    ] as const) {
      const p = await paragraph(number);
      const content = toParagraphContent(p.dto);
      content.caseNumber = dnr;
      const saved = await saveParagraph(await contextFor(db, "secretary"), {
        paragraphId: p.id,
        version: p.version,
        content,
      });
      expect(saved.ok).toBe(true);
      expect((await paragraph(number)).dto.caseNumber).toBe(dnr);
    }
  });

  it("gives nobody an extract of a draft: 404 to the public, 409 to a reader", async () => {
    await signIn("anonymous");
    expect((await pub("?paragraf=62")).status).toBe(404);
    expect((await ws("?paragraf=62")).status).toBe(404);
    await signIn("member");
    const res = await ws("?paragraf=62");
    expect(res.status).toBe(409);
    expect(await res.text()).toMatch(/justerat protokoll/);
  });
});

describe("after justering", () => {
  beforeAll(async () => {
    await justeraDemoMeeting(db, "paragraf-demo", { confidential: [61] });
  }, 180_000);

  it("OParl gives each Dnr format its own Paper under its key", async () => {
    for (const dnr of ["MBN 2019.0412", "KS 2023/117"]) {
      const key = paperKey(dnr);
      expect(key).toMatch(/^[a-z0-9-]+$/);
      const res = await paperItem(new Request(`http://localhost/api/oparl/v1/paper/itsam/${key}`), {
        params: Promise.resolve({ org: "itsam", key }),
      });
      expect(res.status, dnr).toBe(200);
      expect(((await res.json()) as { reference: string }).reference).toBe(dnr);
    }
    expect(paperKey("MBN 2019.0412")).toBe("mbn-2019-0412");
    expect(paperKey("KS 2023/117")).toBe("ks-2023-117");
  });

  it("search finds a § by a Dnr in another format", async () => {
    const hits = await searchArchive(db, { q: "KS 2023/117" });
    expect(hits.hits.map((h) => h.number)).toContain(64);
  });

  it("the public gets an extract of a public § with the decision after the sections", async () => {
    await signIn("anonymous");
    const res = await pub("?paragraf=62");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(res);
    expect(text).toContain("Utdrag ur protokoll");
    expect(text).toContain("Utdraget överensstämmer med det justerade protokollet");
    const p62 = (await findProtocolBySlug(db, SEED_SLUG))!.paragraphs.find((p) => p.number === 62)!;
    const firstSection = p62.sections.find((s) => s.heading.trim())!.heading;
    expect(text.indexOf("Direktionens beslut")).toBeGreaterThan(text.indexOf(firstSection));
  });

  it("the public never gets a confidential §, not even together with a public one", async () => {
    await signIn("anonymous");
    for (const query of ["?paragraf=61", "?paragraf=60&paragraf=61", "?paragraf=59-62"]) {
      const res = await pub(query);
      expect(res.status, query).toBe(403);
      const body = await res.text();
      expect(body).toMatch(/^§ 61 omfattas av sekretess/);
      expect(body).not.toContain(CONFIDENTIAL_TITLE);
    }
    expect((await pub("")).status).toBe(400);
    expect((await pub("?paragraf=99")).status).toBe(404);
    expect((await pub("?paragraf=x")).status).toBe(400);
  });

  it("a member with read access gets the confidential §; others get 404", async () => {
    await signIn("member");
    const res = await ws("?paragraf=61");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await pdfText(res)).toContain(CONFIDENTIAL_TITLE);
    for (const who of ["anonymous", "otherSecretary"] as const) {
      await signIn(who);
      expect((await ws("?paragraf=61")).status, who).toBe(404);
    }
  });
});
