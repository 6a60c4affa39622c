// Runs once when the server starts (Node.js runtime only): the configuration and database role
// checks, then the metrics' observers and the job queue (src/server/jobs; every instance runs
// one, PARAGRAF_JOBS=0 leaves it off).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit, checkDatabaseRoleOrExit } = await import("./server/startup-check");
    checkConfigOrExit();
    await checkDatabaseRoleOrExit();
    const { metrics } = await import("./server/metrics");
    metrics();
    const { getDb } = await import("./server/db");
    const { startProcessJobs } = await import("./server/jobs/runner");
    await startProcessJobs(getDb);
  }
}
