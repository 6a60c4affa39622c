// § templates (issue 16 point 4) through the browser: Direktionen's secretary writes an opening
// template (rubrik, decision, a section in the rich-text editor), creates a meeting that starts
// with the body's opening §§, and adds a § from a template on the meeting page. axe on each page.
import { expect, test } from "@playwright/test";
import { signInAs, SECRETARY } from "./auth";
import { expectNoAxeViolations } from "./axe";

// Several pages, each checked by axe: more than the default 30 seconds.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(({ page }) => signInAs(page, SECRETARY));

test("a secretary makes a template, starts a meeting with the opening §§ and adds a § from a template", async ({
  page,
}) => {
  await page.goto("/organ/direktionen/mallar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paragrafmallar: Direktionen");
  await expect(page.getByText("Organet har inga paragrafmallar ännu.")).toBeVisible();
  await expectNoAxeViolations(page);

  // A template without rubrik is refused in Swedish; what was typed stays.
  await page.getByLabel("Att-satser").fill("att utse Anna Berg att jämte ordföranden justera protokollet");
  await page.getByLabel("Paragrafens rubrik").evaluate((el) => el.removeAttribute("required"));
  await page.getByRole("button", { name: "Skapa mallen" }).click();
  await expect(page.locator("#ny-mall-result")).toContainText("Några uppgifter behöver rättas");
  await expect(page.getByText("Skriv en rubrik för paragrafen.")).toBeVisible();
  await expect(page.getByLabel("Att-satser")).toHaveValue(
    "att utse Anna Berg att jämte ordföranden justera protokollet",
  );

  await page.getByLabel("Paragrafens rubrik").fill("Val av justerare");
  await page.getByLabel("Inledande paragraf").check();
  await page.getByLabel("Inledning").fill("Direktionen beslutar:");
  await page.getByLabel("Rubrik för avsnitt 1").fill("Ärendet");
  const text = page.getByRole("textbox", { name: "Text i avsnitt 1" });
  await text.click();
  await page.keyboard.type("Ordföranden föreslår Anna Berg som justerare.");
  await page.getByRole("button", { name: "Skapa mallen" }).click();
  await expect(page).toHaveURL(/klart=skapad/, { timeout: 20_000 });
  await expect(page.getByRole("status")).toHaveText("Mallen är skapad.");
  const row = page.getByRole("row").filter({ hasText: "Val av justerare" });
  await expect(row).toContainText("Ja");
  await expect(row).toContainText("1 att-satser, 1 avsnitt");
  await expectNoAxeViolations(page);

  // The edit form shows what was saved, the section's text in the editor.
  await row.getByRole("link", { name: "Val av justerare" }).click();
  await expect(page.getByRole("heading", { name: "Ändra mallen ”Val av justerare”" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Text i avsnitt 1" })).toHaveText(
    "Ordföranden föreslår Anna Berg som justerare.",
  );
  await expectNoAxeViolations(page);

  // A new meeting starts with the body's opening §§ (the box is ticked).
  await page.goto("/organ/direktionen/nytt-sammantrade");
  await expect(page.getByLabel("Börja med organets inledande paragrafer")).toBeChecked();
  await expect(page.getByText("Val av justerare. De får paragrafernas första nummer.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Datum").fill("2032-05-20");
  await page.getByLabel("Plats").fill("Zoom");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2032-05-20\/redigera$/);

  // In the editor, "Paragraf från mall" sits beside "Lägg till paragraf".
  await page.getByLabel("Paragraf från mall").selectOption({ label: "Val av justerare" });
  await page.getByRole("button", { name: "Lägg till paragraf från mall" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2032-05-20\/redigera#paragraf-2$/);
  await expect(page.getByRole("region", { name: /^§ 2 Val av justerare/ })).toBeVisible();

  await page.goto("/moten/direktionen-2032-05-20");
  await expect(page.getByRole("heading", { name: /§ 1\b.*Val av justerare/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /§ 2\b.*Val av justerare/ })).toBeVisible();
  await expect(page.getByText("att utse Anna Berg att jämte ordföranden justera protokollet")).toHaveCount(2);
  await expectNoAxeViolations(page);

  // A § from a template, last in the meeting; the editor opens at it.
  const picker = page.getByRole("region", { name: "Paragraf från mall" });
  await picker.getByLabel("Paragraf från mall").selectOption({ label: "Val av justerare" });
  await picker.getByRole("button", { name: "Lägg till paragraf från mall" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2032-05-20\/redigera#paragraf-3$/);
  await page.goto("/moten/direktionen-2032-05-20");
  await expect(page.getByRole("heading", { name: /§ 3\b.*Val av justerare/ })).toBeVisible();
  await expect(page.getByText("Ordföranden föreslår Anna Berg som justerare.")).toHaveCount(3);
});
