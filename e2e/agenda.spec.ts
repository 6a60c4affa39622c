// Agenda items (issue 15, points 1 and 2) through the browser: a secretary creates an ärende in
// Direktionen's pool, fills it from a tjänsteskrivelse (a real DOCX with a table and a numbered
// list), uploads a confidential handling and downloads it, puts the ärende on the meeting's
// ärendelista and finds it numbered there. A refused import says why in Swedish. axe on each page.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { tjansteskrivelseDocx } from "../tests/support/docx-files";
import { importTjansteskrivelse } from "./agenda-import";
import { signInAs, SECRETARY } from "./auth";
import { expectNoAxeViolations } from "./axe";

test("a secretary prepares an ärende from a tjänsteskrivelse and puts it on the ärendelista", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-agenda-"));
  const docx = path.join(dir, "Tjänsteskrivelse budget 2026.docx");
  writeFileSync(docx, await tjansteskrivelseDocx());
  const garbage = path.join(dir, "inte-word.docx");
  writeFileSync(garbage, "det här är ingen Word-fil");
  const pdf = path.join(dir, "Underlag.pdf");
  writeFileSync(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");

  await signInAs(page, SECRETARY);
  await page.goto("/organ/direktionen/arenden");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ärendepool: Direktionen");
  await expectNoAxeViolations(page);
  await page.getByLabel("Rubrik").fill("Budget 2026 med plan för 2027–2028");
  await page.getByLabel("Diarienummer (valfritt)").fill("ITSAM 2026/7");
  await page.getByRole("button", { name: "Skapa ärendet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Budget 2026 med plan för 2027–2028");
  await expect(page.getByRole("status")).toContainText("Ärendet är skapat");
  await expectNoAxeViolations(page);

  // Not a Word file: refused in Swedish, nothing changed.
  await page.getByLabel("Tjänsteskrivelse (Word, DOCX)").setInputFiles(garbage);
  await page.getByRole("button", { name: "Hämta från tjänsteskrivelsen" }).click();
  await expect(page.getByRole("alert").first()).toContainText("inte ett Word-dokument");

  const summary = await importTjansteskrivelse(page, docx, {
    intro: "Direktionen föreslås besluta",
    clauses: [
      "att fastställa budget för 2026 med plan för 2027–2028,",
      "att medlemsavgifterna för 2026 ska vara oförändrade.",
    ],
  });
  await expect(summary.getByRole("table")).toContainText("Medlemsavgifter");
  await expect(summary.getByRole("listitem").filter({ hasText: "Löneökning om 3 procent" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A confidential handling, downloaded by the secretary.
  await page.getByLabel("Handlingens titel").fill("Underlag till budgeten");
  await page.getByLabel("Fil (PDF eller Word, DOCX)").setInputFiles(pdf);
  await page.getByLabel(/^Sekretess \(visas bara/).check();
  await page.getByRole("button", { name: "Ladda upp handlingen" }).click();
  await expect(page.getByRole("status")).toContainText("Handlingen är uppladdad");
  const link = page.getByRole("link", { name: "Underlag till budgeten" });
  const res = await page.request.get((await link.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // Onto the meeting's ärendelista.
  const target = page.getByLabel("Lägg ärendet på");
  const meetingOption = target.locator("option", { hasText: "2021-11-18" });
  await target.selectOption(await meetingOption.getAttribute("value"));
  await page.getByRole("button", { name: "Flytta ärendet" }).click();
  await expect(page.getByText(/Ärende \d+ på ärendelistan för Direktionen 2021-11-18/)).toBeVisible();
  await page.getByRole("link", { name: /Ärendelista Direktionen 2021-11-18/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ärendelista: Direktionen 2021-11-18");
  const row = page.getByRole("row").filter({ hasText: "Budget 2026 med plan för 2027–2028" });
  await expect(row).toContainText("ITSAM 2026/7");
  await expect(row).toContainText("Under beredning");
  await expectNoAxeViolations(page);

  // Back to the pool from the list.
  await row.getByRole("button", { name: /Till poolen/ }).click();
  await expect(page.getByRole("row").filter({ hasText: "Budget 2026 med plan för 2027–2028" })).toContainText(
    "Lägg på listan",
  );
});
