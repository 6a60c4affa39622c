/**
 * Configuration of e-legitimation signing's trust services (README "Signering med
 * e-legitimation", docs/signing.md):
 * - PARAGRAF_SIGNING_CA_P12 / PARAGRAF_SIGNING_CA_PASSPHRASE: the signing CA (PKCS#12 with an RSA
 *   key, its certificate and chain) that issues one short-lived certificate per signing. Unset:
 *   a development CA is made once in `<dataDir>/signing-ca-demo.p12` (passphrase beside it, both
 *   0600). A demo CA is trusted by nobody: it shows the mechanism, not an identity.
 * - PARAGRAF_TSA_URL: the RFC 3161 time-stamping authority (signature and document timestamps).
 * - PARAGRAF_OCSP_URL: the OCSP responder for the certificates' revocation status (for the DSS).
 */
import path from "node:path";
import { createCa, type SigningCa } from "./ca";
import { createPkcs12, openPkcs12 } from "./pkcs12";
import { loadOrCreateDemoPkcs12, readConfiguredPkcs12 } from "@/pdf/demo-pkcs12";

export const DEMO_CA_FILE = "signing-ca-demo.p12";
export const DEMO_CA_PASSPHRASE_FILE = "signing-ca-demo.passphrase";

export interface TrustConfig {
  tsaUrl: string | undefined;
  ocspUrl: string | undefined;
  /** Milliseconds per request to the TSA and the OCSP responder. */
  timeoutMs: number;
}

function url(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${name} är ingen giltig adress: ${value}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new Error(`${name} måste vara en http(s)-adress.`);
  return parsed.toString();
}

export function trustConfig(env: Record<string, string | undefined> = process.env): TrustConfig {
  return { tsaUrl: url(env, "PARAGRAF_TSA_URL"), ocspUrl: url(env, "PARAGRAF_OCSP_URL"), timeoutMs: 10_000 };
}

export interface LoadedCa extends SigningCa {
  source: "configured" | "demo";
  file: string;
}

export interface SigningCaOptions {
  dataDir: string;
  organisationName: string;
  env?: Record<string, string | undefined>;
  /** When a demo CA is made now, it is valid from here (the caller's clock). */
  now: Date;
}

export async function loadSigningCa(opts: SigningCaOptions): Promise<LoadedCa> {
  const configured = await readConfiguredPkcs12(
    opts.env ?? process.env,
    "PARAGRAF_SIGNING_CA_P12",
    "PARAGRAF_SIGNING_CA_PASSPHRASE",
    "Signerings-CA:t",
  );
  if (configured) {
    return { ...openPkcs12(configured.p12, configured.passphrase), source: "configured", file: configured.file };
  }
  return loadOrCreateDemo(path.resolve(opts.dataDir), opts.organisationName, opts.now);
}

/** The demo CA in the data directory, made once across processes (pdf/demo-pkcs12.ts). */
async function loadOrCreateDemo(dir: string, organisationName: string, now: Date): Promise<LoadedCa> {
  const name = `${organisationName} signerings-CA (demo)`;
  const demo = await loadOrCreateDemoPkcs12(
    { dir, p12Name: DEMO_CA_FILE, passphraseName: DEMO_CA_PASSPHRASE_FILE },
    "Signerings-CA:t",
    (passphrase) => {
      const ca = createCa({ commonName: name, organization: organisationName }, now);
      return createPkcs12(ca.key, [ca.certificate], passphrase, name);
    },
  );
  return { ...openPkcs12(demo.p12, demo.passphrase), source: "demo", file: demo.file };
}
