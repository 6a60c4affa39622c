// The OpenID Connect configuration, without next-auth: the sign-in (auth.ts) and the platform's
// mutations (is sign-in through the organisation's provider possible at all?) read it.

/**
 * Optional single sign-on through the organisation's OpenID Connect provider (e.g. Google
 * Workspace, Microsoft Entra ID), configured from the environment. Only people who already
 * have a Paragraf account (same e-mail) get in; nobody is created by signing in.
 */
export function oidcConfig(env: NodeJS.ProcessEnv = process.env) {
  const issuer = env.AUTH_OIDC_ISSUER;
  const clientId = env.AUTH_OIDC_ID;
  const clientSecret = env.AUTH_OIDC_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name: env.AUTH_OIDC_NAME || "organisationens konto" };
}
