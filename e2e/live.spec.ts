// The live meeting (issue 20) in two browsers at once: the secretary on a laptop, the chair on a
// tablet. Roll call, an ersättare stepping in, an arrival, a jäv with an ersättare for that §,
// the current § moved from the tablet; each change shows on the other device within a second;
// "Avsluta sammanträdet" writes the draft, whose editor shows the computed § ranges and whose
// checker finds no error. Both views pass axe (WCAG 2.1 AA).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHAIR, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";
import { newLiveDirektionenMeeting } from "./fixtures/live-direktionen";

// Within the seed's term of office (to 2022-12-31); no other spec uses this day.
const DATE = "2022-06-16";
const SLUG = `direktionen-${DATE}`;
const SYNC = { timeout: 1_000 };

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

async function choose(select: Locator, name: string) {
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

const seat = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });

test("secretary and chair run a short meeting live; the draft needs no retyping", async ({ browser }) => {
  test.setTimeout(180_000);
  const laptopContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  const laptop = await laptopContext.newPage();
  const tablet = await tabletContext.newPage();
  await moveServerClock(laptop.request, "2022-06-16T12:00:00Z");

  // Before the meeting: the secretary creates it, names the justerare and adds three §§.
  await signInAs(laptop, SECRETARY);
  await newLiveDirektionenMeeting(laptop, DATE, SLUG);
  const header = laptop.getByRole("region", { name: "Sammanträdet" });
  await header.getByRole("button", { name: "Lägg till justerare" }).click();
  await choose(header.getByLabel("Justerare 1", { exact: true }), "Annicki Oscarsson");
  await expect(header.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });
  for (const title of ["Val av justerare", "Budget 2023", "Delårsrapport"]) {
    await laptop.getByLabel("Ny paragraf: rubrik").fill(title);
    await laptop.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
    await expect(laptop.getByRole("region", { name: new RegExp(`^§ \\d+ ${title}`) })).toBeVisible();
  }

  // The live view, from the meeting page, on both devices.
  await laptop.goto(`/moten/${SLUG}`);
  await laptop.getByRole("link", { name: "Sammanträdet live" }).click();
  await expect(laptop).toHaveURL(new RegExp(`/moten/${SLUG}/live$`));
  await signInAs(tablet, CHAIR);
  await tablet.goto(`/moten/${SLUG}/live`);
  for (const page of [laptop, tablet]) await expect(page.getByText("Synkad")).toBeVisible({ timeout: 10_000 });
  const heading = laptop.getByTestId("current-paragraph");
  const first = Number(/§ (\d+)/.exec((await heading.textContent()) ?? "")![1]);
  await expect(heading).toHaveText(`§ ${first} Val av justerare`);

  // Roll call on the laptop; each mark shows on the tablet within a second.
  for (const name of ["Jacob Käll", "Annicki Oscarsson", "Conny Forsberg", "Gunnar Malgeryd", "Joakim Magnusson"]) {
    await seat(laptop, name).getByRole("button", { name: "Närvarande" }).click();
    await expect(seat(tablet, name).getByTestId("seat-status")).toContainText("Närvarande", SYNC);
  }
  await seat(laptop, "Elisabet Hagström").getByRole("button", { name: "Frånvarande" }).click();
  await expect(laptop.getByTestId("quorum")).toContainText("inte beslutsför");
  // The tablet announces what the other device did.
  await expect(tablet.getByTestId("live-announcement")).toContainText("Från den andra enheten", SYNC);
  await expectNoAxeViolations(laptop);

  // The chair calls in an ersättare for the absent ledamot from the tablet: quorum on both.
  await tablet.getByRole("button", { name: "Joakim Magnusson går in för Elisabet Hagström" }).click();
  await expect(laptop.getByTestId("quorum")).toHaveText(`Beslutsför i § ${first}.`, SYNC);
  await expect(laptop.getByTestId("serving-count")).toContainText("Tjänstgörande: 4 av 6");
  await expectNoAxeViolations(tablet);

  // The chair moves on; the laptop follows.
  await tablet.getByRole("button", { name: "Nästa paragraf →" }).click();
  await expect(heading).toHaveText(`§ ${first + 1} Budget 2023`, SYNC);

  // An arrival during § 2: Magnusson steps out of her seat.
  await seat(laptop, "Elisabet Hagström").getByRole("button", { name: "Anländer" }).click();
  await expect(seat(tablet, "Elisabet Hagström").getByTestId("seat-status")).toContainText("Närvarande", SYNC);
  await expect(seat(tablet, "Joakim Magnusson").getByTestId("seat-status")).toContainText("Närvarande");

  // Jäv in § 2: Forsberg leaves the seat; an ersättare steps in for that § only.
  await seat(laptop, "Conny Forsberg")
    .getByRole("button", { name: `Jäv i § ${first + 1}` })
    .click();
  await expect(seat(tablet, "Conny Forsberg").getByTestId("seat-status")).toContainText("Jävig", SYNC);
  await laptop.getByRole("button", { name: "Joakim Magnusson går in för Conny Forsberg" }).click();
  await expect(seat(tablet, "Joakim Magnusson").getByTestId("seat-status")).toContainText(
    "Tjänstgör för Conny Forsberg",
    SYNC,
  );
  await expect(laptop.getByTestId("quorum")).toHaveText(`Beslutsför i § ${first + 1}.`);

  await tablet.getByRole("button", { name: "Nästa paragraf →" }).click();
  await expect(heading).toHaveText(`§ ${first + 2} Delårsrapport`, SYNC);
  // The laptop loses the network for a while: its tap waits and is sent again; meanwhile the
  // tablet records an arrival. Back online, both show both.
  await laptopContext.setOffline(true);
  await seat(laptop, "Gunnar Malgeryd").getByRole("button", { name: "Lämnar" }).click();
  await expect(laptop.getByText("Ingen kontakt med servern")).toBeVisible({ timeout: 10_000 });
  await seat(tablet, "Christer Segerstéen").getByRole("button", { name: "Anländer" }).click();
  await tablet.waitForTimeout(5_000);
  await expect(seat(tablet, "Gunnar Malgeryd").getByTestId("seat-status")).toContainText("Närvarande");
  await laptopContext.setOffline(false);
  await expect(seat(tablet, "Gunnar Malgeryd").getByTestId("seat-status")).toContainText("Frånvarande", {
    timeout: 15_000,
  });
  await expect(seat(laptop, "Christer Segerstéen").getByTestId("seat-status")).toContainText("Närvarande", {
    timeout: 15_000,
  });
  await expect(laptop.getByTestId("live-connection")).toHaveText("Synkad", { timeout: 15_000 });

  // The chair may not end the meeting: the secretary writes the draft.
  await expect(tablet.getByRole("button", { name: "Avsluta sammanträdet" })).toHaveCount(0);

  await laptop.getByRole("button", { name: "Avsluta sammanträdet" }).click();
  await expect(laptop.getByTestId("close-result")).toContainText("Protokollets kontroll hittar inga fel.", {
    timeout: 15_000,
  });
  await expect(tablet.getByText("Sammanträdet är avslutat. Närvaro, jäv, yrkanden")).toBeVisible({
    timeout: 5_000,
  });
  await expectNoAxeViolations(laptop);

  // The editor shows what was computed: Hagström from § 2, Magnusson serving for two members in turn.
  await laptop.goto(`/moten/${SLUG}/redigera`);
  const attendance = laptop.getByRole("region", { name: "Närvaro" });
  await expect(attendance.getByLabel("Rad 1: person")).toHaveValue(/.+/);
  const rows = await attendance
    .locator("select[id$='-person']")
    .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? ""));
  const hagstrom = rows.findIndex((n) => n.startsWith("Elisabet Hagström"));
  await expect(attendance.locator(`#narvaro-${hagstrom}-paragrafer`)).toHaveValue(`${first + 1}-${first + 2}`);
  await expect(attendance.locator(`#narvaro-${hagstrom}-kom`)).toHaveValue(/^\d\d:\d\d$/);
  const magnusson = rows.flatMap((n, i) => (n.startsWith("Joakim Magnusson") ? [i] : []));
  expect(magnusson).toHaveLength(3);
  const ranges = await Promise.all(magnusson.map((i) => attendance.locator(`#narvaro-${i}-paragrafer`).inputValue()));
  expect(ranges).toEqual([`${first}`, `${first + 1}`, `${first + 2}`]);

  // The checker on the meeting page: no error.
  await laptop.goto(`/moten/${SLUG}`);
  await expect(laptop.getByRole("region", { name: "Kontroll före justering" })).toContainText("0 fel");

  await laptopContext.close();
  await tabletContext.close();
});
