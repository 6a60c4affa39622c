import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { urlAs } from "../../scripts/lib/db-roles";

/**
 * Create an empty database with a unique name on the test server, owned by the test owner role.
 * `url` logs in as the owner (migrations, restore, deliberate owner acts); `appUrl` as the app role.
 */
export async function createEmptyDatabase(
  prefix = "t",
): Promise<{ url: string; appUrl: string; appRole: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const owner = inject("pgOwner");
  const app = inject("pgApp");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" OWNER "${owner.name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: urlAs(url.toString(), owner),
    appUrl: urlAs(url.toString(), app),
    appRole: app.name,
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
