// The attendance list's autosave (issue 14, points 8-10): two editors of the same list get a real
// choice on a conflict and never a stuck one; one editor adding ~30 people and reloading gets
// exactly those people back; a new person is created only on an explicit act, never mid-typing.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const SAVED = "Sparat";

function attendanceOf(page: Page) {
  return page.getByRole("region", { name: "Närvaro" });
}

function statusOf(section: Locator) {
  return section.getByRole("status").first();
}

async function waitSaved(section: Locator) {
  await expect(statusOf(section)).toHaveText(SAVED, { timeout: 15_000 });
}

async function createMeeting(page: Page, date: string, attendance: "members" | "none") {
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(date);
  await page.getByLabel("Plats").fill("Rum Kinda");
  await page
    .getByLabel(attendance === "members" ? "Organets ledamöter och ersättare" : "Tom lista", { exact: true })
    .check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/direktionen-${date}/redigera$`));
  return `/moten/direktionen-${date}/redigera`;
}

async function editorPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, SECRETARY);
  return { context, page };
}

/** The person each row's select shows, as the user sees it. */
async function shownPeople(section: Locator) {
  return section
    .locator("select[id$='-person']")
    .evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
}

/** Type a new person's name into the last row and add them with Enter. */
async function addNewPerson(section: Locator, name: string) {
  await section.getByRole("button", { name: "Lägg till person", exact: true }).click();
  const field = section.getByLabel("Namn på ny person").last();
  await field.fill(name);
  await field.press("Enter");
}

test("two editors of the same attendance list: a real conflict offers keep-mine / take-theirs and never gets stuck", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await editorPage(browser);
  const b = await editorPage(browser);
  const url = await createMeeting(a.page, "2022-10-06", "members");
  await b.page.goto(url);
  const listA = attendanceOf(a.page);
  const listB = attendanceOf(b.page);
  await waitSaved(listA);
  await waitSaved(listB);

  // A saves first.
  await listA.locator("#narvaro-0-foretrader").fill("Ändrat av A");
  await waitSaved(listA);
  // B, still on the list as it was loaded, changes another row: a real conflict.
  await listB.locator("#narvaro-1-foretrader").fill("Ändrat av B");
  await expect(statusOf(listB)).toHaveText("Inte sparat – någon annan har ändrat samtidigt", { timeout: 15_000 });
  const panelB = listB.getByRole("alert").filter({ hasText: "Konflikt i närvarolistan" });
  await expect(panelB).toBeVisible();
  await expect(panelB.getByRole("row", { name: /Rad 1/ })).toContainText("Ändrat av A");
  await expect(panelB.getByRole("row", { name: /Rad 2/ })).toContainText("Ändrat av B");
  await expectNoAxeViolations(b.page);

  // B takes theirs: A's change appears, B's is dropped, and saving goes on.
  await panelB.getByRole("button", { name: "Använd den sparade versionen" }).click();
  await expect(panelB).toHaveCount(0);
  await expect(listB.locator("#narvaro-0-foretrader")).toHaveValue("Ändrat av A");
  await expect(listB.locator("#narvaro-1-foretrader")).not.toHaveValue("Ändrat av B");
  await waitSaved(listB);
  await listB.locator("#narvaro-1-foretrader").fill("B igen");
  await waitSaved(listB);

  // Now A is behind: A keeps A's own version, knowingly, and it is saved.
  await listA.locator("#narvaro-2-foretrader").fill("A:s sista ändring");
  const panelA = listA.getByRole("alert").filter({ hasText: "Konflikt i närvarolistan" });
  await expect(panelA).toBeVisible({ timeout: 15_000 });
  await panelA.getByRole("button", { name: "Spara min version" }).click();
  await waitSaved(listA);

  // Both reload: the same list, no conflict, nothing pending.
  for (const { page } of [a, b]) {
    await page.reload();
    const list = attendanceOf(page);
    await waitSaved(list);
    await expect(list.getByRole("alert")).toHaveCount(0);
    await expect(list.locator("#narvaro-0-foretrader")).toHaveValue("Ändrat av A");
    await expect(list.locator("#narvaro-1-foretrader")).not.toHaveValue("B igen"); // A kept A's list
    await expect(list.locator("#narvaro-2-foretrader")).toHaveValue("A:s sista ändring");
  }
  // And it keeps saving after the reloads.
  await listB.locator("#narvaro-1-foretrader").fill("Efter omladdning");
  await waitSaved(listB);
  await b.page.reload();
  await expect(attendanceOf(b.page).locator("#narvaro-1-foretrader")).toHaveValue("Efter omladdning");
  await a.context.close();
  await b.context.close();
});

test("one editor adds 30 people without waiting and reloads: every row keeps its own person, no conflict", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, SECRETARY);
  const url = await createMeeting(page, "2022-10-13", "none");
  const list = attendanceOf(page);
  const names = Array.from({ length: 30 }, (_, i) => `Närvarotest Gäst ${String(i + 1).padStart(2, "0")}`);
  for (const [i, name] of names.entries()) {
    await addNewPerson(list, name);
    // The row shows the person just added, not the first person of the list (point 9).
    await expect(list.locator(`#narvaro-${i}-person option:checked`)).toHaveText(name);
  }
  expect(await shownPeople(list)).toEqual(names);
  // The header's person lists offer them at once (point 11), without a reload.
  await expect(page.locator("#sekreterare option", { hasText: names[29]! })).toHaveCount(1);
  await waitSaved(list);
  expect(await shownPeople(list)).toEqual(names);

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await waitSaved(list);
  await expect(list.getByRole("alert")).toHaveCount(0);
  expect(await shownPeople(list)).toEqual(names);
  // Still saving after the reload.
  await list.locator("#narvaro-29-roll").selectOption("OTHER");
  await list.locator("#narvaro-29-titel").fill("sakkunnig");
  await waitSaved(list);
  await page.reload();
  await expect(list.locator("#narvaro-29-titel")).toHaveValue("sakkunnig");
});

test("a new person is created only on an explicit act: a pause while typing loses nothing", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, SECRETARY);
  await createMeeting(page, "2022-10-20", "none");
  const list = attendanceOf(page);
  await list.getByRole("button", { name: "Lägg till person", exact: true }).click();
  const field = list.getByLabel("Namn på ny person");
  await field.pressSequentially("Ingr");
  await page.waitForTimeout(2_000); // longer than the autosave's delay
  // Nothing was created and nothing disappeared; the status says why the list is not saved.
  await expect(field).toHaveValue("Ingr");
  await expect(statusOf(list)).toContainText("Inte sparat");
  await expect(statusOf(list)).toContainText("Rad 1");
  await field.pressSequentially("id Närvarosson");
  await expect(field).toHaveValue("Ingrid Närvarosson");
  await list.getByRole("button", { name: "Lägg till som ny person" }).click();
  await expect(list.locator("#narvaro-0-person option:checked")).toHaveText("Ingrid Närvarosson");
  await waitSaved(list);
  await page.reload();
  await expect(list.locator("#narvaro-0-person option:checked")).toHaveText("Ingrid Närvarosson");
  // No person with the partial name exists anywhere in the lists.
  await expect(list.locator("#narvaro-0-person option", { hasText: /^Ingr$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a person select lists the body's members first; a search reaches everyone else (point 11)", async ({ page }) => {
  await signInAs(page, SECRETARY);
  await createMeeting(page, "2022-10-27", "none");
  const list = attendanceOf(page);
  await list.getByRole("button", { name: "Lägg till person", exact: true }).click();
  const select = list.locator("#narvaro-0-person");
  // Members of Direktionen are there without searching, grouped first; other people of the
  // organisation (an official who is no member) are not.
  await expect(select.locator("optgroup").first()).toHaveAttribute("label", "Organets ledamöter och ersättare");
  await expect(select.locator("option", { hasText: "Jacob Käll" })).toHaveCount(1);
  await expect(select.locator("option", { hasText: "Malin Vikström" })).toHaveCount(0);
  // Searching narrows the list without choosing anything.
  const search = list.locator("#narvaro-0-person-sok");
  await expect(search).toHaveAccessibleName("Sök bland alla personer");
  await expect(search).toHaveAccessibleDescription(/Rad 1: person/);
  await search.fill("vikstrom");
  await expect(select.locator("option", { hasText: "Malin Vikström" })).toHaveCount(1);
  await expect(select.locator("option", { hasText: "Jacob Käll" })).toHaveCount(0);
  await expect(select.locator("option:checked")).toHaveText("Ny person…");
  await selectByLabel(select, "Malin Vikström");
  await search.fill("");
  // The chosen person stays listed and chosen; she is now of this meeting, so listed for the header too.
  await expect(select.locator("option:checked")).toHaveText("Malin Vikström");
  await expect(page.locator("#sekreterare option", { hasText: "Malin Vikström" })).toHaveCount(1);
  await waitSaved(list);
  await page.reload();
  await expect(select.locator("option:checked")).toHaveText("Malin Vikström");
  await expectNoAxeViolations(page);
});

async function selectByLabel(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}
