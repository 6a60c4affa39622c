// The workspace gets its script nonce from the proxy: a workspace route the matcher misses keeps
// the public no-script policy (its client code would not run). Every top-level folder of the
// (app) route group must be matched.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "./proxy";

const appRoutes = readdirSync(path.join(import.meta.dirname, "app", "(app)"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `/${d.name}`);

const sources = config.matcher.map((m) => (typeof m === "string" ? m : m.source));

describe("proxy matcher", () => {
  it("covers the workspace's start page and every workspace route", () => {
    expect(sources).toContain("/");
    for (const route of appRoutes) {
      expect(
        sources.some((s) => s === route || s.startsWith(`${route}/`)),
        route,
      ).toBe(true);
    }
  });

  it("keeps the cached public pages off the proxy (the verification form only for its posts)", () => {
    const always = config.matcher.filter((m) => typeof m === "string");
    for (const page of ["/anslagstavla", "/protokoll", "/verifiera", "/tillganglighet"])
      expect(always).not.toContain(page);
    for (const m of config.matcher) if (typeof m !== "string") expect(m.has, m.source).toHaveLength(1);
  });
});
