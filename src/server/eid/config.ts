// The organisation's e-legitimation provider for signing (issue 18): an OpenID Connect provider or
// eID broker that authenticates the signer afresh for every signature. Separate from the login
// provider (AUTH_OIDC_*): signing asks for an assurance level, login does not.

/** Assurance level 3 of the Swedish framework for trusted e-identification (Digg, formerly E-legitimationsnämnden). */
export const DEFAULT_EID_ACR = "http://id.elegnamnden.se/loa/1.0/loa3";
/** The personal identity number claim of the Swedish OpenID Connect profile (oidc.se). */
export const DEFAULT_PNR_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
/** The scope that asks for it. */
export const PNR_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";

export interface EidConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The acr requested (acr_values) and required at least. */
  acr: string;
  /** Shown to the signer and on /verifiera: "BankID via Itsams e-legitimationstjänst". */
  name: string;
  /** The ID token claim carrying the personal identity number. */
  pnrClaim: string;
  /** PARAGRAF_EID_ONLY=1: the password re-entry is refused for signing. */
  only: boolean;
}

export function eidConfig(env: NodeJS.ProcessEnv = process.env): EidConfig | null {
  const issuer = env.PARAGRAF_EID_ISSUER;
  const clientId = env.PARAGRAF_EID_CLIENT_ID;
  const clientSecret = env.PARAGRAF_EID_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    acr: env.PARAGRAF_EID_ACR || DEFAULT_EID_ACR,
    name: env.PARAGRAF_EID_NAME || "organisationens e-legitimationstjänst",
    pnrClaim: env.PARAGRAF_EID_PNR_CLAIM || DEFAULT_PNR_CLAIM,
    only: env.PARAGRAF_EID_ONLY === "1",
  };
}

/**
 * Whether `returned` meets `requested`: the same acr, or a higher level of the Swedish framework
 * (…/loa/1.0/loa3 < …/loa/1.0/loa4; "uncertified-loa3" is not loa3). Anything else: only equal.
 */
export function acrSatisfies(returned: string | undefined, requested: string): boolean {
  if (!returned) return false;
  if (returned === requested) return true;
  const level = (acr: string) => /^http:\/\/id\.elegnamnden\.se\/loa\/1\.0\/loa([1-4])$/.exec(acr)?.[1];
  const want = level(requested);
  const got = level(returned);
  return want !== undefined && got !== undefined && Number(got) >= Number(want);
}

/** "tillitsnivå 3" from …/loa3 (also …/loa3-nf?), else the acr as given. */
export function assuranceLabel(acr: string | null | undefined): string | null {
  if (!acr) return null;
  const level = /loa([1-4])(?:$|[^0-9])/.exec(acr)?.[1];
  return level ? `tillitsnivå ${level}` : acr;
}
