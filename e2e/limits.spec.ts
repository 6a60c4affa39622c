import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";

// Request body limits only exist under `next start` (the proxy buffers bodies and Next.js caps
// server-action bodies), so the documented 20 MB bilaga is proven here, end to end.

const MB = 1024 * 1024;

/** A file that passes the upload's "%PDF-" check, padded to `size` bytes. */
function pdfOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write("%PDF-1.7\n", 0, "latin1");
  bytes.write("\n%%EOF\n", size - 7, "latin1");
  return bytes;
}

test("a 15 MB bilaga uploads; a 25 MB one is refused in Swedish and the form keeps its text", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill("2022-03-17");
  await page.getByLabel("Starttid").fill("10:00");
  await page.getByLabel("Sluttid").fill("11.00");
  await page.getByLabel("Plats").fill("Zoom");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2022-03-17\/redigera$/);
  await page.getByLabel("Ny paragraf: rubrik").fill("Stora bilagor");
  await page.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
  const p = page.getByRole("region", { name: /^§ \d+ Stora bilagor/ });
  await expect(p).toBeVisible();

  await p.getByLabel("Bilagans rubrik").fill("Bilaga 1 – stor ritning");
  await p
    .getByLabel("PDF-fil")
    .setInputFiles({ name: "ritning.pdf", mimeType: "application/pdf", buffer: pdfOfSize(15 * MB) });
  await p.getByRole("button", { name: "Ladda upp bilaga" }).click();
  await expect(p.getByRole("link", { name: "Bilaga 1 – stor ritning" })).toBeVisible({ timeout: 60_000 });
  const stored = await page.request.get(
    (await p.getByRole("link", { name: "Bilaga 1 – stor ritning" }).getAttribute("href")) as string,
  );
  expect(stored.status()).toBe(200);
  expect((await stored.body()).length).toBe(15 * MB);

  await p.getByLabel("Bilagans rubrik").fill("Bilaga 2 – för stor");
  await p
    .getByLabel("PDF-fil")
    .setInputFiles({ name: "for-stor.pdf", mimeType: "application/pdf", buffer: pdfOfSize(25 * MB) });
  await p.getByRole("button", { name: "Ladda upp bilaga" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "större än 20 MB" })).toBeVisible({ timeout: 60_000 });
  // Nothing typed is lost: the label stays for the next try.
  await expect(p.getByLabel("Bilagans rubrik")).toHaveValue("Bilaga 2 – för stor");
  await expect(p.getByRole("link", { name: "Bilaga 2 – för stor" })).toHaveCount(0);
});

test("a server-action body over the limit is refused early with a Swedish 413, not a bare 500", async ({
  page,
  baseURL,
}) => {
  await signInAs(page, SECRETARY);
  const res = await page.request.post("/moten/direktionen-2021-11-18/redigera", {
    headers: { "next-action": "0".repeat(42), origin: baseURL!, "content-type": "application/octet-stream" },
    data: Buffer.alloc(30 * MB),
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toMatch(/för stor/);
});

test("/verifiera refuses a file too large to be a protocol, in Swedish, without reading it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000); // handing Chromium a 25 MB file takes a while on a busy machine
  await page.goto("/verifiera");
  await page
    .getByLabel("Protokollet som PDF")
    .setInputFiles({ name: "stor.pdf", mimeType: "application/pdf", buffer: pdfOfSize(25 * MB) });
  await page.getByRole("button", { name: "Verifiera" }).click();
  // The public pages run no script: the plain form post is refused by its length, as a page.
  await expect(page.getByRole("status").filter({ hasText: "större än 20 MB" })).toBeVisible();
  // The old address leads to the organisation's (issue 19.1); the way back is that page.
  await expect(page.getByRole("link", { name: "Tillbaka" })).toHaveAttribute("href", "/itsam/verifiera");

  // A client that skips the form: refused by its Content-Length before the body is read.
  const res = await page.request.post("/verifiera", {
    headers: { "next-action": "0".repeat(42), origin: baseURL!, "content-type": "application/octet-stream" },
    data: Buffer.alloc(45 * MB),
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toMatch(/för stor/);
});

test("an address over 6,144 characters gets a short Swedish 414, a long search still works", async ({ request }) => {
  const long = await request.get(`/protokoll/?q=${"a".repeat(7_000)}`, { failOnStatusCode: false, maxRedirects: 0 });
  expect(long.status()).toBe(414);
  expect(await long.text()).toContain("Adressen är för lång");
  expect(JSON.stringify(long.headers()).length).toBeLessThan(1_000);
  const search = await request.get(`/protokoll?q=${"budget ".repeat(500)}`, { failOnStatusCode: false });
  expect(search.status()).toBe(200);
});
