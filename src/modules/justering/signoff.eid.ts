// Justering with e-legitimation (issue 18): every signature starts a fresh authentication at the
// organisation's eID provider, bound to the protocol's content hash, and is written only when the
// provider's answer is verified and names the signer's own person. The password re-entry stays as
// the fallback, the weaker level. The request lives ten minutes and is used once.
import { writeAudit, type AuditInput } from "@/server/audit";
import { byMeetingId, defineMeetingAction, type ActionContext, type RunContext } from "@/server/action";
import { eidConfig, type EidConfig } from "@/server/eid/config";
import { personnummerHmac } from "@/server/eid/identity";
import { EidRefusal, finishAuthentication, startAuthentication } from "@/server/eid/relying-party";
import { now as clockNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import type { Actor } from "@/server/authz";
import type { MeetingAccess } from "@/server/meeting-access";
import {
  EID_CONTENT_CHANGED,
  addCorrectionWithEid,
  checkCorrectable,
  checkSignable,
  correctionContentHash,
  signProtocolWithEid,
} from "./signoff.mutations";
import { startEidCorrectionSchema, startEidSchema } from "./signoff.schema";

/** A request is answered within ten minutes, or not at all. */
export const EID_REQUEST_LIFETIME_MS = 10 * 60_000;

/** An audit row about an e-legitimation request, by the actor who made it or answers it. */
function auditEidRequest(
  { db, actor, ip }: Pick<RunContext, "db" | "ip"> & { actor: Actor },
  request: { id: string; meetingId: string },
  action: string,
  data: AuditInput["data"],
): Promise<void> {
  return writeAudit(db, {
    userId: actor.userId,
    meetingId: request.meetingId,
    action,
    entity: "EidSigningRequest",
    entityId: request.id,
    ip,
    data,
  });
}

/**
 * The first half of a signature or a rättelse: the provider configured, the actor's person with
 * a personnummer registered, then a request bound to `contentHash` and off to the provider.
 */
async function beginEid(
  ctx: RunContext & { actor: Actor; meeting: MeetingAccess },
  purpose: "SIGN" | "CORRECTION",
  checks: () => Promise<string>,
  correction?: { paragraphNumber: number | null; text: string },
): Promise<{ url: string }> {
  const { db, actor, meeting, now } = ctx;
  const config = eidConfig();
  if (!config) throw new AppError("STATE", "Signering med e-legitimation är inte inställd i Paragraf.");
  if (!actor.personId)
    throw new AppError("FORBIDDEN", "Ditt konto är inte kopplat till en person och kan inte signera.");
  const person = await db.person.findUnique({ where: { id: actor.personId }, select: { identityHmac: true } });
  if (!person?.identityHmac)
    throw new AppError(
      "VALIDATION",
      "Ditt personnummer är inte registrerat i Paragraf, så e-legitimationen kan inte kopplas till dig. Be en administratör lägga in det under Personer.",
    );
  const contentHash = await checks();
  let started;
  try {
    started = await startAuthentication(config, contentHash);
  } catch (e) {
    console.error("e-legitimation: kunde inte nå", config.issuer, e);
    throw new AppError(
      "STATE",
      `${config.name} svarar inte just nu. Försök igen om en stund${config.only ? "" : " eller signera med lösenord"}.`,
    );
  }
  // auth_time is the provider's clock (real time), so the lower bound is real time too; the
  // request's own times follow the app's clock (the test clock in e2e), as its expiry does.
  // eslint-disable-next-line no-restricted-syntax -- compared with the provider's auth_time, not an app "now"
  const authAfter = Math.floor(Date.now() / 1000) - 5;
  const request = await db.eidSigningRequest.create({
    data: {
      meetingId: meeting.id,
      userId: actor.userId,
      personId: actor.personId,
      purpose,
      contentHash,
      state: started.state,
      nonce: started.nonce,
      nonceSalt: started.nonceSalt,
      codeVerifier: started.codeVerifier,
      acrRequested: config.acr,
      authAfter,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EID_REQUEST_LIFETIME_MS),
      ...(correction ? { correctionParagraph: correction.paragraphNumber, correctionText: correction.text } : {}),
    },
    select: { id: true },
  });
  await auditEidRequest(
    ctx,
    { id: request.id, meetingId: meeting.id },
    purpose === "SIGN" ? "protocol.sign.eid-start" : "protocol.correction.eid-start",
    { contentHash, acr: config.acr, issuer: config.issuer },
  );
  return { url: started.url };
}

/** The first half, from the justering form: checks as for a signature, then off to the provider. */
export const startEidSigning = defineMeetingAction(
  { schema: startEidSchema, permission: "protocol.sign", locate: byMeetingId },
  (ctx) => beginEid(ctx, "SIGN", async () => (await checkSignable(ctx)).contentHash),
);

/**
 * "Signera rättelsen med e-legitimation": the rättelse's checks, then a fresh legitimation bound
 * to its content hash (the protocol, the § and the text); the text waits in the request.
 */
export const startEidCorrection = defineMeetingAction(
  { schema: startEidCorrectionSchema, permission: "protocol.correct", locate: byMeetingId },
  (ctx) => {
    const { paragraphNumber, text } = ctx.input;
    return beginEid(
      ctx,
      "CORRECTION",
      async () => {
        await checkCorrectable(ctx.db, ctx, paragraphNumber);
        const { contentHash } = await ctx.db.meeting.findUniqueOrThrow({
          where: { id: ctx.meeting.id },
          select: { contentHash: true },
        });
        return correctionContentHash({
          meetingId: ctx.meeting.id,
          protocolContentHash: contentHash,
          paragraphNumber,
          text,
        });
      },
      { paragraphNumber, text },
    );
  },
);

/** Why a signature with e-legitimation was not written; each has its Swedish message (EID_FAILURES). */
export type EidFailure =
  | "login"
  | "unknown"
  | "other-user"
  | "used"
  | "expired"
  | "not-configured"
  | "cancelled"
  | "provider"
  | "auth-time"
  | "acr"
  | "no-identity"
  | "mismatch"
  | "changed"
  | "not-signed"
  | "not-corrected";

export const EID_FAILURES: Record<EidFailure, string> = {
  login: "Du är inte inloggad i Paragraf. Logga in och börja signeringen igen från protokollets sida.",
  unknown: "Signeringen känns inte igen. Börja om från protokollets sida.",
  "other-user": "Signeringen startades av någon annan än du. Ingenting har signerats.",
  used: "Den här signeringen är redan använd. Börja om från protokollets sida om du inte har signerat.",
  expired: "Signeringen tog för lång tid (mer än 10 minuter). Börja om från protokollets sida.",
  "not-configured": "Signering med e-legitimation är inte inställd i Paragraf.",
  cancelled: "Du avbröt legitimeringen. Ingenting har signerats.",
  provider: "Svaret från e-legitimationstjänsten kunde inte kontrolleras. Ingenting har signerats; försök igen.",
  "auth-time": "Legitimeringen var inte ny. Du måste legitimera dig på nytt för varje underskrift; försök igen.",
  acr: "E-legitimationen har för låg tillitsnivå. Protokoll signeras med e-legitimation på tillitsnivå 3, till exempel BankID.",
  "no-identity": "E-legitimationstjänsten lämnade inget personnummer. Ingenting har signerats.",
  mismatch:
    "E-legitimationen tillhör inte den person som ska signera. Ingenting har signerats. Logga in i Paragraf med ditt eget konto och legitimera dig med din egen e-legitimation.",
  changed: EID_CONTENT_CHANGED,
  "not-signed":
    "Protokollet signerades inte: det väntar inte längre på justering, du har redan signerat, eller vem som justerar måste rättas först. Se protokollets sida.",
  "not-corrected":
    "Rättelsen lades inte till: protokollet tar inte emot rättelser just nu, eller paragrafen finns inte. Se protokollets sida.",
};

export type EidOutcome =
  | { ok: true; slug: string; complete: boolean; correction?: true }
  | { ok: false; reason: EidFailure; slug: string | null };

/**
 * The second half, the provider's callback: the request (known, this user's, unused, unexpired),
 * the provider's answer (openid-client and relying-party.ts), the identity against the signer's
 * person, then the same signing core as the password. Every refusal is audited; nothing is signed.
 */
export async function completeEidSigning(ctx: ActionContext, callbackUrl: URL): Promise<EidOutcome> {
  const { db, actor, ip } = ctx;
  const now = ctx.now ?? clockNow();
  const state = callbackUrl.searchParams.get("state");
  const request = state
    ? await db.eidSigningRequest.findUnique({ where: { state }, include: { meeting: { select: { slug: true } } } })
    : null;
  if (!request) return { ok: false, reason: actor ? "unknown" : "login", slug: null };
  const slug = request.meeting.slug;
  if (!actor) return { ok: false, reason: "login", slug };
  const refuse = async (reason: EidFailure, data: Record<string, unknown> = {}): Promise<EidOutcome> => {
    await auditEidRequest(
      { db, actor, ip },
      request,
      reason === "mismatch" ? "protocol.sign.eid-mismatch" : "protocol.sign.eid-refused",
      { reason, purpose: request.purpose, ...data },
    );
    return { ok: false, reason, slug };
  };
  // Someone else's request is not used up by this attempt: its owner may still finish it.
  if (request.userId !== actor.userId || request.personId !== actor.personId) return refuse("other-user");
  // Used once: taken before the provider is asked, so two callbacks cannot both get through.
  const taken = await db.eidSigningRequest.updateMany({
    where: { id: request.id, usedAt: null },
    data: { usedAt: now },
  });
  if (taken.count === 0) return refuse("used");
  if (request.expiresAt.getTime() < now.getTime()) return refuse("expired");
  const config: EidConfig | null = eidConfig();
  if (!config) return refuse("not-configured");
  let identity;
  try {
    identity = await finishAuthentication(config, callbackUrl, request);
  } catch (e) {
    if (e instanceof EidRefusal) return refuse(e.reason, { detail: e.message.slice(0, 300) });
    throw e;
  }
  const evidence = { issuer: identity.issuer, subject: identity.subject, acr: identity.acr };
  const identityHmac = personnummerHmac(identity.personnummer);
  const person = await db.person.findUnique({ where: { id: request.personId }, select: { identityHmac: true } });
  if (!person?.identityHmac || person.identityHmac !== identityHmac) return refuse("mismatch", evidence);
  const meeting = await db.meeting.findUnique({ where: { id: request.meetingId }, select: { contentHash: true } });
  const proof = {
    method: "EID" as const,
    contentHash: request.contentHash,
    requestId: request.id,
    identity,
    identityHmac,
    idpName: config.name,
  };

  if (request.purpose === "CORRECTION") {
    // The rättelse as it waited in the request, bound to this protocol as it is now.
    const correction = { paragraphNumber: request.correctionParagraph, text: request.correctionText ?? "" };
    const hash = correctionContentHash({
      meetingId: request.meetingId,
      protocolContentHash: meeting?.contentHash ?? null,
      ...correction,
    });
    if (hash !== request.contentHash) return refuse("changed", evidence);
    const result = await addCorrectionWithEid(proof)({ ...ctx, now }, { meetingId: request.meetingId, ...correction });
    if (result.ok) return { ok: true, slug, complete: false, correction: true };
    if (result.message === EID_CONTENT_CHANGED) return refuse("changed", evidence);
    return refuse("not-corrected", { ...evidence, code: result.code, message: result.message });
  }

  if (meeting?.contentHash !== request.contentHash) return refuse("changed", evidence);
  const sign = signProtocolWithEid(proof);
  const result = await sign({ ...ctx, now }, { meetingId: request.meetingId });
  if (result.ok) return { ok: true, slug, complete: result.data.complete };
  if (result.message === EID_CONTENT_CHANGED) return refuse("changed", evidence);
  return refuse("not-signed", { ...evidence, code: result.code, message: result.message });
}
