// A PKCS#12 named by the environment, or else a development one in the data directory, made once
// across processes: the organisation's seal (seal-certificate.ts) and the signing CA
// (server/trust/config.ts).
// The passphrase file doubles as the creation lock: whoever creates it exclusively ("wx") makes the
// certificate; the PKCS#12 appears last, by an atomic rename.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface DemoPkcs12 {
  p12: Uint8Array;
  passphrase: string;
  /** The PKCS#12's path. */
  file: string;
}

export interface DemoPkcs12Files {
  dir: string;
  /** File names in `dir`. */
  p12Name: string;
  passphraseName: string;
}

/**
 * The PKCS#12 the environment names: the file at `env[pathVar]` and the passphrase in
 * `env[passphraseVar]` (empty if unset); null when `pathVar` is unset. `what` names it in the
 * Swedish error when the file cannot be read.
 */
export async function readConfiguredPkcs12(
  env: Record<string, string | undefined>,
  pathVar: string,
  passphraseVar: string,
  what: string,
): Promise<DemoPkcs12 | null> {
  const configured = env[pathVar]?.trim();
  if (!configured) return null;
  const file = path.resolve(configured);
  let p12: Buffer;
  try {
    p12 = await readFile(file);
  } catch (error) {
    throw new Error(`${what} i ${pathVar} (${file}) kunde inte läsas: ${(error as Error).message}`);
  }
  return { p12: new Uint8Array(p12), passphrase: env[passphraseVar] ?? "", file };
}

/** The demo PKCS#12 when it exists, else null. */
export async function readDemoPkcs12({ dir, p12Name, passphraseName }: DemoPkcs12Files): Promise<DemoPkcs12 | null> {
  const file = path.join(dir, p12Name);
  let p12: Buffer;
  try {
    p12 = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const passphrase = (await readFile(path.join(dir, passphraseName), "utf8")).trim();
  return { p12: new Uint8Array(p12), passphrase, file };
}

/**
 * The demo PKCS#12, created by `create(passphrase)` when there is none. `what` names it in the
 * Swedish errors ("Sigillcertifikatet", "Signerings-CA:t").
 */
export async function loadOrCreateDemoPkcs12(
  files: DemoPkcs12Files,
  what: string,
  create: (passphrase: string) => Uint8Array,
): Promise<DemoPkcs12> {
  const existing = await readDemoPkcs12(files);
  if (existing) return existing;
  await mkdir(files.dir, { recursive: true });
  const passphraseFile = path.join(files.dir, files.passphraseName);
  const p12File = path.join(files.dir, files.p12Name);
  for (let attempt = 0; attempt < 2; attempt++) {
    const passphrase = randomBytes(24).toString("base64url");
    let lock;
    try {
      lock = await open(passphraseFile, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // Someone else is creating it (or crashed while doing so): wait for the PKCS#12.
      for (let i = 0; i < 100; i++) {
        const ready = await readDemoPkcs12(files);
        if (ready) return ready;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // The file's mtime is the machine's real time, so its age is measured against the real
      // clock, never a moved test clock (which would make a fresh lock look stale).
      // eslint-disable-next-line no-restricted-syntax -- a lock file's age, see above
      const age = Date.now() - (await stat(passphraseFile)).mtimeMs;
      if (age < 30_000) throw new Error(`${what} skapas av en annan process; försök igen.`);
      await rm(passphraseFile, { force: true }); // stale: left by a crash before the PKCS#12 was written
      continue;
    }
    try {
      await lock.writeFile(`${passphrase}\n`, "utf8");
    } finally {
      await lock.close();
    }
    const p12 = create(passphrase);
    const tmp = `${p12File}.${process.pid}.tmp`;
    await writeFile(tmp, p12, { mode: 0o600 });
    await rename(tmp, p12File);
    return { p12, passphrase, file: p12File };
  }
  throw new Error(`${what} kunde inte skapas.`);
}
