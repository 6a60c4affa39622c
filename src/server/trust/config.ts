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
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createCa, type SigningCa } from "./ca";
import { createPkcs12, openPkcs12 } from "./pkcs12";

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
  const env = opts.env ?? process.env;
  const configured = env.PARAGRAF_SIGNING_CA_P12?.trim();
  if (configured) {
    const file = path.resolve(configured);
    let p12: Buffer;
    try {
      p12 = await readFile(file);
    } catch (error) {
      throw new Error(
        `Signerings-CA:t i PARAGRAF_SIGNING_CA_P12 (${file}) kunde inte läsas: ${(error as Error).message}`,
      );
    }
    return { ...openPkcs12(p12, env.PARAGRAF_SIGNING_CA_PASSPHRASE ?? ""), source: "configured", file };
  }
  return loadOrCreateDemo(path.resolve(opts.dataDir), opts.organisationName, opts.now);
}

async function readDemo(dir: string): Promise<LoadedCa | null> {
  const file = path.join(dir, DEMO_CA_FILE);
  let p12: Buffer;
  try {
    p12 = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const passphrase = (await readFile(path.join(dir, DEMO_CA_PASSPHRASE_FILE), "utf8")).trim();
  return { ...openPkcs12(p12, passphrase), source: "demo", file };
}

/** As seal-certificate.ts: the passphrase file is the creation lock; the PKCS#12 appears by rename. */
async function loadOrCreateDemo(dir: string, organisationName: string, now: Date): Promise<LoadedCa> {
  const existing = await readDemo(dir);
  if (existing) return existing;
  await mkdir(dir, { recursive: true });
  const passphraseFile = path.join(dir, DEMO_CA_PASSPHRASE_FILE);
  const p12File = path.join(dir, DEMO_CA_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let lock;
    try {
      lock = await open(passphraseFile, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      for (let i = 0; i < 100; i++) {
        const ready = await readDemo(dir);
        if (ready) return ready;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // eslint-disable-next-line no-restricted-syntax -- a lock file's age against the real clock
      const age = Date.now() - (await stat(passphraseFile)).mtimeMs;
      if (age < 30_000) throw new Error("Signerings-CA:t skapas av en annan process; försök igen.");
      await rm(passphraseFile, { force: true });
      continue;
    }
    const passphrase = randomBytes(24).toString("base64url");
    try {
      await lock.writeFile(`${passphrase}\n`, "utf8");
    } finally {
      await lock.close();
    }
    const ca = createCa(
      { commonName: `${organisationName} signerings-CA (demo)`, organization: organisationName },
      now,
    );
    const p12 = createPkcs12(ca.key, [ca.certificate], passphrase, `${organisationName} signerings-CA (demo)`);
    const tmp = `${p12File}.${process.pid}.tmp`;
    await writeFile(tmp, p12, { mode: 0o600 });
    await rename(tmp, p12File);
    return { ...ca, source: "demo", file: p12File };
  }
  throw new Error("Signerings-CA:t kunde inte skapas.");
}
