// The notice (anslag/bevis) PDF is stored once per state (issue 12, point 8): anonymous readers
// get the stored, sealed file instead of a fresh render on every request, it verifies on
// /verifiera, and a change of the notice dates issues a new one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays } from "@/lib/iso-date";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { editNotice } from "@/modules/notice/notice.mutations";
import { verifyPdf } from "@/modules/publication/verify";
import { pdfSignatures, pdfToText } from "@/pdf/testing/poppler";
import { GET as noticePdf } from "@/app/(public)/[org]/protokoll/[slug]/anslag.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;
let meetingId: string;

const get = (slug = SEED_SLUG) =>
  noticePdf(new Request(`http://localhost/protokoll/${slug}/anslag.pdf`), {
    params: Promise.resolve({ org: "itsam", slug }),
  });
const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const noticeCopies = () =>
  db.issuedCopy.findMany({ where: { meetingId, kind: "NOTICE" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  const seeded = await createSeededDatabase("notice_pdf");
  ({ db, drop } = seeded);
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  await justeraDemoMeeting(db, "paragraf-demo");
}, 180_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await drop?.();
});

describe("anslag.pdf", () => {
  it(
    "is rendered and sealed once, stored, and served from storage to every later request",
    { timeout: 120_000 },
    async () => {
      const first = await get();
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe("application/pdf");
      const bytes = await body(first);
      expect(pdfToText(bytes)).toMatch(/ANSLAG\/BEVIS/);
      expect(pdfSignatures(bytes)).toMatch(/Signature #1/);
      const again = await Promise.all([get(), get(), get()].map(async (r) => body(await r)));
      for (const b of again) expect(Buffer.from(b).equals(Buffer.from(bytes))).toBe(true);
      const rows = await noticeCopies();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sha256).toBe(sha256Hex(bytes));
    },
  );

  it("verifies on /verifiera as the notice of the justerat protocol", async () => {
    const bytes = await body(await get());
    const result = await verifyPdf(db, bytes);
    expect(result).toMatchObject({ match: true, by: "copy", bodyName: "Direktionen", meetingDate: "2021-11-18" });
    if (!result.match) return;
    expect(result.copy!.description).toMatch(/^Filen är anslaget \(bevis om justering\)/);
    expect(result.copy!.isCurrent).toBe(true);
  });

  it(
    "new notice dates issue a new stored notice; the old one verifies as no longer current",
    { timeout: 120_000 },
    async () => {
      const before = await body(await get());
      const notice = await db.notice.findUniqueOrThrow({ where: { meetingId } });
      const postedOn = notice.postedOn.toISOString().slice(0, 10);
      const takeDownOn = addDays(notice.takeDownOn.toISOString().slice(0, 10), 7);
      const ctx = { ...(await contextFor(db, "secretary")), now: new Date(`${postedOn}T10:00:00.000Z`) };
      expect(await editNotice(ctx, { meetingId, postedOn, takeDownOn })).toMatchObject({ ok: true });
      const after = await body(await get());
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
      expect(pdfToText(after, { layout: true })).toContain(takeDownOn);
      expect(await noticeCopies()).toHaveLength(2);
      const old = await verifyPdf(db, before);
      expect(old.match && old.copy!.isCurrent).toBe(false);
      const current = await verifyPdf(db, after);
      expect(current.match && current.copy!.isCurrent).toBe(true);
    },
  );

  it("is a 404 for a protocol without a public notice", async () => {
    expect((await get("direktionen-1999-01-01")).status).toBe(404);
  });
});
