/**
 * RFC 3161 time-stamping client: POSTs a TimeStampReq (SHA-256 imprint, random nonce, certReq)
 * as application/timestamp-query and checks the response: status granted, the token's imprint
 * and nonce equal to the request's, and the token's CMS signature valid under the certificate
 * it carries (and, given `trusted`, a chain to one of those certificates).
 */
import { randomBytes, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID, readTimestampToken, type TimestampFn, verifyAttachedSignature } from "@/pdf/pades";
import { postDer } from "./http";

export interface TsaOptions {
  url: string;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Trusted TSA roots (DER); without them only the token's own signature is checked. */
  trusted?: Uint8Array[];
  /** Policy OID to ask for (TimeStampReq.reqPolicy). */
  policy?: string;
}

export interface Timestamp {
  token: Uint8Array;
  genTime: Date;
}

const TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
const STATUS: Record<number, string> = { 2: "avvisad", 3: "väntar", 4: "återkallelsevarning", 5: "återkallad" };

export async function requestTimestamp(digest: Uint8Array, opts: TsaOptions): Promise<Timestamp> {
  if (digest.length !== 32) throw new Error("Tidsstämpeln kräver en SHA-256-summa.");
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
    ...(opts.policy ? { reqPolicy: opts.policy } : {}),
  });
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const body = await postDer(
    opts.url,
    new Uint8Array(request.toSchema().toBER()),
    "application/timestamp-query",
    "application/timestamp-reply",
    timeoutMs,
    "Tidsstämpeltjänsten",
  );

  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(new Uint8Array(body));
  } catch (error) {
    throw new Error(`Tidsstämpeltjänstens svar kunde inte läsas (${(error as Error).message}).`);
  }
  const status = response.status.status;
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join(" ") ?? "";
    throw new Error(
      `Tidsstämpeltjänsten gav ingen tidsstämpel (${STATUS[status] ?? status}${text ? `: ${text}` : ""}).`,
    );
  }
  if (!response.timeStampToken) throw new Error("Tidsstämpeltjänstens svar saknar tidsstämpel.");
  const token = new Uint8Array(response.timeStampToken.toSchema().toBER());
  const info = readTimestampToken(token);
  if (info.hashAlgorithm !== OID.sha256 || !Buffer.from(info.imprint).equals(Buffer.from(digest))) {
    throw new Error("Tidsstämpeln gäller inte det som skulle tidsstämplas (fel kontrollsumma).");
  }
  if (info.nonce !== BigInt(`0x${nonce.toString("hex")}`)) throw new Error("Tidsstämpelns nonce stämmer inte.");
  let verified: { signer: Uint8Array; others: Uint8Array[] };
  try {
    verified = verifyAttachedSignature(info.signedData);
  } catch (error) {
    throw new Error(`Tidsstämpelns signatur är ogiltig: ${(error as Error).message}`);
  }
  if (!(new X509Certificate(verified.signer).keyUsage ?? []).includes(TIME_STAMPING)) {
    throw new Error("Tidsstämpelns certifikat är inte utfärdat för tidsstämpling (id-kp-timeStamping saknas).");
  }
  if (opts.trusted?.length && !chainsTo(verified.signer, verified.others, opts.trusted, info.genTime)) {
    throw new Error("Tidsstämpeln är inte utfärdad av en betrodd tidsstämpeltjänst.");
  }
  return { token, genTime: info.genTime };
}

/** Whether `cert` leads to one of `trusted` through `intermediates`, each valid at `at`. */
export function chainsTo(cert: Uint8Array, intermediates: Uint8Array[], trusted: Uint8Array[], at: Date): boolean {
  const pool = [...intermediates, ...trusted].map((der) => new X509Certificate(der));
  const anchors = trusted.map((der) => new X509Certificate(der));
  const validAt = (c: X509Certificate) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
  let current = new X509Certificate(cert);
  for (let depth = 0; depth < 8; depth++) {
    if (!validAt(current)) return false;
    if (anchors.some((a) => a.raw.equals(current.raw))) return true;
    const issuer = pool.find(
      (c) => !c.raw.equals(current.raw) && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) return false;
    current = issuer;
  }
  return false;
}

/** The TimestampFn appendSignature and appendDocumentTimestamp take. */
export function tsaClient(opts: TsaOptions): TimestampFn {
  return async (digest) => (await requestTimestamp(digest, opts)).token;
}
