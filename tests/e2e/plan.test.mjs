// End to end: the hiring plan a CFO signs, on the demo book — whole people and calendar months,
// backfill vs growth, fiscal quarters from April, managers and a budget with its coverage, and
// the plan exported as CSV and as an .xlsx workbook read back by another program (openpyxl).
import { test } from 'node:test';
import { suite } from './suite.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoTab } from './browser.mjs';

const ctx = suite({ tmp: true });

const metric = async (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');
const num = async (page, key) => Number(await metric(page, key));

async function openPlan(lang = 'en') {
  const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang });
  await page.click('[data-testid=nav-capacity]');
  await page.waitForSelector('[data-metric="plan.hires"]');
  // A plan with hires: 1M ARR per CSM and a 24-month horizon.
  await page.click('[data-testid=cap-apc-1m]');
  await page.fill('[data-field="plan.horizon"]', '24');
  await page.press('[data-field="plan.horizon"]', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan-table] tbody tr').length === 25);
  return { page, errors };
}

async function type(page, field, text) {
  await page.fill(`[data-field="${field}"]`, text);
  await page.press(`[data-field="${field}"]`, 'Enter');
}

test('the plan is in whole people and calendar months; backfill and growth add up', async () => {
  const { page, errors } = await openPlan();
  const hires = await num(page, 'plan.hires');
  assert.ok(hires > 0, `hires ${hires}`);
  assert.equal(await num(page, 'plan.backfill') + await num(page, 'plan.growth'), hires);
  assert.equal(await num(page, 'plan.backfill'), Math.min(hires, await num(page, 'plan.leavers')));
  const months = await page.$$eval('[data-testid=plan-table] tbody th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.equal(months[0], '2026-06');
  assert.equal(months[24], '2028-06');
  const people = await page.$$eval('[data-testid=plan-table] tbody tr td:nth-child(2)', (tds) => tds.map((t) => Number(t.dataset.value)));
  assert.ok(people.every((p) => Number.isInteger(p)), `whole people: ${people}`);
  // Σ hires starting over months 1..H = plan.hires; the first opening as YYYYMM.
  const first = await metric(page, 'plan.first_open');
  assert.match(first, /^20\d{4}$/);
  // Fiscal year from April: quarters named FY…
  await page.selectOption('[data-field="plan.fiscal_start"]', '4');
  await page.waitForFunction(() => document.querySelector('[data-testid=plan-quarters] tbody th')?.textContent.startsWith('FY2027'));
  // Managers add their cost; a recruiting cost per hire adds its own.
  const cost = await num(page, 'plan.cost');
  await page.check('[data-field="plan.managers"]');
  await page.waitForFunction((c) => Number(document.querySelector('[data-metric="plan.cost"]').dataset.value) > c, cost);
  const withManagers = await num(page, 'plan.cost');
  await type(page, 'plan.recruiting_cost', '20K');
  await page.waitForFunction((c) => Number(document.querySelector('[data-metric="plan.cost"]').dataset.value) > c, withManagers);
  errors.assertClean();
  await page.close();
});

test('a budget caps the plan and says what it leaves uncovered', async () => {
  const { page, errors } = await openPlan('zh-CN');
  const required = await num(page, 'plan.required_end');
  const hires = await num(page, 'plan.hires');
  await page.selectOption('[data-field="plan.budget_mode"]', 'annual');
  // 120万 a year at 12万 a CSM affords 10 people.
  await type(page, 'plan.budget', '120万');
  await page.waitForSelector('[data-metric="plan.affordable_end"][data-value="10"]');
  assert.ok(10 < required, `required ${required} is more than the budget affords`);
  assert.ok(await num(page, 'plan.headcount_end') <= 10, 'the plan stays within the budget');
  assert.ok(await num(page, 'plan.hires') < hires, 'fewer hires than the unconstrained plan');
  assert.ok(await page.isVisible('[data-testid=plan-coverage]'));
  assert.match(await page.innerText('[data-testid=plan-uncovered]'), /未被覆盖/);
  // The printed summary carries the budget and what it covers.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('[data-testid=print-coverage]'));
  assert.match(await page.innerText('.cap-print'), /120万/);
  errors.assertClean();
  await page.close();
});

test('the plan exports as CSV and as an .xlsx that another program reads with the same values', async () => {
  const { page, errors } = await openPlan();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=plan-export-csv]')]);
  const csvPath = join(ctx.dir, 'plan.csv');
  await csvDownload.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
  const lines = csv.slice(1).trim().split(/\r?\n/);
  assert.equal(lines.length, 26, 'header + 25 months');
  assert.ok(lines[0].startsWith('Month,People at start'), lines[0]);
  const hiresCsv = lines.slice(2).reduce((s, l) => s + Number(l.split(',')[3]), 0);
  assert.equal(hiresCsv, await num(page, 'plan.hires'), 'Σ hires starting over months 1..H');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=plan-export-xlsx]')]);
  assert.match(xlsxDownload.suggestedFilename(), /\.xlsx$/);
  const xlsxPath = join(ctx.dir, 'plan.xlsx');
  await xlsxDownload.saveAs(xlsxPath);
  const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = list(ws.iter_rows(values_only=True))
print(json.dumps({
  "sheets": wb.sheetnames,
  "header": list(rows[0]),
  "first_month": rows[1][0].isoformat() if isinstance(rows[1][0], datetime.datetime) else repr(rows[1][0]),
  "hires": sum(r[3] for r in rows[2:]),
  "people_types": sorted({type(r[1]).__name__ for r in rows[1:]}),
}))`;
  // Debian's Python, which the bootstrap gives openpyxl (a pyenv python3 on PATH may not see it).
  const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, xlsxPath]).toString());
  assert.equal(out.sheets.length, 3, `three sheets: ${out.sheets}`);
  assert.equal(out.header[0], 'Month');
  assert.equal(out.first_month, '2026-06-01T00:00:00', 'months are dates');
  assert.equal(out.hires, await num(page, 'plan.hires'));
  assert.ok(out.people_types.every((t) => t === 'int' || t === 'float'), `numbers as numbers: ${out.people_types}`);
  errors.assertClean();
  await page.close();
});
