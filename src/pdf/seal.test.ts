// The sealed protocol PDF as a reader checks it: pdfsig validates the PAdES signature, pdftotext and
// pdfinfo still read the PDF/A document. Needs poppler-utils (pdfsig, pdftotext, pdfinfo).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { renderProtocolPdf } from "./index";
import { SEAL_FIELD_DESCRIPTION, sealPdf, type SealOptions } from "./seal";
import {
  createDemoP12,
  DEMO_P12_FILE,
  DEMO_PASSPHRASE_FILE,
  loadOrCreateSealCertificate,
  type SealCertificate,
} from "./seal-certificate";
import { pdfFonts, pdfInfo, pdfStructTree, pdfToText, structNodes } from "./testing/poppler";

const SIGNING_TIME = new Date("2021-12-16T14:03:00Z");
/** A demo certificate made now, not from SEAL_P12_PATH. */
const DEMO = { env: {}, now: new Date() };
const CONTENT_HASH = "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a";

/** The seed meeting as it is once the last signer has signed. */
function adjustedSeed(): ProtocolDTO {
  const meeting = itsamSeed.meetings[0];
  if (!meeting) throw new Error("The Itsam seed has no meeting.");
  const protocol = structuredClone(meeting);
  const chair = protocol.attendance.find((a) => a.role === "CHAIR");
  const adjuster = protocol.adjusters[0];
  if (!protocol.secretary || !chair || !adjuster) throw new Error("The seed lacks secretary, chair or adjuster.");
  protocol.meeting.status = "ADJUSTED";
  protocol.meeting.adjustedOn = "2021-12-16";
  protocol.signatures = [
    {
      personId: protocol.secretary.personId,
      name: protocol.secretary.name,
      role: "SECRETARY",
      signedAt: "2021-12-16T08:15:00Z",
      contentHash: CONTENT_HASH,
    },
    {
      personId: chair.personId,
      name: chair.name,
      role: "CHAIR",
      signedAt: "2021-12-16T09:02:00Z",
      contentHash: CONTENT_HASH,
    },
    {
      personId: adjuster.personId,
      name: adjuster.name,
      role: "ADJUSTER",
      signedAt: SIGNING_TIME.toISOString(),
      contentHash: CONTENT_HASH,
    },
  ];
  return protocol;
}

let dir: string;
let pdf: Uint8Array;
let cert: SealCertificate;
let sealed: Uint8Array;

function sealOptions(c: SealCertificate): SealOptions {
  return {
    p12: c.p12,
    passphrase: c.passphrase,
    reason: "Justerat protokoll, §§ 59–67",
    name: "Itsam kommunalförbund",
    location: "Linköping",
    signingTime: SIGNING_TIME,
  };
}

function pdfsig(bytes: Uint8Array): string {
  const file = path.join(dir, `sig-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  try {
    const result = spawnSync("pdfsig", [file], { encoding: "utf8" });
    if (result.error) throw new Error(`pdfsig is missing: the PDF tests need poppler-utils (${result.error.message}).`);
    return result.stdout + result.stderr;
  } finally {
    rmSync(file, { force: true });
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function byteRange(bytes: Uint8Array): [number, number, number, number] {
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(latin1(bytes));
  if (!m) throw new Error("No /ByteRange");
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}

/** The CMS in /Contents, without the zero padding (its DER length decides). */
function cmsOf(bytes: Uint8Array): Buffer {
  const [, firstLength, second] = byteRange(bytes);
  const der = Buffer.from(latin1(bytes.subarray(firstLength + 1, second - 1)), "hex");
  const first = der[1] ?? 0;
  const count = first & 0x80 ? first & 0x7f : 0;
  const length = count ? der.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0) : first;
  return der.subarray(0, 2 + count + length);
}

/** "n 0 obj … endobj" bodies by object number. */
function objects(bytes: Uint8Array): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of latin1(bytes).matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) out.set(Number(m[1]), m[2]!);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "paragraf-seal-"));
  pdf = await renderProtocolPdf(adjustedSeed());
  const dataDir = path.join(dir, "data");
  cert = await loadOrCreateSealCertificate({ ...DEMO, dataDir, organisationName: "Itsam kommunalförbund" });
  sealed = await sealPdf(pdf, sealOptions(cert));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("sealPdf", () => {
  it("gives a PAdES signature that pdfsig validates", () => {
    const out = pdfsig(sealed);
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Signature Type: ETSI.CAdES.detached");
    expect(out).toContain("Total document signed");
    expect(out).toContain("Signing Hash Algorithm: SHA-256");
    expect(out).toContain("Signer Certificate Common Name: Itsam kommunalförbund (demo-sigill)");
    // No CMS signing-time (PAdES forbids it): the time shown is /M, the caller's signingTime.
    expect(out).toContain("Signing Time: Dec 16 2021 14:03:00");
    // A self-signed demo certificate is not trusted by the reader, and need not be.
    expect(out).not.toContain("Certificate Validation: Certificate is Trusted.");
  });

  it("is invalid after one byte inside either signed range changes", () => {
    const [start, firstLength, second] = byteRange(sealed);
    const text = latin1(sealed);
    // First range: a letter of the XMP metadata. Second range: the year in /M, after /Contents.
    const inFirst = text.indexOf("<pdf:Producer>Paragraf") + "<pdf:Producer>".length;
    const inSecond = text.indexOf("/M (D:2021", second) + "/M (D:202".length;
    expect(inFirst).toBeGreaterThan(start);
    expect(inFirst).toBeLessThan(start + firstLength);
    expect(inSecond).toBeGreaterThan(second);
    for (const [at, value] of [
      [inFirst, "p".charCodeAt(0)],
      [inSecond, "2".charCodeAt(0)],
    ] as const) {
      const tampered = sealed.slice();
      expect(tampered[at]).not.toBe(value);
      tampered[at] = value;
      const out = pdfsig(tampered);
      expect(out).not.toContain("Signature is Valid.");
      expect(out).toContain("Signature Validation: Digest Mismatch.");
    }
  });

  it("signs everything but /Contents, with room to spare sized for the certificate", () => {
    const [start, firstLength, second, secondLength] = byteRange(sealed);
    expect(start).toBe(0);
    expect(second + secondLength).toBe(sealed.length);
    const contents = latin1(sealed.subarray(start + firstLength, second));
    expect(contents).toMatch(/^<[0-9a-f]+>$/);
    const cms = Buffer.from(contents.slice(1, -1), "hex");
    const used = cmsOf(sealed).length;
    expect(cms.length - used).toBeLessThanOrEqual(64);
    expect(cms.subarray(used).every((b) => b === 0)).toBe(true);
  });

  it("carries the CAdES signed attributes: content-type, message-digest, signing-certificate-v2", () => {
    const content = forge.asn1.fromDer(forge.util.createBuffer(cmsOf(sealed).toString("binary")));
    const value = (node: forge.asn1.Asn1, i: number) => (node.value as forge.asn1.Asn1[])[i]!;
    const signedData = value(value(content, 1), 0);
    const certificates = value(signedData, 3).value as forge.asn1.Asn1[];
    const signingCertificate = Buffer.from(forge.asn1.toDer(certificates[0]!).getBytes(), "binary");
    const signerInfo = value(value(signedData, 4), 0);
    const attributes = new Map(
      (value(signerInfo, 3).value as forge.asn1.Asn1[]).map((a) => [
        forge.asn1.derToOid(value(a, 0).value as string),
        value(value(a, 1), 0),
      ]),
    );
    expect([...attributes.keys()].sort()).toEqual([
      "1.2.840.113549.1.9.16.2.47",
      "1.2.840.113549.1.9.3",
      "1.2.840.113549.1.9.4",
    ]);
    // SigningCertificateV2 → certs → ESSCertIDv2 → certHash (SHA-256, the default algorithm).
    const essCertId = value(value(attributes.get("1.2.840.113549.1.9.16.2.47")!, 0), 0);
    const certHash = Buffer.from(value(essCertId, 0).value as string, "binary");
    expect(certHash.toString("hex")).toBe(createHash("sha256").update(signingCertificate).digest("hex"));
    // The message digest is SHA-256 over the signed ranges.
    const [a, b, c, d] = byteRange(sealed);
    const digest = createHash("sha256")
      .update(sealed.subarray(a, a + b))
      .update(sealed.subarray(c, c + d))
      .digest();
    expect(Buffer.from(attributes.get("1.2.840.113549.1.9.4")!.value as string, "binary").equals(digest)).toBe(true);
  });

  it("keeps the PDF/A document: text, XMP, fonts, and every object but the catalog, page 1 and the tree's root, ParentTree and Document", () => {
    expect(pdfToText(sealed)).toBe(pdfToText(pdf));
    expect(pdfToText(sealed)).toContain("Direktionens beslut");
    const meta = pdfInfo(sealed, ["-meta"]);
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    const info = pdfInfo(sealed);
    expect(info).toMatch(/Form:\s+AcroForm/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/JavaScript:\s+no/);
    expect(info).toMatch(/Encrypted:\s+no/);
    expect(info.replace(/File size:.*\n|Form:.*\n/g, "")).toBe(pdfInfo(pdf).replace(/File size:.*\n|Form:.*\n/g, ""));
    expect(pdfFonts(sealed)).toEqual(pdfFonts(pdf));

    const before = objects(pdf);
    const after = objects(sealed);
    // pdf-lib writes back the structure elements (compact in ours) with its own line breaks:
    // the same objects, compared without whitespace.
    const bare = (body: string | undefined) => body?.replace(/\s+/g, "");
    const changed = [...before.keys()].filter((n) => bare(before.get(n)) !== bare(after.get(n)));
    // The catalog (+ /AcroForm), page 1 (+ /Annots), and for the widget's place in the structure
    // tree the StructTreeRoot (+1 ParentTreeNextKey), the ParentTree (+1 key) and the Document (+1 kid).
    expect(changed).toHaveLength(5);
    const changedBodies = changed.map((n) => after.get(n)!);
    const catalog = changedBodies.find((b) => b.includes("/Type /Catalog"))!;
    expect(catalog).toContain("/AcroForm");
    expect(changedBodies.filter((b) => b.includes("/Annots"))).toHaveLength(1);
    expect(changedBodies.filter((b) => b.includes("/Type /StructTreeRoot"))).toHaveLength(1);
    expect(changedBodies.filter((b) => b.includes("/Nums"))).toHaveLength(1);
    expect(changedBodies.filter((b) => /\/S\s*\/Document/.test(b))).toHaveLength(1);
    // Invisible field, printable (PDF/A), with an appearance; no JavaScript or actions.
    const added = [...after.entries()].filter(([n]) => !before.has(n)).map(([, body]) => body);
    const widget = added.find((body) => body.includes("/Subtype /Widget"));
    expect(widget).toMatch(/\/FT \/Sig/);
    expect(widget).toMatch(/\/Rect \[ 0 0 0 0 \]/);
    expect(widget).toMatch(/\/F 4/);
    expect(widget).toMatch(/\/AP <<\n\/N \d+ 0 R/);
    expect(added.find((body) => body.includes("/SigFlags"))).toMatch(/\/SigFlags 3/);
    const sig = added.find((body) => body.includes("/Type /Sig"))!;
    expect(sig).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(sig).toContain("/M (D:20211216140300Z)");
    // No JavaScript, actions or encryption in any dictionary (stream data left out).
    const dictionaries = [...after.values()].map((body) => body.replace(/stream\n[\s\S]*\nendstream$/, ""));
    // (/A of a structure element is its attributes, <</O /Table …>>, not an action.)
    const forbidden = dictionaries.filter((d) =>
      /\/(JavaScript|JS|OpenAction|AA|A(?!\s*<<\s*\/O\s*\/Table)|Encrypt)[\s/<(\[]/.test(d),
    );
    expect(forbidden).toEqual([]);
    expect(/\/Encrypt/.test(latin1(sealed).slice(latin1(sealed).lastIndexOf("trailer")))).toBe(false);
    // The trailer ID stays the content-derived one.
    const id = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]+)>/.exec(latin1(bytes))?.[1];
    expect(id(sealed)).toBe(id(pdf));
    // A dozen poppler runs over the tagged document: seconds on a loaded machine.
  }, 20_000);

  it("puts the signature widget in the structure tree: a Form element with an OBJR, /StructParent in the ParentTree (PDF/UA-1 7.18)", async () => {
    const doc = await PDFDocument.load(sealed, { updateMetadata: false });
    const page = doc.getPages()[0]!;
    const annots = page.node.lookup(PDFName.of("Annots"), PDFArray);
    const widgetRef = annots.get(annots.size() - 1) as PDFRef;
    const widget = doc.context.lookup(widgetRef, PDFDict);
    expect(widget.get(PDFName.of("Subtype"))).toBe(PDFName.of("Widget"));
    // Printable and not hidden (PDF/A-2 6.3.2): so it must be in the tree, not exempt from it.
    expect(widget.lookup(PDFName.of("F"), PDFNumber).asNumber()).toBe(4);
    expect(widget.lookup(PDFName.of("TU"), PDFString).decodeText()).toBe(SEAL_FIELD_DESCRIPTION);
    expect(page.node.get(PDFName.of("Tabs"))).toBe(PDFName.of("S"));
    const key = widget.lookup(PDFName.of("StructParent"), PDFNumber).asNumber();

    const treeRoot = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
    const nums = treeRoot.lookup(PDFName.of("ParentTree"), PDFDict).lookup(PDFName.of("Nums"), PDFArray);
    const keys = Array.from({ length: nums.size() / 2 }, (_, i) => nums.lookup(2 * i, PDFNumber).asNumber());
    // The pages' keys 0..n-1, then the widget's, ascending; the next key past it.
    expect(keys).toEqual(Array.from({ length: doc.getPageCount() + 1 }, (_, i) => i));
    expect(key).toBe(doc.getPageCount());
    expect(treeRoot.lookup(PDFName.of("ParentTreeNextKey"), PDFNumber).asNumber()).toBe(key + 1);
    const formRef = nums.get(2 * keys.indexOf(key) + 1) as PDFRef;
    const form = doc.context.lookup(formRef, PDFDict);
    expect(form.get(PDFName.of("S"))).toBe(PDFName.of("Form"));
    expect(form.lookup(PDFName.of("Alt"), PDFString).decodeText()).toBe(SEAL_FIELD_DESCRIPTION);
    const objr = form.lookup(PDFName.of("K"), PDFDict);
    expect(objr.get(PDFName.of("Type"))).toBe(PDFName.of("OBJR"));
    expect(objr.get(PDFName.of("Obj"))).toBe(widgetRef);
    expect(objr.get(PDFName.of("Pg"))).toBe(page.ref);
    // Its parent is the Document, whose last kid it is.
    const documentElem = doc.context.lookup(form.get(PDFName.of("P")) as PDFRef, PDFDict);
    expect(documentElem.get(PDFName.of("S"))).toBe(PDFName.of("Document"));
    expect(treeRoot.get(PDFName.of("K"))).toBe(form.get(PDFName.of("P")));
    const kids = documentElem.lookup(PDFName.of("K"), PDFArray);
    expect(kids.get(kids.size() - 1)).toBe(formRef);

    // As poppler reads it: the Form last in the Document, the seal valid, the PDF tagged.
    const tree = pdfStructTree(sealed, { text: false });
    expect(tree.kids.map((k) => k.type)).toEqual(["Document"]);
    expect(tree.kids[0]!.kids.at(-1)!.type).toBe("Form");
    expect(structNodes(tree).filter((n) => n.type === "Form")).toHaveLength(1);
    expect(pdfInfo(sealed)).toMatch(/Tagged:\s+yes/);
    expect(pdfsig(sealed)).toContain("Signature Validation: Signature is Valid.");
  }, 20_000);

  it("is deterministic: the same PDF, certificate and time give the same bytes", async () => {
    const again = await sealPdf(pdf, sealOptions(cert));
    expect(Buffer.from(again).equals(Buffer.from(sealed))).toBe(true);
  });

  it("refuses to seal a sealed PDF, and a wrong passphrase", async () => {
    await expect(sealPdf(sealed, sealOptions(cert))).rejects.toThrow(/redan förseglad/);
    await expect(sealPdf(pdf, { ...sealOptions(cert), passphrase: "fel" })).rejects.toThrow(/PKCS#12/);
  });

  it("seals the seed protocol quickly (median of 20)", async () => {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await sealPdf(pdf, sealOptions(cert));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = (times[9]! + times[10]!) / 2;
    console.info(
      `sealPdf: median ${median.toFixed(1)} ms over 20 (min ${times[0]!.toFixed(1)}, max ${times[19]!.toFixed(1)}); ` +
        `${pdf.length} → ${sealed.length} bytes (+${sealed.length - pdf.length})`,
    );
    expect(median).toBeLessThan(1000);
  });
});

describe("loadOrCreateSealCertificate", () => {
  it("creates the demo certificate once, 0600, and reuses it", async () => {
    const dataDir = path.join(dir, "data");
    expect(cert.source).toBe("demo");
    expect(cert.file).toBe(path.join(dataDir, DEMO_P12_FILE));
    for (const file of [DEMO_P12_FILE, DEMO_PASSPHRASE_FILE]) {
      expect(statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    }
    const second = await loadOrCreateSealCertificate({ ...DEMO, dataDir, organisationName: "Itsam kommunalförbund" });
    expect(Buffer.from(second.p12).equals(Buffer.from(cert.p12))).toBe(true);
    expect(second.passphrase).toBe(cert.passphrase);
    expect(cert.passphrase.length).toBeGreaterThanOrEqual(32);
    expect(readdirSync(dataDir).sort()).toEqual([DEMO_P12_FILE, DEMO_PASSPHRASE_FILE].sort());
  });

  it("makes one certificate when called concurrently", async () => {
    const dataDir = path.join(dir, "concurrent");
    const all = await Promise.all(
      Array.from({ length: 4 }, () => loadOrCreateSealCertificate({ ...DEMO, dataDir, organisationName: "Itsam" })),
    );
    for (const c of all) expect(Buffer.from(c.p12).equals(Buffer.from(all[0]!.p12))).toBe(true);
  });

  it("makes the demo certificate as specified: subject, key usage, 10 years", () => {
    const asn = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(cert.p12).toString("binary")));
    const p12 = forge.pkcs12.pkcs12FromAsn1(asn, false, cert.passphrase);
    const certBag = forge.pki.oids.certBag!;
    const bags = p12.getBags({ bagType: certBag })[certBag] ?? [];
    expect(bags).toHaveLength(1);
    const x = bags[0]!.cert!;
    const attr = (name: string) => x.subject.getField(name)?.value as string;
    expect(forge.util.decodeUtf8(attr("CN"))).toBe("Itsam kommunalförbund (demo-sigill)");
    expect(forge.util.decodeUtf8(attr("O"))).toBe("Itsam kommunalförbund");
    expect(attr("C")).toBe("SE");
    expect(x.issuer.hash).toBe(x.subject.hash);
    const keyUsage = x.getExtension("keyUsage") as {
      digitalSignature?: boolean;
      nonRepudiation?: boolean;
      keyCertSign?: boolean;
    };
    expect(keyUsage.digitalSignature).toBe(true);
    expect(keyUsage.nonRepudiation).toBe(true);
    expect(keyUsage.keyCertSign).toBeFalsy();
    const years = (x.validity.notAfter.getTime() - x.validity.notBefore.getTime()) / (365.25 * 24 * 3600 * 1000);
    expect(Math.round(years)).toBe(10);
    expect((x.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
  });

  it("uses SEAL_P12_PATH and SEAL_P12_PASSPHRASE when set, and creates nothing", async () => {
    const file = path.join(dir, "organisation.p12");
    const now = new Date();
    const p12 = createDemoP12("Vimmerby kommun", "hemligt lösenord", now);
    writeFileSync(file, p12);
    const dataDir = path.join(dir, "unused");
    const configured = await loadOrCreateSealCertificate({
      dataDir,
      organisationName: "Itsam",
      env: { SEAL_P12_PATH: file, SEAL_P12_PASSPHRASE: "hemligt lösenord" },
      now,
    });
    expect(configured.source).toBe("configured");
    expect(configured.file).toBe(file);
    expect(configured.passphrase).toBe("hemligt lösenord");
    expect(Buffer.from(configured.p12).equals(Buffer.from(p12))).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    const out = pdfsig(await sealPdf(pdf, sealOptions(configured)));
    expect(out).toContain("Signer Certificate Common Name: Vimmerby kommun (demo-sigill)");
    expect(out).toContain("Signature Validation: Signature is Valid.");

    const missing = { SEAL_P12_PATH: path.join(dir, "missing.p12") };
    await expect(
      loadOrCreateSealCertificate({ dataDir, organisationName: "Itsam", env: missing, now }),
    ).rejects.toThrow(/SEAL_P12_PATH/);
  });
});
