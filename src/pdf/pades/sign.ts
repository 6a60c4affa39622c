/**
 * appendSignature: one PAdES signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached) in an
 * incremental update; B-B, or B-T with a `timestamp` client. Pure on bytes: the signing time is
 * an argument, the key signs locally (or through `sign`, e.g. an HSM), the timestamp client is
 * the caller's.
 */
import { type KeyObject, sign as cryptoSign, X509Certificate } from "node:crypto";
import { buildCades, type SignBytes, type TimestampFn } from "./cms";
import { pdfDate, serialize, textString } from "./pdf-update";
import type { SignatureAppearance } from "./appearance";
import { fillSignature, prepareSignature } from "./signature-field";

export interface PadesSigner {
  /** The signer's certificate, DER. */
  certificate: Uint8Array;
  /** The issuing chain (without the signing certificate), DER, nearest issuer first. */
  chain: Uint8Array[];
  /** The private key of `certificate`; or give `sign`. */
  key?: KeyObject;
  /** Signs bytes with SHA-256 and the certificate's key (RSA PKCS#1 v1.5 or ECDSA, DER). */
  sign?: SignBytes;
}

export interface AppendSignatureOptions {
  signer: PadesSigner;
  /** /Reason, e.g. "Justering av protokoll 2021-11-18, §§ 59–67". */
  reason: string;
  /** /Name: who signs. */
  name: string;
  /** /Location. */
  location: string;
  /** The claimed signing time (/M; the caller's clock). The timestamp gives the trusted one. */
  signingTime: Date;
  /** The field's /T; unique in the document. */
  fieldName: string;
  /** The field's /TU (assistive technology); default "Signatur: <name>". */
  description?: string;
  /**
   * Sign into the document's empty signature field `fieldName` (pre-placed by the renderer, on
   * its page and in the structure tree) instead of adding an invisible field on page 1.
   */
  existingField?: boolean;
  /** With existingField: the text drawn in the field (its widget's appearance only). */
  appearance?: SignatureAppearance;
  /** RFC 3161 client for the signature timestamp (PAdES B-T): SHA-256 of the signature value in. */
  timestamp?: TimestampFn;
  /** Bytes reserved for the timestamp token (default 6144); too little costs one more attempt. */
  timestampReserve?: number;
}

function signBytes(signer: PadesSigner): SignBytes {
  if (signer.sign) return signer.sign;
  const key = signer.key;
  if (!key) throw new Error("Signeraren saknar privat nyckel.");
  return (data) => new Uint8Array(cryptoSign("sha256", data, key));
}

/** The largest signature value the certificate's key can give, in bytes. */
function maxSignatureLength(certificate: Uint8Array): number {
  const key = new X509Certificate(certificate).publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") return Math.ceil((details.modulusLength ?? 4096) / 8);
  const bits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details.namedCurve ?? ""] ?? 521;
  const n = Math.ceil(bits / 8) + 1;
  return 2 * (n + 3) + 4;
}

/** /Name, /Reason, /Location as PDF source. */
export function describe(entries: Record<string, string>): string[] {
  return Object.entries(entries).map(([key, value]) => `/${key} ${serialize(textString(value)).toString("latin1")}`);
}

export async function appendSignature(pdf: Uint8Array, opts: AppendSignatureOptions): Promise<Uint8Array> {
  const sign = signBytes(opts.signer);
  const cmsSigner = { certificate: opts.signer.certificate, chain: opts.signer.chain, sign };
  // The CMS without timestamp at its largest, plus the timestamp's reserve.
  const dummySignature = new Uint8Array(maxSignatureLength(opts.signer.certificate));
  const base = (await buildCades({ ...cmsSigner, sign: () => dummySignature }, new Uint8Array(32))).der.length;
  let contentsLength = base + (opts.timestamp ? (opts.timestampReserve ?? 6144) : 0) + 32;

  const dictionaryEntries = [
    "/Type /Sig",
    "/Filter /Adobe.PPKLite",
    "/SubFilter /ETSI.CAdES.detached",
    `/M (${pdfDate(opts.signingTime)})`,
    ...describe({ Name: opts.name, Reason: opts.reason, Location: opts.location }),
    "/Prop_Build <<\n/App <<\n/Name /Paragraf\n>>\n>>",
  ];
  for (let attempt = 0; ; attempt++) {
    const prepared = await prepareSignature(pdf, {
      fieldName: opts.fieldName,
      description: opts.description ?? `Signatur: ${opts.name}`,
      dictionaryEntries,
      contentsLength,
      existingField: opts.existingField,
      appearance: opts.appearance,
    });
    const cms = await buildCades(cmsSigner, prepared.digest, opts.timestamp);
    if (cms.der.length <= contentsLength) return fillSignature(prepared, cms.der);
    if (attempt > 0) throw new Error("Signaturen blev större än platsen som reserverats för den.");
    contentsLength = cms.der.length + 256;
  }
}
