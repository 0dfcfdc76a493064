// End to end: the Revenue page on the demo book, as a CS leader preparing a board meeting uses
// it — the bridge closes and lists the accounts behind a movement, cohorts switch to quarters,
// a probability typed changes the forecast and is kept, and the forecast's logo churn becomes
// the Capacity projection's churn, saved with a scenario.
import { test } from 'node:test';
import { suite } from './suite.mjs';
import assert from 'node:assert/strict';
import { ready, demoTab } from './browser.mjs';

const ctx = suite();

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

async function openDemo(lang = 'en') {
  const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang });
  await page.click('[data-testid=nav-revenue]');
  await page.waitForSelector('[data-metric="bridge.end_arr"]');
  return { page, errors };
}

test('the bridge closes, lists its accounts, and chains by month and quarter', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await openDemo(lang);
    const v = async (k) => Number(await metric(page, `bridge.${k}`));
    const [start, add, grow, shrink, lost, end] = await Promise.all(
      ['start_arr', 'new', 'expansion', 'contraction', 'churn', 'end_arr'].map(v),
    );
    assert.ok(end > 0 && start > 0, `${start} → ${end}`);
    assert.ok(Math.abs(start + add + grow - shrink - lost - end) < 0.005, 'end = start + new + expansion − contraction − churn');
    await page.click('[data-testid=bridge-list-churn]');
    const rows = await page.locator('[data-testid=bridge-accounts] tbody tr').count();
    assert.ok(rows > 0, 'the churned accounts are listed');
    assert.equal(await page.locator('[data-testid=bridge-steps] tbody tr').count(), 12);
    await page.click('[data-testid=steps-quarter]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=bridge-steps] tbody tr').length === 4);
    const years = await page.locator('[data-testid=cohort-table] tbody tr').count();
    await page.click('[data-testid=cohort-quarter]');
    await page.waitForFunction((y) => document.querySelectorAll('[data-testid=cohort-table] tbody tr').length > y, years);
    // The waterfall is drawn with the movements' names in the reader's language.
    const svg = await page.innerHTML('.lr-panel .chart-svg >> nth=0');
    assert.ok(svg.includes(lang === 'en' ? 'Churn' : '流失'), 'labelled in the language');
    errors.assertClean();
    await page.close();
  }
});

test('a probability typed changes the forecast and is kept after a reload', async () => {
  const { page, errors } = await openDemo();
  const expected = Number(await metric(page, 'forecast.expected_arr'));
  const due = Number(await metric(page, 'forecast.due_arr'));
  assert.ok(expected > 0 && expected < due, `${expected} of ${due}`);
  await page.fill('[data-field="forecast.p.green"]', '50%');
  await page.press('[data-field="forecast.p.green"]', 'Enter');
  await page.waitForFunction((e) => Number(document.querySelector('[data-metric="forecast.expected_arr"]').dataset.value) < e, expected);
  const lower = await metric(page, 'forecast.expected_arr');
  // Refused: over 100%.
  await page.fill('[data-field="forecast.p.red"]', '140');
  await page.press('[data-field="forecast.p.red"]', 'Enter');
  assert.equal(await page.getAttribute('[data-field="forecast.p.red"]', 'aria-invalid'), 'true');
  assert.equal(await metric(page, 'forecast.expected_arr'), lower);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('[data-field="forecast.p.green"]'), '50');
  assert.equal(await metric(page, 'forecast.expected_arr'), lower);
  errors.assertClean();
  await page.close();
});

test("the forecast's logo churn drives the projection when chosen, and a scenario keeps the choice", async () => {
  const { page, errors } = await openDemo();
  const churn = Number(await metric(page, 'forecast.logo_churn'));
  assert.ok(churn > 0 && churn < 1, `forecast logo churn ${churn}`);
  await page.click('[data-testid=nav-capacity]');
  await page.waitForSelector('[data-field="growth.0.logo_churn"]');
  const own = await page.inputValue('[data-field="growth.0.logo_churn"]');
  await page.check('[data-testid=cap-churn-forecast]');
  const shown = (Math.round(churn * 1000) / 10).toString();
  await page.waitForFunction((s) => document.querySelector('[data-field="growth.0.logo_churn"]').value === s, shown);
  assert.equal(await page.inputValue('[data-field="growth.1.logo_churn"]'), shown, 'every tier');
  await page.fill('[data-testid=cap-scenario-name]', 'Forecast churn');
  await page.click('[data-testid=cap-save]');
  await page.waitForSelector('[data-testid=cap-saved-0]');
  await page.uncheck('[data-testid=cap-churn-forecast]');
  await page.waitForFunction((s) => document.querySelector('[data-field="growth.0.logo_churn"]').value === s, own);
  await page.click('[data-testid=cap-load-0]');
  await page.waitForFunction(() => document.querySelector('[data-testid=cap-churn-forecast]').checked);
  assert.equal(await page.inputValue('[data-field="growth.0.logo_churn"]'), shown);
  errors.assertClean();
  await page.close();
});
