import pg from "pg";

/**
 * Run `fn` as the owner with the guards (triggers) switched off for the transaction: only for
 * tests that plant a state the app role and the triggers refuse, e.g. data "changed by hand".
 */
export async function asOwnerWithoutGuards<T>(ownerUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
