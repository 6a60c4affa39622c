// "Verifiera protokoll": does a PDF or a verification code match a justerat protocol?
import type { PrismaClient } from "@/generated/prisma/client";
import { findProtocolBySlug, namesFor } from "@/server/protocol.queries";
import { withChangesAfterAdjustment } from "@/modules/publication/issued-copies";
import { today } from "@/server/clock";
import { issuedCopyFingerprint, describeIssuedCopy } from "@/domain/rules/issued-copies.rules";
import { ADJUSTED_STATUSES } from "@/domain/lifecycle";
import { signatureRoleTerms } from "@/domain/vocabulary";
import { isoDateOf, toSwedishDate } from "@/lib/iso-date";
import { findPublicHistoricalBySha256, findPublicHistoricalOrganisation } from "@/modules/historical";
import { publicProtocolPath } from "./public.search";
import { assuranceLabel } from "@/server/eid/config";
import { firstCertificate, readSignatures, signatureTimestampTime, type EmbeddedSignature } from "@/pdf/pades";
import { X509Certificate } from "node:crypto";

/** Whether a signature is by a self-signed certificate (a seal that is its own root). */
function selfSigned(signature: EmbeddedSignature | undefined): boolean {
  const der = signature && firstCertificate(signature.der);
  if (!der) return false;
  const cert = new X509Certificate(der);
  // Not checkIssued: OpenSSL's check wants keyCertSign, which a seal certificate lacks.
  return cert.subject === cert.issuer && cert.verify(cert.publicKey);
}

export interface VerifiedCopy {
  /** What the copy is, in one sentence: issued when, with which changes, what is left out. */
  description: string;
  /** False when the protocol got rättelser or new notice dates after the copy was issued. */
  isCurrent: boolean;
  /** The public page of the protocol, where the current version is. */
  protocolPath: string;
}

export type VerifyResult =
  | {
      match: true;
      /** pdf: the signed original; copy: a copy Paragraf issued from it; code: the verification code. */
      by: "pdf" | "copy" | "code";
      bodyName: string;
      organisationName: string;
      meetingDate: string;
      adjustedOn: string | null;
      contentHash: string;
      /**
       * Per signer: name, role, time, and how they were identified ("e-legitimation via BankID via
       * Itsams e-legitimationstjänst, tillitsnivå 3", or "lösenord" — the weaker level).
       */
      signers: {
        name: string;
        role: string;
        signedAt: string;
        method: string;
        /** The time the signature's RFC 3161 timestamp gives (issue 18); null without one. */
        timestampedAt: string | null;
      }[];
      /**
       * The long-term validation data of the signed PDF (issue 18): complete when every signer's
       * and the seal's certificate has its OCSP response in the DSS and a document timestamp
       * seals it all; null for a protocol signed before each signer had their own signature.
       */
      longTerm: { complete: boolean; documentTimestamp: boolean } | null;
      copy?: VerifiedCopy;
    }
  | { match: false; message: string; scanned?: ScannedRecord };

/**
 * A PDF that is the scanned copy of a historical protocol (justerat on paper, registered in
 * Paragraf): not a match — Paragraf signed nothing — but what it was registered as.
 */
export interface ScannedRecord {
  bodyName: string;
  organisationName: string;
  meetingDate: string;
  /** Justerat on paper. */
  adjustedOn: string;
  /** The day it was registered in Paragraf (Swedish calendar day). */
  registeredOn: string;
  protocolPath: string;
}

async function describe(
  db: PrismaClient,
  meetingId: string,
  by: "pdf" | "copy" | "code",
  /** The stored original when the caller has it already (a matching upload). */
  finalPdf?: Uint8Array,
): Promise<VerifyResult & { match: true }> {
  const m = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      body: { include: { organisation: true } },
      signatures: { include: { person: true }, orderBy: { signedAt: "asc" } },
      people: true,
    },
  });
  const nameOf = namesFor(m); // the names as signed, not as the people are called today
  // The revision log without its bytes (the whole document once per revision: ≈1.5 MB for the
  // seed); the signatures are read from the final file, where each revision that signs added one.
  const revisions = await db.signingRevision.findMany({
    where: { meetingId },
    orderBy: { seq: "asc" },
    select: { kind: true, signatureId: true, ocsp: true },
  });
  const signed = revisions.filter((r) => r.kind === "SIGNER" || r.kind === "SEAL");
  const stamped = new Map<string, string | null>();
  let longTerm: { complete: boolean; documentTimestamp: boolean } | null = null;
  if (signed.length > 0) {
    const final =
      finalPdf ??
      (await db.protocolFile.findFirst({ where: { meetingId, kind: "PROTOCOL" }, select: { bytes: true } }))?.bytes;
    // In signing order (each later signature covers more of the file), one per signing revision.
    const signatures = final
      ? readSignatures(new Uint8Array(final)).sort(
          (a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]),
        )
      : [];
    const byRevision = new Map<(typeof revisions)[number], EmbeddedSignature | undefined>();
    let next = 0;
    for (const r of revisions) if (r.kind !== "TO_SIGN" && r.kind !== "DSS") byRevision.set(r, signatures[next++]);
    // Each signer's timestamp: the signature their revision added.
    for (const r of revisions) {
      if (r.kind !== "SIGNER" || !r.signatureId) continue;
      const own = byRevision.get(r);
      const personId = m.signatures.find((s) => s.id === r.signatureId)?.personId;
      if (own && personId) stamped.set(personId, signatureTimestampTime(own.der)?.toISOString() ?? null);
    }
    const documentTimestamp = revisions.some((r) => r.kind === "DOC_TIMESTAMP");
    longTerm = {
      complete:
        documentTimestamp &&
        revisions.some((r) => r.kind === "DSS") &&
        signed.every((r) => r.ocsp !== null || (r.kind === "SEAL" && selfSigned(byRevision.get(r)))),
      documentTimestamp,
    };
  }
  return {
    match: true,
    by,
    bodyName: m.body.name,
    organisationName: m.body.organisation.name,
    meetingDate: isoDateOf(m.date),
    adjustedOn: m.adjustedOn ? isoDateOf(m.adjustedOn) : null,
    contentHash: m.contentHash ?? "",
    signers: m.signatures.map((s) => ({
      name: nameOf(s.person),
      role: signatureRoleTerms[s.role].word,
      signedAt: s.signedAt.toISOString(),
      method: signatureMethodText(s),
      timestampedAt: stamped.get(s.personId) ?? null,
    })),
    longTerm,
  };
}

/** How a signer was identified, in words for /verifiera. */
export function signatureMethodText(s: {
  method: "PASSWORD" | "EID";
  idpName: string | null;
  assuranceLevel: string | null;
}): string {
  if (s.method === "PASSWORD") return "lösenord (lägre säkerhetsnivå än e-legitimation)";
  const level = assuranceLabel(s.assuranceLevel);
  return `e-legitimation via ${s.idpName ?? "okänd tjänst"}${level ? `, ${level}` : ""}`;
}

/** The organisation whose /verifiera is asked (/<org>/verifiera): only its protocols match. */
export interface VerifyingOrganisation {
  id: string;
}

/** The justerade meetings (of the organisation: the first line; row-level security is the second). */
const adjustedOf = (organisation: VerifyingOrganisation | undefined) => ({
  status: { in: [...ADJUSTED_STATUSES] },
  ...(organisation ? { body: { organisationId: organisation.id } } : {}),
});

/**
 * A PDF matches when it is byte for byte the stored original of a justerat protocol of the
 * organisation, or a copy Paragraf issued from it (the public copy, the copy with rättelser or new
 * notice dates).
 */
export async function verifyPdf(
  db: PrismaClient,
  bytes: Uint8Array,
  organisation?: VerifyingOrganisation,
): Promise<VerifyResult> {
  // WebCrypto hashes on libuv's thread pool: a 20 MB upload does not hold up other requests
  // (createHash would, for its whole length, on the request thread).
  const sha256 = Buffer.from(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)).toString("hex");
  const inAdjusted = { meeting: adjustedOf(organisation) };
  const file = await db.protocolFile.findFirst({
    where: { sha256, kind: "PROTOCOL", ...inAdjusted },
    select: { meetingId: true },
  });
  if (file) return describe(db, file.meetingId, "pdf", bytes);
  const copy = await db.issuedCopy.findFirst({
    where: { sha256, ...inAdjusted },
    // Not its bytes: the upload is them.
    select: {
      meetingId: true,
      kind: true,
      createdAt: true,
      correctionCount: true,
      noticeRevisedAt: true,
      fingerprint: true,
      meeting: { select: { slug: true, body: { select: { organisation: { select: { slug: true } } } } } },
    },
  });
  if (!copy) {
    const scanned = await findPublicHistoricalBySha256(db, sha256, organisation?.id);
    if (scanned) {
      const registeredOn = toSwedishDate(new Date(scanned.registeredAt));
      return {
        match: false,
        message: `Filen är registrerad som inskannat protokoll ${registeredOn}, inte signerat i Paragraf. Den justerades på papper ${scanned.adjustedOn}; originalet på papper gäller.`,
        scanned: {
          bodyName: scanned.body.name,
          organisationName: scanned.organisation.name,
          meetingDate: scanned.meetingDate,
          adjustedOn: scanned.adjustedOn,
          registeredOn,
          protocolPath: publicProtocolPath(
            (await findPublicHistoricalOrganisation(db, scanned.slug)) ?? "",
            scanned.slug,
            true,
          ),
        },
      };
    }
    return {
      match: false,
      message:
        "Filen stämmer inte med något justerat protokoll. Den kan vara ändrad, eller så är det inte originalet eller en kopia från Paragraf.",
    };
  }
  const [result, protocol] = await Promise.all([
    describe(db, copy.meetingId, "copy"),
    findProtocolBySlug(db, copy.meeting.slug),
  ]);
  const current = await withChangesAfterAdjustment(db, protocol!);
  const description = describeIssuedCopy({
    kind: copy.kind,
    issuedAt: copy.createdAt,
    correctionCount: copy.correctionCount,
    noticeRevised: copy.noticeRevisedAt !== null,
    confidentialParagraphs: current.paragraphs.filter((p) => p.isConfidential).map((p) => p.number),
  });
  return {
    ...result,
    copy: {
      description,
      isCurrent:
        copy.fingerprint === issuedCopyFingerprint(copy.kind === "NOTICE" ? protocol! : current, copy.kind, today()),
      protocolPath: publicProtocolPath(copy.meeting.body.organisation.slug, copy.meeting.slug),
    },
  };
}

/** The code as typed, cleaned: 16–64 hex digits, or null. */
function cleanCode(raw: string): string | null {
  const code = raw.replace(/[\s-]/g, "").toLowerCase();
  return /^[0-9a-f]{16,64}$/.test(code) ? code : null;
}

/**
 * A verification code is the protocol's content hash (64 hex characters; 16 are enough); it
 * matches the organisation's justerade protocols only.
 */
export async function verifyCode(
  db: PrismaClient,
  raw: string,
  organisation?: VerifyingOrganisation,
): Promise<VerifyResult> {
  const code = cleanCode(raw);
  if (!code) {
    return { match: false, message: "Koden ska bestå av 16–64 tecken 0–9 och a–f, som den står i protokollet." };
  }
  const meetings = await db.meeting.findMany({
    where: { contentHash: { startsWith: code }, ...adjustedOf(organisation) },
    select: { id: true },
    take: 2,
  });
  if (meetings.length === 0) return { match: false, message: "Koden stämmer inte med något justerat protokoll." };
  if (meetings.length > 1)
    return { match: false, message: "Koden är för kort för att peka ut ett protokoll; skriv hela koden." };
  return describe(db, meetings[0]!.id, "code");
}

/**
 * The organisation (its slug) of the one justerat protocol a verification code points out, or
 * null: the old address /verifiera?kod=… leads there. Run as the platform (no organisation is
 * entered yet); tells no more than /<org>/verifiera would (a justerat protocol is public).
 */
export async function findOrganisationOfCode(db: PrismaClient, raw: string): Promise<string | null> {
  const code = cleanCode(raw);
  if (!code) return null;
  const meetings = await db.meeting.findMany({
    where: { contentHash: { startsWith: code }, status: { in: [...ADJUSTED_STATUSES] } },
    select: { body: { select: { organisation: { select: { slug: true } } } } },
    take: 2,
  });
  return meetings.length === 1 ? meetings[0]!.body.organisation.slug : null;
}
