/**
 * The organisation's sealing certificate (PKCS#12) for sealPdf (seal.ts).
 *
 * Production: set SEAL_P12_PATH to the organisation's PKCS#12 file (an e-sigill / organisation
 * certificate from a CA) and SEAL_P12_PASSPHRASE to its passphrase (empty if it has none).
 *
 * Demo (no SEAL_P12_PATH): a self-signed certificate is made once and kept in
 * `<dataDir>/seal-demo.p12`, its random passphrase in `<dataDir>/seal-demo.passphrase` (both
 * mode 0600), and reused afterwards.
 *
 * NOTE: a self-signed demo certificate proves INTEGRITY ONLY, NOT IDENTITY. A reader can check
 * that the sealed PDF has not changed since it was sealed with this key, but nothing ties the key
 * to the organisation: anyone can make a certificate with the same name. Readers (pdfsig, Adobe)
 * report it as untrusted. Only a certificate issued by a trusted CA, configured through
 * SEAL_P12_PATH, proves who sealed the document.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import forge from "node-forge";
import { loadOrCreateDemoPkcs12, readConfiguredPkcs12 } from "./demo-pkcs12";

export const DEMO_P12_FILE = "seal-demo.p12";
export const DEMO_PASSPHRASE_FILE = "seal-demo.passphrase";

export interface SealCertificate {
  /** The PKCS#12 (PFX) file's bytes: private key and certificate chain. */
  p12: Uint8Array;
  passphrase: string;
  /** "configured": SEAL_P12_PATH; "demo": the self-signed demo certificate (integrity, not identity). */
  source: "configured" | "demo";
  /** The file the PKCS#12 was read from. */
  file: string;
}

export interface SealCertificateOptions {
  /** Where the demo certificate is kept, e.g. `process.env.PARAGRAF_DATA_DIR ?? ".data"`. */
  dataDir: string;
  /** Organisation name for the demo certificate's subject (CN "<name> (demo-sigill)", O, C=SE). */
  organisationName: string;
  /** Environment to read SEAL_P12_PATH / SEAL_P12_PASSPHRASE from (default process.env). */
  env?: Record<string, string | undefined>;
  /** The instant the demo certificate, if it is created now, is valid from (the caller's clock). */
  now: Date;
}

/** One creation at a time per demo file within this process. */
const creating = new Map<string, Promise<SealCertificate>>();

export async function loadOrCreateSealCertificate(opts: SealCertificateOptions): Promise<SealCertificate> {
  const configured = await readConfiguredPkcs12(
    opts.env ?? process.env,
    "SEAL_P12_PATH",
    "SEAL_P12_PASSPHRASE",
    "Sigillcertifikatet",
  );
  if (configured) return { ...configured, source: "configured" };

  const dir = path.resolve(opts.dataDir);
  const file = path.join(dir, DEMO_P12_FILE);
  let pending = creating.get(file);
  if (!pending) {
    pending = loadOrCreateDemo(dir, opts.organisationName, opts.now).finally(() => creating.delete(file));
    creating.set(file, pending);
  }
  return pending;
}

const demoFiles = (dir: string) => ({ dir, p12Name: DEMO_P12_FILE, passphraseName: DEMO_PASSPHRASE_FILE });

async function loadOrCreateDemo(dir: string, organisationName: string, now: Date): Promise<SealCertificate> {
  const demo = await loadOrCreateDemoPkcs12(demoFiles(dir), "Sigillcertifikatet", (passphrase) =>
    createDemoP12(organisationName, passphrase, now),
  );
  return { ...demo, source: "demo" };
}

/** PrintableString cannot hold å, ä, ö: names go in as UTF8String (forge encodes the value). */
function utf8Attr(shortName: string, value: string): forge.pki.CertificateField {
  // valueTagClass takes the universal tag number (typed as a Class in @types/node-forge).
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class };
}

/**
 * A self-signed RSA 2048 certificate (CN "<org> (demo-sigill)", O = org, C = SE, key usage
 * digitalSignature + nonRepudiation, valid 10 years) with its key as PKCS#12 (AES-256, PBKDF2
 * HMAC-SHA256, SHA-1 MAC as most readers expect). RSA PKCS#1 v1.5 signatures are deterministic,
 * so sealing the same PDF at the same signing time gives the same bytes.
 */
export function createDemoP12(organisationName: string, passphrase: string, now: Date): Uint8Array {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive and without a leading zero byte
  cert.serialNumber = serial.toString("hex");
  cert.validity.notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notAfter = new Date(cert.validity.notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 10);
  cert.validity.notAfter = notAfter;
  const subject: forge.pki.CertificateField[] = [
    { shortName: "C", value: "SE" },
    utf8Attr("O", organisationName),
    utf8Attr("CN", `${organisationName} (demo-sigill)`),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());

  const pfx = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, {
    algorithm: "aes256",
    // A BMPString: forge writes the value's bytes as given, so encode UTF-16BE here.
    friendlyName: Buffer.from(`${organisationName} (demo-sigill)`, "utf16le").swap16().toString("binary"),
    // Passed through to the key encryption (PBES2); not in @types/node-forge.
    ...({ prfAlgorithm: "sha256" } as object),
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(pfx).getBytes(), "binary"));
}
