// The organisation's rule for old public copies (issue 17.2), after justering.spec.ts has made the
// seed meeting a justerat protocol: the admin sets "names for 1 year" and "noindex after the appeal
// period"; a year later the public page has no names, says why, and asks search engines not to
// index it. The rule and the clock are put back whatever happens (later specs read the names).
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";

const SLUG = "direktionen-2021-11-18";

async function saveRule(page: Page, years: string, noindex: boolean) {
  await page.goto("/admin/organisation");
  const form = page.locator("form#organisation");
  await form.getByLabel("Visa personnamn i den publika kopian i antal år").fill(years);
  await form.getByLabel(/Be sökmotorer att inte indexera/).setChecked(noindex);
  await form.getByRole("button", { name: "Spara organisationens uppgifter" }).click();
  await expect(form.getByRole("status")).toContainText("Organisationens uppgifter är sparade.");
}

test("names leave the public copy after the organisation's years, and search engines are told noindex", async ({
  page,
  browser,
}) => {
  await signInAs(page, ADMIN);
  // Bad input: a clear Swedish message, nothing saved.
  await page.goto("/admin/organisation");
  const form = page.locator("form#organisation");
  await form.getByLabel("Visa personnamn i den publika kopian i antal år").fill("0");
  await form.getByRole("button", { name: "Spara organisationens uppgifter" }).click();
  await expect(form.getByText("Ange antal år som ett heltal mellan 1 och 100, eller lämna fältet tomt.")).toBeVisible();
  await expectNoAxeViolations(page);

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/protokoll/${SLUG}`);
  await expect(citizen.getByRole("main")).toContainText("Joakim Magnusson");

  try {
    await saveRule(page, "1", true);
    const nextYear = new Date(Date.now() + 367 * 24 * 3600 * 1000).toISOString();
    await moveServerClock(citizen.request, nextYear);
    await citizen.goto(`/protokoll/${SLUG}`);
    await expect(citizen.getByText(/Personnamn är utelämnade i den här kopian/)).toBeVisible();
    const html = await citizen.content();
    expect(html).not.toContain("Joakim Magnusson");
    expect(html).not.toContain("Magnusson");
    await expect(citizen.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    const pdf = await citizen.request.get(`/protokoll/${SLUG}/protokoll.pdf`);
    expect(pdf.headers()["x-robots-tag"]).toBe("noindex");
    await expectNoAxeViolations(citizen);
  } finally {
    await moveServerClock(citizen.request, null);
    await saveRule(page, "", false);
  }
  await citizen.goto(`/protokoll/${SLUG}`);
  await expect(citizen.getByRole("main")).toContainText("Joakim Magnusson");
  await expect(citizen.locator('meta[name="robots"]')).toHaveCount(0);
});
