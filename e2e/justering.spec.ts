// The whole justering flow on the seed meeting, in the browser. This spec turns the seed
// meeting into a justerat protocol, so specs that edit it as a draft must sort before it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADJUSTER, CHAIR, DEMO_PASSWORD, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";

const SLUG = "direktionen-2021-11-18";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "sv-SE" })).newPage();
  await signInAs(page, email);
  return page;
}

async function waitSaved(page: Page, region: string | RegExp) {
  await expect(page.getByRole("region", { name: region }).getByRole("status").first()).toHaveText("Sparat", {
    timeout: 15_000,
  });
}

async function sign(page: Page) {
  await page.goto(`/moten/${SLUG}`);
  await page.getByLabel("Ditt lösenord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Signera protokollet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du har signerat" })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("send, return with a comment, fix, resend, sign by all three; the PDF verifies", async ({ browser }) => {
  test.setTimeout(180_000);
  const secretary = await as(browser, SECRETARY);

  // Fix what the checker reports as errors in the real protocol.
  await secretary.goto(`/moten/${SLUG}/redigera`);
  const attendance = secretary.getByRole("region", { name: "Närvaro" });
  const names = await attendance
    .locator("select[id$='-person']")
    .evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
  await attendance
    .locator(`#narvaro-${names.findIndex((n) => n.startsWith("Conny Forsberg"))}-paragrafer`)
    .fill("59-61");
  await waitSaved(secretary, "Närvaro");
  const p67 = secretary.getByRole("region", { name: /^§ 67 / });
  await p67.getByLabel("Beslutstext").fill("Direktionen beslutar att notera informationen till protokollet.");
  for (const heading of [
    "Ärendet",
    "Konsekvensbeskrivning",
    "Yrkanden",
    "Propositionsordningar",
    "Protokollsanteckning/reservation",
  ]) {
    await p67.getByRole("button", { name: `Ta bort avsnittet ${heading}`, exact: true }).click();
  }
  await waitSaved(secretary, /^§ 67 /);
  // § 61 (personnel matters) is confidential: the public sees only its number and title.
  const p61 = secretary.getByRole("region", { name: /^§ 61 / });
  await p61.getByLabel("Sekretess (visas inte publikt)").check();
  await waitSaved(secretary, /^§ 61 /);

  await secretary.goto(`/moten/${SLUG}`);
  await secretary.getByRole("button", { name: "Skicka till justering" }).click();
  await expect(secretary.getByRole("status").filter({ hasText: "skickat till justering" })).toBeVisible();

  // The chair finds it, reads it, and returns it with a comment.
  const chair = await as(browser, CHAIR);
  await chair.goto("/att-justera");
  await chair.getByRole("link", { name: "Direktionen 18 november 2021" }).click();
  await expect(chair.getByRole("button", { name: "Signera protokollet" })).toBeVisible();
  await expectNoAxeViolations(chair);
  await chair.getByLabel("Vad behöver ändras?").fill("§ 66: rubriken ska vara som i ärendelistan.");
  await chair.getByRole("button", { name: "Skicka tillbaka" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "skickat tillbaka" })).toBeVisible();

  // The secretary sees the comment, fixes § 66 and sends again.
  await secretary.goto(`/moten/${SLUG}`);
  await expect(secretary.getByRole("note")).toContainText("§ 66: rubriken ska vara som i ärendelistan.");
  await secretary.getByRole("link", { name: "Skriv protokoll" }).click();
  await secretary
    .getByRole("region", { name: /^§ 66 / })
    .getByLabel("Rubrik", { exact: true })
    .fill("Kinda kommuns utträde ur kommunalförbundet Itsam - information");
  await waitSaved(secretary, /^§ 66 /);
  await secretary.goto(`/moten/${SLUG}`);
  await secretary.getByRole("button", { name: "Skicka till justering" }).click();
  await expect(secretary.getByRole("status").filter({ hasText: "skickat till justering" })).toBeVisible();

  // A wrong password is refused; then all three sign.
  await chair.goto(`/moten/${SLUG}`);
  await chair.getByLabel("Ditt lösenord").fill("fel-lösenord");
  await chair.getByRole("button", { name: "Signera protokollet" }).click();
  await expect(chair.getByText("Fel lösenord. Skriv lösenordet du loggar in med.")).toBeVisible();
  await sign(chair);
  await sign(await as(browser, ADJUSTER));
  await sign(secretary);
  await expect(secretary.getByRole("status").filter({ hasText: "protokollet är justerat" })).toBeVisible();
  await secretary.reload();
  await expect(secretary.getByText("Status: Justerat")).toBeVisible();
  await expect(secretary.getByRole("link", { name: "Skriv protokoll" })).toHaveCount(0);

  // The stored PDF names the signers and the verification code, and the public page confirms it.
  const response = await secretary.request.get(`/moten/${SLUG}/pdf`);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const pdf = await response.body();
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-e2e-pdf-"));
  const file = path.join(dir, `${SLUG}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  for (const name of ["Joakim Karlsson", "Jacob Käll", "Annicki Oscarsson"]) expect(text).toContain(name);
  expect(text).not.toContain("UTKAST");
  // The organisation's PAdES seal validates.
  const sig = execFileSync("pdfsig", [file], { encoding: "utf8" });
  expect(sig).toContain("Signature Type: ETSI.CAdES.detached");
  expect(sig).toContain("Signature Validation: Signature is Valid.");

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/verifiera");
  await citizen.getByLabel("Protokollet som PDF").setInputFiles(file);
  await citizen.getByRole("button", { name: "Verifiera" }).click();
  await expect(citizen.getByRole("status")).toContainText("Äkta: filen är originalet");
  await expect(citizen.getByRole("status")).toContainText("Jacob Käll, ordförande");
  await expectNoAxeViolations(citizen);

  const tampered = Buffer.from(pdf);
  tampered[tampered.length - 30]! ^= 1;
  writeFileSync(file, tampered);
  await citizen.getByLabel("Protokollet som PDF").setInputFiles(file);
  await citizen.getByRole("button", { name: "Verifiera" }).click();
  await expect(citizen.getByRole("status")).toContainText("Filen stämmer inte med något justerat protokoll");
});
