// The relying party of a signature with e-legitimation (openid-client): discovery, the
// authorization URL (PKCE, prompt=login, max_age=0, acr_values, a nonce binding the content
// hash), and the code exchange with the ID token's validation (issuer, audience, signature,
// expiry, nonce by openid-client; auth_time and acr here).
import { createHash, randomBytes } from "node:crypto";
import * as oidc from "openid-client";
import { appBaseUrl } from "../config";
import { PNR_SCOPE, acrSatisfies, type EidConfig } from "./config";
import { normalisePersonnummer } from "./personnummer";

/** Where the provider sends the signer back. */
export const EID_CALLBACK_PATH = "/signering/e-legitimation/callback";
export const eidRedirectUri = () => `${appBaseUrl()}${EID_CALLBACK_PATH}`;

const base64url = (b: Buffer) => b.toString("base64url");

/** nonce = base64url(SHA-256(contentHash || salt)): the provider signs it into the ID token. */
export function bindingNonce(contentHash: string, salt: string): string {
  return base64url(createHash("sha256").update(`${contentHash}${salt}`).digest());
}

/** Plain http only to a provider on this machine (the tests' broker). */
const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's metadata, discovered once per process (again after a failure). */
export function providerConfiguration(config: EidConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer}\n${config.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(config.issuer);
    found = oidc.discovery(
      issuer,
      config.clientId,
      config.clientSecret,
      undefined,
      issuer.protocol === "http:" && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** What a request keeps server-side, and the URL the signer is sent to. */
export interface EidStart {
  state: string;
  nonce: string;
  nonceSalt: string;
  codeVerifier: string;
  url: string;
}

export async function startAuthentication(config: EidConfig, contentHash: string): Promise<EidStart> {
  const configuration = await providerConfiguration(config);
  const state = base64url(randomBytes(32));
  const nonceSalt = base64url(randomBytes(32));
  const nonce = bindingNonce(contentHash, nonceSalt);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: eidRedirectUri(),
    response_type: "code",
    scope: `openid profile ${PNR_SCOPE}`,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    prompt: "login",
    max_age: "0",
    acr_values: config.acr,
  });
  return { state, nonce, nonceSalt, codeVerifier, url: url.href };
}

/** The identity the provider vouched for. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  personnummer: string;
  name: string;
  acr: string;
  authTime: Date;
}

/** Why an answer from the provider is not accepted (the callback maps it to a Swedish message). */
export class EidRefusal extends Error {
  constructor(
    readonly reason: "provider" | "cancelled" | "auth-time" | "acr" | "no-identity",
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Exchanges the code of `callbackUrl` and checks the ID token: issuer, audience, signature, expiry,
 * nonce (openid-client), then auth_time at or after `authAfter` (the request's start, seconds)
 * and the acr at least the requested. Throws EidRefusal.
 */
export async function finishAuthentication(
  config: EidConfig,
  callbackUrl: URL,
  request: { state: string; nonce: string; codeVerifier: string; authAfter: number; acrRequested: string },
): Promise<VerifiedIdentity> {
  const error = callbackUrl.searchParams.get("error");
  if (error) throw new EidRefusal(error === "access_denied" ? "cancelled" : "provider", `provider error ${error}`);
  const configuration = await providerConfiguration(config);
  // The callback's own address as the provider was told (behind a proxy the request URL differs).
  const current = new URL(eidRedirectUri());
  current.search = callbackUrl.search;
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      maxAge: 600,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (e) {
    throw new EidRefusal("provider", e instanceof Error ? e.message : String(e));
  }
  if (!claims) throw new EidRefusal("provider", "no ID token");
  const authTime = typeof claims.auth_time === "number" ? claims.auth_time : null;
  if (authTime === null || authTime < request.authAfter)
    throw new EidRefusal("auth-time", `auth_time ${authTime} before ${request.authAfter}`);
  const acr = typeof claims.acr === "string" ? claims.acr : undefined;
  if (!acrSatisfies(acr, request.acrRequested))
    throw new EidRefusal("acr", `acr ${acr ?? "(none)"} below ${request.acrRequested}`);
  const raw = claims[config.pnrClaim];
  const personnummer = typeof raw === "string" ? normalisePersonnummer(raw) : null;
  if (!personnummer) throw new EidRefusal("no-identity", `no valid ${config.pnrClaim}`);
  const given = typeof claims.given_name === "string" ? claims.given_name : "";
  const family = typeof claims.family_name === "string" ? claims.family_name : "";
  const name = typeof claims.name === "string" && claims.name ? claims.name : `${given} ${family}`.trim();
  return {
    issuer: claims.iss,
    subject: claims.sub,
    personnummer,
    name: name || "(namn saknas)",
    acr: acr!,
    authTime: new Date(authTime * 1000),
  };
}
