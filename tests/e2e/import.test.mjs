// End to end: bring your spreadsheet as it is — an .xlsx made by another program (openpyxl)
// imports with the same figures as its CSV twin; a file with a repeated id and bad rows says
// consistent counts and its rejected rows come back once fixed; a Chinese export re-imports.
import { test } from 'node:test';
import { suite } from './suite.mjs';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoTab, emptyTab, ROOT } from './browser.mjs';

const ctx = suite({ tmp: true });

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

const blankTab = (lang = 'en') => emptyTab(ctx.browser, ctx.server, { lang });

async function download(page, testid, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const path = join(ctx.dir, name);
  await d.saveAs(path);
  return path;
}

async function importFile(page, path) {
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.waitForSelector('[data-testid=import-preview]');
}

test('an .xlsx made by another program imports with the same figures as its CSV twin', async () => {
  const { page, errors } = await demoTab(ctx.browser, ctx.server);
  const [accounts, arr] = [await metric(page, 'book.accounts'), await metric(page, 'book.arr')];
  const csv = await download(page, 'export-csv', 'book.csv');
  await page.close();
  // The CSV as a person's workbook: a merged title row, dates as date cells, amounts as numbers.
  const xlsx = join(ctx.dir, 'book.xlsx');
  const script = `
import csv, datetime, sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "客户"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
ws.append(["客户档案 (from CRM)"]); ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
ws.append(rows[0])
dates = {i for i, h in enumerate(rows[0]) if h.startswith("contract_") or h.endswith("_on") or h in ("go_live", "last_touch")}
for r in rows[1:]:
    out = []
    for i, c in enumerate(r):
        if c and i in dates: out.append(datetime.date.fromisoformat(c))
        elif c and rows[0][i] != "id" and c.replace(".", "", 1).isdigit(): out.append(float(c) if "." in c else int(c))
        else: out.append(c if c else None)
    ws.append(out)
wb.create_sheet("Notes").append(["not the book"])
wb.save(sys.argv[2])`;
  execFileSync('/usr/bin/python3', ['-c', script, csv, xlsx]);
  const { page: p2, errors: e2 } = await blankTab();
  await importFile(p2, xlsx);
  assert.ok(await p2.isVisible('[data-testid=import-sheet]'), 'a workbook with two sheets offers the choice');
  assert.equal(await p2.getAttribute('[data-testid=import-summary]', 'data-rejected'), '0');
  await p2.click('[data-testid=import-confirm]');
  await p2.waitForSelector(`[data-metric="book.accounts"][data-value="${accounts}"]`);
  assert.equal(await metric(p2, 'book.arr'), arr);
  errors.assertClean();
  e2.assertClean();
  await p2.close();
});

test('a repeated id and bad rows: consistent counts, and the rejected rows import once fixed', async () => {
  const file = join(ctx.dir, 'messy.csv');
  writeFileSync(file, [
    'id,name,arr,contract_start,contract_end,status',
    'A7,Acme Robotics,12000,2025-01-01,2025-12-31,open',
    'A7,Beta Foods,8000,2025-03-01,2026-02-28,open',
    'A9,Delta,lots,9026-01-01,2025-12-31,open',
    'A10,Echo,500,2025-01-01,2025-12-31,open',
  ].join('\n'));
  const { page, errors } = await blankTab();
  await importFile(page, file);
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-rejected'), '2');
  assert.match(await page.innerText('details.rejected summary'), /Rejected rows: 2, with 3 problems/);
  const said = await page.innerText('[data-testid=import-errors]');
  assert.match(said, /same id as line 2/);
  assert.match(said, /likely a typo/);
  mkdirSync(join(ROOT, 'target', 'shots'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'target', 'shots', 'import-rejects-en.png'), fullPage: true });
  const rejected = await download(page, 'download-rejected', 'rejected.csv');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="2"]');
  // Fixed in a spreadsheet, then imported again: both rows come in.
  const fixed = join(ctx.dir, 'fixed.csv');
  writeFileSync(fixed, readFileSync(rejected, 'utf8').replace('A7,Beta Foods', 'B1,Beta Foods').replace(',lots,9026-01-01,', ',900,2025-01-01,'));
  await importFile(page, fixed);
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-rejected'), '0');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="4"]');
  errors.assertClean();
  await page.close();
});

test('a Chinese export has Chinese headers and re-imports exactly', async () => {
  const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang: 'zh-CN' });
  const [accounts, arr] = [await metric(page, 'book.accounts'), await metric(page, 'book.arr')];
  const csv = await download(page, 'export-csv', 'zh.csv');
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.includes('客户名称') && text.includes('合同到期') && !text.includes('renewed'), 'headers and statuses in Chinese');
  await page.close();
  const { page: p2, errors: e2 } = await blankTab('zh-CN');
  await importFile(p2, csv);
  assert.equal(await p2.getAttribute('[data-testid=import-summary]', 'data-rejected'), '0');
  await p2.click('[data-testid=import-confirm]');
  await p2.waitForSelector(`[data-metric="book.accounts"][data-value="${accounts}"]`);
  assert.equal(await metric(p2, 'book.arr'), arr);
  errors.assertClean();
  e2.assertClean();
  await p2.close();
});
