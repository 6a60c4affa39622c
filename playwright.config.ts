import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/lib/chromium";
import { e2eMailPorts } from "./scripts/lib/e2e-mail-ports";
import { e2eEid } from "./scripts/lib/e2e-eid";
import { e2eTrust } from "./scripts/lib/e2e-trust";

// The app under test is started by the README's run command (scripts/start.ts) on a throw-away
// embedded database, so e2e tests exercise the same start-up path a user runs.
const port = Number(process.env.E2E_PORT ?? 3100);
// Exported to the test workers (they inherit the runner's environment), so that
// e2e/instances.spec.ts can start a second app instance on the same embedded database.
const dataDir = (process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `paragraf-e2e-${process.pid}`));
// The app sends real mail over SMTP to a capture server the specs read (scripts/e2e-mail.ts, e2e/mail.ts).
const mail = e2eMailPorts(port);
// Signing with e-legitimation goes to a test eID broker (scripts/e2e-eid.ts) on port + 3000. The
// password stays offered beside it as the labelled fallback, so justering.spec.ts signs as before.
const eid = e2eEid(port);
// The signing CA, TSA and OCSP responder (scripts/e2e-trust.ts, OpenSSL) on port + 3100 and + 3101:
// every signature gets a timestamp, the justerat protocol its DSS and document timestamp.
const trust = e2eTrust(port);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "sv-SE",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/e2e-mail.ts",
      url: `http://127.0.0.1:${mail.http}/messages`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(port) },
    },
    {
      command: "node_modules/.bin/tsx scripts/e2e-eid.ts",
      url: `${eid.issuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(port) },
    },
    {
      command: "node_modules/.bin/tsx scripts/e2e-trust.ts",
      port: trust.ports.ocsp,
      timeout: 30_000,
      // So that it removes its OpenSSL files and the CA's PKCS#12 (not killed outright).
      gracefulShutdown: { signal: "SIGTERM", timeout: 3_000 },
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { E2E_PORT: String(port) },
    },
    {
      command: "node_modules/.bin/tsx scripts/start.ts",
      url: `http://127.0.0.1:${port}/`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        PARAGRAF_DATA_DIR: dataDir,
        PARAGRAF_SKIP_BUILD: process.env.PARAGRAF_SKIP_BUILD ?? "0",
        DATABASE_URL: "",
        // Lets tests move the server's clock (POST /api/testklocka); never set in production.
        PARAGRAF_TEST_CLOCK: "1",
        SMTP_URL: `smtp://127.0.0.1:${mail.smtp}`,
        // The provider sends the signer back to APP_URL/signering/e-legitimation/callback: the
        // address the browser uses, so the session cookie goes along.
        APP_URL: `http://127.0.0.1:${port}`,
        PARAGRAF_EID_ISSUER: eid.issuer,
        PARAGRAF_EID_CLIENT_ID: eid.client.id,
        PARAGRAF_EID_CLIENT_SECRET: eid.client.secret,
        PARAGRAF_EID_NAME: "BankID via Itsams e-legitimationstjänst (test)",
        PARAGRAF_SIGNING_CA_P12: trust.caFile,
        PARAGRAF_SIGNING_CA_PASSPHRASE: trust.caPassphrase,
        PARAGRAF_TSA_URL: trust.tsaUrl,
        PARAGRAF_OCSP_URL: trust.ocspUrl,
      },
    },
  ],
});
