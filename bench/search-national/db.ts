// The national search benchmark's database: an embedded PostgreSQL kept between runs in
// BENCH_SEARCH_DIR (default /work/bench-data/search-1m, outside the repository), migrated with the
// repository's migrations on every start (so a new index migration is built once, on the data).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = process.env.BENCH_SEARCH_DIR ?? "/work/bench-data/search-1m";

export async function startSearchDb() {
  const pg = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "data"), persistent: true });
  await pg.createDatabase("search");
  const url = pg.urlFor("search");
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  return { url, stop: () => pg.stop() };
}
