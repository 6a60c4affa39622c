/**
 * CMS SignedData (RFC 5652) for PAdES, built with pkijs: CAdES-B-B signed attributes as seal.ts
 * writes them (content-type, message-digest, ESS signing-certificate-v2; no signing-time, PAdES
 * forbids it) and, for B-T, the RFC 3161 signature timestamp as the unsigned attribute
 * id-aa-signatureTimeStampToken over the signature value.
 */
import { createHash, verify, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
} as const;

/** Signs the DER of the signed attributes (SHA-256 with the certificate's key). */
export type SignBytes = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** An RFC 3161 client: the TimeStampToken (a CMS ContentInfo, DER) for a SHA-256 digest. */
export type TimestampFn = (sha256: Uint8Array) => Promise<Uint8Array>;

export interface CmsSigner {
  /** The signing certificate, DER. */
  certificate: Uint8Array;
  /** The rest of the chain (issuing CA, …), DER; embedded after the signing certificate. */
  chain: Uint8Array[];
  sign: SignBytes;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    // pkijs re-encodes the certificate when embedding it: it must come out byte for byte.
    if (!Buffer.from(cert.toSchema().toBER()).equals(Buffer.from(der))) throw new Error("olika kodning");
    return cert;
  } catch (error) {
    throw new Error(`Certifikatet kunde inte läsas (${(error as Error).message}).`);
  }
}

function signatureAlgorithm(cert: pkijs.Certificate): pkijs.AlgorithmIdentifier {
  const keyAlgorithm = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (keyAlgorithm === OID.rsaEncryption) {
    return new pkijs.AlgorithmIdentifier({
      algorithmId: OID.sha256WithRSAEncryption,
      algorithmParams: new asn1js.Null(),
    });
  }
  if (keyAlgorithm === OID.ecPublicKey) return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSHA256 });
  throw new Error(`Signeringsnyckelns typ (${keyAlgorithm}) stöds inte; använd RSA eller EC.`);
}

const der = (schema: asn1js.AsnType) => new Uint8Array(schema.toBER());

/** ESS SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial { [4] issuer, serial } } } }. */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  const certHash = new asn1js.OctetString({ valueHex: createHash("sha256").update(certDer).digest() });
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certHash, issuerSerial] })] })],
  });
}

const compare = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Attributes in DER order (SET OF sorts by encoding). */
function attributes(list: pkijs.Attribute[]): pkijs.Attribute[] {
  return list
    .map((a) => ({ a, bytes: der(a.toSchema()) }))
    .sort((x, y) => compare(x.bytes, y.bytes))
    .map(({ a }) => a);
}

export interface CmsResult {
  der: Uint8Array;
  /** The signature value, whose SHA-256 the signature timestamp covers. */
  signature: Uint8Array;
}

/** A detached CAdES signature over `digest` (SHA-256 of the signed byte ranges). */
export async function buildCades(signer: CmsSigner, digest: Uint8Array, timestamp?: TimestampFn): Promise<CmsResult> {
  const cert = parseCertificate(signer.certificate);
  const chain = signer.chain.map(parseCertificate);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: attributes([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer.certificate, cert)] }),
    ]),
  });
  // The signature covers the attributes with the SET OF tag; in SignerInfo they are [0] IMPLICIT.
  const toSign = der(signedAttrs.toSchema());
  toSign[0] = 0x31;
  const signature = await signer.sign(toSign);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithm(cert),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (timestamp) {
    const token = await timestamp(createHash("sha256").update(signature).digest());
    const tokenSchema = asn1js.fromBER(new Uint8Array(token));
    if (tokenSchema.offset === -1) throw new Error("Tidsstämpeln är inte giltig DER.");
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenSchema.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return { der: der(contentInfo.toSchema()), signature };
}

/** The TimeStampToken's TSTInfo: its imprint, time and nonce (no signature check here). */
export function readTimestampToken(token: Uint8Array): {
  imprint: Uint8Array;
  hashAlgorithm: string;
  genTime: Date;
  nonce: bigint | undefined;
  signedData: pkijs.SignedData;
} {
  const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(token));
  if (contentInfo.contentType !== OID.signedData) throw new Error("Tidsstämpeln är inte en CMS SignedData.");
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
    throw new Error("Tidsstämpeln saknar TSTInfo.");
  }
  const tst = pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent.getValue());
  return {
    imprint: new Uint8Array(tst.messageImprint.hashedMessage.getValue()),
    hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithmId,
    genTime: tst.genTime,
    nonce: tst.nonce ? tst.nonce.toBigInt() : undefined,
    signedData,
  };
}

const HASHES: Record<string, string> = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

/**
 * Checks the first SignerInfo of an attached-content SignedData (e.g. a timestamp token) with
 * node:crypto: message-digest equals the hash of the content, and the signature over the signed
 * attributes verifies with the signer's certificate from the set. Returns that certificate (DER)
 * and the other certificates. RSA PKCS#1 v1.5 and ECDSA.
 */
export function verifyAttachedSignature(signedData: pkijs.SignedData): { signer: Uint8Array; others: Uint8Array[] } {
  const info = signedData.signerInfos[0];
  const content = signedData.encapContentInfo.eContent?.getValue();
  if (!info || !content || !info.signedAttrs) throw new Error("Signaturen saknar innehåll eller signerade attribut.");
  const hash = HASHES[info.digestAlgorithm.algorithmId];
  if (!hash) throw new Error(`Okänd hashalgoritm ${info.digestAlgorithm.algorithmId}.`);
  const digestAttr = info.signedAttrs.attributes.find((a) => a.type === OID.messageDigest);
  const expected = createHash(hash).update(new Uint8Array(content)).digest();
  const claimed = (digestAttr?.values[0] as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
  if (!claimed || !Buffer.from(claimed).equals(expected)) throw new Error("Signaturens message-digest stämmer inte.");

  const certificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = info.sid;
  const signer = certificates.find((c) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer)
      : false,
  );
  if (!signer) throw new Error("Signerarens certifikat saknas i signaturen.");
  const signerDer = der(signer.toSchema());
  // The signed attributes as received, with the SET OF tag.
  const signed = new Uint8Array(info.signedAttrs.encodedValue);
  signed[0] = 0x31;
  const key = new X509Certificate(signerDer).publicKey;
  if (!verify(hash, signed, key, Buffer.from(info.signature.valueBlock.valueHexView))) {
    throw new Error("Signaturen är ogiltig.");
  }
  return { signer: signerDer, others: certificates.filter((c) => c !== signer).map((c) => der(c.toSchema())) };
}
