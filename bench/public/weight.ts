// Public-page weight (issue 17 point 4): what a citizen's browser downloads for each public page —
// the HTML document and the JavaScript, compressed as sent (gzip, as `npm start` serves it) and
// uncompressed, and how much of the HTML is the RSC payload (the self.__next_f scripts that
// repeat the content for hydration). Loaded in headless Chromium, so the figures are what a real
// browser fetches, not what the build manifest lists. Budget: HTML ≤ 50 kB, JS ≤ 100 kB compressed.
//   npx next build && npx tsx bench/public/weight.ts
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../scripts/lib/chromium";
import { startBenchApp } from "../lib/app-server";

const HTML_BUDGET = 50 * 1024;
const JS_BUDGET = 100 * 1024;
const SLUG = "direktionen-2021-11-18";

interface Weight {
  htmlSent: number;
  html: number;
  rscInHtml: number;
  scriptTags: number;
  jsSent: number;
  js: number;
  jsFiles: number;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

async function main() {
  const app = await startBenchApp({ justera: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const pages: [string, string][] = [
      ["anslagstavla", "/anslagstavla"],
      ["protokoll (list)", "/protokoll"],
      ["protocol page", `/protokoll/${SLUG}`],
      ["verifiera", "/verifiera"],
      ["tillgänglighet", "/tillganglighet"],
    ];
    console.log(
      "page                 HTML sent  HTML      of it RSC  <script>  JS sent   JS        files  budget (HTML 50 kB, JS 100 kB sent)",
    );
    let over = 0;
    for (const [name, url] of pages) {
      const w = await weigh(browser, app.base + url);
      const ok = w.htmlSent <= HTML_BUDGET && w.jsSent <= JS_BUDGET;
      if (!ok) over++;
      console.log(
        [
          name.padEnd(20),
          kB(w.htmlSent).padStart(9),
          kB(w.html).padStart(9),
          kB(w.rscInHtml).padStart(10),
          String(w.scriptTags).padStart(9),
          kB(w.jsSent).padStart(9),
          kB(w.js).padStart(9),
          String(w.jsFiles).padStart(6),
          ok ? "  within" : "  OVER",
        ].join(" "),
      );
    }
    console.log(over === 0 ? "All public pages within the budget." : `${over} page(s) over the budget.`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

async function weigh(browser: import("@playwright/test").Browser, url: string): Promise<Weight> {
  const context = await browser.newContext({ extraHTTPHeaders: { "accept-encoding": "gzip" } });
  const page = await context.newPage();
  const w: Weight = { htmlSent: 0, html: 0, rscInHtml: 0, scriptTags: 0, jsSent: 0, js: 0, jsFiles: 0 };
  const done: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    done.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const sizes = await request.sizes();
        const type = request.resourceType();
        if (type === "document") {
          const body = await response.text();
          w.htmlSent += sizes.responseBodySize;
          w.html += Buffer.byteLength(body);
          for (const m of body.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs))
            w.rscInHtml += Buffer.byteLength(m[0]);
          w.scriptTags += body.match(/<script\b/gi)?.length ?? 0;
        } else if (type === "script") {
          w.jsSent += sizes.responseBodySize;
          w.js += (await response.body()).byteLength;
          w.jsFiles++;
        }
      })(),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(done);
  await context.close();
  return w;
}

await main();
