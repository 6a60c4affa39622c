// Issued copies on real PostgreSQL: the PDFs handed out instead of the signed original are
// rendered and sealed once per state, stored, served from storage and verifiable; the original
// stays as it was signed. Driven through the real justering, rättelse and notice actions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, toSwedishDate } from "@/lib/iso-date";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { findAdjustedPdf } from "@/modules/publication/issued-copies";
import { createPrismaClient } from "@/server/db";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { addCorrection } from "@/modules/justering/signoff.mutations";
import { editNotice } from "@/modules/notice/notice.mutations";
import { verifyPdf, type VerifyResult } from "@/modules/publication/verify";
import { pdfSignatures, pdfToText } from "@/pdf/testing/poppler";
import { CONFIDENTIAL_CORRECTION_TEXT } from "@/domain/publication/public.rules";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

const PASSWORD = "paragraf-demo";
const CONFIDENTIAL = ["Status rekryteringar", "strategi- och projektchef"];
const PERSONNUMMER = "19811218-9876";
let restoreRouteDatabase: () => Promise<void>;

let db: PrismaClient;
let drop: () => Promise<void>;
let ownerDb: PrismaClient;
let meetingId: string;
let adjustedAt: Date;
let original: { sha256: string; bytes: Uint8Array };
/** The masked public copy as first served, before any rättelse. */
let firstCopy: Uint8Array;

const url = `http://localhost/protokoll/${SEED_SLUG}/protokoll.pdf`;
const get = (headers: Record<string, string> = {}) =>
  publicPdf(new Request(url, { headers }), { params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }) });
const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const copies = () => db.issuedCopy.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });

function copyOf(result: VerifyResult) {
  expect(result).toMatchObject({ match: true, by: "copy", bodyName: "Direktionen", meetingDate: "2021-11-18" });
  return result.match ? result.copy! : null!;
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("issued");
  ({ db, drop } = seeded);
  ownerDb = createPrismaClient(seeded.ownerUrl);
  // The route handlers read this database through getDb(); mails are logged, not sent.
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;

  // Fix the seed's errors, make § 61 confidential, and justera through the real actions.
  await justeraDemoMeeting(db, PASSWORD, { confidential: [61] });
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { files: true, signatures: true },
  });
  adjustedAt = new Date(Math.max(...m.signatures.map((s) => s.signedAt.getTime())));
  const file = m.files.find((f) => f.kind === "PROTOCOL")!;
  original = { sha256: file.sha256, bytes: new Uint8Array(file.bytes) };
}, 180_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await ownerDb?.$disconnect();
  await drop?.();
});

describe("the masked public copy", () => {
  it("is issued once by concurrent first requests, even from separate processes", async () => {
    expect(await copies()).toEqual([]);
    // Two module instances stand for two server processes: each renders, one insert wins.
    vi.resetModules();
    const other = (await import("@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route")).GET;
    const responses = await Promise.all([
      get(),
      get(),
      other(new Request(url), { params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }) }),
    ]);
    const bodies = await Promise.all(responses.map(body));
    for (const res of responses) expect(res.status).toBe(200);
    expect(new Set(bodies.map(sha256Hex)).size).toBe(1);
    const rows = await copies();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "PUBLIC",
      fingerprint: "rättelser=0;anslag=-;offentlig=4",
      correctionCount: 0,
      noticeRevisedAt: null,
      sealedAt: adjustedAt,
      sha256: sha256Hex(bodies[0]!),
    });
    firstCopy = bodies[0]!;
  });

  it("is served from storage afterwards: the same bytes, no new row, a fresh ETag answers 304", async () => {
    const res = await get();
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="${SEED_SLUG}-offentlig-kopia.pdf"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
    expect(res.headers.get("etag")).toBe(`"${sha256Hex(firstCopy)}"`);
    expect(sha256Hex(await body(res))).toBe(sha256Hex(firstCopy));
    expect(await copies()).toHaveLength(1);
    const fresh = await get({ "if-none-match": `"${sha256Hex(firstCopy)}"` });
    expect(fresh.status).toBe(304);
    expect(await fresh.text()).toBe("");
    expect((await get({ "if-none-match": '"stale"' })).status).toBe(200);
  });

  it("is sealed, dated by the justering, and leaves § 61 out", () => {
    const sig = pdfSignatures(firstCopy);
    expect(sig).toContain("Signature Validation: Signature is Valid.");
    expect(Buffer.from(firstCopy).toString("latin1")).toContain(
      "/Reason (Offentlig kopia av justerat protokoll, Direktionen 2021-11-18)",
    );
    expect(new Date(/Signing Time: (.+)/.exec(sig)?.[1] ?? "").getTime()).toBe(
      Math.floor(adjustedAt.getTime() / 1000) * 1000,
    );
    const text = pdfToText(firstCopy);
    expect(text).toContain("§ 61");
    for (const secret of CONFIDENTIAL) expect(text).not.toContain(secret);
    expect(text).toContain("113 083");
  });

  it("verifies as a copy with confidential §§ left out; the original still verifies as the original", async () => {
    const copy = copyOf(await verifyPdf(db, firstCopy));
    expect(copy).toEqual({
      description: `Kopian är utfärdad av Paragraf ${toSwedishDate(new Date())} från det justerade protokollet; paragrafer med sekretess (§ 61) är utelämnade.`,
      isCurrent: true,
      protocolPath: `/itsam/protokoll/${SEED_SLUG}`,
    });
    const orig = await verifyPdf(db, original.bytes);
    expect(orig).toMatchObject({ match: true, by: "pdf" });
    expect(orig.match && orig.copy).toBeUndefined();
  });

  it("an altered copy does not verify", async () => {
    for (const at of [0, 1000, firstCopy.length - 20]) {
      const altered = new Uint8Array(firstCopy);
      altered[at]! ^= 1;
      expect(await verifyPdf(db, altered)).toMatchObject({
        match: false,
        message: expect.stringContaining("Filen stämmer inte"),
      });
    }
  });
});

describe("after a rättelse", () => {
  let corrected: Uint8Array;

  it("serves a new copy for the new state, with the rättelse and its personnummer masked", async () => {
    const ok = await addCorrection(await contextFor(db, "secretary"), {
      meetingId,
      paragraphNumber: "62",
      text: `I första att-satsen ska det stå ”överlämna” (gäller ${PERSONNUMMER}).`,
      password: PASSWORD,
    });
    expect(ok.ok).toBe(true);
    const res = await get();
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="${SEED_SLUG}-offentlig-kopia-med-rattelser.pdf"`,
    );
    corrected = await body(res);
    expect(sha256Hex(corrected)).not.toBe(sha256Hex(firstCopy));
    expect(sha256Hex(await body(await get()))).toBe(sha256Hex(corrected));
    const rows = await copies();
    expect(rows.map((r) => [r.kind, r.correctionCount])).toEqual([
      ["PUBLIC", 0],
      ["PUBLIC", 1],
    ]);
    expect(rows[1]!.fingerprint).toMatch(/^rättelser=1:[0-9a-f]{16};anslag=-;offentlig=4$/);
    const correction = await db.correction.findFirstOrThrow({ where: { meetingId } });
    expect(rows[1]!.sealedAt).toEqual(correction.signedAt);

    const text = pdfToText(corrected);
    expect(text).toContain("Rättelser");
    expect(text).toContain("ÅÅMMDD-XXXX");
    expect(text).not.toContain(PERSONNUMMER);
    for (const secret of CONFIDENTIAL) expect(text).not.toContain(secret);
    expect(pdfSignatures(corrected)).toContain("Signature Validation: Signature is Valid.");
  });

  it("the new copy verifies as current; the old one still verifies, and says it has been superseded", async () => {
    const today = toSwedishDate(new Date());
    expect(copyOf(await verifyPdf(db, corrected))).toEqual({
      description: `Kopian är utfärdad av Paragraf ${today} från det justerade protokollet med rättelser; paragrafer med sekretess (§ 61) är utelämnade.`,
      isCurrent: true,
      protocolPath: `/itsam/protokoll/${SEED_SLUG}`,
    });
    expect(copyOf(await verifyPdf(db, firstCopy))).toMatchObject({
      isCurrent: false,
      description: expect.stringContaining("från det justerade protokollet; paragrafer med sekretess"),
    });
    expect(await verifyPdf(db, original.bytes)).toMatchObject({ match: true, by: "pdf" });
  });

  it("the workspace copy with rättelser shows § 61 and the personnummer, is stored as FULL and verifies", async () => {
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(await findAdjustedPdf(db, protocol)).toMatchObject({
      source: "original",
      sha256: original.sha256,
      fileName: `${SEED_SLUG}.pdf`,
    });
    const full = await findAdjustedPdf(db, protocol, { withCorrections: true });
    if (!full || full === "no-changes") throw new Error("expected a copy");
    expect(full).toMatchObject({ source: "copy", fileName: `${SEED_SLUG}-med-rattelser.pdf` });
    const text = pdfToText(full.bytes);
    expect(text).toContain("Status rekryteringar");
    expect(text).toContain(PERSONNUMMER);
    const again = await findAdjustedPdf(db, protocol, { withCorrections: true });
    expect(again !== "no-changes" && again?.sha256).toBe(full.sha256);
    expect((await copies()).map((r) => r.kind)).toEqual(["PUBLIC", "PUBLIC", "FULL"]);
    expect(copyOf(await verifyPdf(db, full.bytes))).toMatchObject({
      description: `Kopian är utfärdad av Paragraf ${toSwedishDate(new Date())} från det justerade protokollet med rättelser.`,
      isCurrent: true,
    });
  });
});

describe("after new notice dates", () => {
  it("issues a copy with the new dates, for the public and the workspace; the earlier copies stay", async () => {
    const notice = await db.notice.findUniqueOrThrow({ where: { meetingId } });
    const postedOn = notice.postedOn.toISOString().slice(0, 10);
    const takeDownOn = addDays(notice.takeDownOn.toISOString().slice(0, 10), 7);
    const ctx = { ...(await contextFor(db, "secretary")), now: new Date(`${postedOn}T10:00:00.000Z`) };
    expect(await editNotice(ctx, { meetingId, postedOn, takeDownOn })).toMatchObject({ ok: true });
    const res = await get();
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="${SEED_SLUG}-offentlig-kopia-med-rattelser-andrat-anslag.pdf"`,
    );
    const bytes = await body(res);
    expect(pdfToText(bytes, { layout: true })).toMatch(new RegExp(`Datum då anslaget tas ned\\s+${takeDownOn}`));
    const workspace = await findAdjustedPdf(db, (await findProtocolBySlug(db, SEED_SLUG))!);
    expect(workspace).toMatchObject({ source: "copy", fileName: `${SEED_SLUG}-med-rattelser-andrat-anslag.pdf` });
    const rows = await copies();
    expect(rows.map((r) => r.kind)).toEqual(["PUBLIC", "PUBLIC", "FULL", "PUBLIC", "FULL"]);
    expect(rows.slice(3).map((r) => r.noticeRevisedAt)).toEqual([ctx.now, ctx.now]);
    expect(copyOf(await verifyPdf(db, bytes)).description).toContain(
      "med rättelser och ändrade anslagsdatum; paragrafer med sekretess (§ 61) är utelämnade.",
    );
    for (const row of rows.slice(0, 3)) expect(copyOf(await verifyPdf(db, row.bytes)).isCurrent).toBe(false);

    // The original: the same row, the same bytes.
    const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    expect(file.sha256).toBe(original.sha256);
    expect(sha256Hex(file.bytes)).toBe(original.sha256);
  });
});

describe("a rättelse to a confidential §", () => {
  it("reaches the public copy only as the fact that there is one; the workspace copy has its words", async () => {
    const wording = "Rekryteringen av strategi- och projektchef avbryts.";
    expect(
      await addCorrection(await contextFor(db, "secretary"), {
        meetingId,
        paragraphNumber: "61",
        text: wording,
        password: PASSWORD,
      }),
    ).toMatchObject({ ok: true });
    const text = pdfToText(await body(await get()));
    expect(text).not.toContain("avbryts");
    for (const secret of CONFIDENTIAL) expect(text).not.toContain(secret);
    expect(text.replace(/\s+/g, " ")).toContain(CONFIDENTIAL_CORRECTION_TEXT);
    const full = await findAdjustedPdf(db, (await findProtocolBySlug(db, SEED_SLUG))!, { withCorrections: true });
    if (!full || full === "no-changes") throw new Error("expected a copy");
    expect(pdfToText(full.bytes).replace(/\s+/g, " ")).toContain(wording);
  });
});

describe("the database keeps issued copies as issued", () => {
  const rejection = async (p: Promise<unknown>) =>
    String(
      await p.then(
        () => "accepted",
        (e: unknown) => (e as Error).message,
      ),
    );

  it("refuses to change or delete one", async () => {
    const row = (await copies())[0]!;
    // The app's role has no right to; the trigger refuses even the owner of the table.
    for (const client of [db, ownerDb]) {
      for (const sql of [
        client.$executeRaw`UPDATE "IssuedCopy" SET bytes = '\\x00' WHERE id = ${row.id}`,
        client.$executeRaw`UPDATE "IssuedCopy" SET "correctionCount" = 5 WHERE id = ${row.id}`,
        client.$executeRaw`DELETE FROM "IssuedCopy" WHERE id = ${row.id}`,
      ]) {
        expect(await rejection(sql)).toMatch(
          client === db
            ? /permission denied for table IssuedCopy/
            : /En utfärdad kopia av ett protokoll kan inte ändras eller tas bort/,
        );
      }
    }
    expect(await db.issuedCopy.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("refuses a copy of a draft, and a sha256 that is not the hash of the bytes", async () => {
    const { bodyId } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const draft = await db.meeting.create({
      data: { bodyId, slug: "direktionen-2030-01-10", date: new Date("2030-01-10T00:00:00Z"), place: "Zoom" },
    });
    const row = {
      kind: "FULL" as const,
      fingerprint: "x",
      correctionCount: 0,
      sealedAt: new Date(),
      bytes: new Uint8Array([1, 2, 3]),
    };
    expect(
      await rejection(db.issuedCopy.create({ data: { ...row, meetingId: draft.id, sha256: sha256Hex(row.bytes) } })),
    ).toMatch(/bara utfärdas av ett justerat protokoll/);
    expect(await rejection(db.issuedCopy.create({ data: { ...row, meetingId, sha256: "0".repeat(64) } }))).toMatch(
      /kontrollsumma stämmer inte/,
    );
  });
});
