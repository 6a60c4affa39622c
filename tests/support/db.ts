import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Create an empty database with a unique name on the test server. */
export async function createEmptyDatabase(prefix = "t"): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
