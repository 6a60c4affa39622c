// Bodies, the organisation's notice settings, the first § number and the person administration
// (issue 14, points 1, 2, 6 and 10), driven through the browser with axe scans. The demo data other
// specs rely on is left as it was: the organisation's settings are restored, Direktionen is not
// changed and its meeting of 2021-11-18 is not touched.
import { expect, test } from "@playwright/test";
import { ADMIN, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const BODY = "Testnämnden e2e";

// Long flows of several pages, each scanned by axe: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe.serial("the administrator", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, ADMIN);
  });

  test("creates a body that reports to Direktionen, with its genitive, kind and seats", async ({ page }) => {
    await page.goto("/admin");
    await page
      .getByRole("navigation", { name: "Administration" })
      .getByRole("link", { name: "Organ", exact: true })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organ");
    await expect(
      page.getByRole("table", { name: "Organ i Itsam" }).getByRole("row", { name: /Direktionen/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Nytt organ i Itsam" }).click();
    const form = page.locator("form#nytt-organ");
    // Bad input first: Swedish messages, nothing typed is lost.
    await form.getByLabel("Namn").fill(BODY);
    await form.getByLabel("Antal ledamotsplatser").fill("noll");
    await form.getByRole("button", { name: "Skapa organet" }).click();
    await expect(form.getByText("Ange genitivformen, t.ex. Arbetsutskottets.")).toBeVisible();
    await expect(form.getByText("Välj vilket slags organ det är.")).toBeVisible();
    await expect(form.getByText("Ange antalet ledamotsplatser som ett heltal, t.ex. 1.")).toBeVisible();
    await expect(form.getByLabel("Namn")).toHaveValue(BODY);
    await expectNoAxeViolations(page);

    await form.getByLabel("Genitiv").fill("Testnämndens");
    await form.getByLabel("Slags organ").selectOption({ label: "Nämnd" });
    await form.getByLabel("Antal ledamotsplatser").fill("5");
    await form.getByLabel("Rapporterar till").selectOption({ label: "Direktionen" });
    await form.getByRole("button", { name: "Skapa organet" }).click();
    await expect(page).toHaveURL(/\/admin\/organ\/testnamnden-e2e\?skapat=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Organet är skapat." })).toBeVisible();
    const edit = page.locator("form#organ");
    await expect(edit.getByLabel("Genitiv")).toHaveValue("Testnämndens");
    await expect(edit.getByLabel("Rapporterar till")).toHaveValue(/.+/);
    await expectNoAxeViolations(page);
  });

  test("refuses a cycle in reports-to with a Swedish message", async ({ page }) => {
    await page.goto("/admin/organ/direktionen");
    const form = page.locator("form#organ");
    await form.getByLabel("Rapporterar till").selectOption({ label: BODY });
    await form.getByRole("button", { name: "Spara organet" }).click();
    await expect(form.locator("#organ-parentBodyId-error")).toHaveText(
      "Det valda organet rapporterar redan (direkt eller via andra) till det här organet. Välj ett annat.",
    );
    await expect(form.getByLabel("Rapporterar till")).toHaveAccessibleDescription(/rapporterar redan/);
  });

  test("sets the ersättare order, merges a duplicate person, renames and removes a person", async ({ page }) => {
    await page.goto("/admin/organ/testnamnden-e2e");
    const add = async (name: string, start: string, end: string) => {
      const form = page.locator("form#uppdrag");
      await form.getByLabel("Person", { exact: true }).selectOption({ label: "Ny person …" });
      await form.getByLabel("Namn på ny person").fill(name);
      await form.getByLabel("Uppdrag").selectOption("SUBSTITUTE");
      await form.getByLabel("Representerar").fill("Ydre kommun");
      await form.getByLabel("Mandatperioden börjar").fill(start);
      await form.getByLabel("Mandatperioden slutar").fill(end);
      await form.getByRole("button", { name: "Lägg till uppdrag" }).click();
      await expect(form.getByRole("status")).toHaveText("Uppdraget är tillagt.");
      // The status reads the same after the first and the second; the new row is this one's answer.
      await expect(
        page
          .getByRole("table", { name: `Ledamöter och ersättare i ${BODY}` })
          .getByRole("row", { name: new RegExp(`^${name} `) }),
      ).toHaveCount(1);
    };
    await add("Pelle Dubblett", "2019-01-01", "2022-12-31");
    await add("Pelle Dublett", "2023-01-01", "2026-12-31");
    const order = page.getByRole("table", { name: `Ersättarordning i ${BODY}` });
    await page.reload();
    await order.getByLabel("Plats i ersättarordningen för Pelle Dublett").fill("1");
    await order.getByRole("button", { name: "Spara ordningen för Pelle Dublett" }).click();
    await expect(order.getByRole("status")).toHaveText("Sparad.");
    await page.reload();
    await expect(order.getByRole("row").nth(1)).toContainText("1Pelle Dublett");
    await expectNoAxeViolations(page);

    await page.goto("/admin/personer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personer");
    const people = page.getByRole("table", { name: "Personer i Itsam" });
    const row = people.getByRole("row", { name: /^Pelle Dublett/ });
    await row.getByText("Byt namn eller slå ihop").click();
    await row.getByLabel("Dubblett att slå ihop med Pelle Dublett").selectOption({ label: "Pelle Dubblett" });
    await row.getByRole("button", { name: "Slå ihop" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Personerna är sammanslagna." })).toBeVisible();
    await page.reload();
    await expect(people.getByRole("row", { name: /^Pelle Dubblett/ })).toHaveCount(0);
    const kept = people.getByRole("row", { name: /^Pelle Dublett/ });
    await expect(kept).toContainText("2 uppdrag");
    await kept.getByText("Byt namn eller slå ihop").click();
    await kept.getByLabel("Nytt namn för Pelle Dublett").fill("Pelle Dubblett");
    await kept.getByRole("button", { name: "Byt namn" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Namnet är ändrat." })).toBeVisible();
    await expectNoAxeViolations(page);

    // Without a membership the person is used nowhere and can be removed.
    await page.goto("/admin/organ/testnamnden-e2e");
    const members = page.getByRole("table", { name: `Ledamöter och ersättare i ${BODY}` });
    for (let i = 0; i < 2; i++) {
      await members.getByRole("button", { name: "Ta bort uppdraget för Pelle Dubblett" }).first().click();
      await expect(members.getByRole("row", { name: /Pelle Dubblett/ })).toHaveCount(1 - i);
    }
    await page.goto("/admin/personer");
    await page.getByRole("button", { name: "Ta bort Pelle Dubblett" }).click();
    await expect(
      page.getByRole("table", { name: "Personer i Itsam" }).getByRole("row", { name: /^Pelle Dubblett/ }),
    ).toHaveCount(0);
  });

  test("edits the organisation's notice settings with a preview, and restores them", async ({ page }) => {
    await page.goto("/admin/organisation");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationens uppgifter: Itsam");
    const form = page.locator("form#organisation");
    const preview = page.getByRole("region", { name: "Förhandsvisning av anslaget" });
    await expect(preview).toContainText("Protokollet är justerat. Justeringen har tillkännagivits genom anslag.");
    await form.getByLabel("Anslagets text").fill("Justeringen har tillkännagivits på förbundets webbplats.");
    await form.getByLabel("Förvaringsplats för protokollen").fill("Itsams kansli, Linköping");
    await form.getByLabel("Anslaget intygas av").fill("Joakim Karlsson, förbundssekreterare");
    await expect(preview).toContainText("Justeringen har tillkännagivits på förbundets webbplats.");
    await expect(preview).toContainText("Förvaringsplats för protokolletItsams kansli, Linköping");
    await expect(preview).toContainText("Joakim Karlsson, förbundssekreterare");
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: "Spara organisationens uppgifter" }).click();
    await expect(form.getByRole("status")).toContainText("Organisationens uppgifter är sparade.");
    await page.reload();
    await expect(form.getByLabel("Förvaringsplats för protokollen")).toHaveValue("Itsams kansli, Linköping");

    for (const label of ["Anslagets text", "Förvaringsplats för protokollen", "Anslaget intygas av"]) {
      await form.getByLabel(label).fill("");
    }
    await form.getByRole("button", { name: "Spara organisationens uppgifter" }).click();
    await expect(form.getByRole("status")).toContainText("Organisationens uppgifter är sparade.");
  });
});

test.describe("the secretary", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, SECRETARY);
  });

  test("sets a new meeting's first § number, refused where the year already has it", async ({ page }) => {
    await page.goto("/organ/direktionen/nytt-sammantrade");
    await page.getByLabel("Datum").fill("2021-12-16");
    await page.getByLabel("Plats").fill("Zoom");
    await page.getByLabel("Första paragrafnummer (valfritt)").fill("62");
    await page.getByRole("button", { name: "Skapa sammanträde" }).click();
    await expect(page.locator("#firstParagraphNumber-error")).toHaveText(
      /^§ 62 finns redan i ett annat sammanträde samma år \(direktionen-2021-11-18\)/,
    );
    await expect(page.getByLabel("Första paragrafnummer (valfritt)")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page);

    await page.getByLabel("Datum").fill("2031-03-13");
    await page.getByLabel("Plats").fill("Zoom");
    await page.getByLabel("Första paragrafnummer (valfritt)").fill("5");
    await page.getByRole("button", { name: "Skapa sammanträde" }).click();
    await expect(page).toHaveURL(/\/moten\/direktionen-2031-03-13\/redigera$/);

    await page.goto("/moten/direktionen-2031-03-13");
    const section = page.getByRole("region", { name: "Numrering och anslag" });
    await expect(section).toContainText("den första blir § 5");
    await section.getByLabel("Första paragrafnummer").fill("12");
    await section.getByRole("button", { name: "Spara första paragrafnumret" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Första paragrafnumret är sparat" })).toBeVisible();
    await expect(section).toContainText("den första blir § 12");
    await section.getByLabel("Anslaget intygas av").fill("Joakim Karlsson, sekreterare");
    await section.getByRole("button", { name: "Spara anslagets uppgifter" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Anslagets uppgifter är sparade." })).toBeVisible();
    await expect(section.getByLabel("Anslaget intygas av")).toHaveValue("Joakim Karlsson, sekreterare");
    await expectNoAxeViolations(page);
  });

  test("does not see the organisation's admin pages", async ({ page }) => {
    for (const path of ["/admin/organ", "/admin/organ/ny", "/admin/organisation", "/admin/personer"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
