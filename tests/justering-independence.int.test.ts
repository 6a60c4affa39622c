// Justering needs independent people (issue 12, point 2), through the real server actions on
// real PostgreSQL: a secretary who makes themselves chair and sole justerare can neither send the
// protocol nor sign it, not even when it was sent before the rule existed; a justerare with jäv
// in a § is refused the same way; and the database keeps one person to one role per protocol.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveAttendance, saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { protocolContentHash } from "@/domain/protocol/content-hash";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { asOwnerWithoutGuards } from "./support/owner";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

const PASSWORD = "paragraf-demo";

async function setUp(prefix: string) {
  const { db, drop, ownerUrl } = await createSeededDatabase(prefix);
  const meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  // The seed's real content defects (§ 62 seat overlap, § 67), so that only the signers are wrong.
  await fixSeedDefects(db, meetingId);
  return { db, drop, meetingId, ownerUrl };
}

const protocol = async (db: PrismaClient): Promise<ProtocolDTO> => (await findProtocolBySlug(db, SEED_SLUG))!;

/** What the three signers leave behind: signature rows and the meeting's state. */
async function signedState(db: PrismaClient, meetingId: string) {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { signatures: true, files: true, notice: true },
  });
  return { status: m.status, signatures: m.signatures.length, files: m.files.length, adjustedOn: m.adjustedOn };
}

/**
 * A protocol sent for justering before this rule existed (or changed by another path since): the
 * state the send action used to leave, written directly.
 */
async function markSentWithoutChecks(db: PrismaClient, meetingId: string) {
  const { hashSalt } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await db.meeting.update({
    where: { id: meetingId },
    data: { status: "READY_FOR_ADJUSTMENT", contentHash: protocolContentHash(await protocol(db), hashSalt) },
  });
}

describe("a secretary who makes themselves chair and sole justerare", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let meetingId: string;
  let ownerUrl: string;
  beforeAll(async () => {
    ({ db, drop, meetingId, ownerUrl } = await setUp("indep"));
  });
  afterAll(async () => drop?.());

  it("can set it up through the editor's actions (drafts may be wrong while being written)", async () => {
    const secretary = await contextFor(db, "secretary");
    const p = await protocol(db);
    const joakim = p.attendance.find((a) => a.name === "Joakim Karlsson")!;
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const rows = p.attendance.map((a) => ({
      personId: a.personId,
      name: a.name,
      // Joakim takes the chair, the real chair becomes a ledamot, and a serving substitute steps
      // down so that the seats still add up: nothing else in the checker objects.
      role:
        a.name === "Jacob Käll"
          ? ("MEMBER" as const)
          : a.name === "Gunnar Malgeryd"
            ? ("SUBSTITUTE" as const)
            : a.personId === joakim.personId
              ? ("CHAIR" as const)
              : a.role,
      represents: a.represents ?? "",
      title: a.personId === joakim.personId ? "" : (a.title ?? ""),
      ranges: a.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(", "),
      replacesPersonId: a.replacesPersonId,
    }));
    expect(await saveAttendance(secretary, { meetingId, version: m.attendanceVersion, rows })).toMatchObject({
      ok: true,
    });
    const header = await saveMeetingHeader(secretary, {
      meetingId,
      version: m.version,
      date: "2021-11-18",
      startTime: m.startTime ?? "",
      endTime: m.endTime ?? "",
      place: m.place,
      adjustmentPlace: m.adjustmentPlace ?? "",
      adjustmentDate: "",
      secretaryPersonId: joakim.personId,
      adjusterPersonIds: [joakim.personId],
    });
    expect(header).toMatchObject({ ok: true });
    const now = await protocol(db);
    expect(now.signatures.map((s) => [s.role, s.name])).toEqual([
      ["SECRETARY", "Joakim Karlsson"],
      ["CHAIR", "Joakim Karlsson"],
      ["ADJUSTER", "Joakim Karlsson"],
    ]);
  });

  it("is refused sending for justering, with a Swedish message saying what to do", async () => {
    const result = await sendForAdjustment(await contextFor(db, "secretary"), { meetingId });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    // The one and only thing wrong: who justerar (on main this protocol was sent and justerat).
    expect(result.fieldErrors._).toEqual([
      "Joakim Karlsson står som sekreterare, ordförande och justerare. Den som har fört protokollet får inte också justera det, och en person undertecknar i en roll. Ange som ordförande i närvarolistan den ledamot som ledde sammanträdet, eller ange en annan sekreterare och välj en annan justerare under Sammanträdet.",
    ]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("DRAFT");
  });

  it("is refused every signature, three times, when the protocol was sent without the check; nothing is signed", async () => {
    await markSentWithoutChecks(db, meetingId);
    const secretary = await contextFor(db, "secretary");
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await signProtocol(secretary, { meetingId, password: PASSWORD });
      expect(result).toMatchObject({
        ok: false,
        code: "VALIDATION",
        message: expect.stringMatching(/^Protokollet kan inte signeras/),
      });
      if (result.ok || result.code !== "VALIDATION") return;
      expect(result.fieldErrors._).toEqual([
        expect.stringMatching(/^Joakim Karlsson står som sekreterare, ordförande och justerare\./),
      ]);
    }
    expect(await signedState(db, meetingId)).toEqual({
      status: "READY_FOR_ADJUSTMENT",
      signatures: 0,
      files: 0,
      adjustedOn: null,
    });
    expect(await db.notice.count({ where: { meetingId } })).toBe(1); // the seed's own notice, untouched
    const audit = await db.auditLog.findMany({
      where: { meetingId, action: { startsWith: "protocol.sign" } },
      select: { action: true, data: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "protocol.sign.refused",
      "protocol.sign.refused",
      "protocol.sign.refused",
    ]);
    expect(audit[0]!.data).toMatchObject({ codes: ["SIGNER_SECRETARY_ADJUSTS"] });
  });

  it("cannot store one person in two roles even by writing the database directly", async () => {
    const joakim = (await protocol(db)).secretary!;
    // As the owner with the triggers off (the app role may not insert signatures at all here): the
    // unique index is the line that still holds.
    const insert = (c: import("pg").Client, role: "CHAIR" | "ADJUSTER") =>
      c.query(
        `INSERT INTO "Signature" (id, "meetingId", "personId", role, "signedAt", "contentHash") VALUES ($1, $2, $3, $4, now(), 'x')`,
        [`forged-${role}`, meetingId, joakim.personId, role],
      );
    await expect(
      asOwnerWithoutGuards(ownerUrl, async (c) => {
        await insert(c, "CHAIR");
        await insert(c, "ADJUSTER");
      }),
    ).rejects.toThrow(/unique/i);
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("the migration stops with a message naming a protocol signed by one person in two roles", async () => {
    const sql = readFileSync(
      path.join(
        import.meta.dirname,
        "..",
        "prisma",
        "migrations",
        "20261203224447_signature_one_role_per_person",
        "migration.sql",
      ),
      "utf8",
    );
    const precheck = /DO \$\$[\s\S]*?\n\$\$;/.exec(sql)![0];
    const joakim = (await protocol(db)).secretary!;
    // A database from before the index, holding such a protocol (as the owner, guards off); rolled back as a whole.
    await expect(
      asOwnerWithoutGuards(ownerUrl, async (c) => {
        await c.query(`DROP INDEX "Signature_meetingId_personId_key"`);
        for (const role of ["CHAIR", "ADJUSTER"]) {
          await c.query(
            `INSERT INTO "Signature" (id, "meetingId", "personId", role, "signedAt", "contentHash") VALUES ($1, $2, $3, $4, now(), 'x')`,
            [`planted-${role}`, meetingId, joakim.personId, role],
          );
        }
        await c.query(precheck);
      }),
    ).rejects.toThrow(`En person har signerat samma protokoll i flera roller: ${SEED_SLUG} (READY_FOR_ADJUSTMENT).`);
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
    // Without such rows the check passes.
    await expect(asOwnerWithoutGuards(ownerUrl, (c) => c.query(precheck))).resolves.toBeTruthy();
  });
});

describe("signers who are distinct, but a justerare had jäv in a §", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let meetingId: string;
  beforeAll(async () => {
    ({ db, drop, meetingId } = await setUp("indep-jav"));
    // Annicki Oscarsson, the seed's justerare, declares jäv in § 63 (through the editor's action).
    const secretary = await contextFor(db, "secretary");
    const p = await protocol(db);
    const p63 = p.paragraphs.find((x) => x.number === 63)!;
    const annicki = p.adjusters[0]!;
    const version = (await findParagraphForEditing(db, p63.id))!.version;
    const content = toParagraphContent(p63);
    const saved = await saveParagraph(secretary, {
      paragraphId: p63.id,
      version,
      content: { ...content, recusals: [{ personId: annicki.personId, reason: "Styrelseledamot i leverantören." }] },
    });
    expect(saved).toMatchObject({ ok: true });
  });
  afterAll(async () => drop?.());

  const MESSAGE =
    "Justeraren Annicki Oscarsson tjänstgjorde inte som ledamot eller tjänstgörande ersättare i § 63 (jäv). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.";

  it("is refused sending, naming § 63 and the jäv", async () => {
    const result = await sendForAdjustment(await contextFor(db, "secretary"), { meetingId });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors._).toEqual([`§ 63: ${MESSAGE}`]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("DRAFT");
  });

  it("refuses each of the three signers when sent without the check; nothing is signed", async () => {
    await markSentWithoutChecks(db, meetingId);
    for (const who of ["chair", "adjuster", "secretary"] as const) {
      const result = await signProtocol(await contextFor(db, who), { meetingId, password: PASSWORD });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { _: [`§ 63: ${MESSAGE}`] } });
    }
    expect(await signedState(db, meetingId)).toEqual({
      status: "READY_FOR_ADJUSTMENT",
      signatures: 0,
      files: 0,
      adjustedOn: null,
    });
  });
});
