import { expect, type Page } from "@playwright/test";
import { waitForMail } from "./mail";

export const DEMO_PASSWORD = "paragraf-demo";
export const SECRETARY = "sekreterare@itsam.example";
export const CHAIR = "ordforande@itsam.example";
export const ADJUSTER = "justerare@itsam.example";
export const ADMIN = "admin@itsam.example";

/** Sign in over HTTP (next-auth's credentials callback), sharing cookies with the page. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in redirect").toBe(302);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((c) => c.name.includes("session-token")),
    "session cookie set",
  ).toBe(true);
}

/**
 * Click "Logga in" and wait until the form has taken the server action's answer (React resets
 * the form to the returned e-mail), so the next attempt never races the previous one.
 */
export async function submitLogin(page: Page) {
  const email = await page.getByLabel("E-postadress").inputValue();
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/logga-in")),
    page.getByRole("button", { name: "Logga in" }).click(),
  ]);
  await expect
    .poll(async () => {
      if (!page.url().includes("/logga-in")) return true;
      const fields = [page.getByLabel("E-postadress"), page.getByLabel("Lösenord")];
      const [e, p] = await Promise.all(fields.map((f) => f.inputValue({ timeout: 500 }).catch(() => null)));
      return e === email && p === "";
    })
    .toBe(true);
}

/**
 * An account whose password an admin set is held at /konto until it chooses its own, with a code
 * mailed to its address: ask for the code, read it in the mail, choose `next` there (every session
 * ends), then sign in again with it over HTTP.
 */
export async function chooseOwnPassword(page: Page, email: string, current: string, next: string) {
  await page.goto("/konto");
  await expect(page.getByText("Välj ett eget lösenord innan du fortsätter")).toBeVisible();
  await page.getByRole("button", { name: "Skicka kod" }).click();
  await expect(page.getByRole("status").filter({ hasText: "En kod är skickad" })).toBeVisible();
  const mail = await waitForMail(page.request, page.url(), email, /Din kod för att välja lösenord/);
  const [, a, b] = /Din kod: (\d{4}) (\d{4})/.exec(mail.text)!;
  await page.getByLabel("Kod från e-posten").fill(`${a}${b}`);
  await page.getByLabel("Nuvarande lösenord").fill(current);
  await page.getByLabel("Nytt lösenord").fill(next);
  await page.getByLabel("Upprepa det nya lösenordet").fill(next);
  await page.getByRole("button", { name: "Byt lösenord" }).click();
  await expect(page).toHaveURL(/\/logga-in\?losenord=bytt$/);
  await signInAs(page, email, next);
}
