// The secretary changes the notice dates of the justerat seed meeting and the anslagstavla
// follows. Runs after public.spec.ts (files run in name order with one worker), which checks the
// dates the rules compute at justering.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "../src/lib/iso-date";
import { earliestTakeDownDate } from "../src/domain/rules/deadlines.rules";
import { ADJUSTER, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";

const SLUG = "direktionen-2021-11-18";
const todayInSweden = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

test("the secretary sets a later take-down date and the anslagstavla shows it; too early is refused in Swedish", async ({
  page,
  browser,
}) => {
  const posted = todayInSweden();
  const earliest = earliestTakeDownDate(posted);
  const later = addDays(earliest, 14);

  // The public copy as issued before the change.
  const before = await (await page.request.get(`/protokoll/${SLUG}/protokoll.pdf`)).body();

  await signInAs(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  const section = page.getByRole("region", { name: "Anslag", exact: true });
  await expect(section).toContainText(`Anslaget tas ned${earliest}`);
  await expect(section).toContainText(`Sista dag att överklaga${earliest}`);
  const takeDown = section.getByLabel("Datum då anslaget tas ned");
  await expect(takeDown).toHaveValue(earliest);

  // Earlier than the appeal period allows: the Swedish error, tied to the field, what was typed kept.
  await takeDown.fill(addDays(earliest, -1));
  await section.getByRole("button", { name: "Spara anslaget" }).click();
  const error = section.getByText(`Anslaget får tas ned tidigast ${earliest}, när tiden för överklagande har gått ut.`);
  await expect(error).toBeVisible();
  await expect(takeDown).toHaveValue(addDays(earliest, -1));
  await expect(takeDown).toHaveAttribute("aria-invalid", "true");
  await expect(takeDown).toHaveAttribute("aria-describedby", new RegExp(`\\b${await error.getAttribute("id")}\\b`));
  await expectNoAxeViolations(page);

  // A later date is saved and audited.
  await takeDown.fill(later);
  await section.getByRole("button", { name: "Spara anslaget" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Anslagets datum är sparade" })).toBeVisible();
  await expect(section).toContainText(`Anslaget tas ned${later}`);
  await expect(page.getByText(`Ändrade anslagets datum: nedtaget ${earliest} → ${later}`)).toBeAttached();

  // The public side follows at once: the anslagstavla, and the notice stays up past the old date.
  const citizen = await (await browser.newContext({ locale: "sv-SE" })).newPage();
  await citizen.goto("/anslagstavla");
  const notice = citizen.getByRole("article", { name: /Direktionen: sammanträde 18 november 2021/ });
  await expect(notice).toContainText(`Anslaget tas ned${later}`);
  await expect(notice).toContainText(`Sista dag att överklaga${earliest}`);
  await moveServerClock(citizen.request, `${addDays(earliest, 1)}T12:00:00Z`);
  try {
    await citizen.reload();
    await expect(notice).toBeVisible();
  } finally {
    await moveServerClock(citizen.request, null);
  }
  // The cached public protocol page shows the new date too.
  await citizen.goto(`/protokoll/${SLUG}`);
  await expect(citizen.getByRole("region", { name: "Anslag/bevis" })).toContainText(
    `Datum då anslaget tas ned${later}`,
  );

  // The public PDF is a sealed copy with the new date.
  const pdf = await citizen.request.get(`/protokoll/${SLUG}/protokoll.pdf`);
  expect(pdf.status()).toBe(200);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-e2e-notice-"));
  writeFileSync(path.join(dir, "p.pdf"), await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", path.join(dir, "p.pdf"), "-"], { encoding: "utf8" });
  expect(text).toMatch(new RegExp(`Datum då anslaget tas ned\\s+${later}`));
  expect(execFileSync("pdfsig", [path.join(dir, "p.pdf")], { encoding: "utf8" })).toContain("Signature is Valid.");

  // /verifiera: the new copy is current; the one issued before the change is still genuine, and
  // the reader is told it has been superseded.
  await citizen.goto("/verifiera");
  const result = citizen.getByRole("status");
  await citizen.getByLabel("Protokollet som PDF").setInputFiles(path.join(dir, "p.pdf"));
  await citizen.getByRole("button", { name: "Verifiera" }).click();
  await expect(result).toContainText(
    "från det justerade protokollet med ändrade anslagsdatum; paragrafer med sekretess (§ 61) är utelämnade.",
  );
  await expect(result).not.toContainText("efter att kopian utfärdades");
  writeFileSync(path.join(dir, "before.pdf"), before);
  await citizen.getByLabel("Protokollet som PDF").setInputFiles(path.join(dir, "before.pdf"));
  await citizen.getByRole("button", { name: "Verifiera" }).click();
  await expect(result).toContainText("från det justerade protokollet; paragrafer med sekretess (§ 61) är utelämnade.");
  await expect(result).toContainText(
    "Protokollet har fått rättelser eller ändrade anslagsdatum efter att kopian utfärdades.",
  );
  await expect(result.getByRole("link", { name: "protokollets sida" })).toHaveAttribute(
    "href",
    `/itsam/protokoll/${SLUG}`,
  );
  await expectNoAxeViolations(citizen);
});

test("without JavaScript the form still answers in Swedish and keeps what was typed; a justerare sees no form", async ({
  browser,
}) => {
  const earliest = earliestTakeDownDate(todayInSweden());
  const page = await (await browser.newContext({ locale: "sv-SE", javaScriptEnabled: false })).newPage();
  await signInAs(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  const section = page.getByRole("region", { name: "Anslag", exact: true });
  await section.getByLabel("Datum då anslaget tas ned").fill(addDays(earliest, -3));
  await section.getByRole("button", { name: "Spara anslaget" }).click();
  await expect(
    page.getByText(`Anslaget får tas ned tidigast ${earliest}, när tiden för överklagande har gått ut.`),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Anslag", exact: true }).getByLabel("Datum då anslaget tas ned"),
  ).toHaveValue(addDays(earliest, -3));

  const adjuster = await (await browser.newContext({ locale: "sv-SE" })).newPage();
  await signInAs(adjuster, ADJUSTER);
  await adjuster.goto(`/moten/${SLUG}`);
  await expect(adjuster.getByRole("region", { name: "Anslag", exact: true })).toContainText("Sista dag att överklaga");
  await expect(adjuster.getByRole("button", { name: "Spara anslaget" })).toHaveCount(0);
});
