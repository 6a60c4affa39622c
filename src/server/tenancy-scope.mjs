// The organisation a piece of server work may see (issue 19.1). Plain JavaScript, like
// request-id.mjs: scripts/serve.mjs opens one scope per HTTP request, the database pool
// (src/server/db.ts) reads it at every connection checkout and hands it to PostgreSQL as
// `app.organisation`, where row-level security (migration 20261205100000_tenancy) lets a query
// see that organisation's rows only.
//
// The values: an organisation's id; "*" (the platform: every organisation — jobs, the platform
// admin, the lookups that find which organisation a public address belongs to); "" (nobody: a
// request that has not yet said whose data it reads sees nothing).
import { AsyncLocalStorage } from "node:async_hooks";

export const PLATFORM_SCOPE = "*";
export const NO_SCOPE = "";

/** The store shared by serve.mjs and src/server/tenancy.ts (the same symbol on globalThis). */
export function tenancyStorage() {
  const key = Symbol.for("paragraf.tenancy");
  return (globalThis[key] ??= new AsyncLocalStorage());
}

/**
 * The scope of the work running now. Inside an HTTP request (serve.mjs) it starts as NO_SCOPE
 * until the request enters its organisation; outside every request (jobs, scripts, tests, the
 * development server) it is the platform's.
 */
export function currentScope() {
  const store = tenancyStorage().getStore();
  return store ? store.scope : PLATFORM_SCOPE;
}
