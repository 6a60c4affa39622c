// Vitest global setup for integration tests: one real PostgreSQL server for the run. With
// PARAGRAF_TEST_PG_URL set (CI with its own server; a superuser login), that server is used;
// otherwise an embedded one is started in a throw-away folder. Each test file creates its own
// database (tests/support/db.ts), owned by a test owner role; the app code runs as a test app
// role with only the rights `npm start` gives (scripts/lib/db-roles.ts), as in production.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { ensureRoles, type RoleLogin } from "../../scripts/lib/db-roles";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

const OWNER = "paragraf_test_owner";
const APP = "paragraf_test_app";

async function provideRoles(project: TestProject, adminUrl: string) {
  const owner: RoleLogin = { name: OWNER, password: randomBytes(18).toString("base64url") };
  const app: RoleLogin = { name: APP, password: randomBytes(18).toString("base64url") };
  await ensureRoles(adminUrl, owner, app);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgOwner", owner);
  project.provide("pgApp", app);
  project.provide("pgRunId", RUN_ID);
}

/** Names this run's template databases (tests/support/db.ts `templateDatabase`). */
const RUN_ID = randomBytes(4).toString("hex");

/** Drops this run's template databases from a server that outlives the run (CI's own). */
async function dropTemplates(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`tmpl_${RUN_ID}_`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.PARAGRAF_TEST_PG_URL;
  if (external) {
    await provideRoles(project, external);
    return () => dropTemplates(external);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "paragraf-test-pg-"));
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
  await provideRoles(project, server.urlFor("postgres"));
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser: creates and drops the test databases, nothing else. */
    pgAdminUrl: string;
    pgOwner: { name: string; password: string };
    pgApp: { name: string; password: string };
    /** Random per run: the template databases' names (tests/support/db.ts). */
    pgRunId: string;
  }
}
