import { expect, test, type Locator, type Page } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { waitSaved } from "./editor";
import { expectNoAxeViolations } from "./axe";

const BUDGET_TABLE = [
  ["Resultatbudget", "Budget", "Prognos", "Budget"],
  ["Intäkter", "2022", "2021", "2021"],
  ["Förlusttäckning", "13 498", "13 220", "13 220"],
  ["Supportintäkter", "19 263", "19 032", "14 727"],
  ["Leasingintäkter datorer och övriga enheter", "23 591", "21 326", "23 374"],
  ["Övriga intäkter", "56 731", "53 478", "51 243"],
  ["Summa intäkter", "113 083", "107 056", "102 564"],
  ["Kostnader", "", "", ""],
  ["Kostnader för huvudverksamhet", "-53 165", "-54 980", "-48 466"],
  ["Kostnader för arbetskraft", "-31 314", "-27 316", "-29 473"],
  ["Övriga verksamhetskostnader", "-6 949", "-7 316", "-6 489"],
  ["Avskrivningar", "-21 495", "-16 038", "-17 935"],
  ["Finansiella intäkter och kostnader", "-160", "-126", "-200"],
  ["Summa kostnader", "-113 083", "-105 776", "-102 564"],
  ["Resultat", "0", "1 280", "0"],
];

const CLAUSES = [
  "att anta budget för år 2022 jämte plan för 2022-2024 samt överlämnar budget 2022 till medlemskommunerna för yttrande,",
  "att kommunalförbundet ITSAM får ett effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner) och att uppdraget redovisas i form av ett handlingsprogram inklusive konsekvensbeskrivningar i slutet på Q1, samt",
  "att kommunalförbundet ITSAM till budget 2023 skall ha med en strategisk plan över 5 år där bedömda kostnadsutveckling och behov i drift- och investeringar finns redovisade",
];
const MOTION_1 =
  "Att kommunalförbundet ITSAM får ett effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner) och att uppdraget redovisas i form av ett handlingsprogram i slutet på Q1.";
const MOTION_2 =
  "Att kommunalförbundet ITSAM till budget 2023 skall ha med en strategisk plan över 5 år där bedömda kostnadsutveckling och behov i drift- och investeringar finns redovisade.";
const AMENDMENT = "att Joakim Magnussons första yrkande ska kompletteras med ”inklusive konsekvensbeskrivningar”";
const PROPOSITION =
  "Ordförande Jacob Käll ställer proposition på framförda yrkanden och finner att direktionen beslutat godkänna detsamma.";

async function selectByText(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

function paragraphRegion(page: Page, title: RegExp) {
  return page.getByRole("region", { name: title });
}

test("a secretary creates a meeting and enters the seed's § 62 through the UI; every part is stored", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill("2022-02-10");
  await page.getByLabel("Starttid").fill("10:00");
  await page.getByLabel("Sluttid").fill("12.00");
  await page.getByLabel("Plats").fill("Zoom");
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(/\/moten\/direktionen-2022-02-10\/redigera$/);
  // The attendance came from the members; Joakim Magnusson serves (only those taking part may move motions).
  const attendance = page.getByRole("region", { name: "Närvaro" });
  await expect(attendance.getByLabel("Rad 1: person")).toHaveValue(/.+/);
  const rows = await attendance
    .locator("select[id$='-person']")
    .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
  const joakim = rows.findIndex((name) => name.startsWith("Joakim Magnusson"));
  expect(joakim).toBeGreaterThan(-1);
  await attendance.locator(`#narvaro-${joakim}-roll`).selectOption("SERVING_SUBSTITUTE");
  await waitSaved(attendance);

  await page.getByLabel("Ny paragraf: rubrik").fill("Budget 2022 samt plan för 2022-2024");
  await page.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
  const p = paragraphRegion(page, /^§ 1 Budget 2022/);
  await expect(p).toBeVisible();

  await p.getByLabel("Diarienummer (Dnr)").fill("ITSAM 2021/72");
  await p.getByLabel("Beslutstext").fill("Direktionen beslutar:");
  for (const [i, clause] of CLAUSES.entries()) {
    await p.getByRole("button", { name: "Lägg till att-sats" }).click();
    await p.getByLabel(`Att-sats ${i + 1}`, { exact: true }).fill(clause);
  }

  await p.getByRole("button", { name: 'Lägg till "Sammanfattning av ärendet"' }).click();
  const text = p.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" });
  await text.click();
  await page.keyboard.type("Budgeten läses i sin helhet i utskickat underlag.");
  await page.keyboard.press("Enter");
  await p.getByRole("button", { name: "Infoga tabell" }).click();
  await p.getByRole("button", { name: "Lägg till kolumn" }).click();
  // The cursor is in the first cell: type row by row, Tab to the next cell (and a new row).
  for (const [r, row] of BUDGET_TABLE.entries()) {
    for (const [c, cell] of row.entries()) {
      if (cell) await page.keyboard.type(cell);
      if (r < BUDGET_TABLE.length - 1 || c < row.length - 1) await page.keyboard.press("Tab");
    }
  }

  await p
    .getByLabel("Beslutsunderlag")
    .fill(
      "Kommunchefsberedningens sammanträde 2021-11-11 § 62\nBudget 2022 med plan för 2022-2024\nBilaga 1 – detaljerad intäktsbudget",
    );

  const motions: [string, string, string, string | null][] = [
    ["Joakim Magnusson", "TILLAGG", MOTION_1, null],
    ["Joakim Magnusson", "TILLAGG", MOTION_2, null],
    ["Jacob Käll", "ANDRING", AMENDMENT, "0"],
  ];
  for (const [i, [who, kind, motionText, amends]] of motions.entries()) {
    await p.getByRole("button", { name: "Lägg till yrkande" }).click();
    await selectByText(p.locator(`#p1-yrkande-${i}-person`), who);
    await p.locator(`#p1-yrkande-${i}-typ`).selectOption(kind);
    if (amends !== null) await p.locator(`#p1-yrkande-${i}-galler`).selectOption(amends);
    await p.locator(`#p1-yrkande-${i}-text`).fill(motionText);
  }
  await p.getByRole("button", { name: "Skriv proposition utifrån yrkandena" }).click();
  await expect(p.getByLabel("Proposition 1", { exact: true })).toHaveValue(
    /^Ordförande Jacob Käll ställer proposition/,
  );
  await p.getByLabel("Proposition 1", { exact: true }).fill(PROPOSITION);
  await waitSaved(p);

  // Reload: every part comes back from the database.
  await page.reload();
  const again = paragraphRegion(page, /^§ 1 Budget 2022/);
  await expect(again.getByLabel("Diarienummer (Dnr)")).toHaveValue("ITSAM 2021/72");
  for (const [i, clause] of CLAUSES.entries())
    await expect(again.getByLabel(`Att-sats ${i + 1}`, { exact: true })).toHaveValue(clause);
  const table = again.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" }).locator("table");
  await expect(table.locator("tr")).toHaveCount(BUDGET_TABLE.length);
  for (const [r, row] of BUDGET_TABLE.entries()) {
    await expect(table.locator("tr").nth(r).locator("th, td")).toHaveText(row);
  }
  for (const [i, [, kind, motionText]] of motions.entries()) {
    await expect(again.locator(`#p1-yrkande-${i}-text`)).toHaveValue(motionText);
    await expect(again.locator(`#p1-yrkande-${i}-typ`)).toHaveValue(kind);
  }
  await expect(again.locator("#p1-yrkande-2-galler")).toHaveValue("0");
  await expect(again.getByLabel("Proposition 1", { exact: true })).toHaveValue(PROPOSITION);

  // The preview reads like the protocol.
  await page.getByRole("link", { name: "Förhandsvisa protokollet" }).click();
  const article = page.getByRole("article", { name: /§ 1 Budget 2022/ });
  await expect(article).toContainText("Dnr 2021/72");
  await expect(article.getByRole("row", { name: /Summa intäkter/ })).toContainText("113 083");
  await expect(article).toContainText("Jacob Käll (ändringsyrkande)");
  await expect(article).toContainText(PROPOSITION);
});

test("two sessions editing the same § get a visible conflict, not a lost update", async ({ browser }) => {
  // Two sign-ins, two editors and three saves: more than the default 30 s on a loaded machine.
  test.slow();
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await signInAs(a, SECRETARY);
  await signInAs(b, SECRETARY);
  await a.goto("/moten/direktionen-2021-11-18/redigera");
  await b.goto("/moten/direktionen-2021-11-18/redigera");
  const pa = paragraphRegion(a, /^§ 61 /);
  const pb = paragraphRegion(b, /^§ 61 /);

  await pa.getByLabel("Rubrik", { exact: true }).fill("Personal – från session A");
  await waitSaved(pa);

  await pb.getByLabel("Rubrik", { exact: true }).fill("Personal – från session B");
  const conflict = pb.getByRole("alert").filter({ hasText: "Konflikt i § 61" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(pb.getByRole("status").first()).toHaveText("Inte sparat – någon annan har ändrat samtidigt");
  await expect(conflict.getByRole("row", { name: /Rubrik/ })).toContainText("Personal – från session B");
  await expect(conflict.getByRole("row", { name: /Rubrik/ })).toContainText("Personal – från session A");
  await expectNoAxeViolations(b);

  // B keeps their text, knowingly: it is saved over A's on the new version.
  await conflict.getByRole("button", { name: "Spara min version" }).click();
  await waitSaved(pb);
  await a.goto("/moten/direktionen-2021-11-18/redigera");
  await expect(paragraphRegion(a, /^§ 61 /).getByLabel("Rubrik", { exact: true })).toHaveValue(
    "Personal – från session B",
  );
});

test("the editor page passes an axe WCAG 2.1 AA scan", async ({ page }) => {
  // axe walks the whole 9-§ editor (thousands of nodes): 18-28 s on a loaded machine.
  test.slow();
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  await expect(page.getByRole("textbox", { name: "Text: Sammanfattning av ärendet" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("text typed while offline is kept and sent when the connection is back", async ({ page, context }) => {
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  const p = paragraphRegion(page, /^§ 60 /);
  await expect(p.getByRole("status").first()).toHaveText("Sparat");

  await context.setOffline(true);
  // Typed as a person would (fill's select-and-insert can race the re-render of a controlled field).
  const dispatch = p.getByLabel("Beslutsexpediering");
  await dispatch.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Akt");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Förbundsdirektören");
  await expect(dispatch).toHaveValue("Akt\nFörbundsdirektören");
  await expect(p.getByRole("status").first()).toContainText("Ingen anslutning", { timeout: 10_000 });
  // Even a reload while offline would not lose it: it is in localStorage.
  const stored = await page.evaluate(
    () => Object.keys(localStorage).filter((k) => k.startsWith("paragraf:paragraph:")).length,
  );
  expect(stored).toBeGreaterThan(0);

  await context.setOffline(false);
  await waitSaved(p);
  await page.reload();
  await expect(paragraphRegion(page, /^§ 60 /).getByLabel("Beslutsexpediering")).toHaveValue("Akt\nFörbundsdirektören");
});

test("every field of the editor belongs to its part's own form (Chromium's autofill reads a field's whole form per key)", async ({
  page,
}) => {
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  await expect(page.locator("#p66-titel")).toBeVisible();
  const fields = await page
    .locator("[data-layout=wide]")
    .evaluate((root) =>
      [...root.querySelectorAll<HTMLInputElement>("input, textarea, select")]
        .filter((e) => !["checkbox", "radio", "hidden", "file"].includes(e.type))
        .map((e) => ({ id: e.id, form: e.form?.id ?? null, part: e.closest("section[aria-labelledby]")?.id ?? null })),
    );
  expect(fields.length).toBeGreaterThan(50);
  // A field outside any form makes autofill read every such field on the page at each key.
  const unowned = fields.filter((f) => f.form === null);
  expect(unowned).toEqual([]);
  // Each § has a form of its own: a key in § 58 does not make autofill read § 66.
  const forms = new Set(fields.filter((f) => /^p\d+-titel$/.test(f.id)).map((f) => f.form));
  expect(forms.size).toBe(9);
  // Submitted without its script (form.submit() runs no submit handler, as before hydration), a
  // part's form does nothing: the page stays, with what was typed.
  const url = page.url();
  await page.locator("#p66-titel").fill("Ändrad rubrik");
  await page.locator("#p66-titel").evaluate((e) => (e as HTMLInputElement).form!.submit());
  await page.waitForTimeout(500);
  expect(page.url()).toBe(url);
  await expect(page.locator("#p66-titel")).toHaveValue("Ändrad rubrik");
});

test("attendance per §: the toggles and the range field are the same thing", async ({ page }) => {
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  const attendance = page.getByRole("region", { name: "Närvaro" });
  const names = await attendance
    .locator("select[id$='-person']")
    .evaluateAll((s) => s.map((x) => (x as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
  const i = names.findIndex((n) => n.startsWith("Malin Vikström"));
  const range = attendance.locator(`#narvaro-${i}-paragrafer`);
  await expect(range).toHaveValue("62-63");
  // The checkboxes are behind a disclosure (the range field is the row's primary input).
  const row = attendance.locator("li").nth(i);
  await expect(row.getByRole("checkbox")).toHaveCount(0);
  await row.getByText("Närvarande i §: välj i en lista").click();
  const toggles = row.getByRole("group", { name: "Närvarande i §" });
  await expect(toggles.getByRole("checkbox", { name: "62" })).toBeChecked();
  await expect(toggles.getByRole("checkbox", { name: "64" })).not.toBeChecked();
  await toggles.getByRole("checkbox", { name: "63" }).uncheck();
  await expect(range).toHaveValue("62");
  await toggles.getByRole("checkbox", { name: "65" }).check();
  await expect(range).toHaveValue("62, 65");
  await range.fill("62-63");
  await expect(toggles.getByRole("checkbox", { name: "63" })).toBeChecked();
  await expect(toggles.getByRole("checkbox", { name: "65" })).not.toBeChecked();
  await waitSaved(attendance);
});

test("the editor fits a 1280 px screen: nothing scrolls sideways, §§ off screen included", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, SECRETARY);
  await page.goto("/moten/direktionen-2021-11-18/redigera");
  // The §§ far below are laid out lazily (content-visibility); their reserved size is a height only.
  await expect(paragraphRegion(page, /^§ 67 /)).toBeAttached();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});
