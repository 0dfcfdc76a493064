// End to end: the release build served under /cs-planner/ as GitHub Pages would, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, ready } from './browser.mjs';

const PAGES = [
  ['book', 'Book', '客户档案'],
  ['segments', 'Segments', '客户分层'],
  ['lifecycle', 'Lifecycle', '生命周期'],
  ['renewals', 'Renewals', '续约'],
  ['revenue', 'Revenue', '收入变动'],
  ['capacity', 'Capacity', '人力配置'],
  ['team', 'Team', '团队与绩效'],
  ['board', 'Board', '工作看板'],
  ['settings', 'Settings', '设置'],
];

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

async function open(path, { lang } = {}) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  if (lang) {
    // Once per tab: a reload must see what the app itself saved since.
    await page.addInitScript((tag) => {
      if (!sessionStorage.getItem('e2e-seeded')) {
        localStorage.setItem('cs-planner.lang', JSON.stringify(tag));
        sessionStorage.setItem('e2e-seeded', '1');
      }
    }, lang);
  }
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
}

test('every page renders in both languages without a console error', async () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const [slug, en, zh] of PAGES) {
      const { page, errors } = await open(slug, { lang });
      assert.equal(await page.textContent('h1'), lang === 'en' ? en : zh, `${lang} ${slug}`);
      assert.equal(await page.getAttribute(`[data-testid=nav-${slug}]`, 'aria-current'), 'page');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      errors.assertClean();
      await page.close();
    }
  }
});

test('a reload on a deep link under the sub-path shows that page', async () => {
  const { page, errors } = await open('', { lang: 'en' });
  await page.click('[data-testid=nav-capacity]');
  assert.equal(await page.textContent('h1'), 'Capacity');
  assert.equal(new URL(page.url()).pathname, '/cs-planner/capacity');
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent('h1'), 'Capacity');
  await page.goBack();
  await ready(page);
  assert.equal(await page.textContent('h1'), 'Book');
  errors.assertClean();
  await page.close();
});

test('an unknown path shows the app with its not-found page', async () => {
  const { page, errors } = await open('no-such-page', { lang: 'en' });
  assert.equal(await page.textContent('h1'), 'Page not found');
  // The 404 status of the document itself is what static hosts answer; nothing else fails.
  errors.assertClean([/status of 404/]);
  await page.close();
});

test('switching the language changes the text and is remembered', async () => {
  const { page, errors } = await open('segments', { lang: 'en' });
  assert.equal(await page.textContent('h1'), 'Segments');
  await page.click('[data-testid=lang-zh-CN]');
  assert.equal(await page.textContent('h1'), '客户分层');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.title(), /客户分层/);
  const svg = await page.innerHTML('.chart-svg');
  assert.match(svg, /各层级客户数占比与 ARR 占比/);
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent('h1'), '客户分层');
  errors.assertClean();
  await page.close();
});

test('the first visit follows the browser language', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  // The shared test profile says en-US; this page says Chinese first.
  await page.addInitScript(() => {
    localStorage.removeItem('cs-planner.lang');
    Object.defineProperty(navigator, 'languages', { get: () => ['zh-CN', 'en'] });
  });
  await page.goto(server.url + 'book');
  await ready(page);
  assert.equal(await page.textContent('h1'), '客户档案');
  errors.assertClean();
  await page.close();
});

test('?asof= sets the as-of date and survives navigation; a bad one is reported', async () => {
  const { page, errors } = await open('book?asof=2025-01-31', { lang: 'en' });
  assert.equal(await page.inputValue('[data-testid=as-of]'), '2025-01-31');
  await page.click('[data-testid=nav-settings]');
  assert.match(page.url(), /\/cs-planner\/settings\?asof=2025-01-31$/);
  assert.equal(await page.inputValue('[data-testid=as-of]'), '2025-01-31');
  await page.close();

  const bad = await open('book?asof=31.01.2025', { lang: 'en' });
  assert.match(await bad.page.textContent('.notice.warn'), /not a date.*31\.01\.2025/s);
  bad.errors.assertClean();
  await bad.page.close();
  errors.assertClean();
});

test('a chart downloads as SVG and as PNG', async () => {
  const { page, errors } = await open('segments', { lang: 'en' });
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=tier-share-svg]')]);
  assert.equal(svg.suggestedFilename(), 'tier-share.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=tier-share-png]')]);
  assert.equal(png.suggestedFilename(), 'tier-share.png');
  const path = await png.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  errors.assertClean();
  await page.close();
});

test('the content security policy allows no remote origin and no eval', async () => {
  const { page, errors } = await open('book', { lang: 'en' });
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|https?:|\*/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  errors.assertClean();
  await page.close();
});

test('a narrow phone screen keeps the navigation reachable', async () => {
  const { page, errors } = await open('board', { lang: 'zh-CN' });
  await page.setViewportSize({ width: 375, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scroll of the page (${width}px)`);
  await page.click('[data-testid=nav-settings]');
  assert.equal(await page.textContent('h1'), '设置');
  errors.assertClean();
  await page.close();
});
