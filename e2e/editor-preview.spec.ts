import { expect, test, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { addParagraph, newDirektionenMeeting, waitSaved } from "./editor";
import { expectNoAxeViolations } from "./axe";

// The § being written, as it will stand in the protocol (issue 16 point 3): shown beside or under
// the § by its "Förhandsvisning" toggle and following what is typed.
const DATE = "2027-09-16";
const TITLE = "Budget 2028 för förhandsvisning";

function preview(page: Page) {
  return page.getByRole("region", { name: /^Förhandsvisning av § \d+: så här blir paragrafen i protokollet$/ });
}

test("the preview follows the title, an att-clause and a section as typed, in the protocol's order", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAs(page, SECRETARY);
  await newDirektionenMeeting(page, { Datum: DATE, Starttid: "09:00", Plats: "Sammanträdesrummet" });

  const p = await addParagraph(page, TITLE);
  const number = (await p.getByRole("heading", { level: 2 }).first().textContent())!.match(/§ (\d+)/)![1]!;

  // Closed until asked for; the toggle says whether it is open.
  const toggle = p.getByRole("button", { name: `Förhandsvisning av § ${number}` });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(preview(page)).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const view = preview(page);
  await expect(view).toBeVisible();
  await expect(view).toContainText("Förhandsvisning – så här blir paragrafen i protokollet");
  // Not a live region: a screen reader is not made to read it on every key.
  await expect(view).not.toHaveAttribute("aria-live");
  expect(await view.locator("[aria-live], [role=status], [role=alert]").count()).toBe(0);
  await expect(view.getByRole("heading", { level: 3 })).toHaveText(`§ ${number} ${TITLE}`);

  // The title as typed, key by key.
  const title = p.getByLabel("Rubrik", { exact: true });
  await title.click();
  await title.press("End");
  await page.keyboard.type(" med plan");
  await expect(view.getByRole("heading", { level: 3 })).toHaveText(`§ ${number} ${TITLE} med plan`);

  // The Dnr as the protocol prints it (without the organisation's prefix).
  await p.getByLabel("Diarienummer (Dnr)").fill("ITSAM 2027/41");
  await expect(view).toContainText("Dnr 2027/41");

  // The decision under the body's genitive, with its att-clauses.
  await p.getByLabel("Beslutstext").fill("Direktionen beslutar:");
  await p.getByRole("button", { name: "Lägg till att-sats" }).click();
  const clause = p.getByLabel("Att-sats 1", { exact: true });
  await clause.click();
  await clause.press("End");
  await page.keyboard.type("anta budget för år 2028.");
  const decision = view.getByRole("region", { name: "Direktionens beslut" });
  await expect(decision.getByRole("heading", { level: 4 })).toHaveText("Direktionens beslut");
  await expect(decision).toContainText("Direktionen beslutar:");
  await expect(decision.getByRole("listitem")).toHaveText(["att anta budget för år 2028."]);

  // A section's rich text, typed into the editor.
  await p.getByRole("button", { name: 'Lägg till "Sammanfattning av ärendet"' }).click();
  const text = p.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
  await text.click();
  await page.keyboard.type("Budgeten läses i sin helhet i underlaget.");
  const summary = view.getByRole("region", { name: "Sammanfattning av ärendet" });
  await expect(summary).toContainText("Budgeten läses i sin helhet i underlaget.");

  // The order of the printed protocol: the §, then the decision (Direktionen prints it first), the sections.
  await expect(view.getByRole("heading")).toHaveText([
    `§ ${number} ${TITLE} med plan`,
    "Direktionens beslut",
    "Sammanfattning av ärendet",
  ]);
  await waitSaved(p);

  // Confidential: the preview is the secretary's view, the signed original, and says so.
  await p.getByLabel("Sekretess (visas inte publikt)").check();
  await expect(view).toContainText("visar paragrafen som i det signerade originalet");
  await expect(view).toContainText("Budgeten läses i sin helhet i underlaget.");
  await expect(view.getByText("Sekretess", { exact: true })).toBeVisible();
  await waitSaved(p);

  // No id of the editor's is repeated, and the page with the preview passes axe.
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates).toEqual([]);
  await expectNoAxeViolations(page);

  // Closed again on request; the § and its fields stay as they were.
  await toggle.click();
  await expect(preview(page)).toHaveCount(0);
  await expect(title).toHaveValue(`${TITLE} med plan`);
});
