// Screenshots of the Capacity page for a visual check: both languages, 1280 and 375 px wide,
// and print media. `node scripts/shots-capacity.mjs [outdir] [--demo]` after a release build.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, ready, watchErrors, freshBook } from '../tests/e2e/browser.mjs';

const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'target/shots';
const demo = process.argv.includes('--demo');
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  for (const lang of ['en', 'zh-CN']) {
    for (const width of [1280, 375]) {
      const page = await browser.context.newPage();
      const errors = watchErrors(page);
      await page.setViewportSize({ width, height: 900 });
      // An empty book in `lang` (the demo loads without asking over an empty book).
      await freshBook(page, lang);
      // The book lives in memory: load the demo, then move to the page inside the app.
      await page.goto(server.url + (demo ? 'book' : 'capacity') + '?asof=2026-06-30');
      await ready(page);
      if (demo) {
        await page.click('[data-testid=load-demo]');
        await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
        await page.click('[data-testid=nav-capacity]');
        await page.waitForSelector('[data-metric="capacity.hybrid.fte"]');
      }
      const tag = `${demo ? 'demo' : 'empty'}-${lang}-${width}`;
      await page.screenshot({ path: join(out, `capacity-${tag}.png`), fullPage: true });
      // Viewport-sized slices too, legible at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 0; y < height && i < 8; y += 1100, i++) {
        await page.screenshot({ path: join(out, `capacity-${tag}-part${i}.png`), clip: { x: 0, y, width, height: Math.min(1100, height - y) }, fullPage: true });
      }
      if (width === 1280) {
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
        await page.screenshot({ path: join(out, `capacity-print-${tag}.png`), fullPage: true });
      }
      errors.assertClean();
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log('screenshots in', out);
