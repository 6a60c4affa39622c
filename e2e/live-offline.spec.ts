// The live meeting when a device loses the network for 30 s (issue 20, "how the view behaves when
// the network drops for 30 s"): the chair's tablet goes offline while the secretary's laptop taps
// three changes. The tablet says so at once (Swedish, role=status); a tap made on it meanwhile is
// QUEUED (kept on the device with its clientEventId, shown as waiting) and sent when the network
// is back, landing once; back online the tablet catches up by itself (from the last event it had)
// with all three changes within 2 s.
import { expect, test, type Page } from "@playwright/test";
import { CHAIR, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";
import { newLiveDirektionenMeeting } from "./fixtures/live-direktionen";

// Within the seed's term of office (to 2022-12-31); no other spec uses this day.
const DATE = "2022-09-29";
const SLUG = `direktionen-${DATE}`;
const OFFLINE_MS = 30_000;
const CATCH_UP_MS = 2_000;

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

const seat = (page: Page, name: string) => page.getByRole("listitem", { name, exact: true });
const status = (page: Page, name: string) => seat(page, name).getByTestId("seat-status");

test("a tablet offline for 30 s catches up by itself within 2 s; its own tap waits and lands", async ({ browser }) => {
  test.setTimeout(180_000);
  const laptopContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  const laptop = await laptopContext.newPage();
  const tablet = await tabletContext.newPage();
  await moveServerClock(laptop.request, `${DATE}T12:00:00Z`);

  // The meeting, with the body's members and two §§.
  await signInAs(laptop, SECRETARY);
  await newLiveDirektionenMeeting(laptop, DATE, SLUG);
  for (const title of ["Val av justerare", "Budget 2023"]) {
    await laptop.getByLabel("Ny paragraf: rubrik").fill(title);
    await laptop.getByRole("button", { name: "Lägg till paragraf", exact: true }).click();
    await expect(laptop.getByRole("region", { name: new RegExp(`^§ \\d+ ${title}`) })).toBeVisible();
  }

  await laptop.goto(`/moten/${SLUG}/live`);
  await signInAs(tablet, CHAIR);
  await tablet.goto(`/moten/${SLUG}/live`);
  for (const page of [laptop, tablet]) await expect(page.getByTestId("live-connection")).toHaveText("Synkad");

  // The tablet loses the network: it says so at once.
  await tabletContext.setOffline(true);
  const offlineAt = Date.now();
  const offlineStatus = tablet.getByRole("status").filter({ hasText: "Ingen kontakt med servern" });
  await expect(offlineStatus).toBeVisible({ timeout: 2_000 });
  await expect(offlineStatus).toContainText("hämtar ikapp av sig själv");

  // A tap on the tablet meanwhile is queued on the device, shown as waiting, not lost and not refused.
  await seat(tablet, "Elisabet Hagström").getByRole("button", { name: "Närvarande" }).click();
  await expect(status(tablet, "Elisabet Hagström")).toContainText("Närvarande");
  await expect(tablet.getByTestId("live-connection")).toContainText("1 tryck skickas");
  await expect(offlineStatus).toContainText("(1 väntar)");
  await expectNoAxeViolations(tablet);

  // The laptop taps three changes; the tablet sees none of them while it is offline.
  const three = ["Jacob Käll", "Annicki Oscarsson", "Conny Forsberg"];
  for (const name of three) {
    await seat(laptop, name).getByRole("button", { name: "Närvarande" }).click();
    await expect(status(laptop, name)).toContainText("Närvarande");
  }
  await expect(laptop.getByTestId("live-connection")).toHaveText("Synkad", { timeout: 5_000 });
  for (const name of three) await expect(status(tablet, name)).toContainText("Frånvarande");
  await expect(status(laptop, "Elisabet Hagström")).toContainText("Frånvarande");

  // 30 s without network, then back.
  await tablet.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - offlineAt)));
  for (const name of three) await expect(status(tablet, name)).toContainText("Frånvarande");
  await tabletContext.setOffline(false);
  const backAt = Date.now();
  await expect
    .poll(
      async () =>
        (await Promise.all(three.map(async (name) => (await status(tablet, name).textContent()) ?? ""))).every((t) =>
          t.includes("Närvarande"),
        ),
      { timeout: CATCH_UP_MS, intervals: [50] },
    )
    .toBe(true);
  const caughtUpMs = Date.now() - backAt;
  console.log(`live-offline: tablet caught up with 3 changes ${caughtUpMs} ms after the network came back`);
  expect(caughtUpMs).toBeLessThan(CATCH_UP_MS);

  // The queued tap was sent again with its id and landed: the laptop shows it, the tablet has none waiting.
  await expect(status(laptop, "Elisabet Hagström")).toContainText("Närvarande", { timeout: 5_000 });
  await expect(tablet.getByTestId("live-connection")).toHaveText("Synkad", { timeout: 5_000 });
  await expect(offlineStatus).toHaveCount(0);
  // After a reload (the log as the server has it) both devices agree: the four marked present.
  for (const page of [laptop, tablet]) {
    await page.reload();
    for (const name of [...three, "Elisabet Hagström"]) await expect(status(page, name)).toContainText("Närvarande");
  }
  await expect(laptop.getByTestId("serving-count")).toContainText("Tjänstgörande: 4 av 6");

  await laptopContext.close();
  await tabletContext.close();
});
