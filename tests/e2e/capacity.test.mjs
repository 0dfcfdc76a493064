// End to end: the Capacity page on the demo book, as a team lead uses it — move an input and
// see the projection change, save two scenarios and compare them, open a shared link in a
// fresh browser profile and see the same figures, and print the one-page summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, watchErrors, ready, ROOT, freshBook } from './browser.mjs';

const ASOF = '2026-06-30';
const FIGURES = [
  'capacity.arr_rule.fte', 'capacity.needs.fte', 'capacity.hybrid.fte', 'capacity.headcount',
  'projection.required_fte_end', 'projection.headcount_end', 'projection.hires',
  'projection.first_opening', 'projection.cost_over_horizon', 'projection.cost_share_end',
  'economics.ltv', 'economics.ltv_cac', 'economics.payback_months',
  'plan.hires', 'plan.backfill', 'plan.growth', 'plan.leavers', 'plan.cost', 'plan.headcount_end',
  'plan.required_end', 'plan.first_open',
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

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');
const figures = async (page) => Object.fromEntries(await Promise.all(FIGURES.map(async (k) => [k, await metric(page, k)])));

/** Waits until a figure's data-value is no longer `old`; returns the new one. */
async function changed(page, key, old) {
  await page.waitForFunction(([k, v]) => document.querySelector(`[data-metric="${k}"]`)?.getAttribute('data-value') !== v, [key, old]);
  return metric(page, key);
}

/** A fresh tab in `b`'s profile with the 1,000-account demo book, on the Capacity page. */
async function openWithDemo(b = browser) {
  const page = await b.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page);
  await page.goto(server.url + `book?asof=${ASOF}`);
  await ready(page);
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
  await page.click('[data-testid=nav-capacity]');
  await page.waitForSelector('[data-metric="capacity.hybrid.fte"]');
  return { page, errors };
}

test('the three methods show their FTE and answer their assumptions', async () => {
  const { page, errors } = await openWithDemo();
  const arr = Number(await metric(page, 'capacity.arr_rule.fte'));
  assert.ok(arr > 0, `ARR rule FTE ${arr}`);
  assert.ok(Number(await metric(page, 'capacity.needs.fte')) > 0);
  assert.ok(Number(await metric(page, 'capacity.hybrid.fte')) > 0);
  assert.ok(Number(await metric(page, 'capacity.headcount')) >= 1, 'the demo owners count as CSMs');
  await page.click('[data-testid=cap-apc-1m]');
  const doubled = Number(await changed(page, 'capacity.arr_rule.fte', String(arr)));
  assert.ok(Math.abs(doubled - 2 * arr) < 1e-9, `${arr} at $2M, ${doubled} at $1M`);
  errors.assertClean();
  await page.close();
});

test('moving a what-if input changes the projection at once', async () => {
  const { page, errors } = await openWithDemo();
  const fte = await metric(page, 'projection.required_fte_end');
  const cost = await metric(page, 'projection.cost_over_horizon');
  await page.fill('[data-testid=cap-g-0-new]', '5');
  const after = await changed(page, 'projection.required_fte_end', fte);
  assert.ok(Number(after) > Number(fte), `required FTE at the end ${fte} → ${after}`);
  // The team grows to meet it, so the cost does too; the month table follows.
  await changed(page, 'projection.cost_over_horizon', cost);
  const last = await page.getAttribute('[data-testid=cap-month-table] tbody tr:last-child td:nth-child(3)', 'data-value');
  assert.equal(Number(last), Number(after));
  // A longer horizon adds months to the table.
  await page.fill('[data-testid=cap-horizon]', '24');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cap-month-table] tbody tr').length === 25);
  // Not a number: refused, said so, nothing moves.
  const before = await metric(page, 'projection.required_fte_end');
  await page.fill('[data-testid=cap-attrition]', 'lots');
  await page.press('[data-testid=cap-attrition]', 'Enter');
  assert.equal(await page.getAttribute('[data-testid=cap-attrition]', 'aria-invalid'), 'true');
  assert.equal(await metric(page, 'projection.required_fte_end'), before);
  errors.assertClean();
  await page.close();
});

test('two saved scenarios are compared side by side', async () => {
  const { page, errors } = await openWithDemo();
  await page.fill('[data-testid=cap-scenario-name]', 'Lean 2M');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-0]');
  await page.click('[data-testid=cap-apc-1m]');
  await page.fill('[data-testid=cap-attrition]', '25');
  await page.fill('[data-testid=cap-scenario-name]', 'Gainsight 1M');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-1]');
  // A name already taken is refused.
  await page.fill('[data-testid=cap-scenario-name]', 'Lean 2M');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('.cap-scenario-bar + .field-error');
  await page.check('[data-testid=cap-compare-0]');
  await page.check('[data-testid=cap-compare-1]');
  await page.waitForSelector('[data-testid=cap-compare-table]');
  const cell = (row, name) => page.getAttribute(`[data-testid=cap-compare-table] td[data-row="${row}"][data-scenario="${name}"]`, 'data-value');
  const lean = Number(await cell('required_fte_now', 'Lean 2M'));
  const rich = Number(await cell('required_fte_now', 'Gainsight 1M'));
  assert.ok(rich > lean, `required FTE now: 2M ${lean}, 1M ${rich}`);
  assert.ok(Number(await cell('cost_over_horizon', 'Gainsight 1M')) > Number(await cell('cost_over_horizon', 'Lean 2M')));
  // One overlaid chart with both scenarios.
  const svg = await page.innerHTML('.cap-section .chart-svg >> nth=-1');
  assert.ok(svg.includes('Lean 2M') && svg.includes('Gainsight 1M'), 'both scenarios in the comparison chart');
  // Rename and delete.
  await page.click('[data-testid=cap-rename-1]');
  await page.fill('[data-testid=cap-rename-input-1]', 'Hire at 1M');
  await page.click('[data-testid=cap-rename-ok-1]');
  await page.waitForSelector('[data-testid=cap-compare-table] td[data-scenario="Hire at 1M"]');
  await page.click('[data-testid=cap-delete-0]');
  await page.click('[data-testid=cap-delete-yes-0]');
  await page.waitForSelector('[data-testid=cap-saved-1]', { state: 'detached' });
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cs-planner.scenarios')));
  assert.deepEqual(stored.map((s) => s.name), ['Hire at 1M']);
  errors.assertClean();
  await page.close();
});

test('a shared link opened in a fresh browser profile shows the same figures', async () => {
  const { page, errors } = await openWithDemo();
  await page.click('[data-testid=cap-apc-custom]');
  await page.fill('[data-testid=cap-apc]', '1500000');
  await page.fill('[data-testid=cap-horizon]', '24');
  await page.fill('[data-testid=cap-g-1-new]', '4');
  await page.selectOption('[data-testid=cap-method]', 'ArrRule');
  await page.fill('[data-testid=cap-scenario-name]', 'Shared plan');
  await page.click('[data-testid=cap-save]');
  await page.click('[data-testid=cap-share]');
  const url = await page.inputValue('[data-testid=cap-share-url]');
  assert.ok(url.includes('/cs-planner/capacity?') && url.includes(`asof=${ASOF}`) && url.includes('apc=1500000'), url);
  assert.ok(url.length < 600 && !url.includes('Account'), 'parameters only, never the book');
  const sent = await figures(page);
  errors.assertClean();
  await page.close();

  const other = await launch();
  try {
    // The receiver has the same demo book (kept in their browser) and opens the link.
    const { page: p2, errors: e2 } = await openWithDemo(other);
    await p2.waitForFunction(() => localStorage.getItem('cs-planner.book') && localStorage.getItem('cs-planner.book.good'), null, { timeout: 15000 });
    await p2.goto(url);
    await ready(p2);
    await p2.waitForSelector('[data-testid=cap-incoming]');
    assert.deepEqual(await figures(p2), sent);
    assert.equal(await p2.inputValue('[data-testid=cap-apc]'), '1.5M', 'shown the way English writes it');
    assert.equal(await p2.inputValue('[data-testid=cap-horizon]'), '24');
    assert.equal(await p2.evaluate(() => localStorage.getItem('cs-planner.scenarios')), null, 'nothing saved without asking');
    await p2.click('[data-testid=cap-incoming-save]');
    await p2.waitForSelector('[data-testid=cap-incoming]', { state: 'detached' });
    const stored = JSON.parse(await p2.evaluate(() => localStorage.getItem('cs-planner.scenarios')));
    assert.deepEqual(stored.map((s) => s.name), ['Shared plan']);
    assert.equal(new URL(p2.url()).search, `?asof=${ASOF}`, 'the link parameters leave the address bar');
    e2.assertClean();
    await p2.close();
  } finally {
    await other.close();
  }
});

test('a broken link says so and changes nothing', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + 'capacity?v=1&apc=lots');
  await ready(page);
  await page.waitForSelector('[data-testid=cap-bad-link]');
  assert.ok((await page.textContent('[data-testid=cap-bad-link]')).includes('apc=lots'));
  assert.equal(await page.$('[data-testid=cap-incoming]'), null);
  errors.assertClean();
  await page.close();
});

test('the print summary is one clean page with the figures, chart, assumptions and date', async () => {
  const { page, errors } = await openWithDemo();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.cap-print'));
  assert.ok(await page.isVisible('.cap-print svg'));
  assert.equal(await page.isVisible('.app-header'), false);
  assert.equal(await page.isVisible('[data-testid=cap-tier-table]'), false);
  assert.equal(await page.isVisible('[data-testid=cap-save]'), false);
  const text = await page.textContent('.cap-print');
  assert.ok(text.includes(`As of ${ASOF}`) && text.includes('ARR per CSM') && text.includes('Required FTE at the end'), text);
  // A4 at 96 dpi minus 14 mm margins: the summary fits one page.
  await page.setViewportSize({ width: 688, height: 1017 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 1017, `summary height ${height}px`);
  mkdirSync(join(ROOT, 'target', 'shots'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'target', 'shots', 'capacity-print-e2e.png'), fullPage: true });
  errors.assertClean();
  await page.close();
});

test('a scenario keeps its tier ratios and its as-of date; its link carries them', async () => {
  const { page, errors } = await openWithDemo();
  const needs = await metric(page, 'capacity.needs.fte');
  await page.fill('[data-field="tier.0.accounts_per_csm"]', '5');
  await page.press('[data-field="tier.0.accounts_per_csm"]', 'Enter');
  const five = await changed(page, 'capacity.needs.fte', needs);
  assert.ok(Number(five) > Number(needs), `5 strategic accounts per CSM need more: ${needs} → ${five}`);
  await page.fill('[data-testid=cap-scenario-name]', 'Five strategic');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-0]');
  // Back to 10: the figure returns; loading the scenario brings the ratio and the figure back.
  await page.fill('[data-field="tier.0.accounts_per_csm"]', '10');
  await page.press('[data-field="tier.0.accounts_per_csm"]', 'Enter');
  await changed(page, 'capacity.needs.fte', five);
  assert.equal(await metric(page, 'capacity.needs.fte'), needs);
  await page.click('[data-testid=cap-load-0]');
  await changed(page, 'capacity.needs.fte', needs);
  assert.equal(await metric(page, 'capacity.needs.fte'), five);
  assert.equal(await page.inputValue('[data-field="tier.0.accounts_per_csm"]'), '5');
  // The link: the as-of date and the tier table travel, and it stays short.
  await page.click('[data-testid=cap-share]');
  const url = await page.inputValue('[data-testid=cap-share-url]');
  assert.match(url, /[?&]asof=2026-06-30/);
  assert.match(url, /[?&]tt=100000,h,5,/);
  assert.ok(url.length < 800, `a link of ${url.length} characters`);
  console.log(`share link: ${url.length} characters`);
  errors.assertClean();
  await page.close();
});

test('a link opened with no book: the demo book it was made on, or what to do for a real book', async () => {
  const { page, errors } = await openWithDemo();
  await page.fill('[data-field="team.attrition"]', '20');
  await page.press('[data-field="team.attrition"]', 'Enter');
  await page.click('[data-testid=cap-share]');
  const url = await page.inputValue('[data-testid=cap-share-url]');
  assert.match(url, /[?&]demo=1000,2026,2026-06-30/);
  const sent = await figures(page);
  errors.assertClean();
  await page.close();

  const other = await launch();
  try {
    const p2 = await other.context.newPage();
    const e2 = watchErrors(p2);
    await freshBook(p2);
    await p2.goto(url);
    await ready(p2);
    await p2.waitForSelector('[data-testid=cap-link-no-book]');
    await p2.click('[data-testid=cap-link-load-demo]');
    await p2.waitForSelector('[data-testid=cap-link-no-book]', { state: 'detached' });
    assert.deepEqual(await figures(p2), sent, 'the same demo book gives the same figures');
    e2.assertClean();
    await p2.close();

    // A link made on a real book (here: the demo book changed by hand) says what to do.
    const { page: p3, errors: e3 } = await openWithDemo(other);
    await p3.click('[data-testid=nav-book]');
    await p3.click('.book-table tbody tr[data-id] input[type=checkbox] >> nth=0');
    await p3.click('[data-testid=delete-selected]');
    await p3.click('[data-testid=nav-capacity]');
    await p3.click('[data-testid=cap-share]');
    const real = await p3.inputValue('[data-testid=cap-share-url]');
    assert.ok(!real.includes('demo='), 'an edited book is no longer the demo book');
    e3.assertClean();
    await p3.close();
    const p4 = await other.context.newPage();
    await p4.addInitScript(() => localStorage.clear());
    await p4.goto(real);
    await ready(p4);
    const said = await p4.innerText('[data-testid=cap-link-no-book]');
    assert.match(said, /never carry the book/);
    assert.ok(await p4.isVisible('[data-testid=cap-link-import]'));
    await p4.close();
  } finally {
    await other.close();
  }
});

test('the comparison shows the assumptions that differ first, over a common horizon, and prints on one page', async () => {
  const { page, errors } = await openWithDemo();
  await page.fill('[data-testid=cap-scenario-name]', 'Base');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-0]');
  await page.click('[data-testid=cap-apc-1m]');
  await page.fill('[data-field="plan.horizon"]', '24');
  await page.press('[data-field="plan.horizon"]', 'Enter');
  await page.fill('[data-testid=cap-scenario-name]', 'Hire at 1M');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-1]');
  await page.check('[data-testid=cap-compare-0]');
  await page.check('[data-testid=cap-compare-1]');
  await page.waitForSelector('[data-testid=compare-assumptions]');
  const differing = await page.$$eval('[data-testid=compare-assumptions] tbody tr.differs th', (ths) => ths.map((t) => t.textContent));
  assert.ok(differing.includes('ARR per CSM') && differing.includes('Horizon'), `differing: ${differing}`);
  assert.ok(!differing.includes('Annual attrition'), 'a shared assumption is not listed as differing');
  assert.match(await page.innerText('[data-testid=compare-common-horizon]'), /12 months/);
  const cell = (row, name) => page.getAttribute(`[data-testid=cap-compare-table] td[data-row="${row}"][data-scenario="${name}"]`, 'data-value');
  assert.equal(await cell('horizon', 'Hire at 1M'), '12', 'results over the common horizon');
  // The downloaded chart says which scenarios and which months it shows.
  const svg = await page.innerHTML('.cap-compare-print .chart-svg');
  assert.ok(svg.includes('Base / Hire at 1M') && svg.includes('2026-08'), 'names and calendar months in the chart');
  // Printed alone, on one A4 page.
  await page.evaluate(() => document.body.classList.add('print-compare'));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('.cap-compare-print'));
  assert.equal(await page.isVisible('.cap-print'), false);
  assert.equal(await page.isVisible('[data-testid=cap-saved-0]'), false);
  await page.setViewportSize({ width: 688, height: 1017 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 1017, `comparison height ${height}px`);
  errors.assertClean();
  await page.close();
});
