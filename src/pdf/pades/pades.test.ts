// The PAdES library on bytes, without network: B-B signatures in incremental updates (pdfsig),
// the DSS merge, the refusals. The full B-LTA run with a real TSA and OCSP responder is
// tests/pades.int.test.ts.
import { execFileSync } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { renderProtocolPdf } from "../index";
import { sealPdf } from "../seal";
import { createDemoP12 } from "../seal-certificate";
import { seedProtocol } from "../testing/fixtures";
import { pdfSignatures, pdfToText } from "../testing/poppler";
import { appendDss, appendSignature, readSignatures, type PadesSigner } from "./index";

const TIME = new Date("2021-12-16T14:03:00Z");
let pdf: Uint8Array;
let signer: PadesSigner;

function signatureBlocks(bytes: Uint8Array): string[] {
  return pdfSignatures(bytes)
    .split(/^Signature #\d+:$/m)
    .slice(1);
}

const options = (name: string, fieldName = `Signatur ${name}`) => ({
  signer,
  reason: "Justering",
  name,
  location: "Linköping",
  signingTime: TIME,
  fieldName,
});

beforeAll(async () => {
  pdf = await renderProtocolPdf(seedProtocol());
  // A self-signed EC certificate from OpenSSL (src/pdf may not import the CA in src/server).
  const dir = mkdtempSync(path.join(tmpdir(), "paragraf-pades-unit-"));
  try {
    const [keyFile, certFile] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    execFileSync("openssl", [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"],
      ...["-keyout", keyFile, "-out", certFile, "-subj", "/CN=Testsignerare", "-days", "2"],
    ]);
    const privateKey = createPrivateKey(readFileSync(keyFile));
    const certificate = new Uint8Array(new X509Certificate(readFileSync(certFile)).raw);
    signer = { key: privateKey, certificate, chain: [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("appendSignature (B-B, no timestamp)", () => {
  it("adds signatures as incremental updates; earlier ones stay valid, the text stays", async () => {
    const one = await appendSignature(pdf, options("Anna Åberg"));
    const two = await appendSignature(one, options("Örjan Ek"));
    expect(Buffer.from(two.subarray(0, one.length)).equals(Buffer.from(one))).toBe(true);
    const blocks = signatureBlocks(two);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain("Signature Field Name: Signatur Anna Åberg");
    expect(blocks[0]).toContain("Not total document signed");
    expect(blocks[1]).toContain("Total document signed");
    for (const block of blocks) {
      expect(block).toContain("Signature Validation: Signature is Valid.");
      expect(block).toContain("Signing Time: Dec 16 2021 14:03:00");
      expect(block).toContain("Signature Type: ETSI.CAdES.detached");
    }
    expect(pdfToText(two)).toBe(pdfToText(pdf));

    // The widgets: invisible, printable, on page 1, in the AcroForm with SigFlags 3.
    const doc = await PDFDocument.load(two, { updateMetadata: false });
    const acroForm = doc.catalog.lookup(PDFName.of("AcroForm"), PDFDict);
    expect(acroForm.get(PDFName.of("SigFlags"))?.toString()).toBe("3");
    const fields = acroForm.lookup(PDFName.of("Fields"), PDFArray);
    expect(fields.size()).toBe(2);
    const page = doc.getPages()[0]!.node;
    expect(page.lookup(PDFName.of("Annots"), PDFArray).size()).toBe(2);
    for (const ref of fields.asArray()) {
      const widget = doc.context.lookup(ref, PDFDict);
      expect(widget.get(PDFName.of("Rect"))?.toString()).toBe("[ 0 0 0 0 ]");
      expect(widget.get(PDFName.of("F"))?.toString()).toBe("4");
      expect(widget.get(PDFName.of("TU"))).toBeDefined();
    }
  }, 20_000);

  it("is deterministic for a given key type and time (ECDSA aside, the layout is)", async () => {
    const a = await appendSignature(pdf, options("Anna"));
    const b = await appendSignature(pdf, options("Anna"));
    expect(a.length).toBe(b.length);
    expect(readSignatures(a)[0]!.byteRange).toEqual(readSignatures(b)[0]!.byteRange);
  }, 20_000);

  it("follows a seal from seal.ts (a document already signed by pdf-lib's rewrite)", async () => {
    const sealed = await sealPdf(pdf, {
      p12: createDemoP12("Itsam", "x", TIME),
      passphrase: "x",
      reason: "Sigill",
      name: "Itsam",
      location: "Linköping",
      signingTime: TIME,
    });
    const after = await appendSignature(sealed, options("Efter sigillet"));
    const blocks = signatureBlocks(after);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain("Signature Validation: Signature is Valid.");
  }, 20_000);

  it("refuses a field name in use, a PDF without startxref and one with an xref stream", async () => {
    const one = await appendSignature(pdf, options("Anna"));
    await expect(appendSignature(one, options("Anna"))).rejects.toThrow(/finns redan/);
    await expect(appendSignature(pdf.subarray(0, pdf.length - 40), options("B"))).rejects.toThrow(/startxref/);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const withStreams = await doc.save({ useObjectStreams: true });
    await expect(appendSignature(withStreams, options("C"))).rejects.toThrow(/xref-ström/);
  }, 20_000);
});

describe("appendDss", () => {
  it("adds /DSS to the catalog and extends it without duplicates", async () => {
    const signed = await appendSignature(pdf, options("Anna"));
    const cert = signer.certificate;
    const other = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    const once = await appendDss(signed, { certificates: [cert], ocspResponses: [other] });
    const twice = await appendDss(once, { certificates: [cert, other], crls: [other] });
    expect(await appendDss(twice, { certificates: [cert] })).toBe(twice);
    const doc = await PDFDocument.load(twice, { updateMetadata: false });
    const dss = doc.catalog.lookup(PDFName.of("DSS"), PDFDict);
    expect(dss.lookup(PDFName.of("Certs"), PDFArray).size()).toBe(2);
    expect(dss.lookup(PDFName.of("OCSPs"), PDFArray).size()).toBe(1);
    expect(dss.lookup(PDFName.of("CRLs"), PDFArray).size()).toBe(1);
    const blocks = signatureBlocks(twice);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain("Signature Validation: Signature is Valid.");
    expect(blocks[0]).toContain("Not total document signed");
  }, 20_000);
});
