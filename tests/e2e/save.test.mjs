// End to end: saving a 100,000-account book never freezes the page. With the book loaded, an
// account is edited and, while the save runs, the person opens the next account and types in
// its form: no task of the page's main thread may take over 50 ms (Chromium's long-task
// threshold) while the save runs, from its start (250 ms after the edit) to the book stored.
// What the edit itself costs (its click, which recomputes the page's figures for 100,000
// accounts) comes before and is the pages' concern: it is printed, not judged. So that nothing
// but the save and the typing share that time, the table is sorted by ARR: sorted by a text
// column, the Book page ranks that column again after each edit, in a task of its own (~250 ms
// at 100,000 accounts). Typing in the search box would not do either: filtering 100,000
// accounts takes 15–85 ms a keystroke on its own (`make bench` follows that figure). A second
// tab, opened on the stored book, takes an edit over through the `storage` event, and a reload
// finds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './suite.mjs';
import { ready, saved, saveMark, emptyTab, watchErrors, loadDemo } from './browser.mjs';

const ctx = suite();

const N = 100_000;
const accounts = (page) => page.getAttribute('[data-metric="book.accounts"]', 'data-value');

/** The rows the search box finds for `text`. */
async function found(page, text) {
  await page.fill('[data-testid=book-search]', text);
  await page.waitForTimeout(100);
  return page.locator('.book-table tbody tr[data-id]').count();
}

/** Starts recording long tasks, and when each save ends (the app's `data-saves` mark moves). */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__savesDone = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
    new MutationObserver(() => window.__savesDone.push(performance.now()))
      .observe(document.body, { attributes: true, attributeFilter: ['data-saves'] });
  });
}

test('saving a 100,000-account book leaves no task over 50 ms while the person types', async () => {
  const { page, errors } = await emptyTab(ctx.browser, ctx.server);
  await loadDemo(page, N);
  let mark;

  await page.click('[data-testid=sort-Arr]');
  await page.waitForTimeout(300);
  await watchLongTasks(page);
  await page.click('.book-table tbody tr[data-id] td.name button >> nth=0');
  await page.waitForSelector('[data-testid=account-form]');
  const name = `Renamed ${Date.now()}`;
  await page.fill('[data-testid=field-ColName]', name);
  mark = await saveMark(page);
  await page.click('[data-testid=save-account]');
  await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  // The next account, typed into while the save (from 250 ms after the edit) runs.
  await page.click('.book-table tbody tr[data-id] td.name button >> nth=1');
  await page.waitForSelector('[data-testid=account-form]');
  const busy = await page.evaluate(() => document.body.dataset.saves);
  await page.type('[data-testid=field-ColOwner]', 'Typed while the book is saved', { delay: 25 });
  await saved(page, mark);
  await page.waitForTimeout(200);
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  const { tasks, end } = await page.evaluate(() => ({ tasks: window.__longTasks, end: window.__savesDone[0] }));
  const marks = await page.evaluate(() => ({
    total: Number(document.body.dataset.lastSaveMs),
    slice: Number(document.body.dataset.lastSaveSliceMs),
    slices: Number(document.body.dataset.lastSaveSlices),
  }));
  // The save ran from `end - total` (its start, when the debounce fired) to `end`.
  const start = end - marks.total;
  const round = (t) => [Math.round(t.start), Math.round(t.duration)];
  console.log(`save of ${N}: ${marks.total} ms (${Math.round(start)}–${Math.round(end)}) in ${marks.slices} slices, longest ${marks.slice} ms; long tasks: ${JSON.stringify(tasks.map(round))}`);
  const during = tasks.filter((t) => t.start < end && t.start + t.duration > start);
  assert.deepEqual(during.map(round), [], 'no task over 50 ms while the save runs');
  assert.ok(marks.slice < 50, `longest save slice ${marks.slice} ms`);
  assert.equal(busy, mark, 'the typing began before the save was done');

  // The book is stored in parts that both slots name: its size counts once.
  const layout = await page.evaluate(() => {
    const parts = Object.keys(localStorage).filter((k) => k.startsWith('cs-planner.book.part.'));
    return {
      current: localStorage.getItem('cs-planner.book').slice(0, 40),
      same: localStorage.getItem('cs-planner.book') === localStorage.getItem('cs-planner.book.good'),
      parts: parts.length,
      chars: parts.reduce((n, k) => n + localStorage.getItem(k).length, 0),
    };
  });
  assert.match(layout.current, /^cs-planner-book;schema=100;/);
  assert.ok(layout.same, 'the good slot names the same parts');
  assert.ok(layout.parts >= 3 && layout.chars > 500_000, JSON.stringify(layout));

  // A second tab starts from the stored parts (opened only now: a tab of the same site may
  // share the page's main thread, and its own work is no saving's).
  const other = await ctx.browser.context.newPage();
  const otherErrors = watchErrors(other);
  await other.goto(ctx.server.url + 'book?asof=2026-06-30');
  await ready(other);
  await other.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), N, { timeout: 60000 });

  // An edit here reaches it through the `storage` event (it has nothing unsaved: it takes it).
  await page.bringToFront();
  await page.fill('[data-testid=book-search]', '');
  await page.click('.book-table tbody tr[data-id] td.name button >> nth=0');
  await page.waitForSelector('[data-testid=account-form]');
  const again = `${name} again`;
  await page.fill('[data-testid=field-ColName]', again);
  mark = await saveMark(page);
  await page.click('[data-testid=save-account]');
  await saved(page, mark);
  await other.bringToFront();
  await other.waitForFunction(() => document.querySelector('[data-metric="book.accounts"]'));
  // It reads the stored book a slice at a time (src/state/other_tab.rs): give it the time.
  let hits = await found(other, again);
  for (let i = 0; i < 50 && hits !== 1; i++) hits = await found(other, again);
  assert.equal(hits, 1, 'the other tab has the edit');
  // Two edits, the second while the first one's save runs, then a reload at once: the save in
  // progress is given up for the newer book, and the flush on leaving writes it.
  await page.bringToFront();
  await page.fill('[data-testid=book-search]', '');
  const rename = async (nth, text) => {
    await page.click(`.book-table tbody tr[data-id] td.name button >> nth=${nth}`);
    await page.waitForSelector('[data-testid=account-form]');
    await page.fill('[data-testid=field-ColName]', text);
    await page.click('[data-testid=save-account]');
    await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  };
  await rename(2, `${name} third`);
  await page.waitForTimeout(400);
  await rename(3, `${name} fourth`);
  await page.reload();
  await ready(page);
  await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), N, { timeout: 60000 });
  for (const text of [again, `${name} third`, `${name} fourth`]) assert.equal(await found(page, text), 1, `a reload has "${text}"`);
  assert.equal(await accounts(page), String(N));
  errors.assertClean();
  otherErrors.assertClean();
  await other.close();
  await page.close();
});
