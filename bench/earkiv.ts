/**
 * E-arkiv package benchmark (not a test): the SIP of the seed protocol (Itsam direktionen
 * 2021-11-18, §§ 59–67) and of a generated 200-§ protocol, each as if justerat — the PDF/A
 * rendered and sealed with a demo certificate, a public copy, five lifecycle audit rows and a
 * rättelse — built (METS, PREMIS, descriptive record, JSON) and zipped. Prints the package's size
 * (files, bytes unpacked, zip) and the build and zip times. The database read in front of it (a
 * handful of queries, tests/earkiv.int.test.ts) is not in these figures.
 *   npx tsx bench/earkiv.ts [runs]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProtocolDTO } from "../src/domain/protocol/protocol.types";
import { protocolContentHash, sha256Hex } from "../src/domain/protocol/content-hash";
import { toPublicProtocol } from "../src/domain/publication/public.rules";
import { renderProtocolPdf } from "../src/pdf/render-protocol";
import { sealPdf } from "../src/pdf/seal";
import { loadOrCreateSealCertificate } from "../src/pdf/seal-certificate";
import { generatedProtocol, seedProtocol } from "../src/pdf/testing/fixtures";
import { addPackage, buildEarkivPackage, newZip, zipBytes, type EarkivInput } from "../src/modules/earkiv";
import { loadSchemas } from "../src/modules/earkiv/schemas";

const AT = "2021-11-25T10:00:00.000Z";

async function inputFor(base: ProtocolDTO, dataDir: string): Promise<EarkivInput> {
  const protocol: ProtocolDTO = {
    ...base,
    meeting: { ...base.meeting, status: "ADJUSTED", adjustedOn: "2021-11-25" },
    paragraphs: base.paragraphs.map((p, i) => (i % 9 === 2 ? { ...p, isConfidential: true } : p)),
    notice: { postedOn: "2021-11-25", takeDownOn: "2021-12-17", storagePlace: "Itsam" },
    signatures: base.signatures.map((s) => ({ ...s, signedAt: AT, contentHash: null })),
  };
  const contentHash = protocolContentHash(protocol);
  protocol.signatures = protocol.signatures.map((s) => ({ ...s, contentHash }));
  const certificate = await loadOrCreateSealCertificate({
    dataDir,
    organisationName: protocol.organisation.name,
    now: new Date(AT),
  });
  const seal = async (pdf: Uint8Array) =>
    sealPdf(pdf, {
      p12: certificate.p12,
      passphrase: certificate.passphrase,
      reason: "Justerat",
      name: protocol.organisation.name,
      location: "Itsam",
      signingTime: new Date(AT),
    });
  const original = await seal(await renderProtocolPdf(protocol));
  const publicCopy = await seal(await renderProtocolPdf(toPublicProtocol(protocol, protocol.meeting.adjustedOn!)));
  const user = { id: "u1", name: "Joakim Karlsson" };
  const actions = [
    "protocol.sendForAdjustment",
    "protocol.sign",
    "protocol.sign",
    "protocol.sign",
    "protocol.adjusted",
  ];
  return {
    protocol,
    contentHash,
    contentHashSalt: null,
    meetingCreatedAt: "2021-11-18T08:00:00.000Z",
    corrections: [{ paragraphNumber: 1, text: "Rättelse.", signedBy: user.name, signedAt: "2021-11-30T10:00:00.000Z" }],
    noticeRevisedAt: null,
    original: { bytes: original, sha256: sha256Hex(original), createdAt: AT },
    storedNotice: null,
    issuedCopies: [
      { kind: "PUBLIC", bytes: publicCopy, sha256: sha256Hex(publicCopy), createdAt: AT, correctionCount: 0 },
    ],
    attachments: [],
    audit: actions.map((action, i) => ({ id: `a${i}`, at: AT, action, user, data: {} })),
    today: "2021-12-01",
    schemas: loadSchemas(),
    softwareVersion: "Paragraf bench",
  };
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 10);
  const dataDir = mkdtempSync(path.join(tmpdir(), "earkiv-bench-"));
  try {
    for (const [name, protocol] of [
      ["seed protocol (§§ 59–67)", seedProtocol()],
      ["200 §§", generatedProtocol(200)],
    ] as const) {
      const input = await inputFor(protocol, dataDir);
      const once = async () => {
        const t0 = performance.now();
        const pkg = buildEarkivPackage(input);
        const t1 = performance.now();
        const zip = newZip();
        addPackage(zip, pkg);
        const bytes = await zipBytes(zip);
        return { pkg, bytes, buildMs: t1 - t0, zipMs: performance.now() - t1 };
      };
      const first = await once();
      const times: { buildMs: number; zipMs: number }[] = [];
      for (let i = 0; i < runs; i++) times.push(await once());
      const median = (k: "buildMs" | "zipMs") => times.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
      const unpacked = first.pkg.files.reduce((n, f) => n + f.bytes.length, 0);
      const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      const fileOf = (p: string) => first.pkg.files.find((f) => f.path === p)!.bytes.length;
      console.log(
        `e-arkiv, ${name}: ${first.pkg.files.length} files, ${kB(unpacked)} unpacked ` +
          `(PDF/A ${kB(fileOf("representations/rep1/data/protokoll.pdf"))}, ` +
          `JSON ${kB(fileOf("representations/rep1/data/protokoll.json"))}, ` +
          `PREMIS ${kB(fileOf("metadata/preservation/premis.xml"))}, schemas ${kB(
            first.pkg.files.filter((f) => f.path.includes("schemas/")).reduce((n, f) => n + f.bytes.length, 0),
          )}), zip ${kB(first.bytes.length)}; build ${median("buildMs").toFixed(1)} ms + zip ${median("zipMs").toFixed(
            0,
          )} ms (median of ${runs}; first ${(first.buildMs + first.zipMs).toFixed(0)} ms)`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
