// Tenancy (issue 19.1): whose data the current request reads and writes. A request starts seeing
// nothing (scripts/serve.mjs opens its scope empty); the signed-in user's organisation
// (src/server/session.ts) or the organisation in a public address (/<org>/…) is entered once
// known, and from then on every connection the request checks out of the pool carries it to
// PostgreSQL, whose row-level security is the second line behind the queries' own scoping.
import { currentScope, NO_SCOPE, PLATFORM_SCOPE, tenancyStorage } from "./tenancy-scope.mjs";

export { currentScope, NO_SCOPE, PLATFORM_SCOPE };

interface TenancyStore {
  scope: string;
}

function storage() {
  return tenancyStorage() as import("node:async_hooks").AsyncLocalStorage<TenancyStore>;
}

/**
 * Runs `fn` (and all it awaits) in `scope`, whatever the surrounding request's scope. Awaited
 * inside: Prisma's queries are lazy promises that run when first awaited, so a query returned
 * unawaited from `fn` would otherwise run in the caller's scope, not this one.
 */
export function runInScope<T>(scope: string, fn: () => T | PromiseLike<T>): Promise<T> {
  return storage().run({ scope }, async () => await fn());
}

/**
 * Runs `fn` as the platform (every organisation). Only for work that belongs to no single
 * organisation and shows nothing of one to another: finding the organisation of a public address
 * or a verification code, the platform admin's list, scheduled jobs.
 */
export function asPlatform<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  return runInScope(PLATFORM_SCOPE, fn);
}

/**
 * From now on, the current request reads and writes `organisationId`'s data only. A request that
 * has entered one organisation cannot enter another (a bug, not a user error). Outside a request
 * (tests, scripts) it opens a scope for the rest of the calling async context.
 */
export function enterOrganisation(organisationId: string): void {
  if (!organisationId || organisationId === PLATFORM_SCOPE) throw new Error("Ogiltig organisation.");
  const store = storage().getStore();
  if (!store) {
    storage().enterWith({ scope: organisationId });
    return;
  }
  if (store.scope !== NO_SCOPE && store.scope !== PLATFORM_SCOPE && store.scope !== organisationId) {
    throw new Error("En begäran kan bara läsa en organisations uppgifter.");
  }
  store.scope = organisationId;
}
