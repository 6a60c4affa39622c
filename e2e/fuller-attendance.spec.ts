// Fuller attendance through the browser (issue 14, point 4): a ledamot who did not attend, the
// ersättare who served for them, a time of arrival, and the justering's time; stored, shown again
// after a reload, on the protocol page and in the draft PDF.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { waitSaved } from "./editor";
import { expectNoAxeViolations } from "./axe";

const DATE = "2022-11-03";
const SLUG = `direktionen-${DATE}`;

function attendanceOf(page: Page) {
  return page.getByRole("region", { name: "Närvaro" });
}

/** The row index of a person in the attendance list, by the name its select shows. */
async function rowOf(section: Locator, name: string): Promise<number> {
  const shown = await section
    .locator("select[id$='-person']")
    .evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
  const i = shown.findIndex((text) => text.startsWith(name));
  expect(i, `${name} in ${shown.join(" | ")}`).toBeGreaterThanOrEqual(0);
  return i;
}

test("an absent ledamot with a serving ersättare, an arrival time and the justering's time", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(DATE);
  await page.getByLabel("Plats").fill("Rum Kinda");
  await page.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/${SLUG}/redigera$`), { timeout: 30_000 });

  const list = attendanceOf(page);
  await waitSaved(list);
  const conny = await rowOf(list, "Conny Forsberg");
  const joakim = await rowOf(list, "Joakim Magnusson");
  const annicki = await rowOf(list, "Annicki Oscarsson");

  // Conny Forsberg did not attend; Joakim Magnusson served in his place.
  await list.locator(`#narvaro-${conny}-roll`).selectOption({ label: "Frånvarande ledamot" });
  await expect(list.locator(`#narvaro-${conny}-kom`)).toHaveCount(0); // no times for one who was not there
  await list.locator(`#narvaro-${joakim}-roll`).selectOption({ label: "Tjänstgörande ersättare" });
  const servesFor = list.getByLabel("Tjänstgör för");
  await servesFor.selectOption({
    label: (await servesFor.locator("option", { hasText: "Conny Forsberg" }).first().textContent())!,
  });
  // Annicki Oscarsson came at 10.40; a time in the wrong form is explained, not lost.
  await list.locator(`#narvaro-${annicki}-kom`).fill("kvart i elva");
  await expect(list.getByText("Ange tiden som TT:MM, t.ex. 10:00.")).toBeVisible({ timeout: 15_000 });
  await expect(list.locator(`#narvaro-${annicki}-kom`)).toHaveValue("kvart i elva");
  await list.locator(`#narvaro-${annicki}-kom`).fill("10.40");
  await waitSaved(list);

  const header = page.getByRole("region", { name: "Sammanträdet" });
  await header.getByLabel("Justeringens plats").fill("Stadshuset");
  await header.getByLabel("Justeringens datum").fill("2022-11-10");
  await header.getByLabel("Justeringens tid").fill("10.00");
  await waitSaved(header);
  await expectNoAxeViolations(page);

  // After a reload: everything as entered, times in one spelling.
  await page.reload();
  await waitSaved(attendanceOf(page));
  await expect(list.locator(`#narvaro-${conny}-roll`)).toHaveValue("ABSENT");
  await expect(list.locator(`#narvaro-${joakim}-roll`)).toHaveValue("SERVING_SUBSTITUTE");
  await expect(list.getByLabel("Tjänstgör för").locator("option:checked")).toHaveText(/^Conny Forsberg/);
  await expect(list.locator(`#narvaro-${annicki}-kom`)).toHaveValue("10:40");
  await expect(header.getByLabel("Justeringens tid")).toHaveValue("10:00");

  // The protocol page prints them as the närvarolista does.
  await page.goto(`/moten/${SLUG}`);
  const view = page.locator(".protocol");
  await expect(view).toContainText("Joakim Magnusson, tjänstgörande ersättare för Conny Forsberg, Åtvidabergs kommun");
  await expect(view.getByRole("row", { name: /^Frånvarande/ })).toContainText(
    "Conny Forsberg, Kinda kommun, ersatt av Joakim Magnusson",
  );
  await expect(view).toContainText("Annicki Oscarsson, Ödeshögs kommun från kl. 10:40");
  await expect(view.getByRole("row", { name: /^Justeringens plats och tid/ })).toContainText(
    "Stadshuset, 2022-11-10 kl. 10:00",
  );
  await expectNoAxeViolations(page);

  // And so does the draft PDF.
  const pdf = await page.request.get(`/moten/${SLUG}/pdf`);
  expect(pdf.status()).toBe(200);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-fuller-attendance-"));
  writeFileSync(path.join(dir, "p.pdf"), await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", path.join(dir, "p.pdf"), "-"], {
    encoding: "utf8",
  }).replace(/\s+/g, " ");
  expect(text).toContain("Joakim Magnusson, tjänstgörande ersättare för Conny Forsberg, Åtvidabergs kommun");
  expect(text).toContain("Frånvarande Conny Forsberg, Kinda kommun, ersatt av Joakim Magnusson");
  expect(text).toContain("Annicki Oscarsson, Ödeshögs kommun från kl. 10:40");
  expect(text).toContain("Justeringens plats och tid Stadshuset, 2022-11-10 kl. 10:00");
});
