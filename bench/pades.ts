/**
 * PAdES benchmark (issue 18), on the seed protocol with the local trust services of the tests
 * (OpenSSL as TSA and OCSP responder, tests/support/trust-servers.ts):
 *   npx tsx bench/pades.ts [rounds]     (default 5 rounds)
 * Each round, on the protocol as sent for justering (into its pre-placed fields): three signer
 * signatures (a fresh key and certificate from the signing CA, the
 * signature, its RFC 3161 timestamp), the seal, then DSS (5 OCSP requests) and the document
 * timestamp. Prints medians and the bytes each step adds. The TSA/OCSP time is OpenSSL started
 * per request (~20–60 ms each), more than a running TSA would take.
 */
import { writeFileSync } from "node:fs";
import { generateKeyPairSync } from "node:crypto";
import { renderProtocolPdf } from "../src/pdf/index";
import { appendDocumentTimestamp, appendDss, appendSignature, readSignatures } from "../src/pdf/pades";
import { seedProtocol } from "../src/pdf/testing/fixtures";
import { issueCertificate, issueSigner, requireGoodOcsp, tsaClient } from "../src/server/trust";
import { startTrustServers } from "../tests/support/trust-servers";

const rounds = Number(process.argv[2] ?? 5);
const now = new Date();
const servers = await startTrustServers(now);
// The protocol as sent for justering: an empty signature field per signer and the seal's.
const seed = seedProtocol();
const pdf = await renderProtocolPdf(
  { ...seed, meeting: { ...seed.meeting, status: "READY_FOR_ADJUSTMENT" } },
  { contentHash: "0".repeat(64) },
);
const tsa = tsaClient({ url: servers.tsaUrl, trusted: [servers.ca.certificate] });
const sealKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const sealCertificate = issueCertificate(servers.ca, {
  subject: { commonName: "Itsam kommunalförbund (e-sigill)", organization: "Itsam kommunalförbund" },
  publicKey: sealKey.publicKey,
  notBefore: new Date(now.getTime() - 60_000),
  notAfter: new Date(now.getTime() + 86_400_000),
  keyUsage: ["digitalSignature", "nonRepudiation"],
});
servers.register(sealCertificate);
const seal = { key: sealKey.privateKey, certificate: sealCertificate, chain: [servers.ca.certificate] };

const times: Record<string, number[]> = { tsa: [], issue: [], signature: [], seal: [], dss: [], docTimestamp: [] };
const sizes: Record<string, number[]> = { signature: [], seal: [], dss: [], docTimestamp: [] };
let cmsBytes: number[] = [];
const timed = async <T>(key: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await fn();
  times[key]!.push(performance.now() - t);
  return out;
};

for (let round = 0; round < rounds; round++) {
  await timed("tsa", () => tsa(new Uint8Array(32).fill(round)));
  let doc = pdf;
  const issued: Uint8Array[] = [];
  for (let i = 0; i < 3; i++) {
    const signer = await timed("issue", () =>
      issueSigner(servers.ca, {
        person: { commonName: `Signerare ${i + 1}` },
        assurance: { level: 3, method: "BankID", authenticatedAt: now },
        now,
        ocspUrl: servers.ocspUrl,
      }),
    );
    servers.register(signer.certificate);
    issued.push(signer.certificate);
    const before = doc.length;
    doc = await timed("signature", () =>
      appendSignature(doc, {
        signer,
        reason: "Justering",
        name: `Signerare ${i + 1}`,
        location: "Linköping",
        signingTime: now,
        fieldName: `Signatur ${i + 1}`,
        existingField: true,
        // The visible appearance as the justering draws it (signatureAppearanceLines).
        appearance: {
          lines: [
            `Signerat digitalt av Signerare ${i + 1}, justerare`,
            "Tid: 2026-12-05 kl. 09:12",
            "Identifierad med e-legitimation (tillitsnivå 3) via Testkommunens eID",
          ],
        },
        timestamp: tsa,
      }),
    );
    sizes.signature!.push(doc.length - before);
  }
  let before = doc.length;
  doc = await timed("seal", () =>
    appendSignature(doc, {
      signer: seal,
      reason: "Justerat protokoll",
      name: "Itsam kommunalförbund",
      location: "Linköping",
      signingTime: now,
      fieldName: "Sigill",
      existingField: true,
      timestamp: tsa,
    }),
  );
  sizes.seal!.push(doc.length - before);
  before = doc.length;
  doc = await timed("dss", async () => {
    const all = [...issued, sealCertificate, servers.tsaCertificate];
    const ocsp = await Promise.all(
      all.map((c) => requireGoodOcsp(c, servers.ca.certificate, { url: servers.ocspUrl })),
    );
    return appendDss(doc, {
      certificates: [servers.ca.certificate, ...all],
      ocspResponses: ocsp.map((o) => o.response),
    });
  });
  sizes.dss!.push(doc.length - before);
  before = doc.length;
  doc = await timed("docTimestamp", () => appendDocumentTimestamp(doc, tsa));
  sizes.docTimestamp!.push(doc.length - before);
  cmsBytes = readSignatures(doc).map((s) => s.der.length);
  // `npx tsx bench/pades.ts 3 /tmp/signed.pdf` keeps the last round's PDF to inspect (pdfsig, qpdf).
  if (process.argv[3]) writeFileSync(process.argv[3], doc);
}
await servers.close();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`PAdES on the seed protocol (${pdf.length} bytes), ${rounds} rounds, medians:`);
console.log(`  one TSA request alone (openssl ts -reply per request): ${median(times.tsa!).toFixed(0)} ms`);
console.log(`  signer key + certificate (EC P-256, CA RSA 3072): ${median(times.issue!).toFixed(1)} ms`);
console.log(
  `  signer signature incl. TSA timestamp:            ${median(times.signature!).toFixed(0)} ms, +${median(sizes.signature!)} bytes`,
);
console.log(
  `  seal (RSA 2048) incl. TSA timestamp:              ${median(times.seal!).toFixed(0)} ms, +${median(sizes.seal!)} bytes`,
);
console.log(
  `  DSS (5 OCSP requests, 6 certificates):            ${median(times.dss!).toFixed(0)} ms, +${median(sizes.dss!)} bytes`,
);
console.log(
  `  document timestamp:                               ${median(times.docTimestamp!).toFixed(0)} ms, +${median(sizes.docTimestamp!)} bytes`,
);
console.log(
  `  DSS + document timestamp:                         ${(median(times.dss!) + median(times.docTimestamp!)).toFixed(0)} ms, +${median(sizes.dss!) + median(sizes.docTimestamp!)} bytes`,
);
console.log(`  CMS / token sizes in the last round (bytes, unpadded): ${cmsBytes.join(", ")}`);
