// Screenshots of the editor of the 60-§ protocol (issue 16): at 1280 and 1920 px, at the top and
// after a jump to § 30 from the outline (where a "blank band" was seen at 1920 px), into
// EDITOR_SHOTS_DIR (/tmp/editor-shots). Also prints, after the jump, the first and last § whose
// heading is in the viewport, and any band of 200 px or more with no § content in it. Not a test.
//   npx next build && npx tsx bench/editor/screenshots.ts
import { mkdirSync } from "node:fs";
import { nearParagraphsRendered, openEditorBench } from "./setup";

const DIR = process.env.EDITOR_SHOTS_DIR ?? "/tmp/editor-shots";
mkdirSync(DIR, { recursive: true });

const bench = await openEditorBench();
try {
  for (const width of [1280, 1920]) {
    const page = await bench.context.newPage();
    await page.setViewportSize({ width, height: 1000 });
    await page.goto(bench.url);
    await page.screenshot({ path: `${DIR}/editor-${width}-top.png` });
    await nearParagraphsRendered(page);
    await page.locator('#disposition a[href="#paragraf-30"]').click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${DIR}/editor-${width}-p30.png` });
    // Scroll up a screen and down two, as a reader would, and look again.
    await page.evaluate(() => window.scrollBy(0, -1500));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${DIR}/editor-${width}-p30-up.png` });
    const report = await page.evaluate(() => {
      const vh = innerHeight;
      const main = document.querySelector('[data-layout="wide"] > div')!.getBoundingClientRect();
      // Rows of the viewport (every 20 px) in the main column with no element but containers.
      let band = 0;
      let worst = 0;
      for (let y = 0; y < vh; y += 20) {
        const el = document.elementFromPoint(main.left + main.width / 2, y);
        const empty = !el || el === document.body || el.matches('[data-paragraph], [data-layout="wide"] > div, main');
        band = empty ? band + 20 : 0;
        worst = Math.max(worst, band);
      }
      const headings = [...document.querySelectorAll('h2[id$="-rubrik"]')]
        .filter((h) => {
          const r = h.getBoundingClientRect();
          return r.bottom > 0 && r.top < vh;
        })
        .map((h) => h.textContent?.slice(0, 12));
      return { headings, worst, scrollY };
    });
    console.log(`${width} px after the jump to § 30 and a scroll up:`, JSON.stringify(report));
    await page.close();
  }
} finally {
  await bench.close();
}
