// The whole cycle before and at a meeting (issue 15, point 6), through the browser as the
// secretary and a ledamot would run it: three ärenden prepared on an empty meeting, one filled from
// a tjänsteskrivelse (a real DOCX made here, with a table and att-clauses); the kallelse sent and
// the mail read from the e2e run's SMTP server (scripts/e2e-mail.ts); the ledamot opens the
// kallelse from the mail, reports förhinder on /mina-moten; the secretary is told by mail, sees the
// ersättare to call by the ersättarordning and pre-fills the attendance; at the meeting the
// ärendelista becomes §§ with one ärende bordlagt, numbered on from the body's year, and the tabled
// ärende waits in the pool and goes onto the next meeting's ärendelista. axe on the pages no other
// spec checks in this state.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { CHAIR, SECRETARY, signInAs } from "./auth";
import { importTjansteskrivelse } from "./agenda-import";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";
import { waitForMail } from "./mail";

// A December 2021 meeting of Direktionen: the seed's 2021-11-18 protocol has §§ 59–67 of that
// year, and the seed's term of office (2019–2022) gives the members and ersättare.
const DATE = "2021-12-09";
const LONG_DATE = "9 december 2021";
const SLUG = `direktionen-${DATE}`;
const NEXT_DATE = "2022-01-20";
const NEXT_SLUG = `direktionen-${NEXT_DATE}`;

const EARKIV = "Avtal om gemensam e-arkivtjänst";
const REVISION = "Revisionsrapport om intern kontroll 2021";
const POLICY = "Informationssäkerhetspolicy för förbundet";

/** The tjänsteskrivelse for the first ärende: a summary with a table, then the förslag till beslut. */
async function earkivDocx(): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: EARKIV, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Sammanfattning", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            text: "Medlemskommunerna föreslås dela en e-arkivtjänst som förbundet upphandlar och förvaltar.",
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Kommun", true), cell("Andel av kostnaden", true)] }),
              new TableRow({ children: [cell("Kinda kommun"), cell("30 procent")] }),
              new TableRow({ children: [cell("Vimmerby kommun"), cell("45 procent")] }),
              new TableRow({ children: [cell("Ydre kommun"), cell("25 procent")] }),
            ],
          }),
          new Paragraph({ text: "Förslag till beslut", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Direktionen föreslås besluta" }),
          new Paragraph({ text: "att godkänna avtalet om gemensam e-arkivtjänst," }),
          new Paragraph({ text: "att uppdra åt förbundsdirektören att teckna avtalet." }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A new meeting of Direktionen with the body's members as its attendance; lands on its editor. */
async function createMeeting(page: Page, date: string, place: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(date);
  await page.getByLabel("Plats").fill(place);
  await page.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/direktionen-${date}/redigera$`), { timeout: 30_000 });
}

/** Creates an ärende on the meeting's ärendelista (from /moten/<slug>/arenden); lands on the ärende. */
async function createItem(page: Page, title: string, caseNumber: string) {
  await page.goto(`/moten/${SLUG}/arenden`);
  const form = page.getByRole("region", { name: "Nytt ärende på listan" });
  await form.getByLabel("Rubrik").fill(title);
  await form.getByLabel("Diarienummer (valfritt)").fill(caseNumber);
  await form.getByRole("button", { name: "Lägg till ärendet på listan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toContainText("Ärendet är skapat");
}

/** Types the förslag till beslut of the open ärende and saves it. */
async function writeProposal(page: Page, clauses: string) {
  await page.getByLabel("Inledning").fill("Direktionen föreslås besluta");
  await page.getByLabel("Att-satser").fill(clauses);
  await page.getByRole("button", { name: "Spara ärendet" }).click();
  await expect(page.getByRole("status")).toContainText("sparat");
}

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

test("from an empty meeting to §§: ärenden from a tjänsteskrivelse, the kallelse by mail, förhinder, ersättare, one ärende bordlagt", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-cycle-"));
  const docx = path.join(dir, "Tjänsteskrivelse e-arkiv.docx");
  writeFileSync(docx, await earkivDocx());

  // Two weeks before the meeting.
  await moveServerClock(page.request, "2021-11-25T09:00:00Z");
  await signInAs(page, SECRETARY);
  await createMeeting(page, DATE, "Förbundets kansli, Kinda");

  // 1. Three ärenden on the ärendelista; the first filled from its tjänsteskrivelse.
  await createItem(page, EARKIV, "ITSAM 2021/40");
  const summary = await importTjansteskrivelse(page, docx, {
    intro: "Direktionen föreslås besluta",
    clauses: [
      "att godkänna avtalet om gemensam e-arkivtjänst,",
      "att uppdra åt förbundsdirektören att teckna avtalet.",
    ],
  });
  await expect(summary).toContainText("Medlemskommunerna föreslås dela en e-arkivtjänst");
  await expect(summary.getByRole("row").filter({ hasText: "Vimmerby kommun" })).toContainText("45 procent");
  // The förslag till beslut was lifted out of the summary, not copied into it.
  await expect(summary).not.toContainText("att uppdra åt förbundsdirektören");

  await createItem(page, REVISION, "ITSAM 2021/41");
  await writeProposal(page, "att lägga revisionsrapporten till handlingarna.");
  await createItem(page, POLICY, "ITSAM 2021/42");
  await writeProposal(page, "att anta informationssäkerhetspolicyn.");

  await page.goto(`/moten/${SLUG}/arenden`);
  const list = page.getByRole("table", { name: `Ärendelista för sammanträdet ${DATE}` });
  for (const [n, title] of [EARKIV, REVISION, POLICY].entries()) {
    await expect(list.getByRole("row").nth(n + 1)).toContainText(`${n + 1}${title}`);
  }

  // 2. The kallelse, sent by e-mail to the body's ledamöter and ersättare.
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("link", { name: "Kallelse med ärendelista" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kallelse: Direktionen");
  await expect(page.getByRole("heading", { name: `1. ${EARKIV}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Skicka kallelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kallelsen är skickad med e-post till" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText("E-posten kunde inte skickas")).toHaveCount(0);

  const kallelse = await waitForMail(page.request, baseURL, CHAIR, new RegExp(`^Kallelse: Direktionen ${LONG_DATE}$`));
  expect(kallelse.text).toContain("Hej Jacob Käll,");
  expect(kallelse.text).toContain("Du kallas som ledamot till sammanträde med direktionen.");
  expect(kallelse.text).toContain(`Tid: torsdag ${LONG_DATE}`);
  expect(kallelse.text).toContain("Plats: Förbundets kansli, Kinda");
  expect(kallelse.text).toContain(`1. ${EARKIV}\n2. ${REVISION}\n3. ${POLICY}`);
  const pdfLink = /^Kallelsen med förslag till beslut: (\S+)$/m.exec(kallelse.text)?.[1];
  expect(pdfLink, "the mail links to the kallelse PDF").toBeDefined();
  const pdfPath = new URL(pdfLink!).pathname;
  expect(pdfPath).toBe(`/moten/${SLUG}/kallelse/kallelse.pdf`);

  // 3. The ledamot opens the kallelse from the mail and reports förhinder.
  await page.context().clearCookies();
  await signInAs(page, CHAIR);
  const pdf = await page.request.get(pdfPath);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.goto("/");
  await page.getByRole("link", { name: "Mina sammanträden" }).first().click();
  const meeting = page.getByRole("region", { name: `Direktionen, ${LONG_DATE}` });
  await expect(meeting.getByText("Förbundets kansli, Kinda")).toBeVisible();
  await expect(meeting.getByText(/^skickad /)).toBeVisible();
  const first = meeting.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `1. ${EARKIV}` }) });
  await expect(first).toContainText("att godkänna avtalet om gemensam e-arkivtjänst,");
  await expect(meeting.getByRole("heading", { name: `3. ${POLICY}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await meeting.getByLabel("Meddelande till sekreteraren (frivilligt)").fill("Sjukhusbesök");
  await meeting.getByRole("button", { name: "Jag kan inte delta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ditt förhinder är anmält." })).toBeVisible({
    timeout: 15_000,
  });

  // 4. The secretary is told by mail, and sees the ersättare to call on the förhinder page.
  const told = await waitForMail(
    page.request,
    baseURL,
    SECRETARY,
    new RegExp(`^Förhinder: Jacob Käll, Direktionen ${LONG_DATE}$`),
  );
  expect(told.text).toContain("Meddelande: Sjukhusbesök");
  expect(told.text).toMatch(/Kalla in Joakim Magnusson .* för Jacob Käll\./);

  await page.context().clearCookies();
  await signInAs(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("link", { name: "Förhinder och ersättare" }).click();
  await expect(page.getByRole("cell", { name: "Sjukhusbesök" })).toBeVisible();
  // Vimmerby kommun has no ersättare of its own: the first in the body's ersättarordning is called.
  await expect(page.getByText(/Kalla in Joakim Magnusson .* för Jacob Käll\./)).toBeVisible();
  await page.getByRole("button", { name: "Förifyll närvaron" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Närvarolistan är förifylld" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("Joakim Magnusson tjänstgör redan i stället för Jacob Käll.")).toBeVisible();

  // 5. At the meeting: the ärendelista becomes §§, the informationssäkerhetspolicy bordlagd.
  await moveServerClock(page.request, `${DATE}T15:00:00Z`);
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("link", { name: "Från ärendelista till protokoll" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Från ärendelista till protokoll");
  await expectNoAxeViolations(page);
  await page
    .getByRole("group", { name: `Ärende 3: ${POLICY}` })
    .getByLabel("Utfall")
    .selectOption({ label: "Bordläggs" });
  await page.getByRole("button", { name: "För över ärendelistan till protokollet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ärendelistan är förd till protokollet." })).toBeVisible({
    timeout: 30_000,
  });
  // The year goes on from the seed's § 67.
  await expect(page.getByRole("heading", { name: "Förda till protokollet (§§ 68–70)" })).toBeVisible();
  const done = page.getByRole("table");
  await expect(done.getByRole("row").filter({ hasText: EARKIV })).toContainText("Beslut§ 68");
  await expect(done.getByRole("row").filter({ hasText: REVISION })).toContainText("Beslut§ 69");
  await expect(done.getByRole("row").filter({ hasText: POLICY })).toContainText("Bordläggs§ 70");
  await expectNoAxeViolations(page);

  // The §§ in the protocol draft, and the attendance as pre-filled from the förhinder.
  await page.goto(`/moten/${SLUG}`);
  const header = page.getByRole("table", { name: "Sammanträdets uppgifter" });
  await expect(header).toContainText("Jacob Käll, Vimmerby kommun, ersatt av Joakim Magnusson");
  await expect(header).toContainText(/Joakim Magnusson, tjänstgörande ersättare för Jacob Käll/);
  const p68 = page.getByRole("article", { name: `§ 68 ${EARKIV}` });
  await expect(p68).toContainText("att godkänna avtalet om gemensam e-arkivtjänst,");
  await expect(p68).toContainText("Vimmerby kommun");
  const p70 = page.getByRole("article", { name: `§ 70 ${POLICY}` });
  await expect(p70).toContainText("Ärendet bordläggs.");
  await expect(p70).not.toContainText("att anta informationssäkerhetspolicyn");

  // 6. The tabled ärende waits in the pool and goes onto the next meeting's ärendelista.
  await page.goto("/organ/direktionen/arenden");
  const pool = page.getByRole("table", { name: /pool/i });
  await expect(pool.getByRole("row").filter({ hasText: POLICY })).toBeVisible();
  await expect(pool.getByRole("row").filter({ hasText: EARKIV })).toHaveCount(0);
  await createMeeting(page, NEXT_DATE, "Förbundets kansli, Ydre");
  await page.goto(`/moten/${NEXT_SLUG}/arenden`);
  const waiting = page
    .getByRole("table", { name: "Ärenden i Direktionens pool" })
    .getByRole("row")
    .filter({ hasText: POLICY });
  await waiting.getByRole("button", { name: /^Lägg på listan/ }).click();
  const next = page.getByRole("table", { name: `Ärendelista för sammanträdet ${NEXT_DATE}` });
  await expect(next.getByRole("row").filter({ hasText: POLICY })).toContainText("1");
  await expect(next.getByRole("row").filter({ hasText: POLICY })).toContainText("ITSAM 2021/42");
});
