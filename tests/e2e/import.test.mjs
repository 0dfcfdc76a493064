// End to end: bring your spreadsheet as it is — an .xlsx made by another program (openpyxl)
// imports with the same figures as its CSV twin; a file with a repeated id and bad rows says
// consistent counts and its rejected rows come back once fixed; a Chinese export re-imports; a
// 100,000-account file shows its progress and leaves no task over 50 ms while it is read and
// checked (Chromium's long tasks), and 10,000 accounts read in many slices import exactly.
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

/** A CSV of `n` accounts, one open term each, every 10th with a renewed term before it (two
 * rows): made here, so its figures are known. */
function bigCsv(n) {
  const lines = ['id,name,industry,region,owner,arr,contract_start,contract_end,status,renewed_on,renewed_arr'];
  for (let i = 0; i < n; i++) {
    const arr = 1000 + (i % 97) * 10;
    if (i % 10 === 0) lines.push(`C${i},Company ${i},Retail,East,Ann,${arr - 100},2025-01-01,2025-12-31,renewed,2025-12-01,${arr}`);
    lines.push(`C${i},Company ${i},Retail,East,Ann,${arr},2026-01-01,2026-12-31,open,,`);
  }
  return lines.join('\n') + '\n';
}

test('a 100,000-account CSV shows its progress and never holds the page while it is read', async () => {
  const n = 100_000;
  const file = join(ctx.dir, 'big.csv');
  writeFileSync(file, bigCsv(n));
  const { page, errors } = await blankTab();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
  await page.setInputFiles('[data-testid=import-file]', file);
  // The preview opens with its progress before the file is read (seen in one look, in a frame).
  const seen = await (await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid=import-progress]');
    const confirm = document.querySelector('[data-testid=import-confirm]');
    return p && { percent: Number(p.dataset.percent), text: p.innerText, disabled: confirm?.disabled };
  }, null, { timeout: 30000, polling: 'raf' })).jsonValue();
  assert.ok(seen.percent >= 0 && seen.percent < 100, `progress shown part way (${seen.percent}%)`);
  assert.match(seen.text, /(Reading the file|Checking the rows)… \d+%/);
  assert.equal(seen.disabled, true, 'nothing to import until the rows are checked');
  await page.waitForSelector(`[data-testid=import-summary][data-accounts="${n}"]`, { timeout: 120000 });
  await page.waitForFunction(() => document.body.dataset.importPreviewMs, null, { timeout: 10000 });
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-rejected'), '0');
  assert.equal(await page.locator('[data-testid=import-progress]').count(), 0, 'the progress is gone');
  const { file: from, preview: to, slices, longTasks } = await page.evaluate(() => ({
    file: Number(document.body.dataset.importFileMs), preview: Number(document.body.dataset.importPreviewMs),
    slices: Number(document.body.dataset.importSlices), longTasks: window.__longTasks,
  }));
  assert.ok(slices > 10, `read and checked in slices (${slices})`);
  const during = longTasks.filter((t) => t.start + t.ms > from && t.start < to);
  assert.deepEqual(during.map((t) => Math.round(t.ms)), [], `no task over 50 ms in the ${Math.round(to - from)} ms from file to preview`);
  errors.assertClean();
  await page.close();
});

test('10,000 accounts import exactly: exported again, the file is the same', async () => {
  const { page, errors } = await emptyTab(ctx.browser, ctx.server);
  await page.selectOption('[data-testid=demo-size]', '10000');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="10000"]', { timeout: 60000 });
  const arr = await metric(page, 'book.arr');
  const first = await download(page, 'export-csv', 'ten-k.csv');
  await page.close();
  const { page: p2, errors: e2 } = await blankTab();
  await importFile(p2, first);
  await p2.waitForSelector('[data-testid=import-summary][data-accounts="10000"]', { timeout: 60000 });
  assert.equal(await p2.getAttribute('[data-testid=import-summary]', 'data-rejected'), '0');
  await p2.click('[data-testid=import-confirm]');
  await p2.waitForSelector('[data-metric="book.accounts"][data-value="10000"]', { timeout: 60000 });
  assert.equal(await metric(p2, 'book.arr'), arr);
  const again = await download(p2, 'export-csv', 'ten-k-again.csv');
  const [a, b] = [readFileSync(first), readFileSync(again)];
  assert.ok(a.length > 1_000_000, `a real file (${a.length} bytes)`);
  assert.ok(a.equals(b), 'the same bytes');
  errors.assertClean();
  e2.assertClean();
  await p2.close();
});
