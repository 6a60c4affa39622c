// Changing the notice (anslag) dates after justering, on real PostgreSQL: the action with its
// permission, rules, audit row; refusals that change nothing; and the PDF served afterwards,
// a sealed copy with the new dates while the stored original stays as it was signed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, toSwedishDate } from "@/lib/iso-date";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { listNoticesUp } from "@/modules/publication/public.queries";
import { earliestTakeDownDate, noticeDeadline } from "@/domain/rules/deadlines.rules";
import { renderSealedCopy, withChangesAfterAdjustment } from "@/modules/publication/issued-copies";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { editNotice } from "@/modules/notice/notice.mutations";
import { findAuditLog } from "@/modules/justering/signoff.queries";
import { pdfSignatures, pdfToText } from "@/pdf/testing/poppler";
import type { ActionContext } from "@/server/action";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

const PASSWORD = "paragraf-demo";
const CONFIDENTIAL = ["Status rekryteringar", "strategi- och projektchef"];
let restoreRouteDatabase: () => Promise<void>;

let db: PrismaClient;
let drop: () => Promise<void>;
let meetingId: string;
/** The justering day (today, when the test ran), and the dates the notice got automatically. */
let adjustedOn: string;
let autoTakeDown: string;
let original: { sha256: string; bytes: Uint8Array };

/** The context of `who` on `day` (the rules' today), at 10:00 UTC, the same day in Sweden. */
async function on(day: string, who: ActorName = "secretary"): Promise<ActionContext> {
  return { ...(await contextFor(db, who)), now: new Date(`${day}T10:00:00.000Z`) };
}

async function noticeRow() {
  return db.notice.findUniqueOrThrow({ where: { meetingId } });
}

async function noticeEdits() {
  return db.auditLog.findMany({ where: { meetingId, action: "notice.edit" }, orderBy: { at: "asc" } });
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("notice");
  ({ db, drop } = seeded);
  // The route handlers read this database through getDb(); mails are logged, not sent.
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;

  // Fix the seed's errors, make § 61 confidential, and justera through the real actions.
  await justeraDemoMeeting(db, PASSWORD, { confidential: [61] });
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { notice: true, files: true } });
  adjustedOn = m.adjustedOn!.toISOString().slice(0, 10);
  expect(adjustedOn).toBe(toSwedishDate(new Date()));
  autoTakeDown = earliestTakeDownDate(adjustedOn);
  expect(m.notice).toMatchObject({
    postedOn: new Date(`${adjustedOn}T00:00:00Z`),
    takeDownOn: new Date(`${autoTakeDown}T00:00:00Z`),
    revisedAt: null,
  });
  const file = m.files.find((f) => f.kind === "PROTOCOL")!;
  original = { sha256: file.sha256, bytes: new Uint8Array(file.bytes) };
}, 180_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await drop?.();
});

describe("who may change the notice", () => {
  it.each([
    ["member", "FORBIDDEN"],
    ["adjuster", "FORBIDDEN"],
    ["chair", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
    ["anonymous", "UNAUTHENTICATED"],
  ] as const)("refuses %s (%s) and changes nothing", async (who, code) => {
    const before = await noticeRow();
    const result = await editNotice(await on(adjustedOn, who), {
      meetingId,
      postedOn: adjustedOn,
      takeDownOn: addDays(autoTakeDown, 7),
    });
    expect(result).toMatchObject({ ok: false, code });
    expect(await noticeRow()).toEqual(before);
    expect(await noticeEdits()).toHaveLength(0);
  });
});

describe("refusals leave the notice as it was", () => {
  // Built when the test runs: the dates depend on the day of the justering.
  type Case = { day: string; postedOn: string; takeDownOn: string; expected: Record<string, string[]> | string };
  it.each<[string, () => Case]>([
    [
      "posting before the justering",
      () => ({
        day: adjustedOn,
        postedOn: addDays(adjustedOn, -1),
        takeDownOn: "",
        expected: { postedOn: [`Anslaget kan sättas upp tidigast ${adjustedOn}, den dag protokollet justerades.`] },
      }),
    ],
    [
      "posting after the legal bound (8 kap. 12 § KL)",
      () => {
        const due = noticeDeadline(adjustedOn);
        const named = due.movedBecause === null ? due.endsOn : `${due.endsOn} (${due.lastDay} är ${due.movedBecause})`;
        return {
          day: adjustedOn,
          postedOn: addDays(due.endsOn, 1),
          takeDownOn: "",
          expected: {
            postedOn: [
              `Anslaget ska enligt 8 kap. 12 § kommunallagen sättas upp senast andra dagen efter justeringen, alltså senast ${named}.`,
            ],
          },
        };
      },
    ],
    [
      "take-down before the appeal period has ended",
      () => ({
        day: adjustedOn,
        postedOn: adjustedOn,
        takeDownOn: addDays(autoTakeDown, -1),
        expected: {
          takeDownOn: [`Anslaget får tas ned tidigast ${autoTakeDown}, när tiden för överklagande har gått ut.`],
        },
      }),
    ],
    [
      "moving the posting date once the notice has been up since an earlier day",
      () => ({
        day: addDays(adjustedOn, 1),
        postedOn: addDays(adjustedOn, 1),
        takeDownOn: "",
        expected: {
          postedOn: [`Anslaget har suttit uppe sedan ${adjustedOn}, och det datumet kan inte ändras i efterhand.`],
        },
      }),
    ],
    [
      "a date that is not a date",
      () => ({
        day: adjustedOn,
        postedOn: "17/12/2021",
        takeDownOn: "2022-02-30",
        expected: {
          postedOn: ["Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2021-12-17."],
          takeDownOn: ["Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2021-12-17."],
        },
      }),
    ],
    [
      "no posting date",
      () => ({
        day: adjustedOn,
        postedOn: " ",
        takeDownOn: "",
        expected: { postedOn: ["Ange datum då anslaget sätts upp."] },
      }),
    ],
    [
      "a notice that has come down",
      () => ({
        day: addDays(autoTakeDown, 1),
        postedOn: adjustedOn,
        takeDownOn: addDays(autoTakeDown, 30),
        expected: `Anslaget togs ned ${autoTakeDown} och kan inte längre ändras.`,
      }),
    ],
  ])("%s", async (_label, make) => {
    const { day, expected, ...dates } = make();
    const before = await noticeRow();
    const result = await editNotice(await on(day), { meetingId, ...dates });
    if (typeof expected === "string") expect(result).toEqual({ ok: false, code: "STATE", message: expected });
    else expect(result).toEqual({ ok: false, code: "VALIDATION", message: expect.any(String), fieldErrors: expected });
    expect(await noticeRow()).toEqual(before);
    expect(await noticeEdits()).toHaveLength(0);
  });
});

describe("an allowed change", () => {
  it("moves the posting date within the bound, with the take-down date following it, and is audited", async () => {
    const postedOn = addDays(adjustedOn, 1);
    const at = new Date(`${adjustedOn}T10:00:00.000Z`);
    const result = await editNotice(await on(adjustedOn), { meetingId, postedOn, takeDownOn: "" });
    expect(result).toEqual({ ok: true, data: { changed: true, postedOn, takeDownOn: earliestTakeDownDate(postedOn) } });
    expect(await noticeRow()).toMatchObject({
      postedOn: new Date(`${postedOn}T00:00:00Z`),
      takeDownOn: new Date(`${earliestTakeDownDate(postedOn)}T00:00:00Z`),
      revisedAt: at,
    });
    const [audit] = await noticeEdits();
    expect(audit).toMatchObject({
      entity: "Notice",
      ip: "127.0.0.1",
      data: {
        postedOn: { from: adjustedOn, to: postedOn },
        takeDownOn: { from: autoTakeDown, to: earliestTakeDownDate(postedOn) },
      },
    });
    // Not up yet: the anslagstavla shows it from the new posting date.
    expect((await listNoticesUp(db, adjustedOn)).map((n) => n.slug)).toEqual([]);
    expect((await listNoticesUp(db, postedOn)).map((n) => n.slug)).toEqual([SEED_SLUG]);
  });

  it("puts the take-down date later the next day; the same dates again change nothing", async () => {
    const postedOn = addDays(adjustedOn, 1);
    const takeDownOn = addDays(earliestTakeDownDate(postedOn), 14);
    const result = await editNotice(await on(postedOn), { meetingId, postedOn, takeDownOn });
    expect(result).toEqual({ ok: true, data: { changed: true, postedOn, takeDownOn } });
    expect(await noticeRow()).toMatchObject({
      takeDownOn: new Date(`${takeDownOn}T00:00:00Z`),
      revisedAt: new Date(`${postedOn}T10:00:00.000Z`),
    });
    expect(await noticeEdits()).toHaveLength(2);
    expect((await listNoticesUp(db, takeDownOn)).map((n) => ({ slug: n.slug, takeDownOn: n.takeDownOn }))).toEqual([
      { slug: SEED_SLUG, takeDownOn },
    ]);

    const again = await editNotice(await on(postedOn), { meetingId, postedOn, takeDownOn });
    expect(again).toEqual({ ok: true, data: { changed: false, postedOn, takeDownOn } });
    expect(await noticeEdits()).toHaveLength(2);
    const log = await findAuditLog(db, meetingId);
    expect(log[0]!.action).toBe(`Ändrade anslagets datum: nedtaget ${earliestTakeDownDate(postedOn)} → ${takeDownOn}`);
  });
});

describe("the PDF after a change", () => {
  it("serves a sealed public copy with the new dates, § 61 withheld; the stored original is untouched", async () => {
    const notice = await noticeRow();
    const postedOn = notice.postedOn.toISOString().slice(0, 10);
    const takeDownOn = notice.takeDownOn.toISOString().slice(0, 10);
    const get = () =>
      publicPdf(new Request(`http://localhost/protokoll/${SEED_SLUG}/protokoll.pdf`), {
        params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
      });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="${SEED_SLUG}-offentlig-kopia-andrat-anslag.pdf"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = pdfToText(bytes, { layout: true });
    expect(text).toMatch(new RegExp(`Datum då anslaget sätts upp\\s+${postedOn}`));
    expect(text).toMatch(new RegExp(`Datum då anslaget tas ned\\s+${takeDownOn}`));
    expect(text).toContain("Anslagets datum ändrades efter justeringen,");
    for (const secret of CONFIDENTIAL) expect(text).not.toContain(secret);
    expect(text).toContain("113 083");

    // Sealed anew, dated by the change, and the same bytes on every request.
    const sig = pdfSignatures(bytes);
    expect(sig).toContain("Signature Validation: Signature is Valid.");
    // pdfsig prints the signing time in local time, as Date parses it.
    const signingTime = /Signing Time: (.+)/.exec(sig)?.[1];
    expect(new Date(signingTime ?? "").getTime()).toBe(notice.revisedAt!.getTime());
    expect(sha256Hex(new Uint8Array(await (await get()).arrayBuffer()))).toBe(sha256Hex(bytes));

    // The original: the same row, the same bytes. It is the document the signers signed, as sent
    // for justering (issue 18): the notice's dates, set at justering, are not in it, old or new.
    const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    expect(file.sha256).toBe(original.sha256);
    expect(sha256Hex(file.bytes)).toBe(original.sha256);
    expect(sha256Hex(bytes)).not.toBe(original.sha256);
    const originalText = pdfToText(file.bytes, { layout: true });
    expect(originalText).toContain("Justeras elektroniskt");
    expect(originalText).toMatch(/Datum då anslaget sätts upp\s+Datum då anslaget tas ned\s/);
    expect(originalText).not.toContain(postedOn);
    expect(originalText).not.toContain("ändrades efter justeringen");
  });

  it("the workspace copy shows § 61 in full with the new dates", async () => {
    const copy = (await renderSealedCopy(
      await withChangesAfterAdjustment(db, (await findProtocolBySlug(db, SEED_SLUG))!),
    ))!;
    const text = pdfToText(copy);
    expect(text).toContain("Status rekryteringar");
    expect(text).toContain((await noticeRow()).takeDownOn.toISOString().slice(0, 10));
  });
});
