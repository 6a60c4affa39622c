// The e2e run's e-legitimation provider (playwright.config.ts starts it beside the app): the test
// eID broker of tests/support/oidc-broker.ts (a real oidc-provider) with its login page listing
// the test identities; port and client from scripts/lib/e2e-eid.ts. A test double, never for
// production.
import { startOidcBroker } from "../tests/support/oidc-broker";
import { e2eEid } from "./lib/e2e-eid";

const eid = e2eEid(Number(process.env.E2E_PORT ?? 3100));
const broker = await startOidcBroker({ port: eid.port, client: eid.client, redirectUris: [eid.redirectUri] });
console.log(`Test-e-legitimationen: ${broker.issuer} (klient ${eid.client.id})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void broker.stop().then(() => process.exit(0)));
}
