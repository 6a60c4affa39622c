// Vitest global setup for integration tests: one real PostgreSQL server for the run. With
// PARAGRAF_TEST_PG_URL set (CI with its own server), that server is used; otherwise an embedded
// one is started in a throw-away folder. Each test file creates its own database (tests/support/db.ts).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

export default async function setup(project: TestProject) {
  if (process.env.PARAGRAF_TEST_PG_URL) {
    project.provide("pgAdminUrl", process.env.PARAGRAF_TEST_PG_URL);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "paragraf-test-pg-"));
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
  project.provide("pgAdminUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
