// Team and Board pages at 10,000 accounts (issue 8), in the served release build: the demo
// book is loaded on the Book page, then each page is timed from the navigation click (its
// memos compute on mount) and from an as-of date change (every figure recomputes) to the page
// on screen. Medians of 5. A Leptos update runs in microtasks, so the page is patched by the
// next task; the timer stops there, after checking the page shows its rows.
import { ready, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const N = 10_000;
const PAGES = [
  ['team', '[data-testid=owner-row]', 'Team'],
  ['board', '[data-testid=priority-row]', 'Board'],
];

/** Runs `action` in the page and returns the ms until the next task, checking `selector`. */
function timed(page, action, selector) {
  return page.evaluate(async ([action, selector]) => {
    const t0 = performance.now();
    if (action.click) document.querySelector(action.click).click();
    if (action.asOf) {
      const input = document.querySelector('[data-testid=as-of]');
      input.value = action.asOf;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await new Promise((r) => setTimeout(r, 0));
    const ms = performance.now() - t0;
    if (!document.querySelector(selector)) throw new Error(`${selector} not shown`);
    return ms;
  }, [action, selector]);
}

export default async function (ctx) {
  const page = await ctx.browser.context.newPage();
  await freshBook(page);
  await page.goto(ctx.server.url + 'book');
  await ready(page);
  await page.selectOption('[data-testid=demo-size]', String(N));
  await page.click('[data-testid=load-demo]');
  await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), N, { timeout: 120000 });
  const rows = [];
  for (const [slug, selector, name] of PAGES) {
    const open = [];
    const asOf = [];
    for (let i = 0; i < 5; i++) {
      await timed(page, { click: '[data-testid=nav-book]' }, '[data-testid=book-search]');
      open.push(await timed(page, { click: `[data-testid=nav-${slug}]` }, selector));
      asOf.push(await timed(page, { asOf: i % 2 ? '2026-06-30' : '2026-05-31' }, selector));
    }
    rows.push({ area: 'team', figure: `${name} page, 10K accounts: open (compute + render, median of 5)`, value: median(open), unit: 'ms' });
    rows.push({ area: 'team', figure: `${name} page, 10K accounts: as-of change (recompute + render)`, value: median(asOf), unit: 'ms' });
  }
  await page.close();
  return rows;
}
