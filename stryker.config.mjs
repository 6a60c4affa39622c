// Mutation testing of the trust-critical pure code (issue 12): the permission table, the rules
// the checker and justering apply, the public projection and the content-hash payload. Each
// mutant is a small plausible bug; a mutant that no unit test notices is a hole in the tests.
// Run: npm run mutation (see README, "Tests"). Reports go to reports/mutation/ (git-ignored).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  // Only the unit project: no database, no global setup.
  vitest: { configFile: "vitest.stryker.config.mts", related: true },
  mutate: [
    "src/server/authz.ts",
    "src/domain/lifecycle.ts",
    "src/domain/rules/*.ts",
    "!src/domain/rules/*.test.ts",
    "src/domain/publication/public.rules.ts",
    "src/domain/protocol/hash-payload.ts",
  ],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  // Not copied into the sandbox: other runs' sandboxes, reports, build output, local data.
  ignorePatterns: [
    "/.stryker-tmp*",
    "/reports",
    "/.next",
    "/.data*",
    "/backups",
    "/test-results",
    "/playwright-report",
    "/e2e",
    "/bench",
  ],
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
