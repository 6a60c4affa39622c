// What the editor's page makes the browser load (issue 16 point 1: the editor of a long protocol
// interactive within 1.5 s). Its scripts carry the editor, not zod (validation is the server's:
// src/client-imports.test.ts) and not the forms of other pages that a module's index.ts also
// exports (package.json "sideEffects" lets the bundler leave a module's unused re-exports out).
import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";

const SEED = "/moten/direktionen-2021-11-18/redigera";

/** `text` as it may stand in minified code: a non-ASCII letter as itself, \xHH or \uHHHH. */
function inCode(text: string): RegExp {
  const escaped = [...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 128) return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const hex = code.toString(16).padStart(2, "0");
    return `(?:${c}|\\\\x${hex}|\\\\u${hex.padStart(4, "0")})`;
  });
  return new RegExp(escaped.join(""), "i");
}

test("the editor's page loads the editor's code, without zod or other pages' forms", async ({ page }) => {
  await signInAs(page, SECRETARY);
  await page.goto(SEED);
  await expect(page.getByRole("button", { name: "Fäll ihop alla klara" })).toBeVisible();
  // Every script the page has loaded: those of the HTML, and those it added (the rich-text editor
  // is loaded in the first idle moment).
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((name) => new URL(name).pathname.endsWith(".js")),
  );
  expect(urls.length).toBeGreaterThan(3);
  const code = (await Promise.all(urls.map(async (url) => (await page.request.get(url)).text()))).join("\n");
  const has = (text: string) => inCode(text).test(code);
  // (Booleans, so that a failure names what was found rather than printing the code.)
  expect(has("Fäll ihop alla klara"), "the editor's own code (its button's text)").toBe(true);
  expect(code.includes("$ZodError"), "zod (its error class registers its name)").toBe(false);
  // The administration's user form, exported by the same index.ts as the site header's
  // organisation switcher, and the agenda's forms.
  expect(has("Lämna det till användaren på ett säkert sätt."), "the administration's user form").toBe(false);
  expect(has("Lägg till ärende"), "the agenda's form").toBe(false);
});
