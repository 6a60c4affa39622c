// Shared steps of the specs that write in the protocol editor.
import { expect, type Locator, type Page } from "@playwright/test";

/** Waits until a part of the editor (a §, the header, …) says its autosave is done. */
export async function waitSaved(section: Locator) {
  await expect(section.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });
}

/**
 * A new meeting of the Direktionen from the start page's link, filled with `fields` by label
 * (Datum, Starttid, Plats, …) and with the body's members as attendance when `members` is set;
 * returns when the editor of the new meeting is open.
 */
export async function newDirektionenMeeting(
  page: Page,
  fields: Record<string, string>,
  options: { members?: boolean } = {},
) {
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
  if (options.members) await page.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/direktionen-${fields.Datum}/redigera$`), { timeout: 30_000 });
}

/** Adds a § titled `title` in the open editor and returns its region. */
export async function addParagraph(page: Page, title: string): Promise<Locator> {
  await page.getByLabel("Ny paragraf: rubrik").fill(title);
  await page.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
  const region = page.getByRole("region", { name: new RegExp(`^§ \\d+ ${title}`) });
  await expect(region).toBeVisible();
  return region;
}
