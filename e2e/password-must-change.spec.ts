// A password an admin chose is not its holder's (red team, planted account): the account signs in
// to its account page, every other page sends it back there, and it chooses its own password
// before anything else works. The admin's password then opens nothing.
import { expect, test } from "@playwright/test";
import { ADMIN, signInAs, submitLogin } from "./auth";
import { expectNoAxeViolations } from "./axe";

const GIVEN = "lösenordet administratören valde";
const OWN = "mitt alldeles egna lösenord";
const MUST_CHANGE = "Välj ett eget lösenord innan du fortsätter";

test("an account created by an admin chooses its own password at its first sign-in", async ({ page, browser }) => {
  test.slow();
  const email = `e2e-nytt-${Date.now()}@itsam.example`;
  await signInAs(page, ADMIN);
  await page.goto("/admin/anvandare");
  const form = page.locator("form#ny-anvandare");
  await form.getByLabel("Namn").fill("Nora Nyberg");
  await form.getByLabel("E-postadress").fill(email);
  await form.getByLabel("Person i protokollen").selectOption({ label: "Ny person med samma namn" });
  await form.getByLabel("Lösenord", { exact: true }).fill(GIVEN);
  await form.getByLabel("Upprepa lösenordet").fill(GIVEN);
  await form.getByRole("button", { name: "Skapa användare" }).click();
  await expect(page).toHaveURL(/\/admin\/anvandare\/[^/?]+\?skapad=1$/);

  const context = await browser.newContext();
  const user = await context.newPage();
  // Signing in with the admin's password leads to the account page, whatever ?next= says.
  await user.goto("/logga-in?next=%2Fmina-moten");
  await user.getByLabel("E-postadress").fill(email);
  await user.getByLabel("Lösenord").fill(GIVEN);
  await submitLogin(user);
  await expect(user).toHaveURL(/\/konto$/);
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("Mitt konto");
  await expect(user.getByText(MUST_CHANGE)).toBeVisible();
  // Only the account page and "Logga ut" in the header.
  const header = user.getByRole("banner");
  await expect(header.getByRole("link", { name: "Mitt konto" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Mina sammanträden" })).toHaveCount(0);
  await expectNoAxeViolations(user);

  // Every other workspace page and document sends it back; the login page too.
  for (const path of ["/", "/mina-moten", "/att-justera", "/moten/direktionen-2021-11-18", "/logga-in"]) {
    await user.goto(path);
    await expect(user, path).toHaveURL(/\/konto$/);
  }

  // The same password again is refused, in Swedish, next to the field.
  await user.getByLabel("Nuvarande lösenord").fill(GIVEN);
  await user.getByLabel("Nytt lösenord").fill(GIVEN);
  await user.getByLabel("Upprepa det nya lösenordet").fill(GIVEN);
  await user.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(user.getByLabel("Nytt lösenord")).toHaveAccessibleDescription(
    /Välj ett annat lösenord än det nuvarande/,
  );
  await expectNoAxeViolations(user);

  await user.getByLabel("Nuvarande lösenord").fill(GIVEN);
  await user.getByLabel("Nytt lösenord").fill(OWN);
  await user.getByLabel("Upprepa det nya lösenordet").fill(OWN);
  await user.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(user).toHaveURL(/\/logga-in\?losenord=bytt$/);
  await expect(user.getByRole("status").filter({ hasText: "Lösenordet är bytt" })).toBeVisible();

  // The admin's password opens nothing any more; the holder's own goes where it was going.
  await user.getByLabel("E-postadress").fill(email);
  await user.getByLabel("Lösenord").fill(GIVEN);
  await submitLogin(user);
  await expect(user.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();
  await user.goto("/logga-in?next=%2Fmina-moten");
  await user.getByLabel("E-postadress").fill(email);
  await user.getByLabel("Lösenord").fill(OWN);
  await submitLogin(user);
  await expect(user).toHaveURL(/\/mina-moten$/);
  await expect(user.getByText(MUST_CHANGE)).toHaveCount(0);
  await expect(user.getByRole("banner").getByRole("link", { name: "Mina sammanträden" })).toBeVisible();
  await context.close();
});

test("the seed's accounts sign in as before: their passwords are their own", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(MUST_CHANGE)).toHaveCount(0);
});
