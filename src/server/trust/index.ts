/** Trust services for e-legitimation signing: the signing CA, the TSA and OCSP clients. */
export { createCa, issueCertificate, issueSigner, assuranceNotice, EKU } from "./ca";
export type { Assurance, CertificateRequest, DistinguishedName, SignerRequest, SigningCa } from "./ca";
export { loadSigningCa, trustConfig, DEMO_CA_FILE, DEMO_CA_PASSPHRASE_FILE } from "./config";
export type { LoadedCa, SigningCaOptions, TrustConfig } from "./config";
export { requestOcsp, requireGoodOcsp, type OcspOptions, type OcspResult } from "./ocsp";
export { createPkcs12, openPkcs12, type KeyAndChain } from "./pkcs12";
export { chainsTo, requestTimestamp, tsaClient, type Timestamp, type TsaOptions } from "./tsa";
