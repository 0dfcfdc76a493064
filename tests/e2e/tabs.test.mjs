// End to end: a 100,000-account book saved in one tab is taken over by another tab of the
// same browser without holding it. The other tab hears of the save through the `storage`
// event and reads the stored parts and decodes them in slices of ~10 ms (tasks of their own),
// then swaps the book in and renders it in one task. So: the other tab shows the new
// account count, and records no long task (over 50 ms, Chromium's threshold) from the event
// to the swap but the swap's own (with the render it sets off), which is printed and held
// under a bound measured on this machine with a wide margin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite } from './suite.mjs';
import { emptyTab, demoTab, saved } from './browser.mjs';

const ctx = suite();

const N = 100_000;
/** The swap of a 100,000-account book and the Book page's render of it (sorted by ARR): one
 * long task of 120–300 ms on this machine (2 shared cores, under load); twice the slowest. */
const SWAP_BOUND_MS = 600;

/** Starts recording the page's long tasks, with their attribution. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longTasks.push({ start: e.startTime, duration: e.duration, name: e.name });
      }
    }).observe({ type: 'longtask', buffered: false });
  });
}

test('another tab takes a 100,000-account save over without a long task but the swap', async () => {
  // The tab that takes over opens first, with the 1,000-account demo book saved, its table
  // sorted by ARR (sorted by a text column, the Book page ranks that column for a new book in
  // a task of its own after the first paint: the Book page's work, not the taking over).
  const { page: other, errors: otherErrors } = await demoTab(ctx.browser, ctx.server);
  await saved(other);
  await other.click('[data-testid=sort-Arr]');
  await other.waitForTimeout(300);
  const savesBefore = await other.getAttribute('body', 'data-saves');
  const { page, errors } = await emptyTab(ctx.browser, ctx.server);
  await watchLongTasks(other);

  await page.selectOption('[data-testid=demo-size]', String(N));
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector(`[data-metric="book.accounts"][data-value="${N}"]`, { timeout: 120000 });

  // The other tab shows the book once it is read, and marks the swap's task after it.
  await other.waitForSelector(`[data-metric="book.accounts"][data-value="${N}"]`, { timeout: 120000 });
  await other.waitForFunction(() => document.body.dataset.adoptSwapMs !== undefined, null, { timeout: 10000 })
    .catch(() => {});
  await other.waitForTimeout(500);
  const { tasks, marks, visibility } = await other.evaluate(() => ({
    visibility: document.visibilityState,
    tasks: window.__longTasks,
    marks: {
      at: Number(document.body.dataset.adoptSwapAt),
      total: Number(document.body.dataset.adoptMs),
      slices: Number(document.body.dataset.adoptSlices),
      slice: Number(document.body.dataset.adoptSliceMs),
      swap: Number(document.body.dataset.adoptSwapMs),
    },
  }));
  const round = (t) => [Math.round(t.start), Math.round(t.duration), t.name];
  console.log(`taken over (the tab ${visibility}): ${marks.total} ms from the event to the swap in ${marks.slices} slices, longest `
    + `${marks.slice} ms; swap task at ${marks.at} (${marks.swap} ms to the next task); `
    + `long tasks: ${JSON.stringify(tasks.map(round))}`);

  assert.ok(Number.isFinite(marks.at) && Number.isFinite(marks.total), 'the swap is marked');
  // From the event (the first slice) to the swap's task: none. The swap's task and the
  // rendering after it: each under the bound.
  const from = marks.at - marks.total;
  const reading = tasks.filter((t) => t.start + t.duration > from && t.start < marks.at - 1);
  const swap = tasks.filter((t) => t.start >= marks.at - 1 || t.start + t.duration >= marks.at);
  console.log(`the swap's task and the render after it: ${JSON.stringify(swap.map(round))}`);
  assert.deepEqual(reading.map(round), [], 'no long task while the book is read');
  assert.ok(swap.every((t) => t.duration < SWAP_BOUND_MS), `the swap and its render under ${SWAP_BOUND_MS} ms`);
  assert.ok(marks.slices >= 10, `read in slices (${marks.slices})`);
  assert.ok(marks.slice < 50, `longest slice ${marks.slice} ms`);

  // Nothing was saved back: the other tab's book is the stored one.
  assert.equal(await other.getAttribute('body', 'data-saves'), savesBefore);
  errors.assertClean();
  otherErrors.assertClean();
});
