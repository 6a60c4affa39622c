// Runs once when the server starts: stop at once, with one clear sentence, on configuration that
// cannot work, instead of failing later on the first request with a stack trace.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkAuthSecret, checkDatabaseUrl, ConfigError } = await import("./server/config");
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
