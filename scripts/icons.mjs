// Renders public/favicon.svg as the web app manifest's PNG icons (public/icon-192.png and
// public/icon-512.png) with the same headless Chromium the end-to-end tests use, so the icons
// are exactly the favicon. Run after changing the favicon: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch } from '../tests/e2e/browser.mjs';

const svg = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
const browser = await launch();
try {
  const page = await browser.context.newPage();
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: join(ROOT, 'public', `icon-${size}.png`), omitBackground: true });
    console.log(`public/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
