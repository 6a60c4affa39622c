// A password an admin chose is not its holder's (red team, planted account): the account signs in
// to its account page, every other page sends it back there, and it chooses its own password, with a
// code mailed to its address, before anything else works. The admin's password then opens nothing.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, signInAs, submitLogin } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { createUserAsAdmin } from "./fixtures/admin-user";
import { waitForMail } from "./mail";

const GIVEN = "lösenordet administratören valde";
const OWN = "mitt alldeles egna lösenord";
const MUST_CHANGE = "Välj ett eget lösenord innan du fortsätter";

test("an account created by an admin chooses its own password at its first sign-in", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  const email = `e2e-nytt-${Date.now()}@itsam.example`;
  await signInAs(page, ADMIN);
  await createUserAsAdmin(page, { name: "Nora Nyberg", email, password: GIVEN });
  // The address hears of the account at once, from whom and where, without the password.
  const created = await waitForMail(page.request, baseURL, email, /^Ett konto i Paragraf har skapats åt dig$/);
  expect(created.text).toMatch(/Administratören .+ i Itsam skapade/);
  expect(created.text).toContain("Om du inte väntade dig kontot");
  expect(created.text).not.toContain(GIVEN);
  // A secretary of Direktionen: the role waits until the password is the holder's own.
  const roleForm = page.locator("form#roll");
  await roleForm.getByLabel("Organ").selectOption({ label: "Direktionen (Itsam)" });
  await roleForm.getByLabel("Roll").selectOption("SECRETARY");
  await roleForm.getByRole("button", { name: "Lägg till roll" }).click();
  await expect(roleForm.getByRole("status")).toHaveText("Rollen är tillagd.");

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
  // An API route asks the same one place: the secretary's live log answers as to the signed-out.
  expect(await liveLogStatus(user)).toBe(401);

  /** Fills the change-password form (the code field first, when given) and sends it. */
  const change = async (fields: { code?: string; current: string; next: string }) => {
    if (fields.code !== undefined) await user.getByLabel("Kod från e-posten").fill(fields.code);
    await user.getByLabel("Nuvarande lösenord").fill(fields.current);
    await user.getByLabel("Nytt lösenord").fill(fields.next);
    await user.getByLabel("Upprepa det nya lösenordet").fill(fields.next);
    await user.getByRole("button", { name: "Byt lösenord" }).click();
  };

  // Knowing the password is not enough (the admin knows it too): the code mailed to the address is asked.
  await change({ current: GIVEN, next: OWN });
  await expect(user.getByLabel("Kod från e-posten")).toHaveAccessibleDescription(/Tryck på ”Skicka kod”/);
  await expect(user.getByLabel("Kod från e-posten")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(user);

  await user.getByRole("button", { name: "Skicka kod" }).click();
  await expect(user.getByRole("status").filter({ hasText: `En kod är skickad till ${email}` })).toBeVisible();
  const mail = await waitForMail(user.request, baseURL, email, /Din kod för att välja lösenord/);
  expect(mail.text).not.toContain(GIVEN);
  const [, a, b] = /Din kod: (\d{4}) (\d{4})/.exec(mail.text)!;
  const code = `${a} ${b}`;

  // The same password again is refused, in Swedish, next to the field.
  await change({ code, current: GIVEN, next: GIVEN });
  await expect(user.getByLabel("Nytt lösenord")).toHaveAccessibleDescription(
    /Välj ett annat lösenord än det nuvarande/,
  );
  await expectNoAxeViolations(user);

  await change({ code, current: GIVEN, next: OWN });
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
  // Now the role counts: the meeting opens, and the live log answers as to a signed-in secretary.
  await user.goto("/moten/direktionen-2021-11-18");
  await expect(user).toHaveURL(/\/moten\/direktionen-2021-11-18$/);
  expect(await liveLogStatus(user)).not.toBe(401);
  await context.close();
});

/** The status of the seed meeting's live log (server-sent events) for the page's session; the stream is not read. */
async function liveLogStatus(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const abort = new AbortController();
    const response = await fetch("/api/moten/direktionen-2021-11-18/live", { signal: abort.signal });
    abort.abort();
    return response.status;
  });
}

test("the seed's accounts sign in as before: their passwords are their own", async ({ page }) => {
  await signInAs(page, ADMIN);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText(MUST_CHANGE)).toHaveCount(0);
});
