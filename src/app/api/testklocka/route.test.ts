import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "./route";

const post = (body: unknown) =>
  POST(new Request("http://localhost/api/testklocka", { method: "POST", body: JSON.stringify(body) }));

afterEach(() => vi.unstubAllEnvs());

describe("POST /api/testklocka", () => {
  it("does not exist unless the server runs with PARAGRAF_TEST_CLOCK=1", async () => {
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "");
    const r = await post({ now: "2030-01-01T12:00:00Z" });
    expect(r.status).toBe(404);
  });

  it("answers 400 in Swedish for anything but an ISO instant or null", async () => {
    vi.stubEnv("PARAGRAF_TEST_CLOCK", "1");
    for (const body of [{}, { now: "i morgon" }, { now: 5 }, { now: "2030-01-01" }, "x"]) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(await r.json()).toEqual({ error: "Ange now som en ISO-tidpunkt eller null." });
    }
  });
});
