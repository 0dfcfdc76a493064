// Import of a 10,000-row .xlsx (issue 13): the demo book exported as CSV, turned into a workbook
// by another program (openpyxl: dates as date cells, amounts as numbers, a title row), then
// file → preview (unzip, read the sheet, parse, validate, show), beside the same book as CSV.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ready, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const TO_XLSX = `
import csv, datetime, sys, openpyxl
wb = openpyxl.Workbook(write_only=True); ws = wb.create_sheet("Book")
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
ws.append(["Customer book"])
ws.append(rows[0])
dates = {i for i, h in enumerate(rows[0]) if h.startswith("contract_") or h.endswith("_on") or h in ("go_live", "last_touch")}
for r in rows[1:]:
    ws.append([datetime.date.fromisoformat(c) if c and i in dates else (float(c) if c and rows[0][i] != "id" and c.replace(".", "", 1).isdigit() else (c or None)) for i, c in enumerate(r)])
wb.save(sys.argv[2])`;

async function previewMs(page, file) {
  const t0 = Date.now();
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 120000 });
  const ms = Date.now() - t0;
  await page.click('[data-testid=import-preview] .form-actions .btn:not(.primary)');
  await page.waitForSelector('[data-testid=import-preview]', { state: 'detached' });
  return ms;
}

export default async function (ctx) {
  const page = await ctx.browser.context.newPage();
  await freshBook(page);
  await page.goto(ctx.server.url + 'book?asof=2026-06-30');
  await ready(page);
  await page.selectOption('[data-testid=demo-size]', '10000');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="10000"]', { timeout: 120000 });
  const dir = join(ctx.root, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'xlsx-10000.csv');
  const xlsx = join(dir, 'xlsx-10000.xlsx');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  await download.saveAs(csv);
  execFileSync('/usr/bin/python3', ['-c', TO_XLSX, csv, xlsx]);
  const x = [];
  const c = [];
  for (let i = 0; i < 3; i++) {
    x.push(await previewMs(page, xlsx));
    c.push(await previewMs(page, csv));
  }
  await page.close();
  rmSync(csv, { force: true });
  rmSync(xlsx, { force: true });
  return [
    { area: 'import', figure: '10K rows as .xlsx: file → preview (median of 3)', value: median(x), unit: 'ms' },
    { area: 'import', figure: '10K rows as CSV, same run: file → preview (median of 3)', value: median(c), unit: 'ms' },
  ];
}
