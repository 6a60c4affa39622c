// The public live stream (issue 20, point 6; KL 5:40) in a browser: not there until the secretary
// turns it on in the live view; then anyone (not signed in) follows the § under way at
// /<org>/moten/<slug>/live, updated by itself when the chair moves on; a § behind closed doors
// shows only its number; without JavaScript the page shows the state when fetched. Axe (WCAG 2.1 AA).
import { expect, test } from "@playwright/test";
import { SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";

// Within the seed's term of office (to 2022-12-31); no other spec uses this day.
const DATE = "2022-09-08";
const SLUG = `direktionen-${DATE}`;
const PUBLIC = `/itsam/moten/${SLUG}/live`;

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

test("the public follows a public meeting live; nothing before it is public", async ({ browser }) => {
  test.setTimeout(120_000);
  const secretaryContext = await browser.newContext();
  const publicContext = await browser.newContext();
  const noScriptContext = await browser.newContext({ javaScriptEnabled: false });
  const secretary = await secretaryContext.newPage();
  const citizen = await publicContext.newPage();
  const noScript = await noScriptContext.newPage();
  await moveServerClock(secretary.request, `${DATE}T12:00:00Z`);

  await signInAs(secretary, SECRETARY);
  await secretary.goto("/");
  await secretary.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await secretary.getByLabel("Datum").fill(DATE);
  await secretary.getByLabel("Plats").fill("Stadshuset, Vimmerby");
  await secretary.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await secretary.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(secretary).toHaveURL(new RegExp(`/moten/${SLUG}/redigera$`), { timeout: 30_000 });
  for (const title of ["Val av justerare", "Upphandling av städtjänster"]) {
    await secretary.getByLabel("Ny paragraf: rubrik").fill(title);
    await secretary.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
    await expect(secretary.getByRole("region", { name: new RegExp(`^§ \\d+ ${title}`) })).toBeVisible();
  }

  // Direktionen is no fullmäktige: not public until decided.
  expect((await citizen.goto(PUBLIC))!.status()).toBe(404);
  expect((await citizen.request.get(`${PUBLIC}/handelser`)).status()).toBe(404);

  await secretary.goto(`/moten/${SLUG}/live`);
  await expect(secretary.getByTestId("live-public-status")).toHaveText("Sammanträdet sänds inte offentligt.");
  await secretary.getByRole("button", { name: "Sänd offentligt" }).click();
  await expect(secretary.getByTestId("live-public-status")).toContainText("Sammanträdet sänds offentligt");
  await expect(secretary.getByTestId("live-connection")).toHaveText("Synkad");
  await secretary
    .getByRole("listitem", { name: "Jacob Käll", exact: true })
    .getByRole("button", { name: "Närvarande" })
    .click();

  expect((await citizen.goto(PUBLIC))!.status()).toBe(200);
  const paragraph = citizen.getByTestId("public-live-paragraph");
  await expect(paragraph).toContainText("Val av justerare");
  await expect(citizen.getByTestId("public-live-connection")).toHaveText("Direktsänds: sidan uppdateras av sig själv.");
  await expectNoAxeViolations(citizen);

  // The chair moves on (here the secretary): the public page follows by itself.
  await secretary.getByRole("button", { name: "Nästa paragraf →" }).click();
  await expect(paragraph).toContainText("Upphandling av städtjänster", { timeout: 2_000 });
  // Behind closed doors: only the number.
  await secretary.getByRole("button", { name: /^Stängda dörrar i §/ }).click();
  await expect(paragraph).toContainText("behandlas inom stängda dörrar", { timeout: 2_000 });
  await expect(paragraph).not.toContainText("Upphandling");

  // Without JavaScript: the state when fetched, and a word that it does not update.
  expect((await noScript.goto(PUBLIC))!.status()).toBe(200);
  await expect(noScript.getByTestId("public-live-paragraph")).toContainText("behandlas inom stängda dörrar");
  await expect(noScript.getByTestId("public-live-connection")).toContainText("Ladda om sidan");

  // Turned off: the open page says the stream ended; a new visit is 404.
  await secretary.getByRole("button", { name: "Sluta sända offentligt" }).click();
  await expect(citizen.getByTestId("public-live-connection")).toContainText("Sändningen har upphört", {
    timeout: 10_000,
  });
  expect((await noScript.goto(PUBLIC))!.status()).toBe(404);

  await secretaryContext.close();
  await publicContext.close();
  await noScriptContext.close();
});
