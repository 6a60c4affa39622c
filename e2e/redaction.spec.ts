import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { addParagraph, newDirektionenMeeting, waitSaved } from "./editor";

// Redaction in the editor (issue 17.2): a passage marked with "Utelämna" in the rich text, a
// private person's name and the ground, saved and back after a reload, with the level the § will
// be published at. (What the public copies then show: tests/fuzz-public.int.test.ts and the
// projection's unit tests.)
const DATE = "2027-10-21";
const TITLE = "Ansökan om färdtjänst för redigering";
const PASSAGE = "på grund av sin diagnos";

test("a passage marked 'Utelämna', a name and the ground are saved with the §, which will be published with redactions", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await newDirektionenMeeting(page, { Datum: DATE, Starttid: "09:00", Plats: "Sammanträdesrummet" });

  const p = await addParagraph(page, TITLE);
  const level = p.locator("summary", { hasText: "Offentlig kopia:" });
  await expect(level).toHaveText("Offentlig kopia: hela paragrafen publiceras");

  // Type a sentence, select the passage with the keyboard, mark it.
  await p.getByRole("button", { name: 'Lägg till "Ärendet"' }).click();
  const text = p.getByRole("textbox", { name: "Text: Ärendet" });
  await text.click();
  await page.keyboard.type(`Maja Privatsson ansöker om färdtjänst ${PASSAGE}`);
  for (let i = 0; i < PASSAGE.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  const mark = p.getByRole("button", { name: /^Utelämna i offentlig kopia/ });
  await expect(mark).toHaveAttribute("aria-pressed", "false");
  await mark.click();
  await expect(mark).toHaveAttribute("aria-pressed", "true");
  await expect(text.locator("span.redacted")).toHaveText(PASSAGE);
  await expect(level).toHaveText("Offentlig kopia: publiceras med utelämnanden");

  await p.getByLabel("Namn på privatpersoner som utelämnas").fill("Maja Privatsson");
  await p.getByLabel("Grund för att inte lämna ut").fill("OSL 26 kap. 1 §");
  await waitSaved(p);

  // The live checker has nothing to say about a ground in the right form with something withheld.
  await expect(page.getByText(/anger ingen grund|anger inte kapitel och paragraf/)).toHaveCount(0);

  await page.reload();
  const again = page.getByRole("region", { name: new RegExp(`^§ \\d+ ${TITLE}`) });
  await expect(again.locator("span.redacted")).toHaveText(PASSAGE);
  await expect(again.getByLabel("Namn på privatpersoner som utelämnas")).toHaveValue("Maja Privatsson");
  await expect(again.getByLabel("Grund för att inte lämna ut")).toHaveValue("OSL 26 kap. 1 §");
  await expect(again.locator("summary", { hasText: "Offentlig kopia:" })).toHaveText(
    "Offentlig kopia: publiceras med utelämnanden",
  );
});
