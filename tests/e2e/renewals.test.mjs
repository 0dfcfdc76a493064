// End to end: the Lifecycle and Renewals pages (issue 6) with an empty book, a tiny imported
// book whose figures are worked out by hand, and the demo book; a period change changes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, launch, watchErrors, ready, ROOT, freshBook } from './browser.mjs';

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

const AS_OF = '2025-06-30';
const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');
const TEXT = {
  en: { lifecycle: 'Lifecycle', renewals: 'Renewals', causation: /Correlation is not causation/, today: /activity is the account's value today/ },
  'zh-CN': { lifecycle: '生命周期', renewals: '续约', causation: /相关不等于因果/, today: /活跃率是客户当前的数值/ },
};

/** A fresh tab with empty storage, in `lang`, on `path` as of 2025-06-30. */
async function open(path, lang = 'en') {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page, lang);
  await page.goto(`${server.url}${path}?asof=${AS_OF}`);
  await ready(page);
  return { page, errors };
}

/** Client-side navigation keeps the book in memory. */
async function go(page, slug, lang) {
  await page.click(`[data-testid=nav-${slug}]`);
  assert.equal(await page.textContent('h1'), TEXT[lang][slug]);
}

async function importTiny(page) {
  await page.setInputFiles('[data-testid=import-file]', join(ROOT, 'tests', 'fixtures', 'renewals_tiny.csv'));
  await page.waitForSelector('[data-testid=import-preview]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-preview]', { state: 'detached' });
  assert.equal(await metric(page, 'book.accounts'), '6');
}

async function loadDemo(page) {
  await page.click('[data-testid=load-demo]');
  assert.equal(await metric(page, 'book.accounts'), '1000');
}

/** What every state of both pages must show, whatever the book. */
async function checkBothPages(page, lang) {
  await go(page, 'lifecycle', lang);
  for (const key of ['stage.kickoff.accounts', 'stage.churned.arr', 'funnel.started.accounts', 'funnel.renewed.accounts']) {
    assert.match(await metric(page, key), /^\d+(\.\d+)?$/, key);
  }
  assert.equal(await page.locator('[data-testid=stage-share-svg]').count(), 1);
  assert.equal(await page.locator('.chart-svg svg').count(), 2);
  await go(page, 'renewals', lang);
  assert.match(await page.textContent('[data-testid=not-causation]'), TEXT[lang].causation);
  assert.match(await page.textContent('[data-testid=activity-today]'), TEXT[lang].today);
  assert.equal(await page.locator('.chart-svg svg').count(), 3);
  for (const key of ['renewal.due_count', 'renewal.due_arr', 'renewal.pending_count', 'correlation.n']) {
    assert.match(await metric(page, key), /^\d+(\.\d+)?$/, key);
  }
}

test('both pages with an empty book in both languages: no rate, a dash, the notes', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await open('book', lang);
    await checkBothPages(page, lang);
    assert.equal(await metric(page, 'renewal.due_count'), '0');
    for (const key of ['renewal.logo_rate', 'renewal.ontime_rate', 'renewal.early_rate', 'renewal.grr', 'renewal.nrr', 'renewal.churn_rate', 'correlation.r']) {
      assert.equal(await metric(page, key), '', key);
    }
    assert.match(await page.textContent('[data-metric="renewal.logo_rate"]'), /—/);
    assert.ok(await page.isVisible('[data-testid=renewals-empty]'));
    assert.ok(await page.isVisible('[data-testid=small-sample]'));
    errors.assertClean();
    await page.close();
  }
});

test('a tiny imported book gives the hand-computed figures; the period changes them', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await open('book', lang);
    await importTiny(page);
    await checkBothPages(page, lang);
    // Due in [2024-07-01, 2025-06-30]: Alpha and Beta renewed, Gamma churned, Foxtrot lapsed.
    assert.equal(await metric(page, 'renewal.due_count'), '4');
    assert.equal(await metric(page, 'renewal.due_arr'), '43000');
    assert.equal(await metric(page, 'renewal.pending_count'), '1');
    assert.equal(await metric(page, 'renewal.logo_rate'), '0.5');
    assert.equal(await metric(page, 'renewal.early_rate'), '0.25');
    assert.equal(Number(await metric(page, 'renewal.nrr')).toFixed(6), (30000 / 43000).toFixed(6));
    assert.equal(await metric(page, 'correlation.n'), '4');
    // The name is text, not markup.
    assert.match(await page.textContent('[data-testid=overdue-list] tbody'), /<b>Delta<\/b>/);
    assert.equal(await page.locator('[data-testid=overdue-list] tbody b').count(), 0);

    await page.selectOption('[data-testid=period-kind]', 'last_quarter');
    assert.equal(await page.getAttribute('[data-testid=period-range]', 'data-from'), '2025-01-01');
    assert.equal(await metric(page, 'renewal.due_count'), '1');
    assert.equal(await metric(page, 'renewal.due_arr'), '20000');
    assert.equal(await metric(page, 'renewal.logo_rate'), '1');
    // The period is a setting: it is still there after going away and back.
    await go(page, 'lifecycle', lang);
    assert.equal(await metric(page, 'stage.maintenance.accounts'), '2');
    assert.equal(await metric(page, 'stage.churned.arr'), '13000');
    assert.equal(await metric(page, 'funnel.started.accounts'), '5');
    await go(page, 'renewals', lang);
    assert.equal(await page.inputValue('[data-testid=period-kind]'), 'last_quarter');
    assert.equal(await metric(page, 'renewal.due_count'), '1');
    errors.assertClean();
    await page.close();
  }
});

test('the demo book in both languages; a month and a custom period change the figures', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await open('book', lang);
    await loadDemo(page);
    await checkBothPages(page, lang);
    const due12 = Number(await metric(page, 'renewal.due_count'));
    assert.ok(due12 > 50, `a year of renewals (${due12})`);
    const rate = Number(await metric(page, 'renewal.logo_rate'));
    assert.ok(rate > 0 && rate < 1, `logo rate ${rate}`);
    assert.ok(Number(await metric(page, 'correlation.n')) > 30);
    assert.match(await metric(page, 'correlation.r'), /^-?0\.\d+|^-?1$/);
    await page.selectOption('[data-testid=period-kind]', 'month');
    const month = await page.inputValue('[data-testid=period-month]');
    assert.equal(month, '2025-05');
    const dueMonth = Number(await metric(page, 'renewal.due_count'));
    assert.ok(dueMonth < due12, `one month (${dueMonth}) < twelve (${due12})`);
    await page.selectOption('[data-testid=period-kind]', 'custom');
    await page.fill('[data-testid=period-from]', '2023-07-01');
    await page.press('[data-testid=period-from]', 'Tab');
    await page.fill('[data-testid=period-to]', '2025-06-30');
    await page.press('[data-testid=period-to]', 'Tab');
    assert.equal(await page.textContent('[data-testid=period-range]'), '2023-07-01 — 2025-06-30');
    const dueTwoYears = Number(await metric(page, 'renewal.due_count'));
    assert.ok(dueTwoYears > due12, `two years (${dueTwoYears}) > one (${due12})`);
    assert.ok((await page.locator('[data-testid=upcoming-list] tbody tr').count()) <= 25, 'the list is capped');

    await go(page, 'lifecycle', lang);
    const counts = await Promise.all(
      ['kickoff', 'launch', 'adoption', 'renewal', 'maintenance', 'overdue', 'churned'].map(async (s) => Number(await metric(page, `stage.${s}.accounts`))),
    );
    assert.equal(counts.reduce((a, b) => a + b, 0), 1000, 'every account has one stage');
    await page.fill('[data-testid=renewal-window-days]', '30');
    await page.press('[data-testid=renewal-window-days]', 'Tab');
    const renewalStage = Number(await metric(page, 'stage.renewal.accounts'));
    assert.ok(renewalStage < counts[3], `a 30-day window (${renewalStage}) holds fewer than 90 days (${counts[3]})`);
    errors.assertClean();
    await page.close();
  }
});

test('both pages fit a 375 px phone without sideways scrolling', async () => {
  const { page, errors } = await open('book', 'zh-CN');
  await loadDemo(page);
  await page.setViewportSize({ width: 375, height: 740 });
  for (const slug of ['lifecycle', 'renewals']) {
    await go(page, slug, 'zh-CN');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${slug}: ${width}px`);
  }
  errors.assertClean();
  await page.close();
});
