// End to end: lists that work on the demo book. The Board's priority list is grouped by reason
// in DOMAIN.md §6 order and its group counts add up to the flagged total; a Renewals list pages
// to its last row, and its CSV export holds every row, not only the page in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite } from './suite.mjs';
import { demoTab } from './browser.mjs';

const ctx = suite();
const ORDER = ['overdue', 'renewal', 'red', 'stalled', 'contact'];

test('the priority list: groups in §6 order whose counts add up to the total', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang });
    await page.click('[data-testid=nav-board]');
    await page.waitForSelector('[data-metric="board.priority.count"]');
    const total = Number(await page.getAttribute('[data-metric="board.priority.count"]', 'data-value'));
    assert.ok(total > 100, `the demo book flags many accounts (${total})`);
    const counts = await page.$$eval('[data-testid=priority-group-count]', (els) => els.map((e) => [e.dataset.group, Number(e.dataset.count)]));
    assert.deepEqual(counts.map(([g]) => g), ORDER, 'every reason, in §6 order');
    assert.equal(counts.reduce((s, [, n]) => s + n, 0), total, 'the groups add up to the list');
    // The groups on the page follow the same order, each with its own count and at most a page of rows.
    const groups = await page.$$eval('[data-testid=priority-group]', (els) => els.map((e) => [e.dataset.group, Number(e.dataset.count), e.querySelectorAll('tbody tr').length]));
    assert.deepEqual(groups.map(([g]) => g), ORDER.filter((g) => counts.find(([k]) => k === g)[1] > 0));
    for (const [g, n, rows] of groups) {
      assert.equal(n, counts.find(([k]) => k === g)[1], `${g}: the heading counts its rows`);
      assert.equal(rows, Math.min(n, 10), `${g}: a page of rows`);
    }
    // The largest group pages to its end.
    const [big, n] = groups.reduce((a, b) => (b[1] > a[1] ? b : a));
    await page.click(`[data-testid=${big}-all]`);
    assert.equal(await page.locator(`[data-testid=priority-group][data-group=${big}] tbody tr`).count(), n);
    errors.assertClean();
    await page.close();
  }
});

test('a Renewals list pages to its last row and exports every row', async () => {
  const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang: 'en' });
  await page.click('[data-testid=nav-renewals]');
  const list = '[data-testid=upcoming-list]';
  await page.waitForSelector(list);
  const total = Number(await page.getAttribute(list, 'data-total'));
  assert.ok(total > 25, `the demo book has more upcoming renewals than a page (${total})`);
  assert.equal(await page.locator(`${list} tbody tr`).count(), 25);
  assert.equal(await page.textContent('[data-testid=upcoming-range]'), `1–25 / ${total.toLocaleString('en-US')}`);
  const firstPage = await page.textContent(`${list} tbody tr`);
  // Page forward to the end: the last page holds the remainder, and "next" stops there.
  const pages = Math.ceil(total / 25);
  for (let i = 1; i < pages; i++) await page.click('[data-testid=upcoming-next]');
  assert.equal(await page.locator(`${list} tbody tr`).count(), total - 25 * (pages - 1));
  assert.ok(await page.isDisabled('[data-testid=upcoming-next]'));
  assert.notEqual(await page.textContent(`${list} tbody tr`), firstPage);
  await page.click('[data-testid=upcoming-prev]');
  assert.equal(await page.locator(`${list} tbody tr`).count(), 25);
  // The export has a head and every row, with amounts unrounded.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=upcoming-csv]')]);
  assert.equal(download.suggestedFilename(), 'renewals-upcoming.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
  const lines = csv.slice(1).split('\r\n').filter((l) => l !== '');
  assert.equal(lines.length, total + 1, 'a head and every row');
  assert.match(lines[0], /^Account,End date,Days to end,ARR,Health,Owner$/);
  assert.match(lines[1], /,\d{4}-\d{2}-\d{2},\d+,\d+(\.\d+)?,/);
  errors.assertClean();
  await page.close();
});
