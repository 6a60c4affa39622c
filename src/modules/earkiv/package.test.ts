// The package built from the seed protocol (as if justerat) without a database: METS, PREMIS and
// the descriptive record valid against their official XSDs (xmllint, offline), protokoll.json
// valid against its JSON Schema, every file listed with its SHA-256, and the same input giving
// the same bytes. tests/earkiv.int.test.ts does the same for a protocol justerat through the app.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { buildEarkivPackage, safeFileName, type EarkivInput } from "./package";
import { loadSchemas } from "./schemas";
import { checkPackage, layoutWithOneBilaga, xmllintValidate } from "./testing/check-package";
import { addPackage, newZip, zipBytes } from "./zip";

const seed = itsamSeed.meetings[0]!;
const HASH = "a".repeat(64);
const JOAKIM = { id: "u1", name: "Joakim Karlsson" };
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);

function input(overrides: Partial<EarkivInput> = {}): EarkivInput {
  const protocol: ProtocolDTO = {
    ...seed,
    meeting: { ...seed.meeting, status: "ADJUSTED", adjustedOn: "2021-11-25" },
    paragraphs: seed.paragraphs.map((p) => (p.number === 61 ? { ...p, isConfidential: true } : p)),
    notice: { postedOn: "2021-11-26", takeDownOn: "2021-12-17", storagePlace: "Itsams kansli" },
    signatures: seed.signatures.map((s, i) => ({
      ...s,
      signedAt: `2021-11-25T0${i}:00:00.000Z`,
      contentHash: HASH,
    })),
  };
  return {
    protocol,
    contentHash: HASH,
    contentHashSalt: "5a17".repeat(16),
    meetingCreatedAt: "2021-11-01T08:00:00.000Z",
    corrections: [
      {
        paragraphNumber: 62,
        text: "Rätt belopp är 12 000 kr.",
        signedBy: "Joakim Karlsson",
        signedAt: "2021-12-01T10:00:00.000Z",
      },
    ],
    noticeRevisedAt: null,
    original: { bytes: pdf("original"), sha256: "x", createdAt: "2021-11-25T02:00:01.000Z" },
    storedNotice: null,
    issuedCopies: [
      { kind: "PUBLIC", bytes: pdf("public"), sha256: "y", createdAt: "2021-11-26T09:00:00.000Z", correctionCount: 0 },
    ],
    attachments: [
      {
        paragraphNumber: 62,
        position: 0,
        label: "Bilaga 1 – budget",
        fileName: "Budget 2022 (slutlig) – ÅÄÖ.pdf",
        mimeType: "application/pdf",
        bytes: pdf("bilaga"),
        createdAt: "2021-11-10T08:00:00.000Z",
      },
    ],
    audit: [
      ["a1", "2021-11-24T08:00:00.000Z", "protocol.sendForAdjustment", JOAKIM],
      ["a0", "2021-11-20T08:00:00.000Z", "paragraph.save", JOAKIM],
      ["a2", "2021-11-25T00:00:00.000Z", "protocol.sign", { id: "u2", name: "Jacob Käll" }],
      ["a3", "2021-11-25T02:00:00.000Z", "protocol.adjusted", JOAKIM],
      ["a4", "2021-12-01T10:00:00.000Z", "protocol.correction", JOAKIM, { paragraphNumber: 62 }],
      ["a5", "2021-12-02T10:00:00.000Z", "earkiv.export", JOAKIM],
    ].map(
      ([id, at, action, user, data]) => ({ id, at, action, user, data: data ?? {} }) as EarkivInput["audit"][number],
    ),
    today: "2021-12-05",
    schemas: loadSchemas(),
    softwareVersion: "Paragraf test",
    ...overrides,
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("the e-arkiv package", () => {
  const pkg = buildEarkivPackage(input());
  const file = (p: string) => {
    const f = pkg.files.find((x) => x.path === p);
    if (!f) throw new Error(`${p} saknas`);
    return f.bytes;
  };

  it("has the CSIP folder layout, in path order", () => {
    expect(pkg.objid).toBe("paragraf-direktionen-2021-11-18");
    expect(pkg.files.map((f) => f.path)).toEqual(layoutWithOneBilaga("Budget_2022_slutlig_AAO.pdf"));
  });

  it("dumps the package for a look when EARKIV_DUMP=<dir> is set", () => {
    const dir = process.env.EARKIV_DUMP;
    if (!dir) return;
    for (const f of pkg.files) {
      mkdirSync(path.join(dir, path.dirname(f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.bytes);
    }
  });

  it("validates against the official XSDs and lists every file with its SHA-256", () => {
    expect(checkPackage(pkg.files)).toEqual([]);
  });

  it("has the CSIP attributes on the METS root and header", () => {
    const mets = text(file("METS.xml"));
    for (const needle of [
      'OBJID="paragraf-direktionen-2021-11-18"',
      'TYPE="Textual works – Digital"',
      'csip:CONTENTINFORMATIONTYPE="OTHER"',
      'PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml"',
      '<mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">',
      "<mets:name>Itsam, Direktionen</mets:name>",
      'csip:OAISPACKAGETYPE="SIP"',
      '<mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">',
      '<mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">',
      'MDTYPE="PREMIS"',
      'USE="Representations/rep1"',
      "(innehåller sekretessmarkerade paragrafer)",
    ])
      expect(mets).toContain(needle);
    expect(mets).not.toMatch(/CHECKSUMTYPE="(?!SHA-256)/);
    // The package date is the latest event it shows (the rättelse), not the time of export.
    expect(mets).toContain('CREATEDATE="2021-12-01T10:00:00.000Z"');
  });

  it("keeps the lifecycle events from the audit log in PREMIS, in time order, and no drafting saves or exports", () => {
    const premis = text(file("metadata/preservation/premis.xml"));
    const types = [...premis.matchAll(/<premis:eventType>([^<]+)</g)].map((m) => m[1]);
    expect(types).toEqual(["skapat", "skickat till justering", "signerat", "justerat", "anslaget", "rättelse"]);
    expect(premis).toContain("<premis:agentName>Jacob Käll</premis:agentName>");
    expect(premis).toContain("Rättelse signerad och tillagd efter justering (§ 62)");
    expect(premis).toContain(`<premis:significantPropertiesValue>${HASH}</premis:significantPropertiesValue>`);
    expect(premis.match(/<premis:messageDigestAlgorithm>SHA-256</g)).toHaveLength(5); // 2 PDFs, 1 bilaga, 2 JSON
  });

  it("dates the posting at the justering when the notice went up that day", () => {
    const base = input();
    const sameDay = buildEarkivPackage(
      input({ protocol: { ...base.protocol, notice: { ...base.protocol.notice!, postedOn: "2021-11-25" } } }),
    );
    const premis = text(sameDay.files.find((f) => f.path === "metadata/preservation/premis.xml")!.bytes);
    const events = [
      ...premis.matchAll(/<premis:eventType>([^<]+)<\/premis:eventType>\s*<premis:eventDateTime>([^<]+)</g),
    ];
    expect(events.map((m) => `${m[1]} ${m[2]}`).slice(3, 5)).toEqual([
      "justerat 2021-11-25T02:00:00.000Z",
      "anslaget 2021-11-25T02:00:00.000Z",
    ]);
  });

  it("posts the notice as an event only once its day has come", () => {
    const early = buildEarkivPackage(input({ today: "2021-11-25" }));
    const premis = text(early.files.find((f) => f.path === "metadata/preservation/premis.xml")!.bytes);
    expect(premis).not.toContain("<premis:eventType>anslaget<");
  });

  it("describes organ, date, §§ with titles and Dnr, and marks the confidential § (the original keeps it)", () => {
    const record = text(file("metadata/descriptive/beskrivning.xml"));
    expect(record).toContain("<organ>Direktionen</organ>");
    expect(record).toContain("<sammantradesdatum>2021-11-18</sammantradesdatum>");
    expect(record).toMatch(/<paragraf nummer="61" sekretess="true">/);
    const titled = seed.paragraphs.find((p) => p.caseNumber)!;
    expect(record).toContain(`<dnr>${titled.caseNumber}</dnr>`);
    const json = JSON.parse(text(file("representations/rep1/data/protokoll.json")));
    expect(json.sekretess).toEqual({ innehallerSekretess: true, paragrafer: [61] });
    const p61 = json.protokoll.paragraphs.find((p: { number: number }) => p.number === 61);
    expect(p61.sections.length).toBeGreaterThan(0);
    expect(text(file("documentation/LASMIG.txt"))).toContain("sekretessmarkerade paragrafer (§ 61)");
  });

  it("writes protokoll.json valid against the JSON Schema in the package", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(text(file("representations/rep1/schemas/paragraf-protokoll.schema.json")));
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(text(file("representations/rep1/data/protokoll.json"))));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The schema is strict: a field it does not know is an error (decide what the archive keeps).
    const extra = JSON.parse(text(file("representations/rep1/data/protokoll.json")));
    extra.protokoll.paragraphs[0].unknownField = 1;
    expect(validate(extra)).toBe(false);
  });

  it("is reproducible: the same input gives the same files and the same zip", async () => {
    const again = buildEarkivPackage(input());
    const digest = (p: typeof pkg) => p.files.map((f) => `${f.path} ${Buffer.from(f.bytes).toString("base64")}`);
    expect(digest(again)).toEqual(digest(pkg));
    const zip = async (p: typeof pkg) => {
      const z = newZip();
      addPackage(z, p);
      return zipBytes(z);
    };
    const first = await zip(pkg);
    expect(Buffer.from(await zip(again)).equals(Buffer.from(first))).toBe(true);
  }, 30_000);

  it("refuses a protocol that is not justerat", () => {
    const draft = input();
    draft.protocol = { ...draft.protocol, meeting: { ...draft.protocol.meeting, status: "DRAFT" } };
    expect(() => buildEarkivPackage(draft)).toThrow("Bara ett justerat protokoll");
  });

  it("xmllint refuses a METS without its required parts (the check is real)", () => {
    const broken = text(file("METS.xml")).replace(/<mets:structMap[\s\S]*<\/mets:structMap>/, "");
    expect(() => xmllintValidate("mets.xsd", new TextEncoder().encode(broken))).toThrow(/structMap|fails to validate/);
    const badPremis = text(file("metadata/preservation/premis.xml")).replace(
      "<premis:eventType>justerat</premis:eventType>",
      "",
    );
    expect(() => xmllintValidate("premis.xsd", new TextEncoder().encode(badPremis))).toThrow(/fails to validate/);
  });

  it("makes safe file names", () => {
    expect(safeFileName("Bilaga 1 - Årsbudget.pdf")).toBe("Bilaga_1_-_Arsbudget.pdf");
    expect(safeFileName("Bilaga 1 – Årsbudget.pdf")).toBe("Bilaga_1_Arsbudget.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("etc_passwd");
    expect(safeFileName("")).toBe("fil");
  });
});
