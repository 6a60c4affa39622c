// Runs once when the server starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit, checkDatabaseRoleOrExit } = await import("./server/startup-check");
    checkConfigOrExit();
    await checkDatabaseRoleOrExit();
  }
}
