import { expect, type Page } from "@playwright/test";

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
