// The e2e run's test e-legitimation provider (scripts/e2e-eid.ts): its port from the app's port
// (E2E_PORT + 3000, beside the mail capture's + 1000 and + 2000) and the client Paragraf uses.
export function e2eEid(appPort: number) {
  const port = appPort + 3000;
  if (!Number.isInteger(appPort) || port > 65535) {
    throw new Error(
      `E2E_PORT ${appPort} lämnar ingen plats för test-e-legitimationen (port + 3000 måste vara högst 65535).`,
    );
  }
  return {
    port,
    issuer: `http://127.0.0.1:${port}`,
    client: { id: "paragraf-e2e", secret: "e2e-hemlighet-for-signering-med-e-legitimation" },
    redirectUri: `http://127.0.0.1:${appPort}/signering/e-legitimation/callback`,
  };
}
