// Two app instances on one database, behind nginx (issue 19.2). The config's server is instance A;
// this spec starts instance B with the README's run command on the same embedded PostgreSQL (it
// finds the running one through the shared data directory) and nginx in front of both. Each
// instance keeps its own rendered pages; what one changes, the other serves at once:
// - a justering through A is on B's anslagstavla (cached there before) on the next request;
// - a rättelse through B replaces A's cached protocol page on the next request;
// - a login lockout counts failed attempts made on either instance.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startNginx } from "../scripts/lib/nginx";
import { ADJUSTER, CHAIR, DEMO_PASSWORD, SECRETARY, signInAs } from "./auth";
import { addParagraph, waitSaved } from "./editor";
import { as, newSignableMeeting, sendForJustering, sign } from "./fixtures/signable-meeting";

test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(import.meta.dirname, "..");
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = portA + 4000;
const baseA = `http://127.0.0.1:${portA}`;
const baseB = `http://127.0.0.1:${portB}`;

let instanceB: ChildProcess | null = null;
/** Instance B's output, printed when a test fails. */
const logB: string[] = [];
let nginx: Awaited<ReturnType<typeof startNginx>> = null;

async function ready(base: string): Promise<string | null> {
  try {
    const res = await fetch(`${base}/api/health/ready`);
    return res.ok ? ((await res.json()) as { instance: string }).instance : null;
  } catch {
    return null;
  }
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  instanceB = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(portB),
      // The same data directory: the same embedded database and the same session secret.
      PARAGRAF_DATA_DIR: process.env.E2E_DATA_DIR,
      PARAGRAF_SKIP_BUILD: "1",
      DATABASE_URL: "",
      APP_URL: baseB,
      SMTP_URL: `smtp://127.0.0.1:${portA + 1000}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that stopping it stops the server it starts as well.
    detached: true,
  });
  for (const stream of [instanceB.stdout!, instanceB.stderr!]) stream.on("data", (d) => logB.push(String(d)));
  const exited = new Promise<number | null>((resolve) => instanceB!.once("exit", resolve));
  const deadline = Date.now() + 150_000;
  while (!(await ready(baseB))) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("waiting"), 500))]);
    if (code !== "waiting") throw new Error(`Instans B avslutades (${code}):\n${logB.join("")}`);
    if (Date.now() > deadline) throw new Error(`Instans B blev inte redo:\n${logB.join("")}`);
  }
  nginx = await startNginx([baseA, baseB]);
  // A's clock may have been moved by an earlier spec; both instances keep real time here.
  await fetch(`${baseA}/api/testklocka`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ now: null }),
  });
});

test.afterEach(async ({}, info) => {
  if (info.status !== info.expectedStatus) console.error(`Instans B skrev:\n${logB.join("").slice(-8000)}`);
});

test.afterAll(async () => {
  await nginx?.stop();
  if (instanceB && instanceB.exitCode === null) {
    const exited = new Promise((r) => instanceB!.once("exit", r));
    process.kill(-instanceB.pid!, "SIGTERM");
    await exited;
  }
});

test("two instances answer behind nginx, each ready on the shared database", async () => {
  const [a, b] = [await ready(baseA), await ready(baseB)];
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(a).not.toBe(b);
  // nginx is part of what the tests need (README; .ci/run installs it): missing, the test fails, it is not skipped.
  if (!nginx) throw new Error("nginx saknas: installera Debians nginx (apt-get install nginx), som .ci/run gör.");
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${nginx!.base}/api/health/live`);
    expect(res.status).toBe(200);
    seen.add(((await res.json()) as { instance: string }).instance);
  }
  expect([...seen].sort()).toEqual([a, b].sort());
});

/** A page of `browser` on instance `base`, signed in as `email`. */
async function on(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base, locale: "sv-SE" })).newPage();
  await signInAs(page, email);
  return page;
}

async function publicHtml(base: string, address: string): Promise<string> {
  const res = await fetch(`${base}${address}`);
  expect(res.status, `${base}${address}`).toBe(200);
  return res.text();
}

test("a justering through A is on B's anslagstavla, a rättelse through B on A's protocol page, at once", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const secretary = await as(browser, SECRETARY);
  const slug = await newSignableMeeting(secretary, "2026-10-14");
  const paragraph = await addParagraph(secretary, `Två instanser ${tag}`);
  await paragraph.getByLabel("Beslutstext").fill("Direktionen beslutar att notera informationen till protokollet.");
  await waitSaved(paragraph);
  await sendForJustering(secretary, slug);
  const chair = await as(browser, CHAIR);
  await sign(chair, slug);
  const adjuster = await as(browser, ADJUSTER);
  await sign(adjuster, slug);

  // B renders its anslagstavla (and keeps it: it revalidates every 30 s at the earliest).
  expect(await publicHtml(baseB, "/anslagstavla")).not.toContain(`/protokoll/${slug}`);
  expect(await publicHtml(baseB, "/anslagstavla")).not.toContain(`/protokoll/${slug}`);

  // The last signature, through A.
  await sign(secretary, slug);
  await expect(secretary.getByText("Status: Justerat")).toBeVisible();
  expect(await publicHtml(baseB, "/anslagstavla")).toContain(`/protokoll/${slug}`);
  expect(await publicHtml(baseB, `/protokoll/${slug}`)).toContain(`Två instanser ${tag}`);

  // A renders the protocol page and keeps it (it has no time-based revalidation at all).
  const correction = `Rättelse genom instans B ${tag}`;
  expect(await publicHtml(baseA, `/protokoll/${slug}`)).not.toContain(correction);
  expect(await publicHtml(baseA, `/protokoll/${slug}`)).not.toContain(correction);

  // The secretary adds a rättelse through B.
  const onB = await on(browser, baseB, SECRETARY);
  await onB.goto(`/moten/${slug}`);
  await onB.getByLabel("Rättelse", { exact: true }).fill(correction);
  await onB.locator("#rattelse-losenord").fill(DEMO_PASSWORD);
  await onB.getByRole("button", { name: "Signera och lägg till rättelse" }).click();
  await expect(onB.getByRole("status").filter({ hasText: "Rättelsen är signerad" })).toBeVisible({
    timeout: 30_000,
  });
  expect(await publicHtml(baseA, `/protokoll/${slug}`)).toContain(correction);

  for (const p of [secretary, chair, adjuster, onB]) await p.context().close();
});

test("a login lockout counts the failed attempts made on both instances", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = `okand-${Date.now().toString(36)}@itsam.example`;
  async function attempt(base: string): Promise<string> {
    const page = await (await browser.newContext({ baseURL: base, locale: "sv-SE" })).newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    // A fresh page each time: the first answer is this attempt's.
    const answer = page.locator("#login-fel");
    await expect(answer).toBeVisible({ timeout: 15_000 });
    const text = await answer.innerText();
    await page.context().close();
    return text;
  }
  // Five failures allowed per account: three on A, two on B.
  for (const base of [baseA, baseA, baseA, baseB, baseB])
    expect(await attempt(base)).toContain("Fel e-postadress eller lösenord.");
  // The sixth is refused whichever instance gets it: through nginx, and on A and B directly.
  if (nginx) expect(await attempt(nginx.base)).toContain("För många misslyckade försök");
  expect(await attempt(baseA)).toContain("För många misslyckade försök");
  expect(await attempt(baseB)).toContain("För många misslyckade försök");
});
