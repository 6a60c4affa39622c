import { expect, test, type Page } from "@playwright/test";
import { ADMIN, chooseOwnPassword, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { createUserAsAdmin } from "./fixtures/admin-user";

const PASSWORD = "ett långt nog lösenord";
const uniqueEmail = (what: string) => `e2e-${what}-${Date.now()}@itsam.example`;

function createUser(page: Page, user: { name: string; email: string }) {
  return createUserAsAdmin(page, { ...user, password: PASSWORD });
}

test.describe("as administrator", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, ADMIN);
  });

  test("the overview links to users and each body's members", async ({ page }) => {
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
    const nav = page.getByRole("navigation", { name: "Administration" });
    await expect(nav.getByRole("link", { name: "Användare" })).toHaveAttribute("href", "/admin/anvandare");
    await expect(nav.getByRole("link", { name: "Ledamöter i Direktionen" })).toHaveAttribute(
      "href",
      "/admin/organ/direktionen",
    );
    await expectNoAxeViolations(page);
  });

  test("creates a user, grants a body role, and the new user can sign in with it", async ({ page, browser }) => {
    // Two sessions, five axe runs and the administration log.
    test.slow();
    const email = uniqueEmail("sekr");
    await page.goto("/admin/anvandare");
    await expect(
      page.getByRole("table", { name: "Användare" }).getByRole("link", { name: "Joakim Karlsson" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // Mistakes are explained next to the fields, in Swedish, and the typed values stay.
    const form = page.locator("form#ny-anvandare");
    await form.getByLabel("Namn").fill("Ebba Ström");
    await form.getByLabel("E-postadress").fill(SECRETARY.toUpperCase());
    await form.getByLabel("Lösenord", { exact: true }).fill("kort");
    await form.getByRole("button", { name: "Skapa användare" }).click();
    await expect(form.getByRole("alert")).toContainText("Några uppgifter behöver rättas");
    await expect(form.getByLabel("Lösenord", { exact: true })).toHaveAccessibleDescription(
      /Lösenordet måste vara minst 12 tecken/,
    );
    await expect(form.getByLabel("Lösenord", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Namn")).toHaveValue("Ebba Ström");
    await expectNoAxeViolations(page);

    await createUser(page, { name: "Ebba Ström", email });
    await expect(page.getByRole("main").getByRole("status")).toContainText("Användaren är skapad");
    await expect(page.getByText("Person i protokollen: Ebba Ström (Itsam).")).toBeVisible();
    await expectNoAxeViolations(page);

    const roleForm = page.locator("form#roll");
    await roleForm.getByLabel("Organ").selectOption({ label: "Direktionen (Itsam)" });
    await roleForm.getByLabel("Roll").selectOption("SECRETARY");
    await roleForm.getByRole("button", { name: "Lägg till roll" }).click();
    await expect(roleForm.getByRole("status")).toHaveText("Rollen är tillagd.");
    const roles = page.getByRole("table", { name: "Roller i organ för Ebba Ström" });
    await expect(roles.getByRole("row", { name: /Direktionen Sekreterare/ })).toBeVisible();
    await expect(roles.getByRole("button", { name: "Ta bort rollen sekreterare i Direktionen" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The new account signs in and may create meetings for Direktionen.
    const context = await browser.newContext();
    const other = await context.newPage();
    await signInAs(other, email, PASSWORD);
    // The admin chose that password: the account chooses its own first (e2e/password-must-change.spec.ts).
    await chooseOwnPassword(other, email, PASSWORD, "ett eget lösenord för Ebba");
    await other.goto("/");
    await expect(other.getByRole("link", { name: "Nytt sammanträde för Direktionen" })).toBeVisible();
    await context.close();

    await page.getByRole("link", { name: "Användare" }).first().click();
    await expect(page.getByRole("row", { name: new RegExp(`Ebba Ström ${email}`) })).toContainText(
      "Sekreterare, Direktionen",
    );

    // The administration log says who did it, newest first.
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Händelselogg" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Händelselogg");
    const log = page.getByRole("table", { name: "Händelser i administrationen, senaste först" });
    await expect(log.getByRole("row").nth(1)).toHaveAccessibleName(/Gav roll i organ Ebba Ström$/);
    await expect(log.getByRole("row", { name: /Skapade användare Ebba Ström/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("an admin cannot untick their own admin flag", async ({ page }) => {
    await page.goto("/admin/anvandare");
    await page.getByRole("link", { name: "Administratör" }).click();
    const box = page.locator("form#uppgifter").getByLabel(/Administratör/);
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
    await expect(box).toHaveAccessibleDescription(
      "Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det.",
    );
    await expectNoAxeViolations(page);
  });

  test("adds and removes a membership", async ({ page }) => {
    await page.goto("/admin/organ/direktionen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ledamöter och ersättare: Direktionen");
    const table = page.getByRole("table", { name: "Ledamöter och ersättare i Direktionen" });
    await expect(table.getByRole("row", { name: /Jacob Käll Ledamot, ordförande Vimmerby kommun/ })).toBeVisible();
    await expectNoAxeViolations(page);

    const form = page.locator("form#uppdrag");
    await form.getByLabel("Person", { exact: true }).selectOption({ label: "Ny person …" });
    await form.getByLabel("Namn på ny person").fill("Örjan Åkesson");
    await form.getByLabel("Uppdrag").selectOption("SUBSTITUTE");
    await form.getByLabel("Representerar").fill("Ydre kommun");
    await form.getByLabel("Mandatperioden börjar").fill("2023-01-01");
    await form.getByLabel("Mandatperioden slutar").fill("2026-12-31");
    await form.getByRole("button", { name: "Lägg till uppdrag" }).click();
    await expect(form.getByRole("status")).toHaveText("Uppdraget är tillagt.");
    const row = table.getByRole("row", { name: /Örjan Åkesson/ });
    await expect(row).toContainText("Ersättare");
    await expect(row).toContainText("2023-01-01 – 2026-12-31");

    await row.getByRole("button", { name: "Ta bort uppdraget för Örjan Åkesson" }).click();
    await expect(table.getByRole("row", { name: /Örjan Åkesson/ })).toHaveCount(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the create form and the role form work as plain forms", async ({ page }) => {
    await signInAs(page, ADMIN);
    const email = uniqueEmail("nojs");
    await createUser(page, { name: "Utan Skript", email });
    const roleForm = page.locator("form#roll");
    await roleForm.getByLabel("Organ").selectOption({ label: "Kommunchefsberedningen (Itsam)" });
    await roleForm.getByLabel("Roll").selectOption("MEMBER");
    await roleForm.getByRole("button", { name: "Lägg till roll" }).click();
    await expect(
      page
        .getByRole("table", { name: "Roller i organ för Utan Skript" })
        .getByRole("row", { name: /Kommunchefsberedningen Ledamot/ }),
    ).toBeVisible();
  });
});

test("a secretary does not see the admin pages", async ({ page }) => {
  await signInAs(page, SECRETARY);
  for (const path of ["/admin", "/admin/anvandare", "/admin/organ/direktionen"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
