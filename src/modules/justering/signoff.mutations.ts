// Justering: send for justering, sign, return with a comment, and rättelse afterwards.
// The last signature freezes everything in one transaction: status, justering date, content
// hash check, the notice dates, the PDF rendered once and stored with its own hash, audit rows.
import type { Prisma } from "@/generated/prisma/client";
import { dbDate, toSwedishDate } from "@/lib/iso-date";
import { findProtocolBySlug, peopleNamedIn } from "@/server/protocol.queries";
import { indexPublicProtocol } from "@/modules/publication";
import type { ProtocolDTO, SignatureRole } from "@/domain/protocol/protocol.types";
import { earliestTakeDownDate } from "@/domain/rules/deadlines.rules";
import type { Finding } from "@/domain/rules/finding";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { checkSignerIndependence } from "@/domain/rules/signers.rules";
import { finishDocument, signIntoDocument, storeDocumentToSign } from "./signoff.pades";
import { byMeetingId, defineMeetingAction, type ActionContext, type RunContext } from "@/server/action";
import { eidConfig } from "@/server/eid/config";
import type { VerifiedIdentity } from "@/server/eid/relying-party";
import type { MeetingAccess } from "@/server/meeting-access";
import type { Actor } from "@/server/authz";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { noticeSettingsOf } from "@/server/notice-settings";
import { checkPasswordReentry } from "@/server/password-reentry";
import { protocolContentHash, sha256Hex } from "@/domain/protocol/content-hash";
import { queuedSignoffEvents } from "./signoff.notify";
import { blockingFindings, isFullySigned, missingSigners, pendingRolesFor } from "@/domain/rules/signoff.rules";
import {
  correctionSchema,
  correctionWithEidSchema,
  returnSchema,
  sendForAdjustmentSchema,
  signSchema,
  signWithEidSchema,
} from "./signoff.schema";

type Tx = Prisma.TransactionClient;

async function loadProtocol(tx: Tx, slug: string): Promise<ProtocolDTO> {
  const p = await findProtocolBySlug(tx, slug);
  if (!p) throw new AppError("NOT_FOUND", "Sammanträdet finns inte.");
  return p;
}

/** A signature given (and whether it completed justering), or refused with the reasons. */
type SignOutcome =
  | { refused: string[] }
  | { complete: false; protocol: ProtocolDTO }
  | { complete: true; protocol: ProtocolDTO; events: ReturnType<typeof queuedSignoffEvents> };

/** Findings as the lines of a refusal: "§ 63: …" for a §, the message alone otherwise. */
function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => (f.paragraphNumber !== null ? `§ ${f.paragraphNumber}: ${f.message}` : f.message));
}

/**
 * The names the protocol shows, as they are when it is sent (and hashed): written while it is
 * still a draft, kept by the frozen-protocol trigger afterwards, read instead of Person.name.
 * A name frozen at an earlier sending (since returned) is replaced.
 */
async function freezeNames(tx: Tx, meetingId: string, p: ProtocolDTO) {
  await tx.protocolPerson.deleteMany({ where: { meetingId } });
  await tx.protocolPerson.createMany({
    data: [...peopleNamedIn(p)].map(([personId, name]) => ({ meetingId, personId, name })),
  });
}

/** Rate-limited and audited (server/password-reentry.ts). */
async function checkPassword(
  ctx: ActionContext & { actor: Actor; meeting: { id: string } },
  password: string,
  action: string,
) {
  await checkPasswordReentry(ctx, password, { action, meetingId: ctx.meeting.id });
}

export const sendForAdjustment = defineMeetingAction(
  { schema: sendForAdjustmentSchema, permission: "protocol.sendForAdjustment", locate: byMeetingId },
  async ({ db, actor, ip, meeting, now }) => {
    const sent = await db.$transaction(
      async (tx) => {
        await lockMeeting(tx, meeting.id);
        const p = await loadProtocol(tx, meeting.slug);
        const missing = missingSigners(p);
        const blocking = blockingFindings(checkProtocol(p, { now }));
        if (missing.length > 0 || blocking.length > 0) {
          const lines = [...missing, ...findingLines(blocking)];
          throw new AppError(
            "VALIDATION",
            `Protokollet kan inte skickas till justering förrän ${lines.length === 1 ? "det här är rättat" : `${lines.length} saker är rättade`}.`,
            {
              fieldErrors: { _: lines },
            },
          );
        }
        // The hash covers the meeting's secret salt (none for meetings older than salts).
        const { hashSalt } = await tx.meeting.findUniqueOrThrow({
          where: { id: meeting.id },
          select: { hashSalt: true },
        });
        const contentHash = protocolContentHash(p, hashSalt);
        await freezeNames(tx, meeting.id, p);
        const updated = await tx.meeting.updateMany({
          where: { id: meeting.id, status: "DRAFT" },
          data: { status: "READY_FOR_ADJUSTMENT", contentHash },
        });
        if (updated.count === 0) throw new AppError("STATE", "Protokollet har redan skickats till justering.");
        // The document the signers sign, fixed now: revision 0 with a signature field per signer.
        await storeDocumentToSign(tx, meeting.id, p, contentHash);
        await writeAudit(tx, {
          userId: actor.userId,
          meetingId: meeting.id,
          action: "protocol.sendForAdjustment",
          entity: "Meeting",
          entityId: meeting.id,
          ip,
          data: { contentHash },
        });
        // The mails to the signers exist exactly when the step commits (transactional outbox).
        const events = queuedSignoffEvents(tx);
        await events.sentForAdjustment({ ...p, meeting: { ...p.meeting, status: "READY_FOR_ADJUSTMENT" as const } });
        return { contentHash, events };
        // Rendering the document to sign takes a while on a cold render worker.
      },
      { timeout: 60_000 },
    );
    await sent.events.afterCommit(db);
    return { contentHash: sent.contentHash };
  },
);

export const returnProtocol = defineMeetingAction(
  { schema: returnSchema, permission: "protocol.return", locate: byMeetingId },
  async ({ db, actor, ip, input, meeting }) => {
    const events = await db.$transaction(async (tx) => {
      await lockMeeting(tx, meeting.id);
      // Any signatures given are void: the protocol will change before it is signed again.
      const voided = await tx.signature.deleteMany({ where: { meetingId: meeting.id } });
      // …and so is the document they were signed into: a new one is made when it is sent again.
      await tx.signingRevision.deleteMany({ where: { meetingId: meeting.id } });
      await tx.meeting.update({ where: { id: meeting.id }, data: { status: "DRAFT", contentHash: null } });
      await tx.adjustmentReturn.create({
        data: { meetingId: meeting.id, personId: actor.personId!, comment: input.comment },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "protocol.return",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: { comment: input.comment, voidedSignatures: voided.count },
      });
      const protocol = await loadProtocol(tx, meeting.slug);
      const by = protocol.attendance.find((a) => a.personId === actor.personId)?.name ?? "";
      const events = queuedSignoffEvents(tx);
      await events.returned(protocol, by, input.comment);
      return events;
    });
    await events.afterCommit(db);
    return { status: "DRAFT" as const };
  },
);

/** How the signer was identified: the password re-entry, or an e-legitimation just verified. */
export type SignerProof =
  | { method: "PASSWORD" }
  | {
      method: "EID";
      /** The content hash the e-legitimation request was bound to (its nonce). */
      contentHash: string;
      requestId: string;
      identity: VerifiedIdentity;
      identityHmac: string;
      idpName: string;
    };

/** The signature's identity columns for a proof (Signature_method_identity in the migration). */
function identityColumns(proof: SignerProof) {
  if (proof.method === "PASSWORD") return { method: "PASSWORD" as const };
  const { identity } = proof;
  return {
    method: "EID" as const,
    assuranceLevel: identity.acr,
    idpIssuer: identity.issuer,
    idpName: proof.idpName,
    identitySubject: identity.subject,
    identityHmac: proof.identityHmac,
    identityName: identity.name,
    authTime: identity.authTime,
  };
}

const REFUSED_NOT_INDEPENDENT =
  "Protokollet kan inte signeras: vem som justerar måste rättas först. Ordföranden eller en justerare skickar tillbaka protokollet till sekreteraren med en kommentar.";

/**
 * What must hold before anyone signs, checked when a signing starts and again under the lock when
 * the signature is written: the protocol waits for justering, its signers are independent (a
 * refusal is audited), the actor has roles left to sign in, and the content is the content sent.
 */
async function signingPreconditions(
  tx: Tx,
  ctx: RunContext & { meeting: { id: string; slug: string } },
): Promise<{ refused: string[] } | { protocol: ProtocolDTO; roles: SignatureRole[]; contentHash: string }> {
  const { actor, ip, meeting } = ctx;
  await lockMeeting(tx, meeting.id);
  const p = await loadProtocol(tx, meeting.slug);
  if (p.meeting.status !== "READY_FOR_ADJUSTMENT")
    throw new AppError("STATE", "Protokollet väntar inte längre på justering.");
  // Independent signers, checked again at every signature: the protocol may have been sent
  // before this rule existed, or its people changed by another path. The refusal is audited
  // (an attempt to justera alone is worth knowing about); nothing else is written.
  const notIndependent = checkSignerIndependence(p);
  if (notIndependent.length > 0) {
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: meeting.id,
      action: "protocol.sign.refused",
      entity: "Meeting",
      entityId: meeting.id,
      ip,
      data: { codes: notIndependent.map((f) => f.code) },
    });
    return { refused: findingLines(notIndependent) };
  }
  const roles = actor.personId ? pendingRolesFor(p, actor.personId) : [];
  if (roles.length === 0) throw new AppError("STATE", "Du har redan signerat protokollet.");
  const stored = await tx.meeting.findUniqueOrThrow({
    where: { id: meeting.id },
    select: { contentHash: true, hashSalt: true },
  });
  const contentHash = protocolContentHash(p, stored.hashSalt);
  // Content is frozen by the database while waiting; a mismatch means tampering or a bug.
  if (stored.contentHash !== contentHash)
    throw new AppError(
      "STATE",
      "Protokollets innehåll stämmer inte med det som skickades till justering. Kontakta sekreteraren.",
    );
  return { protocol: p, roles, contentHash };
}

/**
 * THE signature, whichever way the signer was identified: the preconditions under the meeting's
 * lock, the signature rows with the proof's identity, and — when it is the last — justering
 * itself (status, notice, public index, the sealed PDF).
 */
async function signWith(
  ctx: RunContext & { meeting: MeetingAccess },
  proof: SignerProof,
): Promise<{ complete: boolean }> {
  const { db, actor, ip, meeting, now } = ctx;
  const result = await db.$transaction(
    async (tx): Promise<SignOutcome> => {
      const ready = await signingPreconditions(tx, ctx);
      if ("refused" in ready) return ready;
      const { roles, contentHash } = ready;
      // An e-legitimation covers the content it was bound to, and only that.
      if (proof.method === "EID" && proof.contentHash !== contentHash) throw new AppError("STATE", EID_CONTENT_CHANGED);
      const signatureIds: string[] = [];
      for (const role of roles) {
        const created = await tx.signature.create({
          select: { id: true },
          data: {
            meetingId: meeting.id,
            personId: actor.personId!,
            role,
            signedAt: now,
            contentHash,
            ...identityColumns(proof),
          },
        });
        signatureIds.push(created.id);
      }
      // The signer's own PAdES signature in their field of the document sent for justering.
      await signIntoDocument(tx, {
        meetingId: meeting.id,
        protocol: ready.protocol,
        contentHash,
        personId: actor.personId!,
        signatureId: signatureIds[0]!,
        who: proof.method === "EID" ? { method: "EID", identity: proof.identity, idpName: proof.idpName } : proof,
        now,
        reason: `Justering av protokoll, ${ready.protocol.body.name} ${ready.protocol.meeting.date}`,
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "protocol.sign",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: {
          roles,
          contentHash,
          method: proof.method,
          ...(proof.method === "EID"
            ? { eidRequestId: proof.requestId, acr: proof.identity.acr, issuer: proof.identity.issuer }
            : {}),
        },
      });

      const signed = await loadProtocol(tx, meeting.slug);
      if (!isFullySigned(signed)) return { complete: false, protocol: signed };

      // Justerat. The notice is posted the same day (8 kap. 12 § KL: at the latest the second
      // day after) and stays up until the appeal period ends (13 kap. 5 § KL).
      const adjustedOn = toSwedishDate(now);
      const existing = await tx.notice.findUnique({ where: { meetingId: meeting.id } });
      // The notice as the organisation keeps it, or as chosen for this protocol before justering.
      const settings = await noticeSettingsOf(tx, meeting.id, existing?.storagePlace ?? null);
      await tx.meeting.update({
        where: { id: meeting.id },
        data: { status: "ADJUSTED", adjustedOn: dbDate(adjustedOn) },
      });
      const notice = {
        postedOn: dbDate(adjustedOn),
        takeDownOn: dbDate(earliestTakeDownDate(adjustedOn)),
        ...settings,
      };
      await tx.notice.upsert({
        where: { meetingId: meeting.id },
        create: { meetingId: meeting.id, ...notice },
        update: notice,
      });
      const final = await loadProtocol(tx, meeting.slug);
      await indexPublicProtocol(tx, final, meeting.bodyId);
      // After the last signer: the organisation's seal, the long-term validation data and the
      // document timestamp, each an incremental update; the stored hash is over the final bytes.
      const pdf = await finishDocument(tx, {
        meetingId: meeting.id,
        protocol: final,
        contentHash,
        now,
        reason: `Justerat protokoll, ${final.body.name} ${final.meeting.date}`,
      });
      const pdfSha256 = sha256Hex(pdf);
      await tx.protocolFile.create({
        data: { meetingId: meeting.id, kind: "PROTOCOL", bytes: new Uint8Array(pdf), sha256: pdfSha256 },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "protocol.adjusted",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: { contentHash, pdfSha256, adjustedOn },
      });
      // The secretary's mail exists exactly when justering commits (transactional outbox).
      const events = queuedSignoffEvents(tx);
      await events.adjusted(final);
      return { complete: true, protocol: final, events };
    },
    { timeout: 60_000 },
  );
  if ("refused" in result) {
    throw new AppError("VALIDATION", REFUSED_NOT_INDEPENDENT, { fieldErrors: { _: result.refused } });
  }
  if (result.complete) await result.events.afterCommit(db);
  return { complete: result.complete };
}

export const EID_CONTENT_CHANGED =
  "Protokollet har ändrats sedan du började signera med e-legitimation. Läs det igen och signera på nytt.";

/** Signing with the password re-entry: the fallback, the weaker level (docs/eid.md). */
export const signProtocol = defineMeetingAction(
  { schema: signSchema, permission: "protocol.sign", locate: byMeetingId },
  async (ctx) => {
    if (eidConfig()?.only)
      throw new AppError(
        "STATE",
        "Organisationen kräver e-legitimation för att signera protokoll. Använd knappen Signera med e-legitimation.",
      );
    await checkPassword(ctx, ctx.input.password, "protocol.sign");
    return signWith(ctx, { method: "PASSWORD" });
  },
);

/**
 * Signing with e-legitimation, the second half: called by the e-legitimation flow
 * (signoff.eid.ts) once the provider's answer is verified and matches the signer. The same
 * permission and the same core as the password; only the proof differs.
 */
export function signProtocolWithEid(proof: Extract<SignerProof, { method: "EID" }>) {
  return defineMeetingAction({ schema: signWithEidSchema, permission: "protocol.sign", locate: byMeetingId }, (ctx) =>
    signWith(ctx, proof),
  );
}

/** The checks of a signature before an e-legitimation starts: the same as when it is written. */
export async function checkSignable(
  ctx: RunContext & { meeting: MeetingAccess },
): Promise<{ contentHash: string; roles: SignatureRole[] }> {
  const ready = await ctx.db.$transaction((tx) => signingPreconditions(tx, ctx));
  if ("refused" in ready)
    throw new AppError("VALIDATION", REFUSED_NOT_INDEPENDENT, { fieldErrors: { _: ready.refused } });
  return { contentHash: ready.contentHash, roles: ready.roles };
}

/**
 * A rättelse's own content hash (issue 18): what an e-legitimation for it is bound to (its
 * nonce) and what the rättelse row keeps. Covers the protocol (its id and content hash), the §
 * and the text, so a legitimation for one rättelse cannot sign another.
 */
export function correctionContentHash(c: {
  meetingId: string;
  protocolContentHash: string | null;
  paragraphNumber: number | null;
  text: string;
}): string {
  return sha256Hex(
    new TextEncoder().encode(
      JSON.stringify(["paragraf-rättelse-1", c.meetingId, c.protocolContentHash, c.paragraphNumber, c.text]),
    ),
  );
}

/** What must hold before a rättelse is started or written: a person, and a § of this protocol. */
export async function checkCorrectable(
  db: Tx,
  ctx: { actor: Actor; meeting: { id: string } },
  paragraphNumber: number | null,
): Promise<void> {
  if (!ctx.actor.personId)
    throw new AppError("FORBIDDEN", "Ditt konto är inte kopplat till en person och kan inte signera en rättelse.");
  if (paragraphNumber === null) return;
  const exists = await db.paragraph.count({ where: { meetingId: ctx.meeting.id, number: paragraphNumber } });
  if (!exists)
    throw new AppError("VALIDATION", "Paragrafen finns inte i protokollet.", {
      fieldErrors: { paragraphNumber: [`§ ${paragraphNumber} finns inte i det här protokollet.`] },
    });
}

/** THE rättelse, whichever way its signer was identified (the password, or an e-legitimation). */
async function writeCorrection(
  ctx: RunContext & { meeting: MeetingAccess },
  input: { paragraphNumber: number | null; text: string },
  proof: SignerProof,
) {
  const { db, actor, ip, meeting, now } = ctx;
  return db.$transaction(async (tx) => {
    await checkCorrectable(tx, ctx, input.paragraphNumber);
    let contentHash: string | null = null;
    if (proof.method === "EID") {
      // The e-legitimation covers this rättelse of this protocol, and only that.
      const { contentHash: protocolContentHash } = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { contentHash: true },
      });
      contentHash = correctionContentHash({ meetingId: meeting.id, protocolContentHash, ...input });
      if (contentHash !== proof.contentHash) throw new AppError("STATE", EID_CONTENT_CHANGED);
    }
    const created = await tx.correction.create({
      data: {
        meetingId: meeting.id,
        paragraphNumber: input.paragraphNumber,
        text: input.text,
        personId: actor.personId!,
        signedAt: now,
        ...identityColumns(proof),
        ...(contentHash ? { contentHash } : {}),
      },
      select: { id: true, signedAt: true },
    });
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: meeting.id,
      action: "protocol.correction",
      entity: "Correction",
      entityId: created.id,
      ip,
      data: {
        paragraphNumber: input.paragraphNumber,
        method: proof.method,
        ...(proof.method === "EID"
          ? { contentHash, eidRequestId: proof.requestId, acr: proof.identity.acr, issuer: proof.identity.issuer }
          : {}),
      },
    });
    return created;
  });
}

/** A rättelse signed with the password re-entry: the fallback, the weaker level. */
export const addCorrection = defineMeetingAction(
  { schema: correctionSchema, permission: "protocol.correct", locate: byMeetingId },
  async (ctx) => {
    const { input } = ctx;
    if (eidConfig()?.only)
      throw new AppError(
        "STATE",
        "Organisationen kräver e-legitimation för att signera rättelser. Använd knappen Signera rättelsen med e-legitimation.",
      );
    await checkPassword(ctx, input.password, "protocol.correction");
    return writeCorrection(ctx, input, { method: "PASSWORD" });
  },
);

/**
 * A rättelse signed with e-legitimation, the second half (signoff.eid.ts, once the provider's
 * answer is verified and matches the signer): the same permission and core as the password.
 */
export function addCorrectionWithEid(proof: Extract<SignerProof, { method: "EID" }>) {
  return defineMeetingAction(
    { schema: correctionWithEidSchema, permission: "protocol.correct", locate: byMeetingId },
    (ctx) => writeCorrection(ctx, ctx.input, proof),
  );
}
