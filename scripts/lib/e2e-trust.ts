// The e2e run's trust services (scripts/e2e-trust.ts): OpenSSL as time-stamping authority and
// OCSP responder on E2E_PORT + 3100 and + 3101 (beside the mail capture's + 1000 and + 2000, the
// eID broker's + 3000 and the second app instance's + 4000), and the signing CA they answer for,
// written as PKCS#12 where the app's PARAGRAF_SIGNING_CA_P12 points.
import os from "node:os";
import path from "node:path";

export function e2eTrust(appPort: number) {
  const tsaPort = appPort + 3100;
  const ocspPort = appPort + 3101;
  if (!Number.isInteger(appPort) || ocspPort > 65535) {
    throw new Error(
      `E2E_PORT ${appPort} lämnar ingen plats för tidsstämpeltjänsten och OCSP (port + 3101 måste vara högst 65535).`,
    );
  }
  return {
    ports: { tsa: tsaPort, ocsp: ocspPort },
    tsaUrl: `http://127.0.0.1:${tsaPort}/`,
    ocspUrl: `http://127.0.0.1:${ocspPort}/`,
    caFile: path.join(os.tmpdir(), `paragraf-e2e-signing-ca-${appPort}.p12`),
    caPassphrase: "e2e-signerings-ca",
  };
}
