/**
 * PKCS#12 files for the signing CA: writing one (the development CA); opening one is shared with
 * the seal (pdf/pkcs12.ts). node-forge writes RSA keys only, so the CA key must be RSA (the
 * certificates it issues may be EC).
 */
import type { KeyObject } from "node:crypto";
import forge from "node-forge";
import { openPkcs12 as openAny, type KeyAndChain } from "@/pdf/pkcs12";

export type { KeyAndChain };

/** The signing CA's PKCS#12: its key, certificate and chain. */
export const openPkcs12 = (p12: Uint8Array, passphrase: string, what = "Signerings-CA:ns PKCS#12-fil"): KeyAndChain =>
  openAny(p12, passphrase, what);

/** A PKCS#12 with an RSA key and its certificates (AES-256, PBKDF2-HMAC-SHA256; SHA-1 MAC). */
export function createPkcs12(
  key: KeyObject,
  certificates: Uint8Array[],
  passphrase: string,
  friendlyName: string,
): Uint8Array {
  if (key.asymmetricKeyType !== "rsa") throw new Error("PKCS#12-filen kan bara skrivas med en RSA-nyckel.");
  const forgeKey = forge.pki.privateKeyFromPem(key.export({ type: "pkcs1", format: "pem" }).toString());
  const certs = certificates.map((der) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString("binary")))),
  );
  const pfx = forge.pkcs12.toPkcs12Asn1(forgeKey, certs, passphrase, {
    algorithm: "aes256",
    friendlyName: Buffer.from(friendlyName, "utf16le").swap16().toString("binary"),
    ...({ prfAlgorithm: "sha256" } as object),
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(pfx).getBytes(), "binary"));
}
