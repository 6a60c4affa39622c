/**
 * PAdES on bytes (ETSI EN 319 142-1): one signature per signer in incremental updates (B-B/B-T),
 * the Document Security Store (B-LT) and document timestamps (B-LTA). No network and no clock:
 * times and the timestamp client are the caller's (src/server/trust has the TSA and OCSP clients).
 */
export { appendSignature, type AppendSignatureOptions, type PadesSigner } from "./sign";
export type { SignatureAppearance } from "./appearance";
export { appendDss, type DssData } from "./dss";
export { appendDocumentTimestamp, type DocumentTimestampOptions } from "./doc-timestamp";
export {
  readTimestampToken,
  verifyAttachedSignature,
  parseCertificate,
  OID,
  type TimestampFn,
  type SignBytes,
} from "./cms";
export { readSignatures, signatureTimestampTime, firstCertificate, type EmbeddedSignature } from "./read";
