// Many organisations on one installation (issue 19.1), through the browser and the real server
// (each request starts seeing nothing; row-level security binds the app's role). The platform's
// admin creates a second organisation with its first admin; that admin sees and manages only
// their own organisation, and Itsam's admin and public site show nothing of the new one.
// Named to run late: after it the installation has two organisations, so the old addresses
// without an organisation list them instead of redirecting (the crawler, last, walks both).
import { expect, test } from "@playwright/test";
import { ADMIN, chooseOwnPassword, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const YDRE_ADMIN = "admin@ydre.example";
const PASSWORD = "ett långt nog lösenord för ydre";

test.describe.configure({ mode: "serial" });

test("the platform's admin creates an organisation with its first admin; a taken or reserved address is refused", async ({
  page,
}) => {
  await signInAs(page, ADMIN);
  await page.goto("/");
  await page.getByRole("link", { name: "Plattformen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer på plattformen");
  await expect(page.getByRole("cell", { name: "/itsam/anslagstavla" })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = page.locator("form#ny-organisation");
  const fill = async (slug: string) => {
    await form.getByLabel("Namn", { exact: true }).fill("Ydre kommun");
    await form.getByLabel("Adress", { exact: true }).fill(slug);
    await form.getByLabel("Diarieprefix").fill("KS");
    await form.getByLabel("Första administratörens e-postadress").fill(YDRE_ADMIN);
    await form.getByLabel("Namn (bara för ett nytt konto)").fill("Ylva Ydre");
    await form.getByLabel("Lösenord (bara för ett nytt konto)").fill(PASSWORD);
    await form.getByLabel("Upprepa lösenordet").fill(PASSWORD);
    await form.getByRole("button", { name: "Skapa organisation" }).click();
  };
  await fill("admin");
  await expect(
    form.getByText("Adressen ”admin” används redan av Paragraf själv; välj en annan.").first(),
  ).toBeVisible();
  await fill("itsam");
  await expect(form.getByText("Adressen ”itsam” har redan en annan organisation.").first()).toBeVisible();
  await fill("ydre");
  await expect(
    form.getByText("Organisationen är skapad. Dess anslagstavla: /ydre/anslagstavla.").first(),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole("cell", { name: "/ydre/anslagstavla" })).toBeVisible();
});

test("the new organisation's admin sees and manages only their own organisation", async ({ page }) => {
  await signInAs(page, YDRE_ADMIN, PASSWORD);
  // The platform's admin chose that password: the new admin chooses their own first.
  await chooseOwnPassword(page, YDRE_ADMIN, PASSWORD, "ylvas eget lösenord för ydre");
  await page.goto("/admin/anvandare");
  const users = page.getByRole("table").first();
  await expect(users).toContainText(YDRE_ADMIN);
  await expect(users).not.toContainText("itsam.example");
  // Not the platform's admin.
  await expect(page.getByRole("link", { name: "Plattformen" })).toHaveCount(0);
  expect((await page.goto("/plattform"))!.status()).toBe(404);

  // A body of their own, through the admin pages.
  await page.goto("/admin/organ/ny");
  await page.getByLabel("Namn", { exact: true }).fill("Kommunstyrelsen");
  await page.getByLabel("Genitiv").fill("Kommunstyrelsens");
  await page.getByLabel("Slags organ").selectOption({ label: "Styrelse" });
  await page.getByLabel("Antal ledamotsplatser").fill("11");
  await page.getByRole("button", { name: "Skapa organet" }).click();
  await expect(page).toHaveURL(/\/admin\/organ\/kommunstyrelsen/);

  // Itsam's meeting, body and admin pages are not there for them (404, nothing revealed).
  for (const path of ["/moten/direktionen-2021-11-18", "/admin/organ/direktionen", "/organ/direktionen/arenden"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(404);
    await expect(page.locator("body")).not.toContainText("Direktionen");
  }
  await page.goto("/");
  await expect(page.locator("main")).not.toContainText("Direktionen");
  await expect(page.locator("main")).toContainText("Kommunstyrelsen");
});

test("Itsam's admin and public site show nothing of Ydre, and Ydre's public site nothing of Itsam", async ({
  page,
}) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin/anvandare");
  await expect(page.getByRole("table").first()).not.toContainText(YDRE_ADMIN);
  await page.goto("/admin/organ");
  await expect(page.locator("main")).not.toContainText("Kommunstyrelsen");

  await page.goto("/itsam/anslagstavla");
  await expect(page.locator("main")).not.toContainText("Ydre");
  await page.goto("/ydre/anslagstavla");
  await expect(page.locator("main")).not.toContainText("Direktionen");
  await expect(page.locator("main")).not.toContainText("Itsam");
  const search = await page.goto("/ydre/protokoll?q=direktionen");
  expect(search!.status()).toBe(200);
  await expect(page.locator("main")).not.toContainText("Direktionen");
  // Itsam's protocol under Ydre's address is not found.
  expect((await page.goto("/ydre/protokoll/direktionen-2021-11-18"))!.status()).toBe(404);
  // With two organisations the old address lists them.
  await page.goto("/anslagstavla");
  await expect(page.getByRole("link", { name: /Ydre kommun/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Itsam/ })).toBeVisible();
});
