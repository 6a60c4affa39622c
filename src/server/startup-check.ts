import pg from "pg";
import { checkAuthSecret, checkDatabaseRole, checkDatabaseUrl, ConfigError, type DatabaseRoleFacts } from "./config";

function exitWith(e: unknown): void {
  if (e instanceof ConfigError) {
    console.error(`\nFel: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}

/** Stop at once, with one clear sentence, on configuration that cannot work, instead of failing
 * later on the first request with a stack trace. */
export function checkConfigOrExit(): void {
  try {
    checkDatabaseUrl(process.env.DATABASE_URL);
    checkAuthSecret(process.env);
  } catch (e) {
    exitWith(e);
  }
}

/** What the login in `url` may do: superuser, BYPASSRLS, and how many public tables it owns. */
export async function readDatabaseRoleFacts(url: string): Promise<DatabaseRoleFacts> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    application_name: "paragraf-startup-check",
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; bypass: boolean; owned: string }>(`
      SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
        (SELECT count(*) FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
      FROM pg_roles r WHERE r.rolname = current_user`);
    const row = rows[0]!;
    return { role: row.role, superuser: row.superuser, bypassRls: row.bypass, ownedTables: Number(row.owned) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Refuse to serve as a database role that could switch off the protection of signed protocols. */
export async function checkDatabaseRoleOrExit(): Promise<void> {
  let facts: DatabaseRoleFacts;
  try {
    facts = await readDatabaseRoleFacts(process.env.DATABASE_URL!);
  } catch {
    return; // unreachable: every request reports it; start-up (scripts/lib/env.ts) checked it already
  }
  try {
    checkDatabaseRole(facts);
  } catch (e) {
    exitWith(e);
  }
}
