import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clearRenderedCache } from "./env";

describe("clearRenderedCache", () => {
  it("forgets the pages and data rendered from an earlier database and keeps the build", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "paragraf-cache-"));
    const files = {
      build: ".next/BUILD_ID",
      prerendered: ".next/server/app/verifiera.html",
      cachedPage: ".next/server/route-cache/APP_PAGE/abc/$/protokoll/direktionen-2021-11-18.html",
      cachedData: ".next/cache/fetch-cache/0123abcd",
    };
    for (const f of Object.values(files)) {
      mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      writeFileSync(path.join(root, f), "x");
    }
    clearRenderedCache(root);
    const exists = (f: string) => existsSync(path.join(root, f));
    expect([
      exists(files.build),
      exists(files.prerendered),
      exists(files.cachedPage),
      exists(files.cachedData),
    ]).toEqual([true, true, false, false]);
    clearRenderedCache(root); // nothing left to clear: no error
  });
});
