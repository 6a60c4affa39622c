// The organisation's rule for old public copies (issue 17.2), on real PostgreSQL through the real
// justering: N years after justering every person's name is withheld from the public copy, the
// public PDF (issued again), and the archive search; noindex once the appeal period is over. The
// server clock is moved the way the e2e tests move it (PARAGRAF_TEST_CLOCK).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { setTestClock } from "@/server/clock";
import { findPublicProtocol, findPublicProtocolWithCorrections } from "@/modules/publication/public.queries";
import { searchArchive } from "@/modules/publication/public.search";
import { protocolPersonNames } from "@/domain/publication/public.rules";
import { pdfToText } from "@/pdf/testing/poppler";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { updateOrganisation } from "@/modules/administration/bodies.mutations";

let db: PrismaClient;
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;
let names: string[];
const previousClock = process.env.PARAGRAF_TEST_CLOCK;

const getPdf = () =>
  publicPdf(new Request(`http://localhost/protokoll/${SEED_SLUG}/protokoll.pdf`), {
    params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
  });
const years = (n: number) => new Date(Date.now() + n * 366 * 24 * 3600 * 1000);
const setRule = (publicNamesYears: number | null, noindexAfterAppeal = false) =>
  db.organisation.updateMany({ data: { publicNamesYears, noindexAfterAppeal } });
const hits = async (q: string) => (await searchArchive(db, { q })).hits.map((h) => `${h.slug} § ${h.number}`);

beforeAll(async () => {
  const seeded = await createSeededDatabase("retention");
  ({ db, drop } = seeded);
  // The PDF route reads this database through getDb(); mails are logged, not sent.
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  process.env.PARAGRAF_TEST_CLOCK = "1";
  await justeraDemoMeeting(db);
  names = protocolPersonNames((await findProtocolBySlug(db, SEED_SLUG))!);
}, 120_000);

afterAll(async () => {
  setTestClock(null);
  if (previousClock === undefined) delete process.env.PARAGRAF_TEST_CLOCK;
  else process.env.PARAGRAF_TEST_CLOCK = previousClock;
  await restoreRouteDatabase?.();
  await drop?.();
});

describe("names N years after justering", () => {
  it("are in the public copy and found by search before the day", async () => {
    await setRule(2);
    expect(names).toContain("Joakim Magnusson");
    expect(JSON.stringify(await findPublicProtocol(db, SEED_SLUG))).toContain("Joakim Magnusson");
    expect(await hits("Magnusson")).toContain(`${SEED_SLUG} § 62`);
  });

  it("are withheld from the public copy, its rättelser, the PDF and search from the day on", async () => {
    await setRule(2);
    setTestClock(years(2));
    const pub = JSON.stringify(await findPublicProtocolWithCorrections(db, SEED_SLUG));
    for (const name of names) expect(pub, name).not.toContain(name);
    expect(pub).toContain("[utelämnat]");
    // Search: a name finds nothing, the words of the decisions still find their §.
    expect(await hits("Magnusson")).toEqual([]);
    expect(await hits("effektiviseringsuppdrag")).toContain(`${SEED_SLUG} § 62`);
    // The public PDF is a new issued copy without the names.
    const res = await getPdf();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("offentlig-kopia");
    const text = await pdfToText(new Uint8Array(await res.arrayBuffer()));
    for (const name of names) expect(text.replace(/\s+/g, " "), name).not.toContain(name);
    // The signed original and the workspace's protocol keep every name.
    expect(JSON.stringify(await findProtocolBySlug(db, SEED_SLUG))).toContain("Joakim Magnusson");
  });

  it("come back when the organisation removes the rule (the original was never changed)", async () => {
    await setRule(null);
    setTestClock(years(2));
    expect(JSON.stringify(await findPublicProtocol(db, SEED_SLUG))).toContain("Joakim Magnusson");
    expect(await hits("Magnusson")).toContain(`${SEED_SLUG} § 62`);
  });
});

describe("noindex after the appeal period", () => {
  it("is sent with the public PDF once the notice is down, when the organisation asks for it", async () => {
    setTestClock(null);
    await setRule(null, true);
    expect((await getPdf()).headers.get("x-robots-tag")).toBeNull(); // the notice is up today
    setTestClock(years(1));
    expect((await getPdf()).headers.get("x-robots-tag")).toBe("noindex");
    await setRule(null, false);
    expect((await getPdf()).headers.get("x-robots-tag")).toBeNull();
  });
});

describe("the rule as the admin sets it", () => {
  it("is saved from the organisation form's values, audited, and refused in Swedish outside 1–100", async () => {
    const admin = await contextFor(db, "admin");
    const org = await db.organisation.findFirstOrThrow();
    const form = { organisationId: org.id, name: org.name, storagePlace: "", noticeBoard: "", noticeWording: "" };
    const save = (publicNamesYears: string, noindexAfterAppeal: boolean) =>
      updateOrganisation(admin, {
        ...form,
        noticeCertifier: "",
        caseNumberExample: "",
        publicNamesYears,
        noindexAfterAppeal,
      });
    for (const bad of ["0", "101", "tre", "2.5"]) {
      expect(await save(bad, false), bad).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { publicNamesYears: ["Ange antal år som ett heltal mellan 1 och 100, eller lämna fältet tomt."] },
      });
    }
    expect(await save(" 5 ", true)).toMatchObject({ ok: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      publicNamesYears: 5,
      noindexAfterAppeal: true,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "admin.organisation.update", entityId: org.id },
      orderBy: { at: "desc" },
    });
    expect(JSON.stringify(audit.data)).toContain("publicNamesYears");
    expect(await save("", false)).toMatchObject({ ok: true });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      publicNamesYears: null,
      noindexAfterAppeal: false,
    });
  });
});

describe("the rule in the database", () => {
  it("refuses a number of years outside 1–100", async () => {
    await expect(setRule(0)).rejects.toThrow();
    await expect(setRule(101)).rejects.toThrow();
  });
});
