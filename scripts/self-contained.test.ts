// The repository tests and runs on a fresh clone with nothing beside it: no source, test or
// script reads a folder outside the repository (the steering repo's shared/ is guidance only).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIRS = ["src", "tests", "e2e", "prisma", "scripts", "bench", ".ci"];
const SKIP = new Set(["generated", "node_modules", "fixtures"]);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mts|mjs|js|sh|sql)$|^run$/.test(name)) yield full;
  }
}

describe("self-contained repository", () => {
  it("reads nothing from a shared/ folder beside the repository", () => {
    // The folder's name is put together here, so that this file does not itself name the path it forbids.
    const folder = ["sha", "red"].join("");
    const outside = new RegExp(
      String.raw`\.\./(\.\./)*${folder}\b|PARAGRAF_${folder.toUpperCase()}_DIR|/work/${folder}`,
    );
    const offenders = DIRS.flatMap((d) => [...files(path.join(ROOT, d))])
      .filter((f) => outside.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it("keeps the seed protocol's text as a fixture", () => {
    const text = readFileSync(path.join(ROOT, "tests/fixtures/seed/itsam-direktionen-2021-11-18.txt"), "utf8");
    expect(text).toContain("§ 59");
    expect(text).toContain("§ 67");
  });
});
