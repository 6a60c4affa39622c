/**
 * The signing CA (the central signing service model used in Sweden): for every signing it issues a
 * short-lived certificate to a fresh key, naming the person and recording how they were
 * identified. Certificates are built with pkijs and signed with node:crypto.
 *
 * The signer certificate's profile:
 * - subject: C=SE, O=<organisation>, CN=<name> (+ givenName, surname; serialNumber only when the
 *   caller passes a unique id: the PDF is public, so never a personal identity number);
 * - certificatePolicies: one policy (the CA's OID for the assurance level, `policyOid`; default
 *   anyPolicy) with a user notice in plain text: "Tillitsnivå 3; e-legitimation BankID via
 *   <issuer>; acr <acr>; autentiserad <time>" – readable in any certificate viewer;
 * - keyUsage digitalSignature + nonRepudiation (critical), basicConstraints cA=false, subject and
 *   authority key identifiers, and the OCSP responder's address (AIA) when given;
 * - valid from one minute before `now` for `validityMinutes` (default 60).
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign as cryptoSign } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { PadesSigner } from "@/pdf/pades";
import type { KeyAndChain } from "./pkcs12";

const OID = {
  countryName: "2.5.4.6",
  organizationName: "2.5.4.10",
  commonName: "2.5.4.3",
  givenName: "2.5.4.42",
  surname: "2.5.4.4",
  serialNumber: "2.5.4.5",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  certificatePolicies: "2.5.29.32",
  anyPolicy: "2.5.29.32.0",
  userNotice: "1.3.6.1.5.5.7.2.2",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  ocsp: "1.3.6.1.5.5.7.48.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
  timeStamping: "1.3.6.1.5.5.7.3.8",
  ocspSigning: "1.3.6.1.5.5.7.3.9",
} as const;

export type SigningCa = KeyAndChain;

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  givenName?: string;
  surname?: string;
  /** X.520 serialNumber: a unique id for the person (never a personal identity number). */
  serialNumber?: string;
  /** Default "SE". */
  country?: string;
}

export interface CertificateRequest {
  subject: DistinguishedName;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** keyUsage bits: digitalSignature, nonRepudiation, keyCertSign, cRLSign. */
  keyUsage: ("digitalSignature" | "nonRepudiation" | "keyCertSign" | "cRLSign")[];
  ca?: boolean;
  /** Extended key usages (OIDs); critical. E.g. timeStamping for a TSA. */
  extendedKeyUsage?: string[];
  policy?: { oid: string; notice?: string };
  ocspUrl?: string;
}

function name(dn: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: asn1js.BaseStringBlock) => new pkijs.AttributeTypeAndValue({ type, value });
  const attrs = [rdn(OID.countryName, new asn1js.PrintableString({ value: dn.country ?? "SE" }))];
  if (dn.organization) attrs.push(rdn(OID.organizationName, new asn1js.Utf8String({ value: dn.organization })));
  if (dn.surname) attrs.push(rdn(OID.surname, new asn1js.Utf8String({ value: dn.surname })));
  if (dn.givenName) attrs.push(rdn(OID.givenName, new asn1js.Utf8String({ value: dn.givenName })));
  if (dn.serialNumber) attrs.push(rdn(OID.serialNumber, new asn1js.PrintableString({ value: dn.serialNumber })));
  attrs.push(rdn(OID.commonName, new asn1js.Utf8String({ value: dn.commonName })));
  // One attribute per RDN, in this order (pkijs puts all in one SET otherwise).
  const names = new pkijs.RelativeDistinguishedNames({ typesAndValues: attrs });
  names.valueBeforeDecode = new asn1js.Sequence({
    value: attrs.map((a) => new asn1js.Set({ value: [a.toSchema()] })),
  }).toBER();
  return names;
}

const keyIdentifier = (spki: Uint8Array) => {
  const info = pkijs.PublicKeyInfo.fromBER(new Uint8Array(spki));
  return createHash("sha1").update(info.subjectPublicKey.valueBlock.valueHexView).digest();
};

function keyUsageBits(usages: CertificateRequest["keyUsage"]): asn1js.BitString {
  const bit = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 };
  let value = 0;
  for (const u of usages) value |= 0x80 >> bit[u];
  let unused = 0;
  while (unused < 7 && !(value & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([value]), unusedBits: unused });
}

const ext = (extnID: string, critical: boolean, value: asn1js.AsnType) =>
  new pkijs.Extension({ extnID, critical, extnValue: value.toBER() });

/** Issues a certificate signed by `ca` (or self-signed when `ca` is a bare key with no certificate). */
export function issueCertificate(
  issuer: { key: KeyObject; certificate?: Uint8Array },
  request: CertificateRequest,
): Uint8Array {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  const subject = name(request.subject);
  cert.subject = subject;
  const subjectSpki = new Uint8Array(request.publicKey.export({ type: "spki", format: "der" }));
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(subjectSpki);
  let issuerSpki = subjectSpki;
  if (issuer.certificate) {
    const issuerCert = pkijs.Certificate.fromBER(new Uint8Array(issuer.certificate));
    cert.issuer = issuerCert.subject;
    issuerSpki = new Uint8Array(issuerCert.subjectPublicKeyInfo.toSchema().toBER());
  } else cert.issuer = subject;
  // UTCTime to 2049, GeneralizedTime after (RFC 5280 4.1.2.5); whole seconds.
  const time = (date: Date) =>
    new pkijs.Time({
      type: date.getUTCFullYear() < 2050 ? 0 : 1,
      value: new Date(Math.floor(date.getTime() / 1000) * 1000),
    });
  cert.notBefore = time(request.notBefore);
  cert.notAfter = time(request.notAfter);

  const extensions = [
    ext(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: request.ca ?? false }).toSchema()),
    ext(OID.keyUsage, true, keyUsageBits(request.keyUsage)),
    ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyIdentifier(subjectSpki) })),
    ext(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerSpki) }),
      }).toSchema(),
    ),
  ];
  if (request.extendedKeyUsage?.length) {
    extensions.push(
      ext(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: request.extendedKeyUsage }).toSchema()),
    );
  }
  if (request.policy) {
    const qualifiers = request.policy.notice
      ? [
          new pkijs.PolicyQualifierInfo({
            policyQualifierId: OID.userNotice,
            // UserNotice { explicitText UTF8String } (at most 200 characters, RFC 5280 4.2.1.4)
            qualifier: new asn1js.Sequence({
              value: [new asn1js.Utf8String({ value: [...request.policy.notice].slice(0, 200).join("") })],
            }),
          }),
        ]
      : undefined;
    extensions.push(
      ext(
        OID.certificatePolicies,
        false,
        new pkijs.CertificatePolicies({
          certificatePolicies: [
            new pkijs.PolicyInformation({ policyIdentifier: request.policy.oid, policyQualifiers: qualifiers }),
          ],
        }).toSchema(),
      ),
    );
  }
  if (request.ocspUrl) {
    extensions.push(
      ext(
        OID.authorityInfoAccess,
        false,
        new pkijs.InfoAccess({
          accessDescriptions: [
            new pkijs.AccessDescription({
              accessMethod: OID.ocsp,
              accessLocation: new pkijs.GeneralName({ type: 6, value: request.ocspUrl }),
            }),
          ],
        }).toSchema(),
      ),
    );
  }
  cert.extensions = extensions;

  const rsa = issuer.key.asymmetricKeyType === "rsa";
  const algorithm = new pkijs.AlgorithmIdentifier(
    rsa
      ? { algorithmId: OID.sha256WithRSAEncryption, algorithmParams: new asn1js.Null() }
      : { algorithmId: OID.ecdsaWithSHA256 },
  );
  cert.signature = algorithm;
  cert.signatureAlgorithm = algorithm;
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER());
  cert.signatureValue = new asn1js.BitString({ valueHex: cryptoSign("sha256", cert.tbsView, issuer.key) });
  return new Uint8Array(cert.toSchema().toBER());
}

/** A new self-signed CA (RSA 3072, valid `years`), e.g. the development signing CA. */
export function createCa(subject: DistinguishedName, now: Date, years = 10): SigningCa {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 3072 });
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  const certificate = issueCertificate(
    { key: privateKey },
    {
      subject,
      publicKey,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter,
      keyUsage: ["keyCertSign", "cRLSign"],
      ca: true,
    },
  );
  return { key: privateKey, certificate, chain: [] };
}

/** How the person was identified at the moment of signing. */
export interface Assurance {
  /** Assurance level (tillitsnivå) 1–4, or null for the password fallback. */
  level: number | null;
  /** The method as shown to readers, e.g. "BankID", "Freja eID+", "lösenord". */
  method: string;
  /** The identity provider or eID broker (OIDC issuer), if any. */
  issuer?: string;
  /** The acr the provider returned, if any. */
  acr?: string;
  authenticatedAt: Date;
}

export interface SignerRequest {
  person: DistinguishedName;
  assurance: Assurance;
  now: Date;
  validityMinutes?: number;
  /** The CA's policy OID for this assurance level (default anyPolicy with the notice). */
  policyOid?: string;
  ocspUrl?: string;
}

/** The user notice that records the assurance in the signer certificate. */
export function assuranceNotice(a: Assurance): string {
  const level = a.level === null ? "Ingen tillitsnivå" : `Tillitsnivå ${a.level}`;
  const via = a.issuer ? ` via ${a.issuer}` : "";
  const acr = a.acr ? `; acr ${a.acr}` : "";
  return `${level}; ${a.method}${via}${acr}; autentiserad ${a.authenticatedAt.toISOString()}`;
}

/** A fresh EC P-256 key and its certificate for one signing, ready for appendSignature. */
export function issueSigner(ca: SigningCa, request: SignerRequest): PadesSigner & { key: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const certificate = issueCertificate(ca, {
    subject: request.person,
    publicKey,
    notBefore: new Date(request.now.getTime() - 60_000),
    notAfter: new Date(request.now.getTime() + (request.validityMinutes ?? 60) * 60_000),
    keyUsage: ["digitalSignature", "nonRepudiation"],
    policy: { oid: request.policyOid ?? OID.anyPolicy, notice: assuranceNotice(request.assurance) },
    ocspUrl: request.ocspUrl,
  });
  return { key: privateKey, certificate, chain: [ca.certificate, ...ca.chain] };
}

export const EKU = { timeStamping: OID.timeStamping, ocspSigning: OID.ocspSigning } as const;
