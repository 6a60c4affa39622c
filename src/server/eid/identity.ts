// The identity a person signs with, kept without the personal identity number in clear: an
// HMAC-SHA256 of the normalised number under the server's identity secret. The same number gives
// the same HMAC, so the admin's entry and the provider's answer can be compared; nobody who
// reads the database (or a backup) learns the number without the secret.
import { createHmac } from "node:crypto";
import { ConfigError } from "../config";

/**
 * PARAGRAF_IDENTITY_SECRET, else AUTH_SECRET. It must not change once numbers are registered
 * (every person's number would have to be entered again), hence its own variable.
 */
export function identitySecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PARAGRAF_IDENTITY_SECRET || env.AUTH_SECRET;
  if (secret) return secret;
  if (env.NODE_ENV === "production") {
    throw new ConfigError(
      "PARAGRAF_IDENTITY_SECRET saknas: den skyddar personnumren som e-legitimationen jämförs med. Skapa en med `openssl rand -base64 33`.",
    );
  }
  return "paragraf-utveckling-identitet"; // development and tests only
}

/** The HMAC of a normalised (12-digit) personnummer, hex. */
export function personnummerHmac(personnummer12: string, env: NodeJS.ProcessEnv = process.env): string {
  return createHmac("sha256", identitySecret(env)).update(`personnummer:${personnummer12}`).digest("hex");
}
