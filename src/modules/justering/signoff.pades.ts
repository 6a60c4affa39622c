/**
 * The signing document (issue 18): the protocol as sent for justering (revision 0, rendered with
 * an empty signature field per signer), then one incremental update per signer with their own
 * PAdES signature, and after the last one the organisation's seal, the long-term validation data
 * (DSS) and a document timestamp. Every revision is stored (SigningRevision, append-only by
 * trigger); the last is the justerat protocol (ProtocolFile PROTOCOL).
 *
 * Signer certificates come from the signing CA (src/server/trust: configured PKCS#12, else the
 * demo CA), one per signing, naming the person and how they were identified. With a TSA
 * configured every signature gets an RFC 3161 timestamp (B-T) and the document a document
 * timestamp (B-LTA); with an OCSP responder configured the status of each new certificate is
 * asked for right away (it is valid one hour) and kept for the DSS. Without them the same steps
 * run without (B-B; a DSS with the certificates only).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { formatSigningTime } from "@/domain/protocol/protocol.format";
import { signatureRoleTerms } from "@/domain/vocabulary";
import type { SignatureRole } from "@/domain/protocol/protocol.types";
import { renderProtocolPdf, SEAL_FIELD_DESCRIPTION, SEAL_FIELD_NAME, signatureFields } from "@/pdf";
import { appendDocumentTimestamp, appendDss, appendSignature, readSignatures } from "@/pdf/pades";
import { openPkcs12 } from "@/pdf/pkcs12";
import { loadOrCreateSealCertificate } from "@/pdf/seal-certificate";
import { dataDir } from "@/server/config";
import { AppError } from "@/server/errors";
import { issueSigner, loadSigningCa, requestOcsp, trustConfig, tsaClient, type Assurance } from "@/server/trust";
import { noticeSettingsOf } from "@/server/notice-settings";
import type { VerifiedIdentity } from "@/server/eid/relying-party";
import * as pkijs from "pkijs";

type Tx = Prisma.TransactionClient;

/** How a signer was identified, as the certificate records it. */
export type SigningIdentity = { method: "PASSWORD" } | { method: "EID"; identity: VerifiedIdentity; idpName: string };

/** The assurance level in an acr such as http://id.elegnamnden.se/loa/1.0/loa3. */
export function levelOf(acr: string | null | undefined): number | null {
  const m = /loa([1-4])(?:$|[^0-9])/.exec(acr ?? "");
  return m ? Number(m[1]) : null;
}

function assuranceOf(who: SigningIdentity, now: Date): Assurance {
  if (who.method === "PASSWORD") return { level: null, method: "lösenord (lägre tillitsnivå)", authenticatedAt: now };
  const level = levelOf(who.identity.acr);
  return {
    level,
    method: `e-legitimation ${who.idpName}${level ? `, tillitsnivå ${level}` : ""}`,
    issuer: who.identity.issuer,
    acr: who.identity.acr,
    authenticatedAt: who.identity.authTime,
  };
}

/**
 * What a signer's field shows once signed (its widget's appearance, issue 18): who signed in
 * which role, when (the signing time; the signature's timestamp certifies it), and how they were
 * identified, the password labelled as the weaker level.
 */
export function signatureAppearanceLines(args: {
  name: string;
  roles: readonly SignatureRole[];
  who: SigningIdentity;
  signedAt: Date;
}): string[] {
  const roles = [...new Set(args.roles.map((r) => signatureRoleTerms[r].word))];
  const roleText = roles.length > 1 ? `${roles.slice(0, -1).join(", ")} och ${roles.at(-1)}` : (roles[0] ?? "");
  const method =
    args.who.method === "PASSWORD"
      ? "Identifierad med lösenord – svagare nivå"
      : (() => {
          const level = levelOf(args.who.identity.acr);
          return `Identifierad med e-legitimation${level ? ` (tillitsnivå ${level})` : ""} via ${args.who.idpName}`;
        })();
  return [
    `Signerat digitalt av ${args.name}${roleText ? `, ${roleText}` : ""}`,
    `Tid: ${formatSigningTime(args.signedAt.toISOString())}`,
    method,
  ];
}

/** The protocol as rendered for signing: the notice without its dates (set at justering). */
async function toSignPdf(tx: Tx, protocol: ProtocolDTO, contentHash: string, meetingId: string): Promise<Uint8Array> {
  const settings = await noticeSettingsOf(tx, meetingId, protocol.notice?.storagePlace ?? null);
  const notice = { ...settings, ...(protocol.notice ?? {}), postedOn: "", takeDownOn: "", revisedAt: null };
  return renderProtocolPdf({ ...protocol, notice }, { contentHash });
}

async function insertRevision(
  tx: Tx,
  data: {
    meetingId: string;
    seq: number;
    kind: "TO_SIGN" | "SIGNER" | "SEAL" | "DSS" | "DOC_TIMESTAMP";
    bytes: Uint8Array;
    signatureId?: string;
    ocsp?: Uint8Array;
  },
) {
  await tx.signingRevision.create({
    data: {
      meetingId: data.meetingId,
      seq: data.seq,
      kind: data.kind,
      bytes: new Uint8Array(data.bytes),
      sha256: sha256Hex(data.bytes),
      signatureId: data.signatureId ?? null,
      ocsp: data.ocsp ? new Uint8Array(data.ocsp) : null,
    },
  });
}

/** Revision 0: the protocol as sent for justering (sendForAdjustment, same transaction). */
export async function storeDocumentToSign(tx: Tx, meetingId: string, protocol: ProtocolDTO, contentHash: string) {
  const bytes = await toSignPdf(tx, protocol, contentHash, meetingId);
  await insertRevision(tx, { meetingId, seq: 0, kind: "TO_SIGN", bytes });
}

/** The newest revision; revision 0 made now for a protocol sent before revisions existed. */
async function latestRevision(
  tx: Tx,
  meetingId: string,
  protocol: ProtocolDTO,
  contentHash: string,
): Promise<{ seq: number; bytes: Uint8Array }> {
  const latest = await tx.signingRevision.findFirst({
    where: { meetingId },
    orderBy: { seq: "desc" },
    select: { seq: true, bytes: true },
  });
  if (latest) return { seq: latest.seq, bytes: new Uint8Array(latest.bytes) };
  await storeDocumentToSign(tx, meetingId, protocol, contentHash);
  return latestRevision(tx, meetingId, protocol, contentHash);
}

/**
 * One signer's PAdES signature in their pre-placed field, as a new revision: a certificate from
 * the signing CA for this signing, a signature timestamp when a TSA is configured, and the OCSP
 * response for the new certificate when a responder is.
 */
export async function signIntoDocument(
  tx: Tx,
  args: {
    meetingId: string;
    protocol: ProtocolDTO;
    contentHash: string;
    personId: string;
    signatureId: string;
    who: SigningIdentity;
    now: Date;
    reason: string;
  },
): Promise<void> {
  const { protocol, now } = args;
  const field = signatureFields(protocol).find((f) => f.personId === args.personId);
  if (!field) throw new AppError("STATE", "Protokollet har ingen signaturrad för dig.");
  const latest = await latestRevision(tx, args.meetingId, protocol, args.contentHash);
  const trust = trustConfig();
  const ca = await loadSigningCa({ dataDir: dataDir(), organisationName: protocol.organisation.name, now });
  const signer = issueSigner(ca, {
    person: { commonName: field.name, organization: protocol.organisation.name },
    assurance: assuranceOf(args.who, now),
    now,
    ocspUrl: trust.ocspUrl,
  });
  const bytes = await appendSignature(latest.bytes, {
    signer,
    reason: args.reason,
    name: field.name,
    location: protocol.notice?.storagePlace || protocol.organisation.name,
    signingTime: now,
    fieldName: field.fieldName,
    description: field.description,
    existingField: true,
    appearance: {
      lines: signatureAppearanceLines({ name: field.name, roles: field.roles, who: args.who, signedAt: now }),
    },
    timestamp: trust.tsaUrl ? tsaClient({ url: trust.tsaUrl, timeoutMs: trust.timeoutMs }) : undefined,
  });
  const ocsp = trust.ocspUrl
    ? (await requestOcsp(signer.certificate, ca.certificate, { url: trust.ocspUrl, timeoutMs: trust.timeoutMs }))
        .response
    : undefined;
  await insertRevision(tx, {
    meetingId: args.meetingId,
    seq: latest.seq + 1,
    kind: "SIGNER",
    bytes,
    signatureId: args.signatureId,
    ocsp,
  });
}

/** The certificates a CMS SignedData (signature or timestamp token) carries, DER. */
function certificatesIn(der: Uint8Array): Uint8Array[] {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(der));
    const signed = new pkijs.SignedData({ schema: info.content });
    const out: Uint8Array[] = (signed.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => new Uint8Array(c.toSchema().toBER()));
    // The signature timestamp's certificates (unsigned attribute of the signer).
    for (const attr of signed.signerInfos[0]?.unsignedAttrs?.attributes ?? []) {
      for (const value of attr.values) out.push(...certificatesIn(new Uint8Array(value.toBER())));
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * After the last signer, in the justering transaction: the seal in its field (with a timestamp),
 * the DSS (every certificate of every signature and timestamp, the OCSP responses kept, the seal
 * certificate's if the responder answers for it), then the document timestamp. Returns the
 * final bytes (ProtocolFile PROTOCOL).
 */
export async function finishDocument(
  tx: Tx,
  args: { meetingId: string; protocol: ProtocolDTO; contentHash: string; now: Date; reason: string },
): Promise<Uint8Array> {
  const { protocol, now } = args;
  const trust = trustConfig();
  const timestamp = trust.tsaUrl ? tsaClient({ url: trust.tsaUrl, timeoutMs: trust.timeoutMs }) : undefined;
  const latest = await latestRevision(tx, args.meetingId, protocol, args.contentHash);
  const sealCertificate = await loadOrCreateSealCertificate({
    dataDir: dataDir(),
    organisationName: protocol.organisation.name,
    now,
  });
  const seal = openPkcs12(sealCertificate.p12, sealCertificate.passphrase, "Sigillcertifikatet (PKCS#12)");
  let bytes = await appendSignature(latest.bytes, {
    signer: { certificate: seal.certificate, chain: seal.chain, key: seal.key },
    reason: args.reason,
    name: protocol.organisation.name,
    location: protocol.notice?.storagePlace || protocol.organisation.name,
    signingTime: now,
    fieldName: SEAL_FIELD_NAME,
    description: SEAL_FIELD_DESCRIPTION,
    existingField: true,
    timestamp,
  });
  let sealOcsp: Uint8Array | undefined;
  const issuer = seal.chain.find((c) => !Buffer.from(c).equals(Buffer.from(seal.certificate)));
  if (trust.ocspUrl && issuer) {
    // Only when the seal is issued under a CA the responder answers for.
    sealOcsp = await requestOcsp(seal.certificate, issuer, { url: trust.ocspUrl, timeoutMs: trust.timeoutMs })
      .then((r) => r.response)
      .catch(() => undefined);
  }
  await insertRevision(tx, { meetingId: args.meetingId, seq: ++latest.seq, kind: "SEAL", bytes, ocsp: sealOcsp });

  const revisions = await tx.signingRevision.findMany({
    where: { meetingId: args.meetingId, ocsp: { not: null } },
    select: { ocsp: true },
    orderBy: { seq: "asc" },
  });
  const certificates = readSignatures(bytes).flatMap((s) => certificatesIn(s.der));
  bytes = await appendDss(bytes, {
    certificates,
    ocspResponses: revisions.map((r) => new Uint8Array(r.ocsp!)),
  });
  await insertRevision(tx, { meetingId: args.meetingId, seq: ++latest.seq, kind: "DSS", bytes });
  if (timestamp) {
    bytes = await appendDocumentTimestamp(bytes, timestamp);
    await insertRevision(tx, { meetingId: args.meetingId, seq: ++latest.seq, kind: "DOC_TIMESTAMP", bytes });
  }
  return bytes;
}
