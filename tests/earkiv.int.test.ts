// The e-arkiv package on real PostgreSQL, through the real routes: the seed protocol with a
// confidential § and a bilaga, justerat through the real actions, its public copy issued, a
// rättelse signed; then exported as the secretary. Unpacked: the METS, PREMIS and descriptive
// record valid against their XSDs (xmllint, offline), every checksum right, the JSON valid against
// its schema and hashing to the signed content hash, the PDF the stored original that /verifiera
// recognises with a valid seal. Who may export (earkiv.export), the audit row, the bulk export
// per body and year, and the same state giving the same bytes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { sha256Hex, protocolContentHash } from "@/domain/protocol/content-hash";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { addCorrection } from "@/modules/justering/signoff.mutations";
import { verifyPdf } from "@/modules/publication/verify";
import { checkPackage, layoutWithOneBilaga, type UnpackedFile } from "@/modules/earkiv/testing/check-package";
import { pdfSignatures } from "@/pdf/testing/poppler";
import type { CurrentUser } from "@/server/session";
import { GET as earkivRoute } from "@/app/(app)/moten/[slug]/e-arkiv/route";
import { GET as bulkRoute } from "@/app/(app)/organ/[bodySlug]/e-arkiv/[year]/route";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { actorFor, contextFor, createSeededDatabase, EMAILS, SEED_SLUG, type ActorName } from "./support/seeded-db";

const PASSWORD = "paragraf-demo";
const OBJID = `paragraf-${SEED_SLUG}`;

// The workspace routes ask the session who is signed in; the tests say who.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/session")>()),
  getCurrentUser: async () => session.user,
}));

let db: PrismaClient;
let urls: { url: string; ownerUrl: string };
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;
let meetingId: string;
let bilaga: Uint8Array;

async function signIn(who: ActorName) {
  session.user =
    who === "anonymous"
      ? null
      : ({ ...(await actorFor(db, EMAILS[who])), name: who, email: EMAILS[who] } as CurrentUser);
}

async function exportAs(who: ActorName, slug = SEED_SLUG) {
  await signIn(who);
  return earkivRoute(new Request(`http://localhost/moten/${slug}/e-arkiv`), { params: Promise.resolve({ slug }) });
}

async function unzip(res: Response): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
  const out = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async("uint8array"));
  return out;
}

/** The files of one package folder, with paths relative to it. */
function packageFiles(all: Map<string, Uint8Array>, objid = OBJID): UnpackedFile[] {
  return [...all.entries()]
    .filter(([name]) => name.startsWith(`${objid}/`))
    .map(([name, bytes]) => ({ path: name.slice(objid.length + 1), bytes }));
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("earkiv");
  ({ db, drop } = seeded);
  urls = { url: seeded.url, ownerUrl: seeded.ownerUrl };
  restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  // A bilaga with its file on § 62, while the protocol is a draft.
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  bilaga = await doc.save({ useObjectStreams: false });
  const p62 = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 62 } });
  await db.attachment.create({
    data: {
      paragraphId: p62.id,
      label: "Bilaga 1 – detaljerad intäktsbudget",
      fileName: "Intäktsbudget 2022.pdf",
      mimeType: "application/pdf",
      bytes: new Uint8Array(bilaga),
      sha256: sha256Hex(bilaga),
      position: 0,
    },
  });
  await justeraDemoMeeting(db, PASSWORD, { confidential: [61] });
  // The public copy is issued on first request (an IssuedCopy), then a rättelse is signed.
  const pub = await publicPdf(new Request(`http://localhost/protokoll/${SEED_SLUG}/protokoll.pdf`), {
    params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
  });
  expect(pub.status).toBe(200);
  const corrected = await addCorrection(await contextFor(db, "secretary"), {
    meetingId,
    paragraphNumber: "62",
    text: "I första att-satsen ska det stå ”överlämna”.",
    password: PASSWORD,
  });
  expect(corrected.ok).toBe(true);
}, 240_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await drop?.();
});

describe("the e-arkiv package of a justerat protocol", () => {
  let files: UnpackedFile[];
  let zipBytes: Uint8Array;

  it("is a zip the secretary downloads, with one package folder", async () => {
    const res = await exportAs("secretary");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${OBJID}.zip"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    zipBytes = new Uint8Array(await res.clone().arrayBuffer());
    const all = await unzip(res);
    expect([...all.keys()].every((k) => k.startsWith(`${OBJID}/`))).toBe(true);
    files = packageFiles(all);
    expect(files.map((f) => f.path)).toEqual(layoutWithOneBilaga("Intaktsbudget_2022.pdf"));
  });

  it("validates against the official XSDs, and every checksum in METS matches its file", () => {
    expect(checkPackage(files)).toEqual([]);
  });

  const file = (p: string) => files.find((f) => f.path === p)!.bytes;
  const text = (p: string) => new TextDecoder().decode(file(p));

  it("holds the signed original: byte for byte the stored PDF, recognised by /verifiera, its seal valid", async () => {
    const pdf = file("representations/rep1/data/protokoll.pdf");
    const stored = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    expect(sha256Hex(pdf)).toBe(stored.sha256);
    const verified = await verifyPdf(db, pdf);
    expect(verified).toMatchObject({ match: true, by: "pdf", bodyName: "Direktionen", meetingDate: "2021-11-18" });
    expect(pdfSignatures(pdf)).toContain("Signature is Valid.");
    // The issued public copy is there too, and verifies as a copy.
    const copy = file("representations/rep1/data/kopior/001-offentlig-kopia.pdf");
    expect(await verifyPdf(db, copy)).toMatchObject({ match: true, by: "copy" });
    expect(sha256Hex(file("representations/rep1/data/bilagor/p62-1-Intaktsbudget_2022.pdf"))).toBe(sha256Hex(bilaga));
  });

  it("holds the protocol as JSON, valid against its schema, whose content hashes to what was signed", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(text("representations/rep1/schemas/paragraf-protokoll.schema.json")));
    const json = JSON.parse(text("representations/rep1/data/protokoll.json"));
    validate(json);
    expect(validate.errors ?? []).toEqual([]);
    const m = json.protokoll as ProtocolDTO;
    expect(json.innehallshash).toBe(m.signatures[0]!.contentHash);
    expect(protocolContentHash(m, json.innehallshashSalt)).toBe(json.innehallshash);
    // The salt is what the hash covers besides the content: without it the code does not match.
    expect(json.innehallshashSalt).toMatch(/^[0-9a-f]{64}$/);
    expect(protocolContentHash(m, null)).not.toBe(json.innehallshash);
    // The original, not the public projection: the confidential § in full, and marked.
    expect(json.sekretess).toEqual({ innehallerSekretess: true, paragrafer: [61] });
    expect(m.paragraphs.find((p) => p.number === 61)!.sections.length).toBeGreaterThan(0);
    expect(json.rattelser).toHaveLength(1);
    expect(JSON.parse(text("representations/rep1/data/rattelser.json")).rattelser).toEqual(json.rattelser);
  });

  it("has PREMIS events from the audit log: sent, signed by each, justerat, posted, rättelse", () => {
    const premis = text("metadata/preservation/premis.xml");
    const types = [...premis.matchAll(/<premis:eventType>([^<]+)</g)].map((m) => m[1]);
    expect(types).toEqual([
      "skapat",
      "skickat till justering",
      "signerat",
      "signerat",
      "signerat",
      "justerat",
      "anslaget",
      "rättelse",
    ]);
    for (const name of ["Joakim Karlsson", "Jacob Käll", "Annicki Oscarsson"])
      expect(premis).toContain(`<premis:agentName>${name}</premis:agentName>`);
    expect(premis).not.toContain("earkiv.export");
  });

  it("describes organ, date and §§ with titles and Dnr, the confidential one marked", () => {
    const record = text("metadata/descriptive/beskrivning.xml");
    expect(record).toContain("<organ>Direktionen</organ>");
    expect(record).toContain("<sammantradesdatum>2021-11-18</sammantradesdatum>");
    expect(record.match(/<paragraf nummer=/g)).toHaveLength(9);
    expect(record).toContain('<paragraf nummer="61" sekretess="true">');
    expect(record).toContain('<sekretess innehaller="true">');
    expect(record).toContain('<rattelser antal="1"/>');
    expect(text("METS.xml")).toContain("(innehåller sekretessmarkerade paragrafer)");
  });

  it("is audited: one earkiv.export row per download, with the root METS's SHA-256", async () => {
    const rows = await db.auditLog.findMany({ where: { meetingId, action: "earkiv.export" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({
      objid: OBJID,
      metsSha256: sha256Hex(file("METS.xml")),
      files: 16,
      containsConfidential: true,
    });
    expect(rows[0]!.userId).toBe((await actorFor(db, EMAILS.secretary)).userId);
  });

  it("is reproducible: exported again, the same bytes (the export's own audit row is not in it)", async () => {
    const again = await exportAs("admin");
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(zipBytes))).toBe(true);
  });
});

describe("who may export", () => {
  it.each([
    ["member", 403],
    ["chair", 403],
    ["adjuster", 403],
    ["otherSecretary", 404],
    ["anonymous", 404],
  ] as const)("%s gets %i", async (who, status) => {
    const res = await exportAs(who);
    expect(res.status).toBe(status);
    if (status === 403) expect(await res.text()).toBe("Du har inte behörighet till det här protokollet.");
  });

  it("a protocol that is not justerat is refused with a Swedish message", async () => {
    const draft = await db.meeting.create({
      data: {
        bodyId: (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).bodyId,
        slug: "direktionen-2021-12-09",
        date: new Date("2021-12-09"),
        place: "Zoom",
      },
    });
    const res = await exportAs("secretary", draft.slug);
    expect(res.status).toBe(409);
    expect(await res.text()).toBe("E-arkivpaketet kan bara skapas när protokollet är justerat.");
  });

  it("an unknown meeting is a 404", async () => {
    expect((await exportAs("secretary", "finns-inte-2021-01-01")).status).toBe(404);
  });
});

describe("the bulk export per body and year", () => {
  const bulk = async (who: ActorName, year: string, body = "direktionen") => {
    await signIn(who);
    return bulkRoute(new Request(`http://localhost/organ/${body}/e-arkiv/${year}`), {
      params: Promise.resolve({ bodySlug: body, year }),
    });
  };

  it("gives every justerat protocol of the year, one package folder each, audited", async () => {
    const before = await db.auditLog.count({ where: { action: "earkiv.export" } });
    const res = await bulk("secretary", "2021");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="paragraf-direktionen-2021-e-arkiv.zip"');
    const all = await unzip(res);
    // Only the justerat one: the draft of 2021-12-09 is not in it.
    expect(new Set([...all.keys()].map((k) => k.split("/")[0]))).toEqual(new Set([OBJID]));
    expect(checkPackage(packageFiles(all))).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "earkiv.export" } })).toBe(before + 1);
  });

  it("refuses a year without protocols, a bad year, and those who may not export", async () => {
    expect((await bulk("secretary", "2020")).status).toBe(404);
    expect((await bulk("secretary", "20x1")).status).toBe(400);
    expect((await bulk("member", "2021")).status).toBe(404);
    expect((await bulk("otherSecretary", "2021")).status).toBe(404);
    expect((await bulk("anonymous", "2021")).status).toBe(404);
  });
});

describe("npm run earkiv", () => {
  const run = (...args: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), "earkiv-cli-"));
    const out = path.join(dir, "ut.zip");
    try {
      const stdout = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/earkiv.ts", ...args, out], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: urls.url, DATABASE_OWNER_URL: urls.ownerUrl },
      });
      return { stdout, zip: new Uint8Array(readFileSync(out)) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const unpacked = async (bytes: Uint8Array) => {
    const zip = await JSZip.loadAsync(bytes);
    const out: [string, string][] = [];
    for (const entry of Object.values(zip.files))
      if (!entry.dir) out.push([entry.name, sha256Hex(await entry.async("uint8array"))]);
    return out.sort();
  };

  it("writes the same package as the route, for one protocol and for a body's year", async () => {
    await signIn("secretary");
    const fromRoute = await unpacked(new Uint8Array(await (await exportAs("secretary")).arrayBuffer()));
    const one = run(SEED_SLUG);
    expect(one.stdout).toContain("1 paket");
    expect(one.stdout).toContain("innehåller sekretessmarkerade paragrafer");
    expect(await unpacked(one.zip)).toEqual(fromRoute);
    const year = run("--organ", "direktionen", "--ar", "2021");
    expect(await unpacked(year.zip)).toEqual(fromRoute);
    const rows = await db.auditLog.findMany({ where: { action: "earkiv.export", userId: null } });
    expect(rows.map((r) => (r.data as { via?: string }).via)).toEqual(["npm run earkiv", "npm run earkiv"]);
  }, 120_000);
});
