// The unit project of vitest.config.mts alone, for mutation testing (npm run mutation): pure tests,
// no database, so Stryker can run them thousands of times. Taken from the main config so the two
// cannot drift apart.
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import base from "./vitest.config.mjs"; // the .mts file (TypeScript and Vite map .mjs to it)

const unit = (base.test?.projects as TestProjectInlineConfiguration[] | undefined)?.find(
  (p) => p.test?.name === "unit",
);
if (!unit) throw new Error("vitest.config.mts has no project named unit");

export default defineConfig({ ...unit, test: { ...unit.test, name: undefined } });
