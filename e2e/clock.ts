import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Moves the server's clock (the app runs with PARAGRAF_TEST_CLOCK=1 in e2e); null: back to real
 * time. What the public sees follows at once (the cached pages are expired).
 */
export async function moveServerClock(request: APIRequestContext, instant: string | null) {
  const r = await request.post("/api/testklocka", { data: { now: instant } });
  expect(r.status()).toBe(200);
}
