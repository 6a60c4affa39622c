// § templates per body (issue 16 point 4) on real PostgreSQL: a body's secretary creates, edits
// (version-checked), reorders and deletes templates, each with its audit row; a § made from a
// template comes last in the meeting with the template's content, numbered as the body's year
// continues; a new meeting can start with the body's opening §§; members, other bodies'
// secretaries and anonymous callers are refused and change nothing. And the migration's data step:
// each body's old openingItems became its opening templates (title only), in order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  addParagraphFromTemplate,
  createTemplate,
  deleteTemplate,
  moveTemplate,
  updateTemplate,
} from "@/modules/templates/templates.mutations";
import { findTemplatesPage, listOpeningTitles } from "@/modules/templates/templates.queries";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { createEmptyDatabase } from "./support/db";
import { asOwnerWithoutGuards } from "./support/owner";
import {
  actorFor,
  contextFor,
  createSeededDatabase,
  EMAILS,
  type ActorName,
  newDirektionenMeeting,
} from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
beforeAll(async () => void ({ db } = seeded = await createSeededDatabase("templates")), 120_000);
afterAll(async () => seeded?.drop());

const as = (who: ActorName) => contextFor(db, who);

const text = (t: string) => ({
  type: "doc" as const,
  content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: t }] }],
});

const justerare = {
  title: "Val av justerare",
  decision: { intro: "Direktionen beslutar:", clauses: ["att utse  ", "", "att justering sker digitalt"] },
  sections: [{ kind: "CASE" as const, heading: "Ärendet", content: text("Ordföranden föreslår en justerare.") }],
  isOpening: true,
};

async function create(who: ActorName, input: Record<string, unknown>) {
  return createTemplate(await as(who), { bodyId: seeded.direktionen.id, ...input });
}

const audits = (action: string, entityId: string) =>
  db.auditLog.findMany({ where: { action, entityId }, orderBy: { at: "asc" } });

const newMeeting = (date: string, withOpening: boolean) => newDirektionenMeeting(seeded, date, { withOpening });

const titles = async () =>
  (await db.paragraphTemplate.findMany({ where: { bodyId: seeded.direktionen.id }, orderBy: { position: "asc" } })).map(
    (t) => [t.position, t.title],
  );

describe("a body's templates: create, edit, reorder, delete", () => {
  const ids: Record<string, string> = {};

  it("creates templates last in the body's list, cleaned as a § is, with an audit row each", async () => {
    const a = await create("secretary", justerare);
    const b = await create("admin", {
      title: "Upprop",
      decision: { intro: "", clauses: [] },
      sections: [],
      isOpening: true,
    });
    const c = await create("secretary", {
      title: " Anmälan av delegationsbeslut ",
      decision: { intro: "Direktionen beslutar att lägga anmälan till handlingarna.", clauses: [] },
      sections: [],
      isOpening: false,
    });
    if (!a.ok || !b.ok || !c.ok) throw new Error(JSON.stringify([a, b, c]));
    Object.assign(ids, { justerare: a.data.id, upprop: b.data.id, delegation: c.data.id });
    expect(await titles()).toEqual([
      [1, "Val av justerare"],
      [2, "Upprop"],
      [3, "Anmälan av delegationsbeslut"],
    ]);
    expect(await db.paragraphTemplate.findUniqueOrThrow({ where: { id: ids.justerare } })).toMatchObject({
      decisionIntro: "Direktionen beslutar:",
      decisionClauses: ["att utse", "att justering sker digitalt"],
      sections: justerare.sections,
      isOpening: true,
      version: 1,
    });
    const [row] = await audits("template.create", ids.justerare!);
    expect(row).toMatchObject({
      userId: (await actorFor(db, EMAILS.secretary)).userId,
      meetingId: null,
      entity: "ParagraphTemplate",
      data: { title: "Val av justerare", isOpening: true },
    });
  });

  it("refuses a template without rubrik, or with a section that is not the stored rich text, in Swedish", async () => {
    const before = await titles();
    expect(await create("secretary", { ...justerare, title: "  " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { title: ["Skriv en rubrik för paragrafen."] },
    });
    const html = await create("secretary", {
      ...justerare,
      sections: [{ kind: "OTHER", heading: "", content: "<p>Hej</p>" }],
    });
    expect(html).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(Object.keys((html as { fieldErrors: object }).fieldErrors)).toEqual(["sections.0.content"]);
    expect(await titles()).toEqual(before);
  });

  it("edits a template against its version; a save from an older version is refused and changes nothing", async () => {
    const saved = await updateTemplate(await as("secretary"), {
      ...justerare,
      templateId: ids.justerare,
      version: 1,
      decision: {
        intro: "Direktionen beslutar:",
        clauses: ["att utse Anna Berg att jämte ordföranden justera protokollet"],
      },
    });
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await updateTemplate(await as("admin"), {
      ...justerare,
      templateId: ids.justerare,
      version: 1,
      title: "Gammal",
    });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, title: "Val av justerare" } });
    expect(await db.paragraphTemplate.findUniqueOrThrow({ where: { id: ids.justerare } })).toMatchObject({
      title: "Val av justerare",
      decisionClauses: ["att utse Anna Berg att jämte ordföranden justera protokollet"],
      version: 2,
    });
    expect((await audits("template.update", ids.justerare!)).map((a) => a.data)).toEqual([
      { version: 2, title: "Val av justerare", isOpening: true },
    ]);
  });

  it("moves a template up or down (not past either end) and says so in the audit log", async () => {
    expect(await moveTemplate(await as("secretary"), { templateId: ids.upprop, direction: "up" })).toMatchObject({
      ok: true,
      data: { position: 1 },
    });
    expect(await moveTemplate(await as("secretary"), { templateId: ids.upprop, direction: "up" })).toMatchObject({
      ok: true,
      data: { position: 1 },
    });
    expect(await titles()).toEqual([
      [1, "Upprop"],
      [2, "Val av justerare"],
      [3, "Anmälan av delegationsbeslut"],
    ]);
    expect((await audits("template.move", ids.upprop!)).map((a) => a.data)).toEqual([
      { direction: "up" },
      { direction: "up" },
    ]);
    expect(await listOpeningTitles(db, seeded.direktionen.id)).toEqual(["Upprop", "Val av justerare"]);
  });

  it("deletes a template, closes the gap in the order and keeps the audit row", async () => {
    const extra = await create("secretary", {
      title: "Informationsärenden",
      decision: { intro: "", clauses: [] },
      sections: [],
      isOpening: false,
    });
    if (!extra.ok) throw new Error(JSON.stringify(extra));
    await moveTemplate(await as("secretary"), { templateId: extra.data.id, direction: "up" });
    expect(await deleteTemplate(await as("secretary"), { templateId: extra.data.id })).toMatchObject({ ok: true });
    expect(await titles()).toEqual([
      [1, "Upprop"],
      [2, "Val av justerare"],
      [3, "Anmälan av delegationsbeslut"],
    ]);
    expect(await audits("template.delete", extra.data.id)).toHaveLength(1);
    expect(await deleteTemplate(await as("secretary"), { templateId: extra.data.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("refuses a member, another body's secretary and an anonymous caller, and changes nothing", async () => {
    const before = await db.paragraphTemplate.findMany({ orderBy: { id: "asc" } });
    const auditCount = await db.auditLog.count();
    for (const who of ["member", "otherSecretary", "chair"] as const) {
      const refused = {
        ok: false,
        code: "FORBIDDEN",
        message: "Bara organets sekreterare och administratörer får ändra organets paragrafmallar.",
      };
      expect(await create(who, justerare)).toEqual(refused);
      expect(await updateTemplate(await as(who), { ...justerare, templateId: ids.justerare, version: 2 })).toEqual(
        refused,
      );
      expect(await moveTemplate(await as(who), { templateId: ids.justerare, direction: "up" })).toEqual(refused);
      expect(await deleteTemplate(await as(who), { templateId: ids.justerare })).toEqual(refused);
    }
    for (const result of [
      await create("anonymous", justerare),
      await deleteTemplate(await as("anonymous"), { templateId: ids.justerare }),
      await addParagraphFromTemplate(await as("anonymous"), { meetingId: "x", templateId: ids.justerare }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    }
    expect(await db.paragraphTemplate.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditCount);
    // The page, too, is for the body's secretaries and the administrators only.
    expect(await findTemplatesPage(db, await actorFor(db, EMAILS.member), "direktionen")).toBeNull();
    expect(await findTemplatesPage(db, await actorFor(db, EMAILS.otherSecretary), "direktionen")).toBeNull();
    expect((await findTemplatesPage(db, await actorFor(db, EMAILS.secretary), "direktionen"))?.templates).toHaveLength(
      3,
    );
  });
});

describe("a § from a template, and a new meeting with the opening §§", () => {
  it("starts a new meeting with the body's opening §§ in order, numbered after the year's last §, with their content", async () => {
    const last = await db.paragraph.aggregate({
      where: { bodyId: seeded.direktionen.id, year: 2021 },
      _max: { number: true },
    });
    const next = (last._max.number ?? 0) + 1;
    const meeting = await newMeeting("2021-12-09", true);
    const protocol = await findProtocolBySlug(db, meeting.slug);
    expect(protocol!.paragraphs.map((p) => [p.number, p.title])).toEqual([
      [next, "Upprop"],
      [next + 1, "Val av justerare"],
    ]);
    const stored = await db.paragraph.findFirstOrThrow({
      where: { meetingId: meeting.id, number: next + 1 },
      include: { sections: true },
    });
    expect(stored).toMatchObject({
      decisionIntro: "Direktionen beslutar:",
      decisionClauses: ["att utse Anna Berg att jämte ordföranden justera protokollet"],
      sections: [
        {
          kind: "CASE",
          heading: "Ärendet",
          content: text("Ordföranden föreslår en justerare."),
          plainText: "Ordföranden föreslår en justerare.",
          position: 0,
        },
      ],
    });
    const [row] = await audits("meeting.create", meeting.id);
    expect(row?.data).toEqual({ attendanceFrom: "none", opening: [next, next + 1] });
  });

  it("starts a meeting without them when the secretary unticks the box", async () => {
    const meeting = await newMeeting("2021-12-16", false);
    expect(await db.paragraph.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it("adds a § last with the template's content, as a copy: a later edit of the template leaves the § alone", async () => {
    const meeting = await newMeeting("2021-12-20", true);
    const template = await db.paragraphTemplate.findFirstOrThrow({ where: { title: "Anmälan av delegationsbeslut" } });
    const before = await db.paragraph.findMany({ where: { meetingId: meeting.id }, orderBy: { number: "asc" } });
    const added = await addParagraphFromTemplate(await as("secretary"), {
      meetingId: meeting.id,
      templateId: template.id,
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(added.data.number).toBe(before.at(-1)!.number + 1);
    const paragraph = await db.paragraph.findUniqueOrThrow({ where: { id: added.data.id } });
    expect(paragraph).toMatchObject({
      title: "Anmälan av delegationsbeslut",
      decisionIntro: "Direktionen beslutar att lägga anmälan till handlingarna.",
      decisionClauses: [],
    });
    const [row] = await audits("paragraph.add", added.data.id);
    expect(row).toMatchObject({
      meetingId: meeting.id,
      entity: "Paragraph",
      data: { number: added.data.number, templateId: template.id },
    });

    await updateTemplate(await as("secretary"), {
      templateId: template.id,
      version: template.version,
      title: "Delegationsbeslut",
      decision: { intro: "Annat", clauses: [] },
      sections: [],
      isOpening: false,
    });
    expect(await db.paragraph.findUniqueOrThrow({ where: { id: added.data.id } })).toMatchObject({
      title: "Anmälan av delegationsbeslut",
    });
  });

  it("refuses a template of another body, a member, and a meeting sent for justering", async () => {
    const meeting = await newMeeting("2021-12-21", false);
    const other = await db.paragraphTemplate.create({
      data: { bodyId: seeded.kcb.id, title: "Kommunchefsberedningens mall", position: 1 },
    });
    expect(
      await addParagraphFromTemplate(await as("secretary"), { meetingId: meeting.id, templateId: other.id }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { templateId: ["Välj en av organets mallar."] },
    });
    const mine = await db.paragraphTemplate.findFirstOrThrow({ where: { bodyId: seeded.direktionen.id } });
    expect(
      await addParagraphFromTemplate(await as("member"), { meetingId: meeting.id, templateId: mine.id }),
    ).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    // Sent for justering (planted: the app reaches that state only through the workflow).
    await asOwnerWithoutGuards(seeded.ownerUrl, (c) =>
      c.query(`UPDATE "Meeting" SET "status" = 'READY_FOR_ADJUSTMENT' WHERE "id" = $1`, [meeting.id]),
    );
    expect(
      await addParagraphFromTemplate(await as("secretary"), { meetingId: meeting.id, templateId: mine.id }),
    ).toMatchObject({
      ok: false,
      code: "STATE",
    });
    expect(await db.paragraph.count({ where: { meetingId: meeting.id } })).toBe(0);
  });
});

describe("the migration's data step: openingItems became opening templates", () => {
  it("makes each body's non-blank opening items its opening templates, trimmed and in order, and drops the column", async () => {
    const database = await createEmptyDatabase("tpl_migration");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
      const all = readdirSync(dir)
        .filter((d) => /^\d{14}_/.test(d))
        .sort();
      const mine = all.find((d) => d.endsWith("_paragraph_templates"))!;
      for (const d of all.filter((d) => d < mine))
        await client.query(readFileSync(path.join(dir, d, "migration.sql"), "utf8"));
      await client.query(`INSERT INTO "Organisation" (id, slug, name, kind, "caseNumberPrefix", "updatedAt")
        VALUES ('o1', 'itsam', 'Itsam', 'KOMMUNALFORBUND', 'ITSAM', now())`);
      await client.query(`INSERT INTO "Body" (id, "organisationId", slug, name, "genitiveName", kind, "seatCount", "updatedAt", "openingItems")
        VALUES ('b1', 'o1', 'direktionen', 'Direktionen', 'Direktionens', 'DIREKTION', 7, now(),
                ARRAY['Upprop', '  ', ' Val av justerare ', 'Godkännande av dagordningen']),
               ('b2', 'o1', 'ks', 'Kommunstyrelsen', 'Kommunstyrelsens', 'STYRELSE', 11, now(), ARRAY[]::text[])`);
      await client.query(readFileSync(path.join(dir, mine, "migration.sql"), "utf8"));
      const { rows } = await client.query(
        `SELECT "bodyId", title, "isOpening", position, "decisionIntro", "decisionClauses", sections, version
         FROM "ParagraphTemplate" ORDER BY "bodyId", position`,
      );
      expect(rows).toEqual(
        ["Upprop", "Val av justerare", "Godkännande av dagordningen"].map((title, i) => ({
          bodyId: "b1",
          title,
          isOpening: true,
          position: i + 1,
          decisionIntro: "",
          decisionClauses: [],
          sections: [],
          version: 1,
        })),
      );
      const { rows: columns } = await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'Body' AND column_name = 'openingItems'`,
      );
      expect(columns).toEqual([]);
    } finally {
      await client.end();
      await database.drop();
    }
  }, 60_000);
});
