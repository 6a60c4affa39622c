import { checkAuthSecret, checkDatabaseUrl, ConfigError } from "./config";

/** Stop at once, with one clear sentence, on configuration that cannot work, instead of failing
 * later on the first request with a stack trace. */
export function checkConfigOrExit(): void {
  try {
    checkDatabaseUrl(process.env.DATABASE_URL);
    checkAuthSecret(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`\nFel: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
