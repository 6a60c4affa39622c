// Extracts (utdrag) from the pages, issue 14 point 7. Runs after justering.spec.ts has made the
// seed meeting a justerat protocol with § 61 confidential (files run in name order, one worker).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CHAIR, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const SLUG = "direktionen-2021-11-18";

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "paragraf-e2e-utdrag-")), "utdrag.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** Submits the extract form and returns the URL asked for and the answer (the PDF is not shown). */
async function submitExtract(page: Page) {
  let captured: { url: string; status: number; type: string; body: Buffer } | null = null;
  await page.route("**/utdrag?**", async (route) => {
    const response = await route.fetch();
    captured = {
      url: route.request().url(),
      status: response.status(),
      type: response.headers()["content-type"] ?? "",
      body: await response.body(),
    };
    await route.fulfill({ status: 204 });
  });
  await page.getByRole("button", { name: "Skapa utdrag (PDF)" }).click();
  await expect.poll(() => captured).not.toBeNull();
  await page.unroute("**/utdrag?**");
  return captured!;
}

test("a reader makes an extract of two §§, a confidential one included, from the meeting page", async ({ page }) => {
  await signInAs(page, CHAIR);
  await page.goto(`/moten/${SLUG}`);
  const form = page.getByRole("region", { name: "Utdrag ur protokollet" });
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByRole("checkbox", { name: /^§ 61 / }).check();
  await form.getByRole("checkbox", { name: /^§ 62 / }).check();
  const answer = await submitExtract(page);
  expect(new URL(answer.url).searchParams.getAll("paragraf")).toEqual(["61", "62"]);
  expect(answer.status).toBe(200);
  expect(answer.type).toBe("application/pdf");
  const text = pdfText(answer.body);
  expect(text).toContain("Utdrag ur protokoll");
  expect(text).toContain("Paragrafer §§ 61-62");
  expect(text).toContain("Utdraget överensstämmer med det justerade protokollet");
});

test("the public protocol page offers only public §§ and gives their extract", async ({ page }) => {
  await page.goto(`/protokoll/${SLUG}`);
  const form = page.getByRole("region", { name: "Utdrag ur protokollet" });
  await expect(form).toContainText("Paragrafer med sekretess går inte att ta utdrag ur här.");
  await expect(form.getByRole("checkbox", { name: /^§ 61 / })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await form.getByRole("checkbox", { name: /^§ 62 / }).check();
  const answer = await submitExtract(page);
  expect(answer.status).toBe(200);
  expect(pdfText(answer.body)).toContain("Paragrafer § 62");
  // Asking for the confidential § by hand is refused.
  const refused = await page.request.get(`/protokoll/${SLUG}/utdrag?paragraf=61`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toMatch(/^§ 61 omfattas av sekretess/);
});
