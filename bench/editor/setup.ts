// The editor benchmark's setting, shared by run.ts (the figures) and profile.ts (where the time
// goes): the built app on an embedded database with the generated 60-§ meeting, headless
// Chromium, and a signed-in browser context.
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import { startBenchApp } from "../lib/app-server";
import { importProtocol } from "../../src/modules/drafting/protocol.import";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { BENCH_SLUG, generatedProtocol } from "./protocol-60";

// tsx (esbuild, keepNames) wraps named functions in __name(); functions sent to the page need it.
export const KEEP_NAMES = "globalThis.__name = (f) => f;";

export async function openEditorBench() {
  const app = await startBenchApp({ justera: false });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // The generated meeting, for the seed's organisation and people.
  const body = await app.db.body.findFirstOrThrow({ where: { slug: "direktionen" } });
  const persons = await app.db.person.findMany();
  const personIds = new Map(itsamSeed.people.map((p) => [p.key, persons.find((x) => x.name === p.name)!.id] as const));
  await app.db.$transaction((tx) => importProtocol(tx, generatedProtocol(), { bodyId: body.id, personIds }), {
    timeout: 60_000,
  });

  const context = await browser.newContext({ locale: "sv-SE", baseURL: app.base });
  await context.addInitScript(KEEP_NAMES);
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "sekreterare@itsam.example", password: "paragraf-demo", callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (signIn.status() !== 302) throw new Error(`Inloggningen misslyckades (${signIn.status()})`);
  const cookies = await context.cookies();
  /** A fresh context (no cache, no drafts in localStorage), signed in with the same cookies. */
  const freshContext = async (): Promise<BrowserContext> => {
    const fresh = await browser.newContext({ locale: "sv-SE" });
    await fresh.addInitScript(KEEP_NAMES);
    await fresh.addCookies(cookies);
    return fresh;
  };
  return {
    app,
    browser,
    context,
    freshContext,
    url: `${app.base}/moten/${BENCH_SLUG}/redigera`,
    async close() {
      await browser.close();
      await app.stop();
    },
  };
}

/**
 * Until no § near the screen is still a placeholder ("Läser in paragrafen…": the editor mounts a
 * long protocol's §§ as they come within 1.5 screens of the viewport) and the page has had an idle
 * moment (the live editor's code loads in one).
 */
export async function nearParagraphsRendered(page: Page) {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('section[id^="paragraf-"][aria-busy="true"]')].every((s) => {
        const r = s.getBoundingClientRect();
        return r.height === 0 || r.bottom < -1.5 * innerHeight || r.top > 2.5 * innerHeight;
      }),
    undefined,
    { timeout: 120_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
}

/** Scrolls § `n` into view, as a secretary scrolls to it, and waits until it and its neighbours are rendered. */
export async function showParagraph(page: Page, n: number) {
  await page.locator(`#paragraf-${n}`).scrollIntoViewIfNeeded();
  await page.locator(`#p${n}-titel`).waitFor();
  await nearParagraphsRendered(page);
}
