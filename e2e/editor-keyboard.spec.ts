// The editor by keyboard alone (issue 16 point 6): a § written with shortcuts, Tab and typing (no
// mouse click), saved; Swedish spellcheck on every text field; axe on the editor with the outline
// and panels open, and with the checker and a § folded.
import { expect, test, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { newDirektionenMeeting } from "./editor";
import { expectNoAxeViolations } from "./axe";

const createMeeting = (page: Page, date: string) =>
  newDirektionenMeeting(page, { Datum: date, Plats: "Rum Kinda" }, { members: true });

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

test("a § written with the keyboard only is saved; fields are spellchecked in Swedish", async ({ page }) => {
  test.slow();
  await signInAs(page, SECRETARY);
  await createMeeting(page, "2035-06-15");
  const outline = page.getByRole("navigation", { name: "Paragrafer" });
  const before = await outline.getByRole("link").count();

  // Alt+Shift+N: to "Ny paragraf: rubrik"; Enter adds the §.
  await page.keyboard.press("Alt+Shift+KeyN");
  await expect(page.getByLabel("Ny paragraf: rubrik")).toBeFocused();
  await page.keyboard.type("Information från förbundsdirektören");
  await page.keyboard.press("Enter");
  await expect(outline.getByRole("link")).toHaveCount(before + 1, { timeout: 15_000 });
  const entry = outline.getByRole("link").last();
  await expect(entry).toContainText("Information från förbundsdirektören");
  const number = Number((await entry.innerText()).match(/§ (\d+)/)![1]);

  // Alt+Shift+P: to the outline; Enter on the entry: to the § with its rubrik focused.
  await page.keyboard.press("Alt+Shift+KeyP");
  await expect(outline.getByRole("link").first()).toBeFocused();
  await tabTo(page, `#disposition a[href="#paragraf-${number}"]`);
  await page.keyboard.press("Enter");
  await expect(page.locator(`#p${number}-titel`)).toBeFocused();

  // Tab to the decision and type it; Tab to the button adding a summary, Enter, Tab into it, type.
  await tabTo(page, `#p${number}-beslut-text`);
  await page.keyboard.type("Direktionen beslutar att lägga informationen till handlingarna.");
  const section = page.getByRole("region", { name: new RegExp(`^§ ${number} `) });
  const addSummary = section.getByRole("button", { name: 'Lägg till "Sammanfattning av ärendet"' });
  for (let i = 0; i < 40 && !(await addSummary.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(addSummary).toBeFocused();
  await page.keyboard.press("Enter");
  // The new section is above the button: back to its text with Shift+Tab.
  const text = section.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
  await expect(text).toBeVisible({ timeout: 15_000 });
  for (let i = 0; i < 10 && !(await text.evaluate((t) => t === document.activeElement)); i++)
    await page.keyboard.press("Shift+Tab");
  await expect(text).toBeFocused();
  await page.keyboard.type("Förbundsdirektören informerar om arbetet med budgeten.");
  await expect(section.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });

  // Alt+Shift+K / J: previous and next §.
  await page.keyboard.press("Alt+Shift+KeyK");
  if (number > 1 && before > 0) await expect(page.locator(`#p${number - 1}-titel`)).toBeFocused();
  await page.keyboard.press("Alt+Shift+KeyJ");
  await expect(page.locator(`#p${number}-titel`)).toBeFocused();

  // Alt+Shift+C: to the checker.
  await page.keyboard.press("Alt+Shift+KeyC");
  await expect(page.getByRole("button", { name: "Kontroll före justering" })).toBeFocused();

  // Spellcheck in Swedish on the rubrik, the decision and the rich text.
  for (const el of [page.locator(`#p${number}-titel`), page.locator(`#p${number}-beslut-text`), text]) {
    expect(
      await el.evaluate((e) => [(e as HTMLElement).spellcheck, e.closest("[lang]")?.getAttribute("lang")]),
    ).toEqual([true, "sv"]);
  }

  await page.reload();
  const again = page.getByRole("region", { name: new RegExp(`^§ ${number} `) });
  await expect(again.getByLabel("Beslutstext")).toHaveValue(
    "Direktionen beslutar att lägga informationen till handlingarna.",
  );
  await expect(again.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" })).toContainText(
    "Förbundsdirektören informerar om arbetet med budgeten.",
  );
  // The shortcuts are listed on the page.
  await page.getByText("Kortkommandon").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Alt+Skift+N")).toBeVisible();
});

test("the editor passes axe with the outline and panels open, and with the checker and §§ folded", async ({ page }) => {
  // axe walks the whole 9-§ editor (thousands of nodes): 18-28 s on a loaded machine, twice.
  test.setTimeout(300_000);
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  await expect(page.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" }).first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByText("Kortkommandon").click();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Kontroll före justering" }).click();
  await page.getByRole("button", { name: "Fäll ihop § 59" }).click();
  await page.getByRole("button", { name: "Fäll ihop § 60" }).click();
  await expect(page.getByRole("button", { name: "Fäll ut § 60" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Leave the checker open for the specs after this one (it is remembered in this browser only).
  await page.getByRole("button", { name: "Kontroll före justering" }).click();
});
