import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { CHAIR, DEMO_PASSWORD, SECRETARY, signInAs, submitLogin } from "./auth";

test("the workspace asks for login, refuses a wrong password in Swedish, and signs in and out", async ({ page }) => {
  await page.goto("/moten/direktionen-2021-11-18");
  await expect(page).toHaveURL(/\/logga-in\?next=%2Fmoten%2Fdirektionen-2021-11-18$/);
  await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("E-postadress").fill(SECRETARY);
  await page.getByLabel("Lösenord").fill("fel-lösenord");
  await submitLogin(page);
  await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();

  // An unknown account gets exactly the same message.
  await page.getByLabel("E-postadress").fill("finns-inte@itsam.example");
  await page.getByLabel("Lösenord").fill("vad-som-helst");
  await submitLogin(page);
  await expect(page.getByRole("alert").filter({ hasText: "Fel e-postadress eller lösenord." })).toBeVisible();

  await page.getByLabel("E-postadress").fill(SECRETARY);
  await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
  await submitLogin(page);
  await expect(page).toHaveURL(/\/moten\/direktionen-2021-11-18$/);
  await expect(page.getByText("Joakim Karlsson", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("link", { name: "Logga in" })).toBeVisible();
  await page.goto("/moten/direktionen-2021-11-18");
  await expect(page).toHaveURL(/\/logga-in/);
  // Without an account the start page is the public notice board.
  await page.goto("/");
  await expect(page).toHaveURL(/\/anslagstavla$/);
});

test("after login the browser stays on this site whatever ?next= says", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // Each of these left the site on the unfixed app (browsers drop the tab, read \ as /).
  for (const next of ["/\t/evil.example", "/.//evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/logga-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("E-postadress").fill(SECRETARY);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
  // Signed in, the login page redirects at once: the same check applies there.
  await page.goto(`/logga-in?next=${encodeURIComponent("/\\evil.example")}`);
  expect(new URL(page.url()).origin).toBe(origin);
});

test("logging out in one browser ends the session in every other browser at once", async ({ browser }) => {
  const [here, there] = [await browser.newContext(), await browser.newContext()];
  const [a, b] = [await here.newPage(), await there.newPage()];
  await signInAs(a, CHAIR);
  await signInAs(b, CHAIR);
  for (const page of [a, b]) {
    await page.goto("/att-justera");
    await expect(page).toHaveURL(/\/att-justera$/);
  }
  await a.getByRole("button", { name: "Logga ut" }).click();
  await expect(a.getByRole("link", { name: "Logga in" })).toBeVisible();

  // The other browser still holds a validly signed cookie, but it was issued before the logout.
  const session = await b.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  await b.goto("/att-justera");
  await expect(b).toHaveURL(/\/logga-in\?next=%2Fatt-justera$/);
  await expect(b.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
  await here.close();
  await there.close();
});
