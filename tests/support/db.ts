import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { urlAs } from "../../scripts/lib/db-roles";

/**
 * Create an empty database with a unique name on the test server, owned by the test owner role
 * (or a copy of `template`, see `templateDatabase`).
 * `url` logs in as the owner (migrations, restore, deliberate owner acts); `appUrl` as the app role.
 */
export async function createEmptyDatabase(
  prefix = "t",
  template?: string,
): Promise<{ url: string; appUrl: string; appRole: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const owner = inject("pgOwner");
  const app = inject("pgApp");
  const name = `${prefix}_${randomBytes(6).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" OWNER "${owner.name}"${template ? ` TEMPLATE "${template}"` : ""}`);
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

/**
 * The name of a database built once per test run by `build` and copied by CREATE DATABASE …
 * TEMPLATE for every test file that asks for it: the migrations (and the seed) run once, not once
 * per file. Test files run in parallel workers, so the first to ask builds it under an advisory
 * lock, under a temporary name renamed when done (a half-built template is never copied). `build`
 * gets the temporary database and must close every connection to it before it returns.
 */
export async function templateDatabase(
  kind: string,
  build: (database: Awaited<ReturnType<typeof createEmptyDatabase>>) => Promise<void>,
): Promise<string> {
  const name = `tmpl_${inject("pgRunId")}_${kind}`;
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const database = await createEmptyDatabase(`${name}_building`);
      await build(database);
      await admin.query(`ALTER DATABASE "${database.name}" RENAME TO "${name}"`);
    }
    return name;
  } finally {
    await admin.end();
  }
}
