// The public side, after justering.spec.ts has made the seed meeting a justerat protocol (with
// § 61 confidential). Runs after it: files run in name order with one worker.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { earliestTakeDownDate } from "../src/domain/rules/deadlines.rules";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";

const SLUG = "direktionen-2021-11-18";
const todayInSweden = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

test("the anslagstavla shows the justerat seed meeting with the dates the rules compute", async ({ page }) => {
  await page.goto("/anslagstavla");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  const notice = page.getByRole("article", { name: /Direktionen: sammanträde 18 november 2021/ });
  const posted = todayInSweden();
  await expect(notice).toContainText(`Anslaget sätts upp${posted}`);
  await expect(notice).toContainText(`Anslaget tas ned${earliestTakeDownDate(posted)}`);
  await expect(notice).toContainText(`Sista dag att överklaga${earliestTakeDownDate(posted)}`);
  await expect(notice).toContainText("Förvaringsplats för protokolletItsam");
  await expect(page.getByRole("heading", { name: /Så överklagar du/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const pdf = await page.request.get(`/protokoll/${SLUG}/anslag.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});

test("after the take-down date the notice leaves the board and the archive still finds the protocol", async ({
  page,
}) => {
  const takeDown = earliestTakeDownDate(todayInSweden());
  await page.goto("/anslagstavla");
  await expect(page.getByRole("article", { name: /Direktionen: sammanträde 18 november 2021/ })).toBeVisible();
  // The board is cached; what it shows must still follow the server's clock. On the take-down
  // date the notice is up; the day after it is gone.
  await moveServerClock(page.request, `${takeDown}T21:00:00Z`); // 22:00 or 23:00 in Sweden, same day
  await page.reload();
  await expect(page.getByRole("article", { name: /Direktionen: sammanträde 18 november 2021/ })).toBeVisible();
  const dayAfter = new Date(`${takeDown}T12:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  await moveServerClock(page.request, dayAfter.toISOString());
  try {
    await page.reload();
    await expect(page.getByRole("heading", { name: /Anslag just nu \(0\)/ })).toBeVisible();
    await expect(page.getByText("Inga protokoll är anslagna just nu.")).toBeVisible();
  } finally {
    await moveServerClock(page.request, null);
  }
  await page.reload();
  await expect(page.getByRole("article", { name: /Direktionen: sammanträde 18 november 2021/ })).toBeVisible();

  await page.goto("/protokoll");
  await page.getByLabel("Sök", { exact: true }).fill("Google Workspace");
  await page.getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/\/protokoll\?q=Google\+Workspace/);
  const hit = page.getByRole("link", { name: "§ 59 Google Workspace" });
  await expect(hit).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(/Google|Workspace/);
  await expectNoAxeViolations(page);
  await hit.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Direktionen");
  await expectNoAxeViolations(page);
});

test("a confidential § shows only its number, title and Sekretess: page, PDF and search", async ({ page }) => {
  await page.goto(`/protokoll/${SLUG}`);
  const p61 = page.getByRole("article", { name: /^§ 61 / });
  await expect(p61).toContainText("Sekretess");
  await expect(p61).not.toContainText("Status rekryteringar");
  await expect(page.getByText("strategi- och projektchef")).toHaveCount(0);
  await expect(page.getByRole("article", { name: /^§ 62 / })).toContainText("113 083");

  const pdf = await page.request.get(`/protokoll/${SLUG}/protokoll.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toContain("offentlig-kopia");
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-public-pdf-"));
  writeFileSync(path.join(dir, "p.pdf"), await pdf.body());
  const text = execFileSync("pdftotext", [path.join(dir, "p.pdf"), "-"], { encoding: "utf8" });
  expect(text).toContain("§ 61");
  expect(text).not.toContain("Status rekryteringar");
  expect(text).not.toContain("strategi- och projektchef");
  expect(text).toContain("113 083");

  await page.goto("/protokoll?q=rekryteringar");
  await expect(page.getByRole("heading", { name: /Inga träffar/ })).toBeVisible();
});

test("a citizen downloads the public PDF and /verifiera confirms it is a genuine copy with § 61 left out", async ({
  page,
}) => {
  const pdf = await page.request.get(`/protokoll/${SLUG}/protokoll.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "paragraf-public-verify-")), `${SLUG}-offentlig-kopia.pdf`);
  writeFileSync(file, await pdf.body());
  // Issued once and stored: the next download is the same file.
  expect((await (await page.request.get(`/protokoll/${SLUG}/protokoll.pdf`)).body()).equals(await pdf.body())).toBe(
    true,
  );

  await page.goto("/verifiera");
  await page.getByLabel("Protokollet som PDF").setInputFiles(file);
  await page.getByRole("button", { name: "Verifiera" }).click();
  const result = page.getByRole("status");
  await expect(result).toContainText("Äkta: filen är en kopia som Paragraf utfärdat av ett justerat protokoll.");
  await expect(result).toContainText("Direktionen, sammanträde 2021-11-18");
  await expect(result).toContainText(
    `Kopian är utfärdad av Paragraf ${todayInSweden()} från det justerade protokollet; paragrafer med sekretess (§ 61) är utelämnade.`,
  );
  await expect(result).not.toContainText("efter att kopian utfärdades");
  await expectNoAxeViolations(page);
});

test("a draft meeting is not found on any public route", async ({ request }) => {
  // direktionen-2022-02-10 was created as a draft by drafting.spec.ts.
  for (const url of [
    "/protokoll/direktionen-2022-02-10",
    "/protokoll/direktionen-2022-02-10/protokoll.pdf",
    "/protokoll/direktionen-2022-02-10/anslag.pdf",
  ]) {
    expect((await request.get(url)).status(), url).toBe(404);
  }
  const archive = await (await request.get("/protokoll")).text();
  expect(archive).not.toContain("direktionen-2022-02-10");
  const search = await (await request.get("/protokoll?q=Budget")).text();
  expect(search).not.toContain("direktionen-2022-02-10");
});

test("the accessibility statement and the verification page pass axe", async ({ page }) => {
  for (const url of ["/tillganglighet", "/verifiera", "/protokoll"]) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
});

test("public pages come from the route cache; made-up addresses are 404s that are never stored", async ({
  request,
}) => {
  for (const url of ["/anslagstavla", `/protokoll/${SLUG}`]) {
    await request.get(url);
    const again = await request.get(url);
    expect(again.status(), url).toBe(200);
    // A copy older than its revalidate time (the anslagstavla's 30 s) is served STALE once while
    // a fresh one renders in the background; from then on it is a HIT.
    await expect.poll(async () => (await request.get(url)).headers()["x-nextjs-cache"], { message: url }).toBe("HIT");
  }
  for (const url of [
    "/protokoll/finns-inte-2021-01-01",
    "/protokoll/Versaler",
    "/protokoll/%C3%A4ldrenamnden-2021-01-01",
    "/anslagstavla/gammal",
  ]) {
    for (let i = 0; i < 2; i++) {
      const r = await request.get(url);
      expect(r.status(), url).toBe(404);
      expect(r.headers()["x-nextjs-cache"], url).not.toBe("HIT");
    }
  }
  const badEncoding = await request.get("/protokoll/%zz");
  expect(badEncoding.status()).toBe(400);
  expect(await badEncoding.text()).toBe("Adressen är felaktigt kodad.");
});
