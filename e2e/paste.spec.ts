// Paste from a word processor into a § section's rich text (issue 16 point 5): the clipboard
// HTML that LibreOffice Writer and Microsoft Word produce (e2e/fixtures/paste, with how each was
// made) arrives as the nearest rich-text structure, and what arrives is what is saved.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "paste");
const SAMPLES = [
  { file: "libreoffice-7.4-writer.html", date: "2023-05-11" },
  { file: "word-format-handwritten.html", date: "2023-05-12" },
];

/** A paste event carrying the clipboard's HTML, as Chromium delivers one to the editor. */
async function pasteHtml(target: Locator, html: string) {
  await target.click();
  await target.evaluate((el, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/html", data);
    clipboardData.setData("text/plain", "(text)");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, html);
}

async function newParagraphWithSection(page: Page, date: string): Promise<Locator> {
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(date);
  await page.getByLabel("Starttid").fill("10:00");
  await page.getByLabel("Plats").fill("Kommunhuset");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/redigera$/, { timeout: 15_000 });
  await page.getByLabel("Ny paragraf: rubrik").fill("Taxor för lokaler");
  await page.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
  const p = page.getByRole("region", { name: /^§ \d+ Taxor för lokaler/ });
  await p.getByRole("button", { name: 'Lägg till "Sammanfattning av ärendet"' }).click();
  return p;
}

/** The structure every sample must arrive as. */
async function expectFittedStructure(text: Locator) {
  // Headings (h1/h2 in the source) become the subset's sub-headings.
  await expect(text.locator("h3")).toHaveText(["Ärendebeskrivning", "Förslag"]);
  await expect(text.locator("strong", { hasText: "sett över" })).toHaveCount(1);
  await expect(text.locator("em", { hasText: "kommunens" })).toHaveCount(1);
  await expect(text.locator("strong em, em strong").filter({ hasText: "ekonomienheten" })).toHaveCount(1);

  // The bullet list keeps its nesting.
  const items = text.locator(":scope > ul > li");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator(":scope > p")).toHaveText("Höjd timtaxa för idrottshallar");
  await expect(items.nth(0).locator(":scope > ul > li")).toHaveText(["Vardagar", "Helger"]);
  await expect(items.nth(1)).toHaveText("Oförändrad taxa för föreningar");

  // The numbered list keeps its numbers as text (the subset has no numbered list).
  const paragraphs = text.locator(":scope > p");
  await expect(paragraphs.filter({ hasText: "Taxan gäller" })).toHaveText("1. Taxan gäller från den 1 januari 2027.");
  await expect(paragraphs.filter({ hasText: "Äldre bokningar" })).toHaveText(
    /^a[.)] Äldre bokningar faktureras enligt gammal taxa\.$/,
  );
  await expect(paragraphs.filter({ hasText: "KPI" })).toHaveText("2. Taxan räknas upp med KPI årligen.");

  // The table: header cells with their spans, numbers right-aligned and whole.
  const rows = text.locator("table tr");
  await expect(rows).toHaveCount(4);
  const head = rows.nth(0).locator("th");
  await expect(head).toHaveText(["Verksamhet", "Kostnad (tkr)"]);
  await expect(head.nth(0)).toHaveAttribute("rowspan", "2");
  await expect(head.nth(1)).toHaveAttribute("colspan", "2");
  await expect(rows.nth(1).locator("th")).toHaveText(["2026", "2027"]);
  await expect(rows.nth(2).locator("td")).toHaveText(["Idrottshallar", "-1 113 083", "-1 150 000"]);
  await expect(rows.nth(2).locator("td").nth(1).locator("p")).toHaveCSS("text-align", "right");
  await expect(rows.nth(3).locator("td strong")).toHaveText("Summa");
}

for (const sample of SAMPLES) {
  test(`pasting ${sample.file} gives headings, lists, numbers and the table, and it is saved`, async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, SECRETARY);
    const p = await newParagraphWithSection(page, sample.date);
    const text = p.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
    await pasteHtml(text, readFileSync(path.join(FIXTURES, sample.file), "utf8"));
    await expectFittedStructure(text);
    await expect(p.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });

    // What was saved comes back the same.
    await page.reload();
    const again = page
      .getByRole("region", { name: /^§ \d+ Taxor för lokaler/ })
      .getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
    await expectFittedStructure(again);
  });
}

test("a budget table copied from LibreOffice Calc keeps its spans, alignment and unbreakable numbers", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, SECRETARY);
  const p = await newParagraphWithSection(page, "2023-05-15");
  const text = p.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
  await pasteHtml(text, readFileSync(path.join(FIXTURES, "libreoffice-7.4-calc.html"), "utf8"));
  const rows = text.locator("table tr");
  await expect(rows).toHaveCount(4);
  // Calc marks no header row, so none is invented: the cells stay cells, with their spans.
  const first = rows.nth(0).locator("td");
  await expect(first).toHaveText(["Verksamhet", "Kostnad (tkr)"]);
  await expect(first.nth(0)).toHaveAttribute("rowspan", "2");
  await expect(first.nth(1)).toHaveAttribute("colspan", "2");
  await expect(first.nth(1).locator("p")).toHaveCSS("text-align", "center");
  // Calc's Swedish number format groups digits with no-break spaces: they arrive, so the
  // number never wraps inside its cell.
  const amount = rows.nth(2).locator("td").nth(1);
  await expect(amount).toHaveText("-1\u00a0113\u00a0083");
  await expect(amount.locator("p")).toHaveCSS("text-align", "right");
  await expect(rows.nth(3).locator("td strong")).toHaveText(["Summa", "-1\u00a0113\u00a0083", "-1\u00a0150\u00a0000"]);
  await expect(p.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });
});
