// The justering workflow end to end on real PostgreSQL, and the database's own refusal to change
// a frozen protocol.
import { verify } from "@node-rs/argon2";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { protocolContentHash, sha256Hex } from "@/domain/protocol/content-hash";
import { addCorrection, returnProtocol, sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { renderSealedCopy, withChangesAfterAdjustment } from "@/modules/publication/issued-copies";
import { verifyCode, verifyPdf } from "@/modules/publication/verify";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let drop: () => Promise<void>;
let meetingId: string;
let smtp: SmtpCapture;
const PASSWORD = "paragraf-demo";

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("sign"));
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp?.stop();
  await drop?.();
});

describe("justering", () => {
  it("refuses to send a protocol with errors, listing them in Swedish", async () => {
    const result = await sendForAdjustment(await contextFor(db, "secretary"), { meetingId });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    const lines = result.fieldErrors._!;
    expect(lines.some((l) => l.startsWith("§ 67:") && /Kommunchefsberedningen/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("§ 62:"))).toBe(true);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("DRAFT");
  });

  it("sends, lets the chair return it with a comment (voiding signatures), and sends again", async () => {
    await fixSeedDefects(db, meetingId);
    const secretary = await contextFor(db, "secretary");
    const sent = await sendForAdjustment(secretary, { meetingId });
    expect(sent.ok).toBe(true);
    let m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.status).toBe("READY_FOR_ADJUSTMENT");
    expect(m.contentHash).toBe(protocolContentHash((await findProtocolBySlug(db, SEED_SLUG))!, m.hashSalt));
    // The hash covers the meeting's secret salt: without it the code cannot be recomputed.
    expect(m.hashSalt).toMatch(/^[0-9a-f]{64}$/);
    expect(m.contentHash).not.toBe(protocolContentHash((await findProtocolBySlug(db, SEED_SLUG))!, null));

    // Frozen: the editor's save is refused, and so is raw SQL.
    const p59 = (await findProtocolBySlug(db, SEED_SLUG))!.paragraphs[0]!;
    const editing = (await findParagraphForEditing(db, p59.id))!;
    expect(
      await saveParagraph(secretary, {
        paragraphId: p59.id,
        version: editing.version,
        content: toParagraphContent(p59),
      }),
    ).toMatchObject({ ok: false, code: "STATE" });
    await expect(db.$executeRaw`UPDATE "Paragraph" SET title = 'Ändrad' WHERE id = ${p59.id}`).rejects.toThrow(
      /Protokollet är låst/,
    );

    // The secretary signs first; then the chair returns it.
    expect(await signProtocol(secretary, { meetingId, password: PASSWORD })).toEqual({
      ok: true,
      data: { complete: false },
    });
    const chair = await contextFor(db, "chair");
    expect(await returnProtocol(chair, { meetingId, comment: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await returnProtocol(chair, { meetingId, comment: "§ 66: rubriken ska vara som i ärendelistan." })).toEqual({
      ok: true,
      data: { status: "DRAFT" },
    });
    m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m.status).toBe("DRAFT");
    expect(m.contentHash).toBeNull();
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
    expect((await db.adjustmentReturn.findFirstOrThrow({ where: { meetingId } })).comment).toMatch(/§ 66/);

    // The secretary fixes § 66 and sends again.
    const p66 = (await findProtocolBySlug(db, SEED_SLUG))!.paragraphs.find((p) => p.number === 66)!;
    const v66 = (await findParagraphForEditing(db, p66.id))!.version;
    const fixed = await saveParagraph(secretary, {
      paragraphId: p66.id,
      version: v66,
      content: { ...toParagraphContent(p66), title: "Kinda kommuns utträde ur kommunalförbundet Itsam - information" },
    });
    expect(fixed.ok).toBe(true);
    expect((await sendForAdjustment(secretary, { meetingId })).ok).toBe(true);

    // Mails: to chair and justerare twice (sent, resent), to the secretary once (returned).
    const mails = await smtp.waitFor(3);
    const subjects = mails.map((m) => [[...m.envelopeTo].sort().join(","), m.parsed.subject]);
    expect(subjects[0]).toEqual([
      "justerare@itsam.example,ordforande@itsam.example",
      expect.stringMatching(/Direktionen 18 november 2021/),
    ]);
    expect(subjects[1]![0]).toBe("sekreterare@itsam.example");
    expect(mails[1]!.parsed.text).toContain("§ 66: rubriken ska vara som i ärendelistan.");
    expect(subjects[2]![0]).toBe("justerare@itsam.example,ordforande@itsam.example");
  });

  it("refuses a wrong password and signers who are not on the protocol", async () => {
    expect(await signProtocol(await contextFor(db, "chair"), { meetingId, password: "fel" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { password: ["Fel lösenord. Skriv lösenordet du loggar in med."] },
    });
    expect(await signProtocol(await contextFor(db, "member"), { meetingId, password: "test-password" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await signProtocol(await contextFor(db, "admin"), { meetingId, password: PASSWORD })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await returnProtocol(await contextFor(db, "secretary"), { meetingId, comment: "x" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("justerar on the last signature: status, date, notice, stored PDF with its hash, all at once", async () => {
    expect(await signProtocol(await contextFor(db, "chair"), { meetingId, password: PASSWORD })).toEqual({
      ok: true,
      data: { complete: false },
    });
    expect(await signProtocol(await contextFor(db, "chair"), { meetingId, password: PASSWORD })).toMatchObject({
      ok: false,
      code: "STATE",
      message: "Du har redan signerat protokollet.",
    });
    expect(await signProtocol(await contextFor(db, "adjuster"), { meetingId, password: PASSWORD })).toEqual({
      ok: true,
      data: { complete: false },
    });
    expect(await signProtocol(await contextFor(db, "secretary"), { meetingId, password: PASSWORD })).toEqual({
      ok: true,
      data: { complete: true },
    });

    const m = await db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { notice: true, files: true, signatures: true },
    });
    expect(m.status).toBe("ADJUSTED");
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
    expect(m.adjustedOn?.toISOString().slice(0, 10)).toBe(today);
    expect(m.notice?.postedOn.toISOString().slice(0, 10)).toBe(today);
    expect(m.notice!.takeDownOn.getTime()).toBeGreaterThanOrEqual(m.notice!.postedOn.getTime() + 21 * 86_400_000);
    expect(m.signatures).toHaveLength(3);
    expect(new Set(m.signatures.map((s) => s.contentHash))).toEqual(new Set([m.contentHash]));
    const file = m.files.find((f) => f.kind === "PROTOCOL")!;
    expect(sha256Hex(file.bytes)).toBe(file.sha256);

    // The stored PDF reads as a justerat protocol with the verification code.
    const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-pdf-"));
    const pdfPath = path.join(dir, "p.pdf");
    writeFileSync(pdfPath, file.bytes);
    const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
    expect(text).not.toMatch(/UTKAST/);
    // The organisation's seal (PAdES) validates: the file is exactly what was justerat.
    const sig = execFileSync("pdfsig", [pdfPath], { encoding: "utf8" });
    expect(sig).toContain("Signature Type: ETSI.CAdES.detached");
    expect(sig).toContain("Signature Validation: Signature is Valid.");
    expect(text).toContain(m.contentHash!.slice(0, 16));
    for (const name of ["Joakim Karlsson", "Jacob Käll", "Annicki Oscarsson"]) expect(text).toContain(name);

    const [, , , done] = await smtp.waitFor(4);
    expect(done!.envelopeTo).toEqual(["sekreterare@itsam.example"]);
    expect(done!.parsed.text).toContain(`/moten/${SEED_SLUG}`);

    const audit = await db.auditLog.findMany({
      where: { meetingId },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["protocol.sendForAdjustment", "protocol.return", "protocol.sign", "protocol.adjusted"]),
    );
  });

  it("refuses every change to a justerat protocol, in the app and in raw SQL", async () => {
    const p62 = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 62 } });
    // Refused by the frozen-protocol triggers, or already by the app role's missing table rights.
    const frozen = /låst|kan inte ändras|Otillåten|permission denied/;
    await expect(
      db.$executeRaw`UPDATE "Paragraph" SET "decisionIntro" = 'Direktionen beslutar något annat:' WHERE id = ${p62.id}`,
    ).rejects.toThrow(frozen);
    await expect(
      db.$executeRaw`UPDATE "ParagraphSection" SET "plainText" = 'x' WHERE "paragraphId" = ${p62.id}`,
    ).rejects.toThrow(frozen);
    await expect(db.$executeRaw`DELETE FROM "Motion" WHERE "paragraphId" = ${p62.id}`).rejects.toThrow(frozen);
    await expect(db.$executeRaw`UPDATE "Ballot" SET choice = 'NEJ'`).resolves.toBe(0); // no ballots in the seed: nothing to refuse
    await expect(
      db.$executeRaw`INSERT INTO "Proposition" (id, "paragraphId", text, position) VALUES ('x', ${p62.id}, 'x', 9)`,
    ).rejects.toThrow(frozen);
    await expect(db.$executeRaw`UPDATE "AttendanceRange" SET "toNumber" = 60`).rejects.toThrow(frozen);
    await expect(db.$executeRaw`UPDATE "Meeting" SET place = 'Kinda' WHERE id = ${meetingId}`).rejects.toThrow(frozen);
    await expect(db.$executeRaw`UPDATE "Meeting" SET status = 'DRAFT' WHERE id = ${meetingId}`).rejects.toThrow(frozen);
    await expect(db.$executeRaw`UPDATE "Meeting" SET "contentHash" = 'abc' WHERE id = ${meetingId}`).rejects.toThrow(
      frozen,
    );
    await expect(db.$executeRaw`DELETE FROM "Signature" WHERE "meetingId" = ${meetingId}`).rejects.toThrow(frozen);
    await expect(
      db.$executeRaw`UPDATE "ProtocolFile" SET sha256 = 'x' WHERE "meetingId" = ${meetingId}`,
    ).rejects.toThrow(frozen);
    await expect(db.$executeRaw`DELETE FROM "Meeting" WHERE id = ${meetingId}`).rejects.toThrow(frozen);
    expect((await db.paragraph.findUniqueOrThrow({ where: { id: p62.id } })).decisionIntro).toBe(
      "Direktionen beslutar:",
    );
  });

  it("takes corrections (rättelse) as signed, appended notes and leaves the original intact", async () => {
    const before = (await findProtocolBySlug(db, SEED_SLUG))!;
    const ctx = await contextFor(db, "secretary");
    expect(await addCorrection(ctx, { meetingId, paragraphNumber: "99", text: "x", password: PASSWORD })).toMatchObject(
      { ok: false, code: "VALIDATION" },
    );
    expect(await addCorrection(ctx, { meetingId, paragraphNumber: "62", text: "x", password: "fel" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    const ok = await addCorrection(ctx, {
      meetingId,
      paragraphNumber: "62",
      text: "I första att-satsen ska det stå ”överlämna”.",
      password: PASSWORD,
    });
    expect(ok.ok).toBe(true);
    expect(
      await addCorrection(await contextFor(db, "chair"), {
        meetingId,
        paragraphNumber: "",
        text: "x",
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const after = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(protocolContentHash(after)).toBe(protocolContentHash(before));

    // The copy with rättelser: the original's text plus the rättelse, sealed anew; the stored
    // original is unchanged.
    const copy = (await renderSealedCopy(await withChangesAfterAdjustment(db, after)))!;
    const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-corrected-"));
    writeFileSync(path.join(dir, "c.pdf"), copy);
    const text = execFileSync("pdftotext", [path.join(dir, "c.pdf"), "-"], { encoding: "utf8" });
    expect(text).toContain("Rättelser");
    expect(text).toContain("I första att-satsen ska det stå ”överlämna”.");
    expect(text).toContain("Budget 2022 samt plan för 2022-2024");
    expect(execFileSync("pdfsig", [path.join(dir, "c.pdf")], { encoding: "utf8" })).toContain("Signature is Valid.");
    const original = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    expect(sha256Hex(original.bytes)).toBe(original.sha256);
    const user = await db.user.findUniqueOrThrow({ where: { email: "sekreterare@itsam.example" } });
    expect(await verify(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("verifies the stored PDF and the code, and rejects a changed PDF", async () => {
    const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const ok = await verifyPdf(db, file.bytes);
    expect(ok).toMatchObject({
      match: true,
      by: "pdf",
      bodyName: "Direktionen",
      meetingDate: "2021-11-18",
      contentHash: m.contentHash,
    });
    if (ok.match)
      expect(ok.signers.map((s) => s.name).sort()).toEqual(["Annicki Oscarsson", "Jacob Käll", "Joakim Karlsson"]);
    const changed = new Uint8Array(file.bytes);
    changed[changed.length - 20]! ^= 1;
    expect(await verifyPdf(db, changed)).toMatchObject({ match: false });
    expect(await verifyCode(db, m.contentHash!)).toMatchObject({ match: true, by: "code" });
    expect(await verifyCode(db, m.contentHash!.slice(0, 16).toUpperCase())).toMatchObject({ match: true });
    expect(await verifyCode(db, "0".repeat(64))).toMatchObject({
      match: false,
      message: "Koden stämmer inte med något justerat protokoll.",
    });
    expect(await verifyCode(db, "inte en kod")).toMatchObject({ match: false });
  });
});
