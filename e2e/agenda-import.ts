import { expect, type Locator, type Page } from "@playwright/test";

/**
 * On an ärende's page: uploads a tjänsteskrivelse (DOCX) and checks that it filled the förslag
 * till beslut as expected. Returns the summary's region, for the caller's checks of its content.
 */
export async function importTjansteskrivelse(
  page: Page,
  file: string,
  expected: { intro: string; clauses: string[] },
): Promise<Locator> {
  await page.getByLabel("Tjänsteskrivelse (Word, DOCX)").setInputFiles(file);
  await page.getByRole("button", { name: "Hämta från tjänsteskrivelsen" }).click();
  await expect(page.getByRole("status")).toContainText(`${expected.clauses.length} att-satser`);
  await expect(page.getByLabel("Inledning")).toHaveValue(expected.intro);
  await expect(page.getByLabel("Att-satser")).toHaveValue(expected.clauses.join("\n"));
  return page.getByRole("region", { name: "Sammanfattning" });
}
