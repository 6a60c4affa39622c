import { describe, expect, it, vi } from "vitest";

vi.mock("next-auth", () => ({
  default: () => ({ handlers: {}, auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }),
  CredentialsSignin: class extends Error {},
}));
vi.mock("next-auth/providers/credentials", () => ({ default: (x: unknown) => x }));

const { oidcConfig } = await import("./auth");

describe("oidcConfig", () => {
  it.each([
    [{}, null],
    [{ AUTH_OIDC_ISSUER: "https://accounts.google.com", AUTH_OIDC_ID: "id" }, null],
    [
      { AUTH_OIDC_ISSUER: "https://accounts.google.com", AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "s" },
      { issuer: "https://accounts.google.com", clientId: "id", clientSecret: "s", name: "organisationens konto" },
    ],
    [
      {
        AUTH_OIDC_ISSUER: "https://login.microsoftonline.com/x/v2.0",
        AUTH_OIDC_ID: "id",
        AUTH_OIDC_SECRET: "s",
        AUTH_OIDC_NAME: "Itsams Google-konto",
      },
      {
        issuer: "https://login.microsoftonline.com/x/v2.0",
        clientId: "id",
        clientSecret: "s",
        name: "Itsams Google-konto",
      },
    ],
  ])("%j → %j", (env, expected) => {
    expect(oidcConfig(env as NodeJS.ProcessEnv)).toEqual(expected);
  });
});
