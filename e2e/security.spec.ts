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

test("a forged X-Forwarded-For does not escape the login rate limit", async ({ request }) => {
  const email = `forfalskad-${Date.now()}@itsam.example`;
  const attempt = async (forged: string) => {
    const headers = { "x-forwarded-for": forged };
    const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
    const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: "fel" }, headers, maxRedirects: 0 });
    return res.headers()["location"] ?? "";
  };
  // A new claimed address each time: the server counts the socket's address all the same.
  for (let i = 0; i < 5; i++) expect(await attempt(`203.0.113.${i + 1}`)).toContain("error=CredentialsSignin");
  expect(await attempt("203.0.113.99")).toContain("code=too_many_attempts");
});

test("the audit log records the socket's address, not one the client claims", async ({ page }) => {
  await signInAs(page, SECRETARY);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-paragraf-client-address": "203.0.113.68" });
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill("2023-03-15");
  await page.getByLabel("Starttid").fill("10:00");
  await page.getByLabel("Sluttid").fill("11.00");
  await page.getByLabel("Plats").fill("Sammanträdesrummet");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2023-03-15\/redigera$/);
  await page.goto("/moten/direktionen-2023-03-15");
  const log = page.getByRole("table", { name: "Händelselogg för sammanträdet" });
  await page.locator("summary", { hasText: "Händelselogg" }).click();
  await expect(log.getByRole("row")).toHaveCount(2);
  await expect(log.getByRole("row").nth(1).getByRole("cell").nth(3)).toHaveText("127.0.0.1");
  await expect(log).not.toContainText("203.0.113");
});
