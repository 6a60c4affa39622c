// PAdES with real trust services (issue 18): the seed protocol signed by three signers, each in
// an incremental update with a per-signing certificate from the signing CA and an RFC 3161
// signature timestamp, then the organisation seal, then the DSS (chains + OCSP responses) and a
// document timestamp (B-LTA). The TSA and OCSP responder are OpenSSL, started by the test
// (tests/support/trust-servers.ts); readers are poppler's pdfsig, qpdf and `openssl cms/ts`.
// Needs poppler-utils, qpdf and openssl. No database: integration only because it starts servers.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderProtocolPdf } from "@/pdf/index";
import {
  appendDocumentTimestamp,
  appendDss,
  appendSignature,
  OID,
  readSignatures,
  readTimestampToken,
  type PadesSigner,
} from "@/pdf/pades";
import { loadOrCreateSealCertificate } from "@/pdf/seal-certificate";
import { seedProtocol } from "@/pdf/testing/fixtures";
import {
  createPkcs12,
  issueCertificate,
  issueSigner,
  loadSigningCa,
  openPkcs12,
  requestOcsp,
  requestTimestamp,
  requireGoodOcsp,
  tsaClient,
  type Assurance,
} from "@/server/trust";
import { startTrustServers, type TrustServers } from "./support/trust-servers";

const ORG = "Itsam kommunalförbund";
let dir: string;
let servers: TrustServers;
let now: Date;
let pdf: Uint8Array;
let sealSigner: PadesSigner;
/** The document after each step: 3 signers, seal, DSS, document timestamp. */
const steps: { label: string; bytes: Uint8Array; ms: number }[] = [];
const signerCertificates: Uint8Array[] = [];

function tool(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: "utf8" });
  if (result.error) throw new Error(`${cmd} is missing: the PAdES test needs poppler-utils, qpdf and openssl.`);
  return result.stdout + result.stderr;
}

function withFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const file = path.join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  try {
    return fn(file);
  } finally {
    rmSync(file, { force: true });
  }
}

const pdfsig = (bytes: Uint8Array) => withFile(bytes, (file) => tool("pdfsig", [file]));

/** pdfsig's report split per signature. */
function signatureBlocks(out: string): string[] {
  return out.split(/^Signature #\d+:$/m).slice(1);
}

const signers = [
  { name: "Karin Nilsson", role: "Sekreterare", method: "BankID" },
  { name: "Åsa Öberg", role: "Ordförande", method: "Freja eID+" },
  { name: "Jörgen Ärlebäck", role: "Justerare", method: "BankID" },
];

function assurance(method: string): Assurance {
  return {
    level: 3,
    method: `e-legitimation ${method}`,
    issuer: "https://idp.itsam.example",
    acr: "http://id.elegnamnden.se/loa/1.0/loa3",
    authenticatedAt: now,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "paragraf-pades-"));
  now = new Date();
  servers = await startTrustServers(now);
  pdf = await renderProtocolPdf(seedProtocol());

  // The organisation seal: a certificate from the same CA, as PKCS#12 through SEAL_P12_PATH.
  const sealKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const sealCertificate = issueCertificate(servers.ca, {
    subject: { commonName: `${ORG} (e-sigill)`, organization: ORG },
    publicKey: sealKey.publicKey,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
    keyUsage: ["digitalSignature", "nonRepudiation"],
    ocspUrl: servers.ocspUrl,
  });
  servers.register(sealCertificate);
  const sealFile = path.join(dir, "sigill.p12");
  writeFileSync(sealFile, createPkcs12(sealKey.privateKey, [sealCertificate, servers.ca.certificate], "hemligt", ORG));
  const seal = await loadOrCreateSealCertificate({
    dataDir: path.join(dir, "unused"),
    organisationName: ORG,
    env: { SEAL_P12_PATH: sealFile, SEAL_P12_PASSPHRASE: "hemligt" },
    now,
  });
  sealSigner = openPkcs12(seal.p12, seal.passphrase, "Sigillcertifikatet");

  const tsa = tsaClient({ url: servers.tsaUrl, trusted: [servers.ca.certificate] });
  let doc = pdf;
  const time = async (label: string, fn: () => Promise<Uint8Array>) => {
    const t = performance.now();
    doc = await fn();
    steps.push({ label, bytes: doc, ms: performance.now() - t });
  };
  for (const [i, s] of signers.entries()) {
    const signer = issueSigner(servers.ca, {
      person: { commonName: s.name, organization: ORG },
      assurance: assurance(s.method),
      now,
      ocspUrl: servers.ocspUrl,
    });
    servers.register(signer.certificate);
    signerCertificates.push(signer.certificate);
    await time(s.name, () =>
      appendSignature(doc, {
        signer,
        reason: `Justering (${s.role.toLowerCase()}) av protokoll 2021-11-18`,
        name: s.name,
        location: "Linköping",
        signingTime: now,
        fieldName: `Signatur ${i + 1} ${s.name}`,
        timestamp: tsa,
      }),
    );
  }
  await time("sigill", () =>
    appendSignature(doc, {
      signer: sealSigner,
      reason: "Justerat protokoll",
      name: ORG,
      location: "Linköping",
      signingTime: now,
      fieldName: "Sigill",
      timestamp: tsa,
    }),
  );
  await time("DSS", async () => {
    const ocsp = { url: servers.ocspUrl };
    const issued = [...signerCertificates, sealSigner.certificate, servers.tsaCertificate];
    const responses = await Promise.all(issued.map((c) => requireGoodOcsp(c, servers.ca.certificate, ocsp)));
    return appendDss(doc, {
      certificates: [servers.ca.certificate, ...issued],
      ocspResponses: responses.map((r) => r.response),
    });
  });
  await time("dokumenttidsstämpel", () => appendDocumentTimestamp(doc, tsa));
}, 120_000);

afterAll(async () => {
  await servers?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("PAdES signatures in incremental updates", () => {
  it("appends every step after the earlier bytes, which stay as they were", () => {
    let previous = pdf;
    for (const step of steps) {
      expect(step.bytes.length).toBeGreaterThan(previous.length);
      expect(Buffer.from(step.bytes.subarray(0, previous.length)).equals(Buffer.from(previous))).toBe(true);
      previous = step.bytes;
    }
    for (const step of steps) {
      const grown = step.bytes.length - (steps[steps.indexOf(step) - 1]?.bytes ?? pdf).length;
      console.info(`pades: ${step.label}: ${step.ms.toFixed(0)} ms, +${grown} bytes`);
    }
  });

  it("keeps every earlier signature valid after each later update (pdfsig)", () => {
    for (const [index, step] of steps.entries()) {
      const blocks = signatureBlocks(pdfsig(step.bytes));
      const dss = step.label === "DSS";
      expect(blocks, step.label).toHaveLength(index < 4 ? index + 1 : index);
      for (const block of blocks.slice(0, 4)) {
        expect(block, step.label).toContain("Signature Validation: Signature is Valid.");
      }
      // The last signature covers the whole file, except after the DSS (an update after it).
      blocks.forEach((block, i) =>
        expect(block, step.label).toContain(
          i === blocks.length - 1 && !dss ? "Total document signed" : "Not total document signed",
        ),
      );
    }
  });

  it("lists the three signers, the seal and the document timestamp in order (pdfsig)", () => {
    const out = pdfsig(steps.at(-1)!.bytes);
    console.info(`pdfsig on the signed seed protocol:\n${out}`);
    const blocks = signatureBlocks(out);
    expect(blocks).toHaveLength(5);
    signers.forEach((s, i) => {
      expect(blocks[i]).toContain(`Signer Certificate Common Name: ${s.name}`);
      expect(blocks[i]).toContain(`Signature Field Name: Signatur ${i + 1} ${s.name}`);
      expect(blocks[i]).toContain("Signature Type: ETSI.CAdES.detached");
      expect(blocks[i]).toContain("Signing Hash Algorithm: SHA-256");
    });
    expect(blocks[3]).toContain(`Signer Certificate Common Name: ${ORG} (e-sigill)`);
    for (const block of blocks.slice(0, 4)) expect(block).toContain("Signature Validation: Signature is Valid.");
    // The document timestamp: poppler 22 lists it (the TSA as signer, the whole document) but
    // cannot validate ETSI.RFC3161 ("Signature Type: unknown"); `openssl ts -verify` does, below.
    expect(blocks[4]).toContain("Signature Field Name: Dokumenttidsstämpel 1");
    expect(blocks[4]).toContain("Signer Certificate Common Name: Testkommunens tidsstämpeltjänst");
    expect(blocks[4]).toContain("Total document signed");
    expect(blocks[4]).toMatch(/Signature is Valid\.|Unable to validate this type of signature/);
  });

  it("carries an RFC 3161 timestamp on every signature, over its signature value, from the TSA", () => {
    const final = steps.at(-1)!.bytes;
    const signatures = readSignatures(final);
    expect(signatures.map((s) => s.subFilter)).toEqual([...Array(4).fill("ETSI.CAdES.detached"), "ETSI.RFC3161"]);
    for (const signature of signatures.slice(0, 4)) {
      const content = pkijs.ContentInfo.fromBER(new Uint8Array(signature.der));
      const signerInfo = new pkijs.SignedData({ schema: content.content }).signerInfos[0]!;
      const attr = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
      expect(attr).toBeDefined();
      const token = new Uint8Array(attr!.values[0].toBER());
      const info = readTimestampToken(token);
      const imprint = createHash("sha256").update(signerInfo.signature.valueBlock.valueHexView).digest();
      expect(Buffer.from(info.imprint).equals(imprint)).toBe(true);
      expect(Math.abs(info.genTime.getTime() - now.getTime())).toBeLessThan(120_000);
      // OpenSSL checks the token: signature, TSA certificate chain to the CA, imprint.
      const tokenFile = path.join(dir, "token.der");
      writeFileSync(tokenFile, token);
      const out = tool("openssl", [
        ...["ts", "-verify", "-digest", imprint.toString("hex"), "-in", tokenFile, "-token_in"],
        ...["-CAfile", servers.caFile],
      ]);
      expect(out).toContain("Verification: OK");
      // No CMS signing-time (PAdES); CAdES signed attributes as in seal.ts.
      expect(signerInfo.signedAttrs!.attributes.map((a) => a.type).sort()).toEqual(
        [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
      );
    }
  });

  it("verifies each signature's CMS with `openssl cms -verify` against the CA, and the document timestamp with `openssl ts`", () => {
    const final = steps.at(-1)!.bytes;
    for (const [i, signature] of readSignatures(final).entries()) {
      const [a, b, c, d] = signature.byteRange;
      const data = path.join(dir, `signed-${i}.bin`);
      const cms = path.join(dir, `cms-${i}.der`);
      writeFileSync(data, Buffer.concat([final.subarray(a, a + b), final.subarray(c, c + d)]));
      writeFileSync(cms, signature.der);
      const out =
        signature.subFilter === "ETSI.RFC3161"
          ? tool("openssl", ["ts", "-verify", "-data", data, "-in", cms, "-token_in", "-CAfile", servers.caFile])
          : tool("openssl", [
              ...["cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", data],
              ...["-CAfile", servers.caFile, "-purpose", "any", "-out", "/dev/null"],
            ]);
      expect(out, `signature ${i + 1}`).toMatch(/Verification successful|Verification: OK/);
    }
  });

  it("has the DSS with the certificates and an OCSP response for each issued one (qpdf, pdf-lib)", async () => {
    const final = steps.at(-1)!.bytes;
    const doc = await PDFDocument.load(final, { updateMetadata: false });
    const dssRef = doc.catalog.get(PDFName.of("DSS"));
    expect(dssRef).toBeInstanceOf(PDFRef);
    const dss = doc.context.lookup(dssRef, PDFDict);
    const certs = dss.lookup(PDFName.of("Certs"), PDFArray);
    const ocsps = dss.lookup(PDFName.of("OCSPs"), PDFArray);
    expect(certs.size()).toBe(6); // CA, 3 signers, seal, TSA
    expect(ocsps.size()).toBe(5);
    const shown = withFile(final, (file) => tool("qpdf", [`--show-object=${(dssRef as PDFRef).objectNumber}`, file]));
    console.info(`qpdf --show-object=${(dssRef as PDFRef).objectNumber} (the DSS):\n${shown}`);
    expect(shown).toMatch(/\/Certs \[ (\d+ 0 R ?){6}\]/);
    expect(shown).toMatch(/\/OCSPs \[ (\d+ 0 R ?){5}\]/);
    const check = withFile(final, (file) => tool("qpdf", ["--check", file]));
    expect(check).toContain("No syntax or stream encoding errors found");
    // Each OCSP stream is OpenSSL's answer "good" for one of the certificates.
    for (const ref of ocsps.asArray()) {
      const stream = doc.context.lookup(ref) as unknown as { getContents(): Uint8Array };
      const file = path.join(dir, "ocsp.der");
      writeFileSync(file, stream.getContents());
      const text = tool("openssl", ["ocsp", "-respin", file, "-resp_text", "-CAfile", servers.caFile]);
      expect(text).toContain("Cert Status: good");
      expect(text).toContain("Response verify OK");
    }
  });

  it("names the person and records the assurance level in the signer certificate", () => {
    const x = new X509Certificate(signerCertificates[1]!);
    expect(x.subject).toContain("CN=Åsa Öberg");
    expect(x.subject).toContain(`O=${ORG}`);
    const text = execFileSync("openssl", ["x509", "-inform", "DER", "-noout", "-text"], {
      input: signerCertificates[1]!,
      encoding: "utf8",
    });
    expect(text).toContain("X509v3 Certificate Policies");
    expect(text).toContain("Tillitsnivå 3; e-legitimation Freja eID+ via https://idp.itsam.example");
    expect(text).toContain("OCSP - URI:" + servers.ocspUrl);
    expect(text).toMatch(/Digital Signature, Non Repudiation/);
    const hours = (new Date(x.validTo).getTime() - new Date(x.validFrom).getTime()) / 3_600_000;
    expect(hours).toBeLessThanOrEqual(1.1);
  });

  it("is invalid everywhere after one byte of the first revision changes (pdfsig)", () => {
    const final = steps.at(-1)!.bytes;
    const text = Buffer.from(final).toString("latin1");
    const at = text.indexOf("<pdf:Producer>Paragraf") + "<pdf:Producer>".length;
    expect(at).toBeGreaterThan(20);
    expect(at).toBeLessThan(pdf.length);
    const tampered = final.slice();
    tampered[at] = "p".charCodeAt(0);
    const blocks = signatureBlocks(pdfsig(tampered));
    expect(blocks).toHaveLength(5);
    for (const block of blocks) expect(block).not.toContain("Signature is Valid.");
    for (const block of blocks.slice(0, 4)) expect(block).toContain("Signature Validation: Digest Mismatch.");
  });
});

describe("trust services", () => {
  it("refuses a revoked certificate and reports an unknown one (OCSP)", async () => {
    const signer = issueSigner(servers.ca, {
      person: { commonName: "Återkallad Person" },
      assurance: assurance("BankID"),
      now,
    });
    servers.register(signer.certificate);
    const ocsp = { url: servers.ocspUrl };
    expect((await requestOcsp(signer.certificate, servers.ca.certificate, ocsp)).status).toBe("good");
    servers.revoke(signer.certificate, now);
    await expect(requireGoodOcsp(signer.certificate, servers.ca.certificate, ocsp)).rejects.toThrow(/återkallat/);
    const unknown = issueSigner(servers.ca, { person: { commonName: "Okänd" }, assurance: assurance("BankID"), now });
    expect((await requestOcsp(unknown.certificate, servers.ca.certificate, ocsp)).status).toBe("unknown");
  });

  it("gives Swedish errors for an unreachable service and an untrusted TSA", async () => {
    const digest = createHash("sha256").update("x").digest();
    await expect(requestTimestamp(digest, { url: "http://127.0.0.1:9/", timeoutMs: 2000 })).rejects.toThrow(
      /Tidsstämpeltjänsten \(http:\/\/127\.0\.0\.1:9\/\) kunde inte nås/,
    );
    const other = issueSigner(servers.ca, { person: { commonName: "Annan rot" }, assurance: assurance("x"), now });
    await expect(requestTimestamp(digest, { url: servers.tsaUrl, trusted: [other.certificate] })).rejects.toThrow(
      /inte utfärdad av en betrodd tidsstämpeltjänst/,
    );
    const ok = await requestTimestamp(digest, { url: servers.tsaUrl, trusted: [servers.ca.certificate] });
    expect(Math.abs(ok.genTime.getTime() - now.getTime())).toBeLessThan(120_000);
  });

  it("makes a development signing CA once, and reads a configured one", async () => {
    const dataDir = path.join(dir, "data");
    const first = await loadSigningCa({ dataDir, organisationName: ORG, env: {}, now });
    expect(first.source).toBe("demo");
    const again = await loadSigningCa({ dataDir, organisationName: ORG, env: {}, now });
    expect(Buffer.from(again.certificate).equals(Buffer.from(first.certificate))).toBe(true);
    expect(new X509Certificate(first.certificate).ca).toBe(true);
    const file = path.join(dir, "ca.p12");
    writeFileSync(file, createPkcs12(servers.ca.key, [servers.ca.certificate], "lösen", "CA"));
    const configured = await loadSigningCa({
      dataDir,
      organisationName: ORG,
      env: { PARAGRAF_SIGNING_CA_P12: file, PARAGRAF_SIGNING_CA_PASSPHRASE: "lösen" },
      now,
    });
    expect(configured.source).toBe("configured");
    expect(Buffer.from(configured.certificate).equals(Buffer.from(servers.ca.certificate))).toBe(true);
    await expect(
      loadSigningCa({
        dataDir,
        organisationName: ORG,
        env: { PARAGRAF_SIGNING_CA_P12: file, PARAGRAF_SIGNING_CA_PASSPHRASE: "fel" },
        now,
      }),
    ).rejects.toThrow(/kunde inte öppnas/);
  });
});
