import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import directions (ARCHITECTURE.md): lib ← domain ← ui, pdf ← server ← modules ← app.
// A module is entered only through its index.ts; nothing in src imports tests or scripts.
const MODULES = [
  "drafting",
  "justering",
  "notice",
  "publication",
  "administration",
  "authentication",
  "historical",
  "agenda",
  "members",
  "summons",
  "templates",
  "earkiv",
  "live",
];
const src = (p) => `./src/${p}`;

const zones = [
  {
    target: src("lib"),
    from: ["domain", "ui", "pdf", "server", "modules", "app", "generated"].map(src),
    message: "src/lib is the bottom layer: it imports nothing else of the app.",
  },
  {
    target: src("domain"),
    from: ["ui", "pdf", "server", "modules", "app", "generated"].map(src),
    message: "src/domain is pure: it imports only src/lib (no database, no React, no server).",
  },
  {
    target: src("ui"),
    from: ["pdf", "server", "modules", "app", "generated"].map(src),
    message: "src/ui shows data: it imports only src/domain and src/lib.",
  },
  {
    target: src("pdf"),
    from: ["ui", "server", "modules", "app"].map(src),
    message: "src/pdf renders the protocol model: it imports only src/domain and src/lib.",
  },
  {
    target: src("server"),
    from: ["ui", "modules", "app"].map(src),
    message: "src/server is infrastructure under the modules: it does not import them or the app.",
  },
  {
    target: ["lib", "domain", "ui", "pdf", "server", "modules"].map(src),
    from: src("app"),
    message: "Only Next.js imports the routes in src/app.",
  },
  // A module is entered through its index.ts, by the app and by the other modules alike.
  ...MODULES.map((m) => ({
    target: [src("app"), ...MODULES.filter((o) => o !== m).map((o) => src(`modules/${o}`))],
    from: src(`modules/${m}`),
    // index.ts; client.ts where a module offers client components to other modules' client code.
    except: ["./index.ts", "./client.ts"],
    message: `Import this module through its entry point, "@/modules/${m}".`,
  })),
];

// Tests beside the code (*.test.ts, fixtures, src/pdf/testing) may read the seed in prisma/.
const TEST_FILES = ["src/**/*.test.ts", "src/**/*.fixture.ts", "src/**/testing/**"];
const outsideTheApp = {
  target: "./src",
  from: ["./tests", "./e2e", "./scripts", "./bench", "./prisma"],
  message: "Application code does not import tests, scripts, benchmarks or the seed.",
};

// One clock: "now" is read from the machine only in src/server/clock.ts; everything else takes it
// from there (now(), today(), an action's ctx.now) or as a parameter. Tests may use the real clock.
const CLOCK_MESSAGE = 'Take "now" from src/server/clock.ts (now(), today(), an action\'s ctx.now) or as a parameter.';
const noClockOutsideTheClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.name='Date']", message: CLOCK_MESSAGE },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Prettier wraps the code at 120; a string is not split mid-sentence (grep must find a message).
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    rules: {
      "max-len": [
        "error",
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "reports/**",
      ".stryker-tmp/**",
    ],
  },
  {
    files: ["src/**/*.{ts,tsx,mts,mjs}"],
    rules: {
      "import/no-restricted-paths": ["error", { zones }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx,mts,mjs}"],
    ignores: TEST_FILES,
    rules: { "import/no-restricted-paths": ["error", { zones: [...zones, outsideTheApp] }] },
  },
  {
    files: ["src/**/*.{ts,tsx,mts,mjs}"],
    ignores: [...TEST_FILES, "src/server/clock.ts"],
    rules: { "no-restricted-syntax": ["error", ...noClockOutsideTheClock] },
  },
  {
    files: ["src/domain/**/*.ts", "src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "react",
                "react-dom",
                "react/*",
                "next",
                "next/*",
                "next-auth",
                "@prisma/*",
                "@/generated/*",
                "pg",
                "nodemailer",
                "pdf-lib",
              ],
              message: "src/domain and src/lib are pure TypeScript: no framework, database or PDF library.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
