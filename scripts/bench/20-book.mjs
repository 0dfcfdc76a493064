// The customer book (issues 3 and 4): demo generation, save and load with their size in
// storage, start-up with a stored book, filter latency, and import of a CSV file.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ready, saved, saveMark, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const SIZES = [10_000, 50_000, 100_000];

async function freshPage(ctx) {
  const page = await ctx.browser.context.newPage();
  await freshBook(page);
  await page.goto(ctx.server.url + 'book?asof=2026-06-30');
  await ready(page);
  return page;
}

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

/** The latest save's figures, from the marks the app sets: its total time, from its start
 * (after the quiet time, or the frame that shows a whole-book change) to the book stored; its
 * work is done in slices, the page getting the main thread between them: their sum, and the
 * longest, what the save held the page for at most. */
async function saveFigures(page) {
  const d = await page.evaluate(() => ({ ...document.body.dataset }));
  return { total: Number(d.lastSaveMs), slice: Number(d.lastSaveSliceMs), busy: Number(d.lastSaveBusyMs), slices: Number(d.lastSaveSlices) };
}

/** UTF-16 units the book takes in storage: both slots and the parts they name. */
const storedChars = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k === 'cs-planner.book' || k === 'cs-planner.book.good' || k.startsWith('cs-planner.book.part.'))
    .reduce((n, k) => n + localStorage.getItem(k).length, 0));

/** Time from a keystroke in the search box to the rows on screen being the new ones. */
async function filterLatency(page, text) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('[data-testid=book-search]');
    const t0 = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0)); // after Leptos' effects have patched the DOM
    return performance.now() - t0;
  }, text);
}

export default async function (ctx) {
  const rows = [];
  for (const n of SIZES) {
    const page = await freshPage(ctx);
    await page.selectOption('[data-testid=demo-size]', String(n));
    const mark = await saveMark(page);
    const t0 = Date.now();
    await page.click('[data-testid=load-demo]');
    await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), n, { timeout: 120000 });
    const demoMs = Date.now() - t0;
    await saved(page, mark);
    const save = await saveFigures(page);
    const chars = await storedChars(page);
    const k = `${n / 1000}K`;
    rows.push({ area: 'book', figure: `demo generation + first render, ${k} accounts`, value: demoMs, unit: 'ms' });
    rows.push({ area: 'book', figure: `save, ${k}: longest slice on the main thread (of ${save.slices})`, value: save.slice, unit: 'ms', target: '< 50 ms' });
    rows.push({ area: 'book', figure: `save, ${k}: total (encode, verify, write, in slices)`, value: save.total, unit: 'ms' });
    rows.push({ area: 'book', figure: `save, ${k}: main-thread time of its slices`, value: save.busy, unit: 'ms' });
    rows.push({ area: 'book', figure: `size in storage, both slots, ${k}`, value: chars / 1e6, unit: 'M chars', target: '≤ ~5 M' });

    const starts = [];
    const loads = [];
    for (let i = 0; i < (n === 10_000 ? 5 : 2); i++) {
      await page.reload();
      await ready(page);
      loads.push(Number(await page.getAttribute('body', 'data-load-ms')));
      starts.push(Number(await page.getAttribute('body', 'data-ready')));
    }
    rows.push({ area: 'book', figure: `load (read + decode), ${k}`, value: median(loads), unit: 'ms' });
    rows.push({ area: 'book', figure: `start to interactive Book page, stored ${k}`, value: median(starts), unit: 'ms', target: n === 10_000 ? '< 500 ms' : '' });

    if (n === 100_000) {
      const times = [];
      for (const q of ['a', 'ap', 'apex', 'apex a', '', 'zz', 'north']) times.push(await filterLatency(page, q));
      rows.push({ area: 'book', figure: 'filter keystroke → rows updated, 100K (median of 7)', value: median(times), unit: 'ms', target: '< 50 ms' });
      rows.push({ area: 'book', figure: 'filter keystroke, slowest of 7, 100K', value: Math.max(...times), unit: 'ms' });
    }
    if (n !== 50_000) {
      // Export the book as CSV, then time its import: file → preview (parse + validate), and
      // confirm → stored.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
      const dir = join(ctx.root, 'target', 'bench');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `book-${n}.csv`);
      await download.saveAs(file);
      const t1 = Date.now();
      await page.setInputFiles('[data-testid=import-file]', file);
      await page.waitForSelector('[data-testid=import-summary]', { timeout: 120000 });
      const previewMs = Date.now() - t1;
      await page.check('[data-testid=mode-replace]');
      const mark2 = await saveMark(page);
      // The book is replaced by an equal one: wait for the preview to close instead.
      const t2 = Date.now();
      await page.click('[data-testid=import-confirm]');
      await page.waitForSelector('[data-testid=import-preview]', { state: 'detached', timeout: 120000 });
      const applyMs = Date.now() - t2;
      await saved(page, mark2);
      const save2 = await saveFigures(page);
      const saveMs2 = save2.total;
      rows.push({ area: 'import', figure: `${k} rows: file → preview (read, parse, validate, show)`, value: previewMs, unit: 'ms' });
      rows.push({ area: 'import', figure: `${k} rows: confirm → book shown (merge + render)`, value: applyMs, unit: 'ms' });
      rows.push({ area: 'import', figure: `${k} rows: save, total (in slices)`, value: saveMs2, unit: 'ms' });
      rows.push({ area: 'import', figure: `${k} rows: save, longest slice`, value: save2.slice, unit: 'ms', target: '< 50 ms' });
      rows.push({ area: 'import', figure: `${k} rows: total, parse + validate + store`, value: previewMs + applyMs + saveMs2, unit: 'ms', target: n === 10_000 ? '< 300 ms' : '' });
      writeFileSync(file, '');
    }
    await page.close();
  }
  return rows;
}
