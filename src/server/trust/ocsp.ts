/**
 * OCSP client (RFC 6960): asks the responder about one certificate (SHA-1 CertID, as responders
 * expect, with a random nonce), and checks the answer: successful, a BasicOCSPResponse signed by
 * the issuer or by a responder certificate the issuer gave id-kp-OCSPSigning, the nonce echoed
 * (when the responder echoes one), and the status. Returns the whole OCSPResponse (DER) for the DSS.
 */
import { createHash, randomBytes, verify, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { postDer } from "./http";

const NONCE = "1.3.6.1.5.5.7.48.1.2";
const BASIC = "1.3.6.1.5.5.7.48.1.1";
const OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
const SHA1 = "1.3.14.3.2.26";
const HASH_OF_SIGNATURE: Record<string, string> = {
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.113549.1.1.5": "sha1",
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};
const RESPONSE_STATUS: Record<number, string> = {
  1: "felaktig förfrågan",
  2: "internt fel",
  3: "försök senare",
  5: "signatur krävs",
  6: "obehörig",
};

export interface OcspOptions {
  url: string;
  /** Default 10 s. */
  timeoutMs?: number;
}

export interface OcspResult {
  /** The OCSPResponse, DER (what the DSS stores). */
  response: Uint8Array;
  status: "good" | "revoked" | "unknown";
  producedAt: Date;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
}

function certId(cert: X509Certificate, issuer: X509Certificate): pkijs.CertID {
  const issuerCert = pkijs.Certificate.fromBER(new Uint8Array(issuer.raw));
  const subject = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
  const sha1 = (data: ArrayBuffer | Uint8Array) => createHash("sha1").update(new Uint8Array(data)).digest();
  return new pkijs.CertID({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA1, algorithmParams: new asn1js.Null() }),
    issuerNameHash: new asn1js.OctetString({ valueHex: sha1(issuerCert.subject.toSchema().toBER()) }),
    issuerKeyHash: new asn1js.OctetString({
      valueHex: sha1(issuerCert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView),
    }),
    serialNumber: subject.serialNumber,
  });
}

/** Asks `opts.url` for the status of `certificate` (DER), issued by `issuer` (DER). */
export async function requestOcsp(certificate: Uint8Array, issuer: Uint8Array, opts: OcspOptions): Promise<OcspResult> {
  const cert = new X509Certificate(certificate);
  const issuerCert = new X509Certificate(issuer);
  if (!cert.checkIssued(issuerCert)) throw new Error(`${cert.subject} är inte utfärdat av ${issuerCert.subject}.`);
  const id = certId(cert, issuerCert);
  const nonce = randomBytes(16);
  const request = new pkijs.OCSPRequest({
    tbsRequest: new pkijs.TBSRequest({
      requestList: [new pkijs.Request({ reqCert: id })],
      requestExtensions: [
        new pkijs.Extension({ extnID: NONCE, extnValue: new asn1js.OctetString({ valueHex: nonce }).toBER() }),
      ],
    }),
  });
  const body = await postDer(
    opts.url,
    new Uint8Array(request.toSchema(true).toBER()),
    "application/ocsp-request",
    "application/ocsp-response",
    opts.timeoutMs ?? 10_000,
    "OCSP-tjänsten",
  );

  let response: pkijs.OCSPResponse;
  let basic: pkijs.BasicOCSPResponse;
  try {
    response = pkijs.OCSPResponse.fromBER(body);
  } catch (error) {
    throw new Error(`OCSP-svaret kunde inte läsas (${(error as Error).message}).`);
  }
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0) throw new Error(`OCSP-tjänsten svarade med fel: ${RESPONSE_STATUS[status] ?? status}.`);
  if (!response.responseBytes || response.responseBytes.responseType !== BASIC) {
    throw new Error("OCSP-svaret saknar ett BasicOCSPResponse.");
  }
  try {
    basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));
  } catch (error) {
    throw new Error(`OCSP-svaret kunde inte läsas (${(error as Error).message}).`);
  }

  // The responder: the issuer itself, or a certificate in the response that the issuer gave OCSPSigning.
  const candidates = [
    issuerCert,
    ...(basic.certs ?? []).map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER()))),
  ];
  const hash = HASH_OF_SIGNATURE[basic.signatureAlgorithm.algorithmId];
  if (!hash) throw new Error(`OCSP-svarets signaturalgoritm (${basic.signatureAlgorithm.algorithmId}) stöds inte.`);
  const tbs = new Uint8Array(basic.tbsResponseData.tbsView);
  const signature = Buffer.from(basic.signature.valueBlock.valueHexView);
  const responder = candidates.find((c) => {
    try {
      return verify(hash, tbs, c.publicKey, signature);
    } catch {
      return false;
    }
  });
  if (!responder) throw new Error("OCSP-svarets signatur är ogiltig.");
  if (!responder.raw.equals(issuerCert.raw)) {
    const delegated =
      responder.checkIssued(issuerCert) &&
      responder.verify(issuerCert.publicKey) &&
      (responder.keyUsage ?? []).includes(OCSP_SIGNING);
    if (!delegated) throw new Error("OCSP-svaret är inte signerat av utfärdaren eller dess OCSP-tjänst.");
  }

  const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === NONCE);
  if (echoed) {
    const value = asn1js.fromBER(echoed.extnValue.valueBlock.valueHexView).result;
    const bytes = value instanceof asn1js.OctetString ? Buffer.from(value.valueBlock.valueHexView) : null;
    if (!bytes?.equals(nonce)) throw new Error("OCSP-svarets nonce stämmer inte.");
  }

  const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(id));
  if (!single) throw new Error("OCSP-svaret gäller inte det efterfrågade certifikatet.");
  const tag = (single.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
  return {
    response: body,
    status: tag === 0 ? "good" : tag === 1 ? "revoked" : "unknown",
    producedAt: basic.tbsResponseData.producedAt,
    thisUpdate: single.thisUpdate,
    nextUpdate: single.nextUpdate,
  };
}

/** Like requestOcsp, but refuses anything but "good". */
export async function requireGoodOcsp(
  certificate: Uint8Array,
  issuer: Uint8Array,
  opts: OcspOptions,
): Promise<OcspResult> {
  const result = await requestOcsp(certificate, issuer, opts);
  if (result.status === "revoked")
    throw new Error(`Certifikatet ${new X509Certificate(certificate).subject} är återkallat.`);
  if (result.status === "unknown") {
    throw new Error(`OCSP-tjänsten känner inte till certifikatet ${new X509Certificate(certificate).subject}.`);
  }
  return result;
}
