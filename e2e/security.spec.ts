import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";

test("every page carries the security headers", async ({ request }) => {
  for (const url of ["/anslagstavla", "/protokoll", "/logga-in", "/verifiera"]) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], url).toContain("object-src 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"], url).toBe("DENY");
    expect(h["x-powered-by"], url).toBeUndefined();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await signInAs(page, SECRETARY);
  const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("server actions from a foreign origin are refused", async ({ page, baseURL }) => {
  // Submit the login form as a browser without JavaScript would (multipart with React's hidden
  // action fields), once from our own origin and once from a foreign one.
  await page.goto("/logga-in");
  const fields = await page.locator("form input[type=hidden]").evaluateAll((inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])),
  );
  const multipart = { ...fields, email: "sekreterare@itsam.example", password: "fel-lösenord" };
  const same = await page.request.post("/logga-in", { multipart, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(same.status()).toBe(200);
  expect(await same.text()).toContain("Fel e-postadress eller lösenord.");
  const foreign = await page.request.post("/logga-in", { multipart, headers: { origin: "http://evil.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain("Fel e-postadress eller lösenord.");
});

test("login attempts are rate limited without revealing whether the account exists", async ({ request }) => {
  const email = `finns-inte-${Date.now()}@itsam.example`;
  const attempt = async () => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "fel" }, maxRedirects: 0 });
    return res.headers()["location"] ?? "";
  };
  for (let i = 0; i < 5; i++) expect(await attempt()).toContain("error=CredentialsSignin");
  const sixth = await attempt();
  expect(sixth).toContain("code=too_many_attempts");
});
