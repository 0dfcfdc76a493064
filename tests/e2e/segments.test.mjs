// End to end: the Segments page reads the book the Book page built, and a tier threshold
// change moves the figures; the edited tiers survive a reload (settings persist).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, ready, freshBook } from './browser.mjs';

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

async function open(path, lang = 'en') {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page, lang);
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
}

const value = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

/** Adds accounts through the Book page's form (the book is kept in memory for the session). */
async function addAccounts(page, accounts) {
  for (const [name, arr, fit] of accounts) {
    await page.click('[data-testid=add-account]');
    await page.fill('[data-testid=field-ColName]', name);
    await page.fill('[data-testid=term-0-arr]', arr);
    if (fit) await page.fill('[data-testid=field-ColFit]', fit);
    // Enter submits; a click could wait behind the previous save's toast.
    await page.press('[data-testid=term-0-arr]', 'Enter');
    await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  }
}

test('a tier threshold change moves accounts between tiers and is kept', async () => {
  const { page, errors } = await open('book');
  await addAccounts(page, [
    ['Acme', '150000', '80'],
    ['Beta', '30000', '20'],
    ['Gamma', '8000', ''],
  ]);
  assert.equal(await value(page, 'book.accounts'), '3');
  await page.click('[data-testid=nav-segments]');
  assert.equal(await page.textContent('h1'), 'Segments');
  assert.equal(await value(page, 'tier.0.accounts'), '1');
  assert.equal(await value(page, 'tier.1.accounts'), '1');
  assert.equal(await value(page, 'tier.1.arr'), '30000');
  assert.equal(await value(page, 'tier.2.accounts'), '1');
  assert.equal(await value(page, 'quadrant.unscored'), '1');

  // Key starts at 40,000 now: Beta drops to Growth.
  await page.fill('[data-testid=tier-1-min-arr]', '40000');
  await page.press('[data-testid=tier-1-min-arr]', 'Tab');
  await page.waitForSelector('[data-metric="tier.1.accounts"][data-value="0"]');
  assert.equal(await value(page, 'tier.2.accounts'), '2');
  assert.equal(await value(page, 'tier.2.arr'), '38000');

  // An invalid threshold is shown with its message and not applied.
  await page.fill('[data-testid=tier-2-min-arr]', '90000');
  await page.press('[data-testid=tier-2-min-arr]', 'Tab');
  assert.match(await page.textContent('[data-testid=tier-errors]'), /below the threshold of the tier above/);
  assert.equal(await page.getAttribute('[data-testid=tier-2-min-arr]', 'aria-invalid'), 'true');
  assert.equal(await value(page, 'tier.2.accounts'), '2');
  await page.click('[data-testid=tier-discard]');
  assert.equal(await page.inputValue('[data-testid=tier-2-min-arr]'), '5000');

  // The tiers are settings: a reload keeps them.
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('[data-testid=tier-1-min-arr]'), '40000');
  errors.assertClean();
  await page.close();
});

test('on the demo book, a threshold change moves the tier figures', async () => {
  const { page, errors } = await open('book');
  await page.click('[data-testid=load-demo]');
  assert.equal(await value(page, 'book.accounts'), '1000');
  await page.click('[data-testid=nav-segments]');
  const before = Number(await value(page, 'tier.0.accounts'));
  const arrBefore = Number(await value(page, 'tier.0.arr'));
  assert.ok(before > 0, `some strategic accounts (${before})`);
  // Strategic from 50,000 instead of 100,000: more accounts, more ARR.
  await page.fill('[data-testid=tier-0-min-arr]', '50000');
  await page.press('[data-testid=tier-0-min-arr]', 'Tab');
  await page.waitForFunction((n) => Number(document.querySelector('[data-metric="tier.0.accounts"]').dataset.value) > n, before);
  assert.ok(Number(await value(page, 'tier.0.arr')) > arrBefore);
  // Every active account is in one tier, and in one quadrant or unscored.
  const sum = async (keys) => (await Promise.all(keys.map((k) => value(page, k)))).reduce((a, v) => a + Number(v), 0);
  const tiers = await sum([0, 1, 2, 3].map((i) => `tier.${i}.accounts`));
  const quads = await sum(['q1', 'q2', 'q3', 'q4'].map((q) => `quadrant.${q}.accounts`).concat('quadrant.unscored'));
  const health = await sum(['red', 'yellow', 'green', 'none'].map((b) => `health.${b}`));
  assert.equal(quads, tiers);
  assert.equal(health, tiers);
  // The quadrant chart is a grid of counts, and says so.
  const svg = await page.innerHTML('.chart-svg >> nth=2');
  assert.match(svg, /Binned: 32 × 16 cells/);
  assert.ok((svg.match(/<circle/g) || []).length <= 32 * 16);
  // A quadrant lists every one of its accounts, a page at a time.
  await page.click('[data-testid=quadrant-q1]');
  const q1 = Number(await value(page, 'quadrant.q1.accounts'));
  assert.equal(Number(await page.getAttribute('[data-testid=quadrant-accounts]', 'data-total')), q1);
  const listed = await page.locator('[data-testid=quadrant-list] tbody tr').count();
  assert.equal(listed, Math.min(25, q1));
  errors.assertClean();
  await page.close();
});

test('the empty Segments page in Chinese: four charts, band names in text, zeros', async () => {
  const { page, errors } = await open('segments', 'zh-CN');
  assert.equal(await page.textContent('h1'), '客户分层');
  assert.equal(await page.locator('.chart-svg svg').count(), 4);
  const svg = await page.innerHTML('.chart-svg >> nth=2');
  assert.match(svg, /暂无带匹配度的活跃客户/);
  for (const band of ['风险（红）', '关注（黄）', '健康（绿）', '无健康度']) {
    assert.match(await page.textContent('.band-metrics'), new RegExp(band));
  }
  for (const key of ['health.red', 'health.yellow', 'health.green', 'health.none', 'quadrant.q1.accounts', 'quadrant.q4.accounts']) {
    assert.equal(await value(page, key), '0', key);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=value-fit-svg]')]);
  assert.equal(download.suggestedFilename(), 'value-fit.svg');
  errors.assertClean();
  await page.close();
});

test('the Segments page fits a phone screen', async () => {
  const { page, errors } = await open('segments', 'zh-CN');
  await page.setViewportSize({ width: 375, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scroll of the page (${width}px)`);
  errors.assertClean();
  await page.close();
});
