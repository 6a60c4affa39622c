// The e2e run's trust services (playwright.config.ts starts them beside the app): the signing
// CA, an RFC 3161 time-stamping authority and an OCSP responder, OpenSSL behind
// tests/support/trust-servers.ts, on the ports of scripts/lib/e2e-trust.ts. The CA is written
// as PKCS#12 for the app (PARAGRAF_SIGNING_CA_P12) before the servers listen. A test double,
// never for production.
import { rmSync } from "node:fs";
import { startTrustServers } from "../tests/support/trust-servers";
import { e2eTrust } from "./lib/e2e-trust";

const trust = e2eTrust(Number(process.env.E2E_PORT ?? 3100));
const servers = await startTrustServers(new Date(), {
  registerOnRequest: true,
  ports: trust.ports,
  pkcs12: { file: trust.caFile, passphrase: trust.caPassphrase },
});
console.log(`Test-TSA: ${servers.tsaUrl}, test-OCSP: ${servers.ocspUrl}, signerings-CA: ${trust.caFile}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(
    signal,
    () =>
      void servers.close().then(() => {
        rmSync(trust.caFile, { force: true });
        process.exit(0);
      }),
  );
}
