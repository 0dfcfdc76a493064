// Import of a CSV file (issue: CSV import must be fast). The files are exports of the demo book
// (10,000 and 100,000 rows, one term per row). Each figure comes from marks the app records on
// <body> with performance.now() (data-import-file-ms when the file is chosen, -preview-ms once
// the preview is on screen, -confirm-ms at the click, -shown-ms once the new book is on screen)
// and from the saver's data-last-save-ms. A build without those marks (to compare with an older
// one) is timed by the page itself instead: a capture listener on the file input and the confirm
// button, and a mutation observer that sees the preview come and go, each followed by a frame.
//
// Papaparse's bare `Papa.parse(text, { header: true })` of the same text, in a blank page of the
// same browser (the app's Content-Security-Policy allows no other script), is the yardstick for
// file → preview.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ready, saved, saveMark, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const RUNS = 5;

/** Records, in the page, when a file is chosen, the preview shown, the confirm clicked and the
 * preview gone (each "shown" after the next frame), and every long task. */
function observe() {
  const rec = { longTasks: [] };
  window.__import = rec;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const afterFrame = (f) => requestAnimationFrame(() => setTimeout(() => f(performance.now()), 0));
  document.addEventListener('change', (e) => {
    if (e.target?.dataset?.testid === 'import-file') { rec.file = performance.now(); rec.preview = undefined; }
  }, true);
  document.addEventListener('click', (e) => {
    if (e.target?.closest?.('[data-testid=import-confirm]')) { rec.confirm = performance.now(); rec.shown = undefined; }
  }, true);
  let open = false;
  new MutationObserver(() => {
    const summary = !!document.querySelector('[data-testid=import-summary]');
    const panel = !!document.querySelector('[data-testid=import-preview]');
    if (summary && !open) { open = true; afterFrame((t) => { rec.preview = t; }); }
    if (!panel && open) { open = false; afterFrame((t) => { rec.shown = t; }); }
  }).observe(document, { childList: true, subtree: true });
}

async function freshPage(ctx) {
  const page = await ctx.browser.context.newPage();
  await freshBook(page);
  await page.addInitScript(observe);
  await page.goto(ctx.server.url + 'book?asof=2026-06-30');
  await ready(page);
  return page;
}

/** The demo book of `n` accounts exported as CSV (English headers), made once. */
async function csvOf(ctx, n) {
  const dir = join(ctx.root, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `import-${n}.csv`);
  if (existsSync(file) && readFileSync(file).length > 1000) return file;
  const page = await freshPage(ctx);
  await page.selectOption('[data-testid=demo-size]', String(n));
  await page.click('[data-testid=load-demo]');
  await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), n, { timeout: 120000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  await download.saveAs(file);
  await page.close();
  return file;
}

/** The app's marks when it records them, else the page's own observations. */
async function marks(page) {
  return page.evaluate(() => {
    const d = document.body.dataset;
    const r = window.__import;
    const app = d.importFileMs !== undefined;
    const n = (k) => Number(d[k]);
    return app
      ? { app, file: n('importFileMs'), preview: n('importPreviewMs'), confirm: n('importConfirmMs'), shown: n('importShownMs'),
        busy: n('importBusyMs'), slice: n('importSliceMs'), slices: n('importSlices'), longTasks: r.longTasks, seen: r.preview - r.file }
      : { app, file: r.file, preview: r.preview, confirm: r.confirm, shown: r.shown, longTasks: r.longTasks, seen: r.preview - r.file };
  });
}

/** Waits for the page's observation of `key` and, from a build that sets it, the app's mark. */
const waitFor = (page, key) => page.waitForFunction((k) => {
  const app = document.body.dataset.importFileMs !== undefined;
  const seen = window.__import[k === 'importPreviewMs' ? 'preview' : 'shown'];
  return seen !== undefined && (!app || (document.body.dataset[k] ?? '') !== '');
}, key, { timeout: 180000 });

/** One import of `file` into `page`: the times of its steps, and its longest task while the
 * file was read. */
async function importOnce(page, file, { confirm = true } = {}) {
  await page.evaluate(() => { delete document.body.dataset.importPreviewMs; delete document.body.dataset.importShownMs; });
  await page.setInputFiles('[data-testid=import-file]', file);
  await page.waitForSelector('[data-testid=import-summary]', { timeout: 180000 });
  await waitFor(page, 'importPreviewMs');
  const accounts = Number(await page.getAttribute('[data-testid=import-summary]', 'data-accounts'));
  if (!confirm) {
    const m = await marks(page);
    await page.click('[data-testid=import-preview] .form-actions .btn:not(.primary)');
    return { m, accounts };
  }
  await page.check('[data-testid=mode-replace]');
  const mark = await saveMark(page);
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-preview]', { state: 'detached', timeout: 180000 });
  await waitFor(page, 'importShownMs');
  await saved(page, mark);
  const save = Number(await page.getAttribute('body', 'data-last-save-ms'));
  return { m: await marks(page), save, accounts };
}

/** A blank page of the same browser with papaparse and `text` loaded; `parse()` times one bare
 * `Papa.parse(text, { header: true })`. Each page is brought to the front before it is timed:
 * a tab in the background gets no frames, and its timers are throttled. */
async function papaparse(ctx, text) {
  const page = await ctx.browser.context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ path: join(ctx.root, 'node_modules', 'papaparse', 'papaparse.min.js') });
  await page.evaluate((t) => { window.__text = t; }, text);
  return {
    parse: async () => { await page.bringToFront(); return page.evaluate(() => {
      const t = performance.now();
      const r = globalThis.Papa.parse(window.__text, { header: true });
      const ms = performance.now() - t;
      if (r.data.length < 1000) throw new Error('papaparse read too few rows');
      return ms;
    }); },
    close: () => page.close(),
  };
}

export default async function (ctx) {
  const rows = [];
  const file10 = await csvOf(ctx, 10_000);
  const file100 = await csvOf(ctx, 100_000);

  // 10K: into a page holding the same 10K book, replacing it; a reload between runs.
  const page = await freshPage(ctx);
  await page.selectOption('[data-testid=demo-size]', '10000');
  const mark = await saveMark(page);
  await page.click('[data-testid=load-demo]');
  await page.waitForFunction(() => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === '10000', null, { timeout: 120000 });
  await saved(page, mark);
  // Papaparse runs between the app's, so both see the same load on a shared machine.
  const papa = await papaparse(ctx, readFileSync(file10, 'utf8'));
  const runs = { preview: [], seen: [], shown: [], save: [], total: [], busy: [], slice: [], papa: [] };
  let app = false;
  for (let i = 0; i < RUNS; i++) {
    await page.bringToFront();
    await page.reload();
    await ready(page);
    await page.waitForTimeout(300);
    const { m, save, accounts } = await importOnce(page, file10);
    if (accounts !== 10_000) throw new Error(`10K import gave ${accounts} accounts`);
    app = m.app;
    runs.preview.push(m.preview - m.file);
    runs.seen.push(m.seen);
    runs.shown.push(m.shown - m.confirm);
    runs.save.push(save);
    runs.total.push(m.preview - m.file + m.shown - m.confirm + save);
    runs.busy.push(m.busy);
    runs.slice.push(m.slice);
    runs.papa.push(await papa.parse());
  }
  await page.close();
  await papa.close();
  const how = app ? '' : ' [page-observed]';
  const [preview10, papa10] = [median(runs.preview), median(runs.papa)];
  rows.push({ area: 'import', figure: `10K rows: file → preview (read, parse, validate, show), median of ${RUNS}${how}`, value: preview10, unit: 'ms' });
  // The same span as the page itself sees it, from any build: the file input's change event to
  // the summary drawn and a frame after; to compare with a build that sets no marks.
  rows.push({ area: 'import', figure: '10K rows: file → preview as the page observes it (any build)', value: median(runs.seen), unit: 'ms' });
  if (app) {
    rows.push({ area: 'import', figure: '10K rows: file → preview, main-thread time of its read and check slices', value: median(runs.busy), unit: 'ms' });
    rows.push({ area: 'import', figure: '10K rows: file → preview, longest slice', value: median(runs.slice), unit: 'ms', target: '< 50 ms' });
  }
  rows.push({ area: 'import', figure: '10K rows: confirm → book shown (merge + render)', value: median(runs.shown), unit: 'ms' });
  rows.push({ area: 'import', figure: '10K rows: save, total (in slices)', value: median(runs.save), unit: 'ms' });
  rows.push({ area: 'import', figure: '10K rows: total, file → preview + confirm → shown + save', value: median(runs.total), unit: 'ms', target: '≤ 300 ms' });
  rows.push({ area: 'import', figure: '10K rows: Papa.parse(text, { header: true }), same browser, between the runs', value: papa10, unit: 'ms' });
  rows.push({ area: 'import', figure: '10K CSV file → preview vs papaparse bare parse', value: preview10 / papa10, unit: '×', target: '≤ 1.0×' });

  // 100K: file → preview into an empty book, and the longest task while the file was read.
  const big = await freshPage(ctx);
  const { m } = await importOnce(big, file100, { confirm: false });
  const during = m.longTasks.filter((t) => t.start + t.ms > m.file && t.start < m.preview);
  await big.close();
  const papa100 = await papaparse(ctx, readFileSync(file100, 'utf8'));
  const p100 = [await papa100.parse(), await papa100.parse(), await papa100.parse()];
  await papa100.close();
  rows.push({ area: 'import', figure: `100K rows: file → preview${how}`, value: m.preview - m.file, unit: 'ms' });
  if (m.app) rows.push({ area: 'import', figure: `100K rows: file → preview, longest slice (of ${m.slices})`, value: m.slice, unit: 'ms' });
  rows.push({ area: 'import', figure: '100K rows: Papa.parse(text, { header: true }), median of 3', value: median(p100), unit: 'ms' });
  rows.push({ area: 'import', figure: '100K rows: longest task while reading the file (0: none over 50)', value: Math.max(0, ...during.map((t) => t.ms)), unit: 'ms', target: '< 50 ms' });
  return rows;
}
