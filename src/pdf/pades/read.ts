import * as pkijs from "pkijs";
import { OID, readTimestampToken } from "./cms";

/** The signatures in a PDF as bytes: each /ByteRange, its /SubFilter and the DER in /Contents. */

export interface EmbeddedSignature {
  byteRange: [number, number, number, number];
  subFilter: string | undefined;
  /** The CMS (or timestamp token) without the zero padding. */
  der: Uint8Array;
  /** Whether the byte range ends at the end of the file. */
  coversWholeFile: boolean;
}

/** The length of the DER element at the start of `bytes` (definite lengths). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (!(first & 0x80)) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length;
}

export function readSignatures(pdf: Uint8Array): EmbeddedSignature[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const out: EmbeddedSignature[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const objStart = text.lastIndexOf(" obj", m.index);
    const objEnd = text.indexOf("endobj", m.index);
    // The dictionary without its /Contents (hex digits only).
    const object = text.slice(objStart, objEnd).replace(/<[0-9a-fA-F\s]{64,}>/, "<>");
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(object)?.[1];
    const hex = text.slice(byteRange[1] + 1, byteRange[2] - 1);
    const padded = Buffer.from(hex, "hex");
    out.push({
      byteRange,
      subFilter,
      der: new Uint8Array(padded.subarray(0, derLength(padded))),
      coversWholeFile: byteRange[2] + byteRange[3] === pdf.length,
    });
  }
  return out;
}

/** The time of a CAdES signature's signature timestamp (id-aa-signatureTimeStampToken); null without. */
export function signatureTimestampTime(cms: Uint8Array): Date | null {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    const signed = new pkijs.SignedData({ schema: info.content });
    const attr = signed.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
    if (!attr?.values[0]) return null;
    return readTimestampToken(new Uint8Array(attr.values[0].toBER())).genTime;
  } catch {
    return null;
  }
}

/** The first certificate a CMS SignedData carries (the signer's, as appendSignature writes it), DER. */
export function firstCertificate(cms: Uint8Array): Uint8Array | null {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(cms));
    const cert = new pkijs.SignedData({ schema: info.content }).certificates?.[0];
    return cert instanceof pkijs.Certificate ? new Uint8Array(cert.toSchema().toBER()) : null;
  } catch {
    return null;
  }
}
