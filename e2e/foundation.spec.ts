import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

test.beforeEach(async ({ page }) => {
  await signInAs(page, SECRETARY);
});

test("the home page lists the Itsam direktion and its seed meeting", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Paragraf/);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  const body = page.getByRole("region", { name: /Direktionen/ });
  await expect(body).toBeVisible();
  await expect(body.getByText("Itsam")).toBeVisible();
  await expect(body.getByRole("link", { name: "18 november 2021" })).toBeVisible();
  await expect(body.getByRole("cell", { name: "§§ 59–67" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the seed meeting page shows the header and § 62 with its budget table", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "18 november 2021" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2021-11-18$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Direktionen");

  const header = page.getByRole("table", { name: "Sammanträdets uppgifter" });
  await expect(header.getByRole("row", { name: /Plats och tid/ })).toContainText("Zoom, kl. 10:00 – 12:00");
  await expect(header).toContainText("Jacob Käll, ordförande, Vimmerby kommun");
  await expect(header).toContainText(
    "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67",
  );
  await expect(header).toContainText("Malin Vikström, ekonom §§ 62-63");
  await expect(header).toContainText("Paragrafer 59-67");

  const p62 = page.getByRole("article", { name: /§ 62 Budget 2022 samt plan för 2022-2024/ });
  await expect(p62).toContainText("Dnr 2021/72");
  await expect(p62.getByRole("heading", { name: "Direktionens beslut" })).toBeVisible();
  await expect(p62).toContainText("att anta budget för år 2022 jämte plan för 2022-2024");
  const table = p62.getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Resultatbudget" })).toBeVisible();
  const row = table.getByRole("row", { name: /Supportintäkter/ });
  await expect(row.getByRole("cell")).toHaveText(["Supportintäkter", "19 263", "19 032", "14 727"]);
  await expect(table.getByRole("row", { name: /^Resultat\b/ })).toContainText("1 280");
  await expect(p62.getByRole("heading", { name: "Yrkanden" })).toBeVisible();
  await expect(p62).toContainText("Jacob Käll");
  await expect(p62.getByRole("heading", { name: "Propositionsordning" })).toBeVisible();

  for (const n of [59, 60, 61, 62, 63, 64, 65, 66, 67]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^§ ${n}\\b`) })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("before justering the seed protocol is on no public page, whatever an earlier run cached", async ({ request }) => {
  // e2e runs on a fresh database; an earlier run on the same build justerat this meeting.
  for (const url of ["/protokoll/direktionen-2021-11-18", "/protokoll/direktionen-2021-11-18/protokoll.pdf"]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  expect(await (await request.get("/anslagstavla")).text()).not.toContain("sammanträde 18 november 2021");
});

test("an unknown meeting gives a Swedish 404 page", async ({ page }) => {
  const response = await page.goto("/moten/finns-inte-2020-01-01");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
});
