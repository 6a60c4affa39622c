// Signers per § (issue 14 point 3) in the browser, on the seed draft: the secretary turns on
// "Undertecknare per paragraf", gives § 67 to the vice chair, sees the checker name the § that
// lacks a justerare, fixes it, and the protocol page shows what each signer answers for. It then
// turns the list off again, so that justering.spec.ts (sorting after this file) finds the seed as
// it was. Signing per § is covered end to end in tests/signers-per-paragraph.int.test.ts.
import { expect, test, type Locator } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const SLUG = "direktionen-2021-11-18";

/** Chooses the option whose text starts with the name (options read "Name (ledamot, Kommun)"). */
async function choose(select: Locator, name: string) {
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

test("assign signers per §, see the gaps and the §§ each signer answers for", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await page.goto(`/moten/${SLUG}/redigera`);
  const signers = page.getByRole("region", { name: "Undertecknare" });
  const saved = () => expect(signers.getByRole("status")).toHaveText("Sparat", { timeout: 15_000 });
  const checker = page.getByRole("region", { name: "Kontroll före justering" });
  // The header offers the secretary and justerare only while the signers are not set per §.
  const header = page.getByRole("region", { name: "Sammanträdet" });
  await expect(header.getByLabel("Sekreterare", { exact: true })).toBeVisible();
  await expect(header.getByLabel("Justerare 1", { exact: true })).toBeVisible();

  await signers.getByRole("button", { name: "Ange undertecknare per paragraf" }).click();
  await expect(header.getByLabel("Sekreterare", { exact: true })).toHaveCount(0);
  await expect(header.getByLabel("Justerare 1", { exact: true })).toHaveCount(0);
  await expect(header).toContainText("Sekreterare och justerare anges per paragraf under Undertecknare nedan.");
  // Prefilled with the seed's signers, each for the whole meeting.
  await expect(signers.getByLabel("Person, undertecknare 1")).toHaveValue(/.+/);
  await expect(signers.locator("select[id$='-roll']")).toHaveCount(3);
  await saved();

  // Jacob Käll chairs §§ 59-66; Elisabet Hagström, vice, chairs § 67; Annicki justerar §§ 59-66 only.
  await signers.getByLabel("Paragrafer, undertecknare 2").fill("59-66");
  await signers.getByLabel("Paragrafer, undertecknare 3").fill("59-66");
  await signers.getByRole("button", { name: "Lägg till undertecknare" }).click();
  await signers.getByLabel("Roll, undertecknare 4").selectOption("CHAIR");
  await choose(signers.getByLabel("Person, undertecknare 4"), "Elisabet Hagström");
  await signers.getByLabel("Paragrafer, undertecknare 4").fill("67");
  await saved();
  await expect(checker).toContainText("Det saknas justerare för § 67.");

  // The chair of § 67 may not justera it: a clash named per §.
  await signers.getByRole("button", { name: "Lägg till undertecknare" }).click();
  await choose(signers.getByLabel("Person, undertecknare 5"), "Elisabet Hagström");
  await signers.getByLabel("Paragrafer, undertecknare 5").fill("67");
  await saved();
  await expect(checker).toContainText("Elisabet Hagström står som ordförande och justerare för § 67.");
  await choose(signers.getByLabel("Person, undertecknare 5"), "Joakim Magnusson");
  await saved();
  await expect(checker).not.toContainText("Det saknas justerare");
  await expect(checker).not.toContainText("står som ordförande och justerare");

  // A range the parser cannot read is refused in Swedish; nothing typed is lost.
  await signers.getByLabel("Paragrafer, undertecknare 5").fill("67-60");
  await expect(signers.getByText("Intervallet 67-60 går baklänges.")).toBeVisible({ timeout: 15_000 });
  await signers.getByLabel("Paragrafer, undertecknare 5").fill("67");
  await saved();
  await expectNoAxeViolations(page);

  // Kept after a reload; the protocol page shows what each signer answers for.
  await page.reload();
  await expect(signers.getByLabel("Paragrafer, undertecknare 4")).toHaveValue("67");
  await page.goto(`/moten/${SLUG}`);
  const table = page.getByRole("table", { name: "Underskrifter" }).first();
  await expect(table).toContainText("Svarar för");
  await expect(table.getByRole("row", { name: /Elisabet Hagström/ })).toContainText("Paragraf 67");
  await expect(table.getByRole("row", { name: /Jacob Käll/ })).toContainText("Paragrafer 59-66");
  await expect(table.getByRole("row", { name: /Joakim Magnusson/ })).toContainText("Paragraf 67");
  await expectNoAxeViolations(page);

  // Back to the signers of "Sammanträdet" for the specs that follow.
  await page.goto(`/moten/${SLUG}/redigera`);
  page.once("dialog", (d) => void d.accept());
  await signers.getByRole("button", { name: "Sluta ange per paragraf" }).click();
  await saved();
  await expect(signers.getByRole("button", { name: "Ange undertecknare per paragraf" })).toBeVisible();
  await expect(header.getByLabel("Sekreterare", { exact: true })).toBeVisible();
});
