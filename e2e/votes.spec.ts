// Votes as recorded (issue 14 point 5), through the browser: in one §, a vote by name (only those
// serving in the § get a ballot, none with a default choice) and then a vote with totals only.
import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { waitSaved } from "./editor";
import { expectNoAxeViolations } from "./axe";

test("a secretary records a vote by name and a totals-only vote in one §; both are stored in order", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill("2022-04-21");
  await page.getByLabel("Starttid").fill("10:00");
  await page.getByLabel("Plats").fill("Zoom");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2022-04-21\/redigera$/);

  await page.getByLabel("Ny paragraf: rubrik").fill("Prislista 2023");
  await page.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
  const p = page.getByRole("region", { name: /^§ \d+ Prislista 2023/ });
  await expect(p).toBeVisible();

  // Vote 1, by name: a ballot per voter, none chosen yet.
  await p.getByRole("button", { name: /Lägg till omröstning/ }).click();
  const one = p.getByRole("group", { name: "Omröstning 1" });
  await one.getByLabel("Vad gällde omröstningen?").fill("propositionsordningen (ja) mot återremiss (nej)");
  const table = one.getByRole("table", { name: "Röster i omröstning 1" });
  const voters = await table.locator("tbody tr th").allTextContents();
  expect(voters.length).toBeGreaterThan(2);
  expect(voters.every((v) => v.endsWith("(inget val)"))).toBe(true);
  const names = voters.map((v) => v.replace("(inget val)", "").trim());
  for (const [i, name] of names.entries()) {
    const choice = i === 0 ? "nej" : i === 1 ? "frånvarande" : i === 2 ? "deltar ej" : "ja";
    await one.getByRole("radio", { name: `${name}: ${choice}`, exact: true }).check();
  }
  await expect(table.locator("tfoot")).toContainText(`Summa${names.length - 3}1011`);

  // Vote 2, totals only.
  await p.getByRole("button", { name: /Lägg till omröstning/ }).click();
  const two = p.getByRole("group", { name: "Omröstning 2" });
  await two.getByLabel("Vad gällde omröstningen?").fill("bifall (ja) mot avslag (nej)");
  await two.getByRole("radio", { name: /Bara summor/ }).check();
  await two.getByLabel("Antal ja").fill("3");
  await two.getByLabel("Antal nej").fill("1");
  await two.getByLabel("Antal avstår").fill("0");
  await two.getByLabel("Resultat som ordföranden meddelade").fill("Med 3 ja-röster mot 1 nej-röst bifalls förslaget.");
  await waitSaved(p);
  await expectNoAxeViolations(page);

  await page.reload();
  const after = page.getByRole("region", { name: /^§ \d+ Prislista 2023/ });
  const reloadedOne = after.getByRole("group", { name: "Omröstning 1" });
  await expect(reloadedOne.getByRole("radio", { name: `${names[0]}: nej`, exact: true })).toBeChecked();
  await expect(reloadedOne.getByRole("radio", { name: `${names[1]}: frånvarande`, exact: true })).toBeChecked();
  await expect(reloadedOne.getByRole("radio", { name: `${names[2]}: deltar ej`, exact: true })).toBeChecked();
  const reloadedTwo = after.getByRole("group", { name: "Omröstning 2" });
  await expect(reloadedTwo.getByRole("radio", { name: /Bara summor/ })).toBeChecked();
  await expect(reloadedTwo.getByLabel("Antal ja")).toHaveValue("3");
  await expect(reloadedTwo.getByLabel("Antal nej")).toHaveValue("1");

  // The protocol as read: both votes, in order.
  await page.getByRole("link", { name: "Förhandsvisa protokollet" }).click();
  const section = page.locator("article", { hasText: "Prislista 2023" });
  await expect(section.getByRole("heading", { name: "Omröstning 1" })).toBeVisible();
  await expect(section.getByRole("heading", { name: "Omröstning 2" })).toBeVisible();
  await expect(section).toContainText("Omröstningsresultat: 3 ja, 1 nej, 0 avstår.");
  const text = (await section.textContent()) ?? "";
  expect(text.indexOf("propositionsordningen (ja)")).toBeLessThan(text.indexOf("bifall (ja) mot avslag"));
});
