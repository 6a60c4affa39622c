// The members' view through the browser (issue 15, point 4): the ordförande, a ledamot by
// Membership, sees the upcoming meeting on /mina-moten and reports förhinder; the secretary sees
// it on /moten/<slug>/forhinder with the ersättare to call and pre-fills the attendance. Both
// pages pass axe (WCAG 2.1 AA).
import { expect, test } from "@playwright/test";
import { CHAIR, SECRETARY, signInAs } from "./auth";
import { expectNoAxeViolations } from "./axe";
import { moveServerClock } from "./clock";

// Within the seed's term of office (to 2022-12-31), a week after the server's clock.
const DATE = "2022-12-08";
const SLUG = `direktionen-${DATE}`;

test.afterAll(async ({ request }) => {
  await moveServerClock(request, null);
});

test("a ledamot reports förhinder; the secretary sees the ersättare to call and pre-fills the attendance", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await moveServerClock(page.request, "2022-12-01T09:00:00Z");
  await signInAs(page, SECRETARY);
  await page.goto("/");
  await page.getByRole("link", { name: "Nytt sammanträde för Direktionen" }).click();
  await page.getByLabel("Datum").fill(DATE);
  await page.getByLabel("Plats").fill("Rum Ydre");
  await page.getByLabel("Organets ledamöter och ersättare", { exact: true }).check();
  await page.getByRole("button", { name: "Skapa sammanträde" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/${SLUG}/redigera$`), { timeout: 30_000 });

  await page.context().clearCookies();
  await signInAs(page, CHAIR);
  await page.goto("/");
  await page.getByRole("link", { name: "Mina sammanträden" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mina sammanträden" })).toBeVisible();
  const meeting = page.getByRole("region", { name: "Direktionen, 8 december 2022" });
  await expect(meeting.getByText("Rum Ydre")).toBeVisible();
  await expect(meeting.getByText("Inga ärenden på ärendelistan ännu.")).toBeVisible();
  await expectNoAxeViolations(page);
  await meeting.getByLabel("Meddelande till sekreteraren (frivilligt)").fill("Tjänsteresa");
  await meeting.getByRole("button", { name: "Jag kan inte delta" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ditt förhinder är anmält." })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("Ditt meddelande: ”Tjänsteresa”")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signInAs(page, SECRETARY);
  await page.goto(`/moten/${SLUG}`);
  await page.getByRole("link", { name: "Förhinder och ersättare" }).click();
  await expect(page).toHaveURL(new RegExp(`/moten/${SLUG}/forhinder$`));
  await expect(page.getByRole("cell", { name: "Jacob Käll" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Tjänsteresa" })).toBeVisible();
  // Vimmerby kommun has no ersättare: the first in the body's order is suggested.
  await expect(page.getByText(/Kalla in Joakim Magnusson .* för Jacob Käll\./)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Förifyll närvaron" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Närvarolistan är förifylld" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByText("Joakim Magnusson tjänstgör redan i stället för Jacob Käll.")).toBeVisible();
});
