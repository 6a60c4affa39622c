// The health endpoints on a public address (attack review): readiness and liveness answer with
// the status and the instance's random name only — no version, host, database name, error text
// or count — and are never cached. Readiness follows the database as the app's role sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { createMigratedDatabase } from "./support/migrated-db";
import { useRouteDatabase } from "./support/route-db";

let restore: () => Promise<void>;
let drop: () => Promise<void>;
let url: string;

beforeAll(async () => {
  const migrated = await createMigratedDatabase("health");
  url = migrated.url;
  drop = migrated.drop;
});
afterAll(async () => {
  await restore?.();
  await drop?.();
});

async function answer(res: Response) {
  expect(res.headers.get("cache-control")).toBe("no-store");
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe("health endpoints", () => {
  it("liveness: status and the instance's random name, nothing else", async () => {
    const { status, body } = await answer(live());
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["instance", "status"]);
    expect(body.status).toBe("ok");
    expect(body.instance).toMatch(/^[0-9a-f]{12}$/);
  });

  it("readiness with the database up: the same two fields", async () => {
    restore = useRouteDatabase(url);
    // The first answer may be 503 while a loaded machine opens the pool (its timeout is 2 s).
    await expect.poll(async () => (await ready()).status, { timeout: 20_000 }).toBe(200);
    const { body } = await answer(await ready());
    expect(Object.keys(body).sort()).toEqual(["instance", "status"]);
    await restore();
  });

  it("readiness with the database unreachable: 503 with a fixed Swedish reason, no error details", async () => {
    const unreachable = url.replace(/@[^/]+\//, "@127.0.0.1:1/");
    restore = useRouteDatabase(unreachable);
    const { status, text, body } = await answer(await ready());
    expect(status).toBe(503);
    expect(Object.keys(body).sort()).toEqual(["instance", "reason", "status"]);
    expect(body.reason).toBe("Databasen svarar inte eller saknar tabeller.");
    for (const secret of [
      "127.0.0.1",
      "ECONNREFUSED",
      "postgres",
      new URL(url).username,
      new URL(url).pathname.slice(1),
    ])
      expect(text).not.toContain(secret);
    await restore();
  });
});
