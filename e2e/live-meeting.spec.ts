// A whole meeting run live (issue 20, point 8): the secretary on a laptop and the chair on a tablet
// run a five-§ meeting of a nine-seat body with one arrival, one jäv and a contested § with two
// yrkanden, the chair's finding and a roll-call vote 5–3–1 (a vote closed with a voter missing is
// refused in Swedish), a reservation with "skriftlig reservation senare"; closing leaves a draft
// the checker passes ("0 fel") whose PDF shows the vote and both yrkanden. Axe on both views.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { CHAIR, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";
import { createLiveBody, LIVE_BODY, LIVE_BODY_SLUG } from "./fixtures/live-body";

const DATE = "2022-09-22";
const SLUG = `${LIVE_BODY_SLUG}-${DATE}`;
const SYNC = { timeout: 1_000 };
const TITLES = ["Val av justerare", "Anmälningar", "Delegationsbeslut", "Budget 2023", "Övriga frågor"];

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

const seat = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const status = (page: Page, name: string) => seat(page, name).getByTestId("seat-status");

test("a five-§ meeting run live from roll call to a vote 5–3–1; the draft passes the checker and prints", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  await createLiveBody(browser);
  const laptopContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "sv-SE" });
  const tabletContext = await browser.newContext({
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
    locale: "sv-SE",
  });
  const laptop = await laptopContext.newPage();
  const tablet = await tabletContext.newPage();
  await moveServerClock(laptop.request, `${DATE}T12:00:00Z`);

  // Before the meeting: the secretary creates it with the body's seats, a justerare and five §§.
  await signInAs(laptop, SECRETARY);
  await laptop.goto("/");
  await laptop.getByRole("link", { name: `Nytt sammanträde för ${LIVE_BODY}` }).click();
  await laptop.getByLabel("Datum").fill(DATE);
  await laptop.getByLabel("Starttid").fill("14:00");
  await laptop.getByLabel("Plats").fill("Stadshuset, Vimmerby");
  await laptop.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await laptop.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(laptop).toHaveURL(new RegExp(`/moten/${SLUG}/redigera$`), { timeout: 30_000 });
  const header = laptop.getByRole("region", { name: "Sammanträdet" });
  await header.getByRole("button", { name: "Lägg till justerare" }).click();
  const justerare = header.getByLabel("Justerare 1", { exact: true });
  const value = await justerare.locator("option", { hasText: "Annicki Oscarsson" }).first().getAttribute("value");
  await justerare.selectOption(value!);
  await expect(header.getByRole("status").first()).toHaveText("Sparat", { timeout: 15_000 });
  for (const title of TITLES) {
    await laptop.getByLabel("Ny paragraf: rubrik").fill(title);
    await laptop.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
    await expect(laptop.getByRole("region", { name: new RegExp(`^§ \\d+ ${title}`) })).toBeVisible();
  }

  await laptop.goto(`/moten/${SLUG}/live`);
  await signInAs(tablet, CHAIR);
  await tablet.goto(`/moten/${SLUG}/live`);
  for (const page of [laptop, tablet]) await expect(page.getByText("Synkad")).toBeVisible({ timeout: 10_000 });
  const heading = laptop.getByTestId("current-paragraph");
  const first = Number(/§ (\d+)/.exec((await heading.textContent()) ?? "")![1]);
  const go = async (i: number) => {
    await tablet.getByRole("button", { name: "Nästa paragraf →" }).click();
    await expect(heading).toHaveText(`§ ${first + i} ${TITLES[i]}`, SYNC);
  };

  // § 1: roll call, Eva Strand not there yet.
  const present = [
    "Jacob Käll",
    "Annicki Oscarsson",
    "Karin Lind",
    "Olof Berg",
    "Sara Nyström",
    "Per Holm",
    "Maja Ek",
    "Nils Falk",
  ];
  for (const name of present) {
    await seat(laptop, name).getByRole("button", { name: "Närvarande" }).click();
    await expect(status(tablet, name)).toContainText("Närvarande", SYNC);
  }
  await seat(laptop, "Eva Strand").getByRole("button", { name: "Frånvarande" }).click();
  await expect(laptop.getByTestId("serving-count")).toContainText("Tjänstgörande: 8 av 9");
  await expect(laptop.getByTestId("quorum")).toHaveText(`Beslutsför i § ${first}.`);

  // § 2: Eva Strand arrives.
  await go(1);
  await seat(laptop, "Eva Strand").getByRole("button", { name: "Anländer" }).click();
  await expect(status(tablet, "Eva Strand")).toContainText("Närvarande", SYNC);
  await expect(tablet.getByTestId("serving-count")).toContainText("Tjänstgörande: 9 av 9");

  // § 3: Per Holm has jäv (tapped on the tablet).
  await go(2);
  await seat(tablet, "Per Holm")
    .getByRole("button", { name: `Jäv i § ${first + 2}` })
    .click();
  await expect(status(laptop, "Per Holm")).toContainText("Jävig", SYNC);
  await expect(laptop.getByTestId("serving-count")).toContainText("Tjänstgörande: 8 av 9");

  // § 4, contested: two yrkanden, the chair's finding, a roll-call vote.
  await go(3);
  await expect(status(laptop, "Per Holm")).toContainText("Närvarande");
  const motion = async (who: string, kind: string, text = "") => {
    await laptop.getByLabel("Vem yrkar").selectOption({ label: who });
    await laptop.getByLabel("Yrkande", { exact: true }).selectOption({ label: kind });
    await laptop.getByLabel(/^Yrkandets text/).fill(text);
    await laptop.getByRole("button", { name: "Lägg till yrkande" }).click();
  };
  await motion("Olof Berg", "Bifall till förslaget");
  await motion("Karin Lind", "Ändring", "att budgeten sänks med två procent");
  const motions = tablet.getByRole("list", { name: `Yrkanden i § ${first + 3}` });
  await expect(motions).toContainText("Olof Berg: bifall till förslaget", SYNC);
  await expect(motions).toContainText("Karin Lind: ändring – att budgeten sänks med två procent", SYNC);
  await expectNoAxeViolations(tablet);

  await tablet
    .getByRole("group", { name: "Ordföranden finner (Huvudfrågan)" })
    .getByRole("button", { name: "Finner: bifall till förslaget" })
    .click();
  await expect(laptop.getByTestId("live-propositions")).toContainText(
    "Ordföranden ställer proposition på bifall till förslaget och Karin Linds ändringsyrkande och finner att livenämnden bifallit förslaget.",
    SYNC,
  );
  // The projector view for the room, on a third screen of the laptop: no controls.
  const projector = await laptopContext.newPage();
  await projector.goto(`/moten/${SLUG}/live/projektor`);
  await expect(projector.getByTestId("projector-paragraph")).toHaveText(`§ ${first + 3} ${TITLES[3]}`);
  await expect(projector.getByTestId("projector")).toContainText("Karin Lind: ändring – att budgeten sänks");
  await expect(projector.getByTestId("projector").getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(projector);

  await laptop.getByRole("button", { name: "Begär votering (Huvudfrågan)" }).click();
  await expect(tablet.getByTestId("live-vote")).toContainText("Omröstning pågår", SYNC);

  const ballots: [string, "Ja" | "Nej" | "Avstår"][] = [
    ["Jacob Käll", "Ja"],
    ["Annicki Oscarsson", "Ja"],
    ["Karin Lind", "Nej"],
    ["Olof Berg", "Ja"],
    ["Sara Nyström", "Ja"],
    ["Per Holm", "Nej"],
    ["Maja Ek", "Ja"],
    ["Nils Falk", "Nej"],
  ];
  for (const [name, choice] of ballots)
    await laptop
      .getByRole("group", { name: `Röst: ${name}` })
      .getByRole("button", { name: choice, exact: true })
      .click();
  await expect(tablet.getByTestId("vote-totals")).toHaveText("Ja 5 · Nej 3 · Avstår 0 · Saknas 1", SYNC);
  // Not yet: Eva Strand has not voted.
  await laptop.getByRole("button", { name: "Avsluta omröstningen" }).click();
  await expect(
    laptop.getByRole("alert").filter({ hasText: "Omröstningen kan inte avslutas: röst saknas för Eva Strand." }),
  ).toBeVisible();
  await laptop
    .getByRole("group", { name: "Röst: Eva Strand" })
    .getByRole("button", { name: "Avstår", exact: true })
    .click();
  await expect(tablet.getByTestId("vote-totals")).toHaveText("Ja 5 · Nej 3 · Avstår 1 · Saknas 0", SYNC);
  await laptop.getByRole("button", { name: "Avsluta omröstningen" }).click();
  await expect(tablet.getByTestId("live-vote")).toContainText("Omröstning (avslutad)", SYNC);
  await expect(tablet.getByTestId("live-propositions")).toContainText(
    "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Ordföranden finner att livenämnden bifallit förslaget.",
  );

  await expect(projector.getByTestId("projector-vote")).toContainText("Omröstningens resultat");
  await expect(projector.getByTestId("projector-vote")).toContainText("Ja 5 · Nej 3 · Avstår 1", SYNC);

  // Karin Lind reserves herself; the written reservation comes later.
  await laptop.getByLabel("Vem reserverar sig").selectOption({ label: "Karin Lind" });
  await laptop.getByLabel("Skriftlig reservation lämnas senare").check();
  await laptop.getByRole("button", { name: "Reservera" }).click();
  await expect(tablet.getByText("Karin Lind reserverar sig (skriftlig reservation lämnas senare)")).toBeVisible(SYNC);
  await expectNoAxeViolations(laptop);

  // § 5, then the end of the meeting.
  await go(4);
  await laptop.getByRole("button", { name: "Avsluta sammanträdet" }).click();
  await expect(laptop.getByTestId("close-result")).toContainText("Protokollets kontroll hittar inga fel.", {
    timeout: 15_000,
  });
  await laptop.goto(`/moten/${SLUG}`);
  await expect(laptop.getByRole("region", { name: "Kontroll före justering" })).toContainText("0 fel");

  // The draft PDF: the vote 5–3–1, both yrkanden, the reservation.
  const pdf = await laptop.request.get(`/moten/${SLUG}/pdf`);
  expect(pdf.status()).toBe(200);
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-live-meeting-"));
  writeFileSync(path.join(dir, "p.pdf"), await pdf.body());
  const text = execFileSync("pdftotext", [path.join(dir, "p.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain("Med 5 ja-röster mot 3 nej-röster, 1 avstår.");
  expect(text).toMatch(/Olof Berg[^.]* yrkar på att förslaget bifalls\./);
  expect(text).toMatch(/Karin Lind[^.]* yrkar på att budgeten sänks med två procent\./);
  expect(text).toContain("bifall till förslaget (ja) mot Karin Linds ändringsyrkande (nej)");
  expect(text).toMatch(/Karin Lind[^.]* reserverar sig mot beslutet\./);

  await laptopContext.close();
  await tabletContext.close();
});
