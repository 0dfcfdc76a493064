// Lifecycle and Renewals (issue 6): recompute + render after a control change, with the demo
// book at 10,000 and 100,000 accounts. Renewals: the period picker (last 12 months ↔ last
// quarter); Lifecycle: the cohort window (the page's own period). Also the first render of each
// page when navigated to. Each time runs from the change event to the frame after the figures
// changed. Median of several runs.
import { ready, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const AS_OF = '2025-06-30';

/** Dispatches `change` on `selector` with `value`, waits until `watch`'s data-value changes,
 * then one more frame; returns the milliseconds from the event. */
async function timeChange(page, selector, value, watch) {
  return page.evaluate(async ({ selector, value, watch }) => {
    const input = document.querySelector(selector);
    const figure = () => document.querySelector(watch)?.getAttribute('data-value');
    const before = figure();
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    while (figure() === before && performance.now() - t0 < 10000) {
      await new Promise((r) => setTimeout(r, 0));
    }
    const updated = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => r()));
    return { updated, painted: performance.now() - t0 };
  }, { selector, value, watch });
}

/** Clicks a nav link and waits for the page's figure to be there, then a frame. */
async function timeNavigation(page, slug, watch) {
  return page.evaluate(async ({ slug, watch }) => {
    const t0 = performance.now();
    document.querySelector(`[data-testid=nav-${slug}]`).click();
    while (!document.querySelector(watch) && performance.now() - t0 < 10000) {
      await new Promise((r) => setTimeout(r, 0));
    }
    const updated = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => r()));
    return { updated, painted: performance.now() - t0 };
  }, { slug, watch });
}

export default async function ({ server, browser }) {
  const rows = [];
  for (const n of [10_000, 100_000]) {
    const page = await browser.context.newPage();
    await freshBook(page);
    await page.goto(`${server.url}book?asof=${AS_OF}`);
    await ready(page);
    await page.selectOption('[data-testid=demo-size]', String(n));
    await page.click('[data-testid=load-demo]');
    await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.getAttribute('data-value') === String(n), n, { timeout: 120000 });

    const runs = n >= 100_000 ? 5 : 9;
    const size = n.toLocaleString('en');
    const target = n === 10_000 ? '< 50' : undefined;

    const navRenewals = [];
    const navLifecycle = [];
    for (let i = 0; i < 3; i++) {
      navRenewals.push(await timeNavigation(page, 'renewals', '[data-metric="renewal.due_count"]'));
      navLifecycle.push(await timeNavigation(page, 'lifecycle', '[data-metric="funnel.started.accounts"]'));
    }

    const cohort = [];
    for (let i = 0; i < runs; i++) {
      const from = i % 2 ? '2023-12-31' : '2024-06-01';
      cohort.push(await timeChange(page, '[data-testid=cohort-from]', from, '[data-metric="funnel.started.accounts"]'));
    }
    await page.click('[data-testid=nav-renewals]');
    await page.waitForSelector('[data-metric="renewal.due_count"]');
    const period = [];
    for (let i = 0; i < runs; i++) {
      const kind = i % 2 ? 'last12' : 'last_quarter';
      period.push(await timeChange(page, '[data-testid=period-kind]', kind, '[data-metric="renewal.due_count"]'));
    }
    const due = Number(await page.getAttribute('[data-metric="renewal.due_count"]', 'data-value'));
    const m = (xs, k) => median(xs.map((x) => x[k]));
    const pair = (area, what, xs, runs, target) => [
      { area, figure: `${what}, DOM updated, ${size} accounts (median of ${runs})`, value: m(xs, 'updated'), unit: 'ms', target },
      { area, figure: `${what}, next frame painted, ${size} accounts (median of ${runs})`, value: m(xs, 'painted'), unit: 'ms', target },
    ];
    rows.push(
      ...pair('renewals', 'period change (recompute + render)', period, runs, target),
      ...pair('renewals', 'page opened', navRenewals, 3),
      ...pair('lifecycle', 'cohort window change (recompute + render)', cohort, runs, target),
      ...pair('lifecycle', 'page opened', navLifecycle, 3),
    );
    rows.push({ area: 'renewals', figure: `due terms in the last period measured, ${size} accounts`, value: due, unit: 'terms' });
    await page.close();
  }
  return rows;
}
