// Historical protocols (issue 14, point 6) through the browser: a secretary registers a protocol
// justerat on paper with its scanned PDF (a refused first try keeps what was typed and the file),
// the public archive and search list it marked as scanned, its page serves the PDF byte for byte,
// and /verifiera says it is registered, not signed in Paragraf. One registered as not public
// stays in the workspace. axe on every new page.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { signInAs, SECRETARY } from "./auth";
import { expectNoAxeViolations } from "./axe";

const MARK = "Inskannat protokoll – justerat på papper, inte signerat i Paragraf";

/** A small real PDF standing for a scan of a paper protocol. */
async function scannedPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

test("a secretary registers a paper protocol; the archive, search, its PDF and /verifiera show it as scanned", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const bytes = await scannedPdf(["Direktionen", "Protokoll 2019-03-14", "Paragraf 1-3", "Justerat 2019-03-20"]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "paragraf-scan-")), "Direktionen 2019-03-14.pdf");
  writeFileSync(file, bytes);

  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Inskannade protokoll för Direktionen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inskannade protokoll: Direktionen");
  await page.getByRole("link", { name: "Registrera ett inskannat protokoll" }).click();
  await expect(page).toHaveURL(/\/organ\/direktionen\/historiska\/ny$/);
  await expectNoAxeViolations(page);

  // A first try with the anslag posted before the justering: refused, nothing typed is lost.
  await fill(page, {
    "Sammanträdets datum": "2019-03-14",
    "Rubrik (frivillig)": "Direktionens sammanträde 14 mars 2019",
    "Första §": "1",
    "Sista §": "3",
    "Paragrafernas rubriker (frivilligt, för sökningen)":
      "1; Mötets öppnande\n2; Val av revisorer för Itsam; ITSAM 2019/4\n3; Övriga frågor",
    Justerat: "2019-03-20",
    "Anslaget uppsatt": "2019-03-19",
    "Anslaget nedtaget (om känt)": "2019-04-11",
  });
  await page.getByLabel("Det inskannade protokollet (PDF)").setInputFiles(file);
  await page.getByRole("button", { name: "Registrera protokollet" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Några uppgifter behöver rättas" })).toBeVisible();
  const posted = page.getByLabel("Anslaget uppsatt");
  await expect(posted).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Anslaget kan inte ha satts upp före justeringen")).toBeVisible();
  await expect(page.getByLabel("Rubrik (frivillig)")).toHaveValue("Direktionens sammanträde 14 mars 2019");
  await expect(page.getByLabel("Paragrafernas rubriker (frivilligt, för sökningen)")).toHaveValue(/Val av revisorer/);
  expect(
    await page.getByLabel("Det inskannade protokollet (PDF)").evaluate((i) => (i as HTMLInputElement).files?.length),
  ).toBe(1);
  await expectNoAxeViolations(page);

  await posted.fill("2019-03-21");
  await page.getByRole("button", { name: "Registrera protokollet" }).click();
  await expect(page).toHaveURL(/\/organ\/direktionen\/historiska\?registrerat=direktionen-2019-03-14$/);
  await expect(page.getByRole("status")).toContainText(
    "Protokollet från 14 mars 2019 är registrerat och syns i det offentliga arkivet",
  );
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "14 mars 2019" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Direktionens sammanträde 14 mars 2019");
  await expect(page.getByRole("note")).toContainText(MARK);
  await expectNoAxeViolations(page);

  // The public archive, as a citizen.
  await page.context().clearCookies();
  await page.goto("/protokoll?organ=direktionen&ar=2019");
  const row = page.getByRole("row", { name: /14 mars 2019/ });
  await expect(row).toContainText(MARK);
  await expect(row).toContainText("§§ 1–3");
  await expectNoAxeViolations(page);
  await row.getByRole("link", { name: "14 mars 2019" }).click();
  await expect(page).toHaveURL(/\/protokoll\/inskannade\/direktionen-2019-03-14$/);
  await expect(page.getByRole("note")).toContainText(MARK);
  await expect(page.getByText("Registrerat av")).toHaveCount(0);
  await expect(page.getByText("Sekreterare")).toHaveCount(0);
  await expectNoAxeViolations(page);
  const link = page.getByRole("link", { name: /Ladda ner det inskannade protokollet/ });
  const pdf = await page.request.get((await link.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["x-content-type-options"]).toBe("nosniff");
  expect(pdf.headers()["content-disposition"]).toContain('filename="Direktionen 2019-03-14.pdf"');
  expect(Buffer.from(await pdf.body()).equals(bytes)).toBe(true);

  // Search finds the § typed at registration.
  await page.goto("/protokoll");
  await page.getByLabel("Sök", { exact: true }).fill("revisorer");
  await page.getByRole("button", { name: "Sök" }).click();
  const hit = page.getByRole("listitem").filter({ hasText: "§ 2 Val av revisorer för Itsam" });
  await expect(hit).toContainText(MARK);
  await expectNoAxeViolations(page);
  await hit.getByRole("link").click();
  await expect(page).toHaveURL(/\/protokoll\/inskannade\/direktionen-2019-03-14#paragraf-2$/);

  // /verifiera: registered, not signed.
  await page.goto("/verifiera");
  await page.getByLabel("Protokollet som PDF").setInputFiles(file);
  await page.getByRole("button", { name: "Verifiera" }).click();
  const result = page.getByRole("status");
  await expect(result).toContainText("Filen är registrerad som inskannat protokoll");
  await expect(result).toContainText("inte signerat i Paragraf");
  await expect(result).not.toContainText("Äkta");
  await expectNoAxeViolations(page);
});

test("a protocol registered as not public stays in the workspace: its PDF is 404 for everyone else", async ({
  page,
  browser,
}) => {
  const bytes = await scannedPdf(["Direktionen", "Protokoll 2019-05-16", "Paragraf 4-5"]);
  await signInAs(page, SECRETARY);
  await page.goto("/organ/direktionen/historiska/ny");
  await fill(page, {
    "Sammanträdets datum": "2019-05-16",
    "Första §": "4",
    "Sista §": "5",
    Justerat: "2019-05-22",
    "Anslaget uppsatt": "2019-05-23",
  });
  await page.getByLabel("Det inskannade protokollet (PDF)").setInputFiles({
    name: "icke-offentligt.pdf",
    mimeType: "application/pdf",
    buffer: bytes,
  });
  await page.getByLabel(/^Offentligt/).uncheck();
  await page.getByRole("button", { name: "Registrera protokollet" }).click();
  await expect(page.getByRole("status")).toContainText("(inte offentligt)");
  const workspacePdf = await page.request.get("/organ/direktionen/historiska/direktionen-2019-05-16/protokoll.pdf");
  expect(workspacePdf.status()).toBe(200);
  expect(Buffer.from(await workspacePdf.body()).equals(bytes)).toBe(true);

  const anonymous = await browser.newContext();
  try {
    for (const url of [
      "/protokoll/inskannade/direktionen-2019-05-16",
      "/protokoll/inskannade/direktionen-2019-05-16/protokoll.pdf",
    ]) {
      const res = await anonymous.request.get(url);
      expect(res.status(), url).toBe(404);
      expect((await res.body()).includes(Buffer.from("%PDF")), url).toBe(false);
    }
    const workspace = await anonymous.request.get("/organ/direktionen/historiska/direktionen-2019-05-16/protokoll.pdf");
    expect(workspace.status()).toBe(404);
    const archive = await (await anonymous.request.get("/protokoll?ar=2019")).text();
    expect(archive).not.toContain("direktionen-2019-05-16");
  } finally {
    await anonymous.close();
  }
});
