// oidc-provider 8 ships no types; the test broker (oidc-broker.ts) uses a few of its calls.
declare module "oidc-provider";
