// The e2e mail capture's ports, derived from the app's port (E2E_PORT) so that parallel e2e runs
// on other app ports do not collide: SMTP on app port + 1000, the messages as JSON on + 2000.
export function e2eMailPorts(appPort: number): { smtp: number; http: number } {
  const ports = { smtp: appPort + 1000, http: appPort + 2000 };
  if (!Number.isInteger(appPort) || ports.http > 65535) {
    throw new Error(`E2E_PORT ${appPort} lämnar ingen plats för e-postfångaren (port + 2000 måste vara högst 65535).`);
  }
  return ports;
}
