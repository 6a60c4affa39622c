// The import directions of ARCHITECTURE.md are enforced by lint (eslint.config.mjs). These tests
// plant wrong imports as files at real paths, lint them with the project's own config in one
// ESLint run, and remove them: the rules cannot be dropped or weakened unnoticed.
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

const refused: [string, string, RegExp][] = [
  ["src/domain/rules/planted.ts", 'import { getDb } from "@/server/db";', /src\/domain is pure/],
  ["src/domain/rules/planted.ts", 'import { useState } from "react";', /pure TypeScript/],
  [
    "src/domain/rules/planted.ts",
    'import type { PrismaClient } from "@/generated/prisma/client";',
    /src\/domain is pure/,
  ],
  [
    "src/lib/planted.ts",
    'import { checkProtocol } from "@/domain/rules/protocol-checker";',
    /src\/lib is the bottom layer/,
  ],
  ["src/ui/planted.tsx", 'import { getDb } from "@/server/db";', /src\/ui shows data/],
  ["src/pdf/planted.ts", 'import { now } from "@/server/clock";', /src\/pdf renders/],
  ["src/server/planted.ts", 'import { findToAdjust } from "@/modules/justering";', /src\/server is infrastructure/],
  [
    "src/app/planted.ts",
    'import { findToAdjust } from "@/modules/justering/signoff.queries";',
    /entry point, "@\/modules\/justering"/,
  ],
  [
    "src/modules/notice/planted.ts",
    'import { signProtocol } from "@/modules/justering/signoff.mutations";',
    /entry point/,
  ],
  ["src/modules/drafting/planted.ts", 'import { x } from "../../../tests/support/db";', /does not import tests/],
  // One clock (src/server/clock.ts): no other application code reads the machine's time.
  ["src/modules/justering/planted.ts", "export const signedAt = new Date();", /from src\/server\/clock\.ts/],
  ["src/domain/rules/planted.ts", "export const t = Date.now();", /from src\/server\/clock\.ts/],
  ["src/server/planted.ts", "export const clock = { now: Date.now };", /from src\/server\/clock\.ts/],
  ["src/app/planted.tsx", "export const Today = () => <p>{Date()}</p>;", /from src\/server\/clock\.ts/],
];
const allowed: [string, string][] = [
  ["src/domain/rules/planted.ts", 'import { addDays } from "@/lib/iso-date";'],
  ["src/app/planted.ts", 'import { findToAdjust } from "@/modules/justering";'],
  ["src/modules/notice/planted.ts", 'import { lockMeeting } from "@/server/meeting-access";'],
  ["src/domain/rules/planted.test.ts", 'import { seed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";'],
  ["src/modules/justering/planted.ts", 'export const meetingDay = new Date("2021-11-18T00:00:00.000Z");'],
  ["src/modules/justering/planted.test.ts", "export const started = new Date();"],
];
/** Files that read the machine's clock and must stay allowed to (linted as they are). */
const CLOCK_FILES = ["src/server/clock.ts"];

/** One planted file per case (a unique name beside the real one), linted in one ESLint run. */
const planted = [...refused, ...allowed].map(([file, code], i) => ({
  file: file.replace(
    /planted(\.test)?\.(tsx?)$/,
    (_m, test: string | undefined, ext: string) => `zz-planted-${i}${test ?? ""}.${ext}`,
  ),
  code: `${code}\nexport const planted = ${i};\n`,
}));
const found = new Map<string, string>();

beforeAll(async () => {
  for (const p of planted) writeFileSync(path.join(ROOT, p.file), p.code);
  try {
    const run = promisify(execFile)(
      path.join(ROOT, "node_modules/.bin/eslint"),
      ["--format", "json", ...planted.map((p) => p.file), ...CLOCK_FILES],
      {
        cwd: ROOT,
        maxBuffer: 20 * 1024 * 1024,
      },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "[]" }));
    const results = JSON.parse((await run).stdout) as {
      filePath: string;
      messages: { ruleId: string | null; message: string; severity: number }[];
    }[];
    for (const r of results) {
      const messages = r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
      found.set(path.relative(ROOT, r.filePath), messages.join("\n"));
    }
  } finally {
    for (const p of planted) rmSync(path.join(ROOT, p.file), { force: true });
  }
}, 180_000);

afterAll(() => {
  for (const p of planted) rmSync(path.join(ROOT, p.file), { force: true });
});

const problems = (i: number) => found.get(planted[i]!.file) ?? "(not linted)";

describe("import directions", () => {
  it.each(refused.map((c, i) => [...c, i] as const))("%s: %s is refused", (_file, _code, message, i) => {
    expect(problems(i)).toMatch(message);
  });

  it.each(allowed.map((c, i) => [...c, refused.length + i] as const))("%s: %s is allowed", (_file, _code, i) => {
    expect(problems(i)).not.toMatch(/restricted|cycle|\(not linted\)/);
  });

  it.each(CLOCK_FILES)("%s reads the machine's clock and is allowed to", (file) => {
    expect(readFileSync(path.join(ROOT, file), "utf8")).toMatch(/Date\.now\(\)/);
    expect(found.get(file) ?? "(not linted)").not.toMatch(/restricted|\(not linted\)/);
  });
});
