// Justering with e-legitimation (issue 18) in the browser, through the e2e run's test eID broker
// (scripts/e2e-eid.ts, a real oidc-provider with a login page of test identities): the admin
// registers the three signers' personnummer (justerare, chair, secretary), the secretary sends a
// new meeting for justering, the justerare is refused with the chair's e-legitimation, then signs
// with her own; the password is offered beside it, labelled as the lower level (it signs in
// justering.spec.ts; without a provider in tests/password-fallback.int.test.ts). The chair signs
// with his own test identity. Uses a meeting of its own (the seed meeting belongs to
// justering.spec.ts). The secretary signs last, with e-legitimation: all three signatures are
// e-legitimation at level 3, and the stored PDF holds each signer's own PAdES signature in their
// field, in the order they signed, and the seal (pdfsig), each with a timestamp from the e2e
// run's TSA, then the DSS and a document timestamp (scripts/e2e-trust.ts); /verifiera shows the
// timestamps and that the long-term validation data is complete. Then the secretary signs a
// rättelse with her e-legitimation.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADJUSTER, ADMIN, CHAIR, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { readSignatures, signatureTimestampTime } from "../src/pdf/pades";

const DATE = "2022-03-10";
const SLUG = `direktionen-${DATE}`;
/** Annicki Oscarsson (the seed's justerare) gets the test identity "Cecilia Carlsson"'s number. */
const ANNICKI_PNR = "19900101-2385";
/** Joakim Karlsson (the secretary) gets "Anna Andersson"'s. */
const JOAKIM_PNR = "19811218-9876";
/** Jacob Käll (the chair) gets "Bertil Berg"'s. */
const JACOB_PNR = "19720514-2388";

async function choose(select: Locator, name: string) {
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signInAs(page, email);
}

async function registerPnr(page: Page, name: string, pnr: string) {
  const row = page.getByRole("table", { name: "Personer i Itsam" }).getByRole("row", { name: new RegExp(`^${name}`) });
  await row.getByText("Byt namn eller slå ihop").click();
  await row.getByLabel(`Personnummer för e-legitimation (${name})`).fill(pnr);
  await row.getByRole("button", { name: "Spara personnummer" }).click();
  await expect(row.getByRole("status").filter({ hasText: "Personnumret är sparat." })).toBeVisible();
}

test("three signers sign with e-legitimation through the provider; another identity is refused", async ({ page }) => {
  test.setTimeout(180_000);

  // The admin registers the justerare's personnummer (a wrong one first: refused in Swedish).
  await as(page, ADMIN);
  await page.goto("/admin/personer");
  const row = page.getByRole("table", { name: "Personer i Itsam" }).getByRole("row", { name: /^Annicki Oscarsson/ });
  await row.getByText("Byt namn eller slå ihop").click();
  const field = row.getByLabel("Personnummer för e-legitimation (Annicki Oscarsson)");
  await field.fill("19900101-2384");
  await row.getByRole("button", { name: "Spara personnummer" }).click();
  await expect(row.getByText("kontrollsiffran (den sista) är fel")).toBeVisible();
  await row.getByLabel("Personnummer för e-legitimation (Annicki Oscarsson)").fill(ANNICKI_PNR);
  await row.getByRole("button", { name: "Spara personnummer" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Personnumret är sparat." })).toBeVisible();
  await expectNoAxeViolations(page);
  await registerPnr(page, "Joakim Karlsson", JOAKIM_PNR);
  await registerPnr(page, "Jacob Käll", JACOB_PNR);

  // The secretary creates a meeting, names the justerare and sends it for justering.
  await as(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(DATE);
  await page.getByLabel("Plats").fill("Förbundets kansli, Kinda");
  await page.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/${SLUG}/redigera$`), { timeout: 30_000 });
  const header = page.getByRole("region", { name: "Sammanträdet" });
  await header.getByRole("button", { name: "Lägg till justerare" }).click();
  await choose(header.getByLabel("Justerare 1", { exact: true }), "Annicki Oscarsson");
  await expect(header.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("button", { name: "Skicka till justering" }).click();
  await expect(page.getByRole("status").filter({ hasText: "skickat till justering" })).toBeVisible();

  // The justerare sees both ways to sign, the password one labelled as the lower level.
  await as(page, ADJUSTER);
  await page.goto(`/moten/${SLUG}`);
  await expect(page.getByRole("button", { name: "Signera med e-legitimation" })).toBeVisible();
  await expect(page.getByText("Signering med lösenord – lägre säkerhetsnivå än e-legitimation.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Someone else's e-legitimation (the chair's): refused, nothing signed.
  await page.getByRole("button", { name: "Signera med e-legitimation" }).click();
  await expect(page.getByRole("heading", { name: "Test-e-legitimation" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Begärd tillitsnivå: http://id.elegnamnden.se/loa/1.0/loa3")).toBeVisible();
  await page.getByRole("button", { name: /^Bertil Berg/ }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "E-legitimationen tillhör inte den person som ska signera." }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Tillbaka till protokollet" }).click();
  await expect(
    page
      .getByRole("region", { name: "Justering" })
      .getByRole("table", { name: "Underskrifter" })
      .getByRole("cell", { name: "Inte ännu" }),
  ).toHaveCount(3);

  // Her own: signed, and the signature table says how.
  await page.getByRole("button", { name: "Signera med e-legitimation" }).click();
  await page.getByRole("button", { name: /^Cecilia Carlsson/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du har signerat protokollet." })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/moten/${SLUG}\\?klart=signerat$`));
  const signatures = page.getByRole("region", { name: "Justering" }).getByRole("table", { name: "Underskrifter" });
  await expect(signatures.getByRole("row", { name: /Annicki Oscarsson/ })).toContainText("med e-legitimation");
  await expect(page.getByRole("button", { name: "Signera med e-legitimation" })).toHaveCount(0);

  // The chair signs with his own e-legitimation (the test identity "Bertil Berg").
  await as(page, CHAIR);
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("button", { name: "Signera med e-legitimation" }).click();
  await page.getByRole("button", { name: /^Bertil Berg/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du har signerat protokollet." })).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    page
      .getByRole("region", { name: "Justering" })
      .getByRole("table", { name: "Underskrifter" })
      .getByRole("row", { name: /Jacob Käll/ }),
  ).toContainText("med e-legitimation");

  // The secretary signs last, with her own e-legitimation: justerat.
  await as(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("button", { name: "Signera med e-legitimation" }).click();
  await page.getByRole("button", { name: /^Anna Andersson/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Alla har nu signerat: protokollet är justerat" }),
  ).toBeVisible({ timeout: 30_000 });

  // The stored original: three signers' own signatures in their fields, then the seal (pdfsig).
  const res = await page.request.get(`/moten/${SLUG}/pdf?original`);
  expect(res.status()).toBe(200);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-e2e-pdfsig-"));
  try {
    const file = path.join(dir, "original.pdf");
    const original = await res.body();
    writeFileSync(file, original);
    let out = "";
    try {
      out = execFileSync("pdfsig", [file]).toString();
    } catch (error) {
      // pdfsig exits non-zero when a certificate is not trusted (the demo CA): the report is on stdout.
      out = String((error as { stdout?: Buffer }).stdout ?? "");
    }
    const blocks = out.split(/^Signature #\d+:$/m).slice(1);
    // pdfsig lists the fields in the order of the signature lines; the signing order shows in the
    // signed ranges: each later signature covers more of the file.
    expect(blocks.map((b) => /Common Name: (.*)/.exec(b)?.[1])).toEqual([
      "Joakim Karlsson",
      "Jacob Käll",
      "Annicki Oscarsson",
      expect.stringContaining("Itsam"),
      "Testkommunens tidsstämpeltjänst",
    ]);
    const covered = blocks.map((b) => Number(/Signed Ranges: \[\d+ - \d+\], \[(\d+) - /.exec(b)?.[1]));
    expect(covered[2]).toBeLessThan(covered[1]!); // Annicki before Jacob
    expect(covered[1]).toBeLessThan(covered[0]!); // Jacob before Joakim
    expect(covered[0]).toBeLessThan(covered[3]!); // the seal last
    for (const b of blocks.slice(0, 4)) expect(b).toContain("Signature Validation: Signature is Valid.");
    // The e2e run's TSA (scripts/e2e-trust.ts): after the DSS a document timestamp covers the
    // whole file (B-LTA); pdfsig lists it last but cannot check ETSI.RFC3161 itself.
    expect(blocks).toHaveLength(5);
    expect(blocks[4]).toContain("Signature Field Name: Dokumenttidsstämpel 1");
    expect(blocks[4]).toContain("Signer Certificate Common Name: Testkommunens tidsstämpeltjänst");
    expect(blocks[4]).toContain("Total document signed");
    // Each signer's and the seal's signature carries its RFC 3161 timestamp from the TSA.
    const signatures = readSignatures(new Uint8Array(original));
    expect(signatures).toHaveLength(5);
    expect(signatures.at(-1)!.subFilter).toBe("ETSI.RFC3161");
    for (const s of signatures.slice(0, 4)) expect(signatureTimestampTime(s.der)).toBeInstanceOf(Date);
    // The DSS: the certificates and the OCSP responses from the e2e responder.
    const trailer = execFileSync("qpdf", ["--show-object=trailer", file]).toString();
    const catalog = execFileSync("qpdf", [`--show-object=${/\/Root (\d+) 0 R/.exec(trailer)![1]}`, file]).toString();
    const dss = execFileSync("qpdf", [`--show-object=${/\/DSS (\d+) 0 R/.exec(catalog)![1]}`, file]).toString();
    expect(dss).toMatch(/\/Certs \[/);
    expect(dss).toMatch(/\/OCSPs \[ \d+ 0 R \d+ 0 R \d+ 0 R/);
    // Each signer's field shows who signed and how; the password as the weaker level.
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Signerat digitalt av Annicki Oscarsson, justerare");
    expect(text).toContain("Signerat digitalt av Jacob Käll, ordförande");
    expect(text).toContain("Signerat digitalt av Joakim Karlsson, sekreterare");
    expect(text.match(/Identifierad med e-legitimation \(tillitsnivå 3\) via BankID/g)).toHaveLength(3);
    expect(text).not.toContain("Identifierad med lösenord");

    // /verifiera: each signer with the time from their timestamp, the long-term validation data complete.
    await page.context().clearCookies();
    await page.goto("/verifiera");
    await page.getByLabel("Protokollet som PDF").setInputFiles(file);
    await page.getByRole("button", { name: "Verifiera" }).click();
    const result = page.getByRole("status").filter({ hasText: "Äkta: filen är originalet" });
    await expect(result).toBeVisible();
    for (const name of ["Annicki Oscarsson, justerare", "Jacob Käll, ordförande", "Joakim Karlsson, sekreterare"])
      await expect(result.getByRole("listitem").filter({ hasText: name })).toContainText(
        /tidsstämplad \d{4}-\d\d-\d\d/,
      );
    await expect(result).toContainText("Underlaget för långtidsvalidering är komplett");
    await expectNoAxeViolations(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A rättelse, signed with the secretary's e-legitimation; the password offered beside it as the
  // weaker level.
  await as(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  const correction = page.locator("form").filter({ has: page.getByRole("heading", { name: "Rättelse" }) });
  await expect(correction.getByText("Signering med lösenord – lägre säkerhetsnivå än e-legitimation.")).toBeVisible();
  await correction.getByLabel("Rättelse", { exact: true }).fill("Platsen var Förbundets kansli, Linköping.");
  await expectNoAxeViolations(page);
  await correction.getByRole("button", { name: "Signera rättelsen med e-legitimation" }).click();
  await page.getByRole("button", { name: /^Anna Andersson/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Rättelsen är signerad och tillagd i protokollet." }),
  ).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Platsen var Förbundets kansli, Linköping.")).toBeVisible();
});
