// Revenue (issue 16): recompute + render of the page after an as-of change, with the demo book
// at 10,000 and 100,000 accounts. The as-of date is typed into the header's field (applied on
// Enter); the time runs from the event to the frame after the last section's figure changed.
// Each section's own recompute is read from its User Timing measure (revenue.bridge,
// revenue.steps, revenue.cohorts, revenue.forecast).
import { ready, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

const DATES = ['2025-06-30', '2025-05-31', '2025-04-30', '2025-03-31', '2025-02-28', '2025-01-31'];
const SECTIONS = ['bridge', 'steps', 'cohorts', 'forecast'];

async function timeAsOf(page, date) {
  return page.evaluate(async (date) => {
    const input = document.querySelector('[data-field=asof]');
    const figure = (k) => document.querySelector(`[data-metric="${k}"]`)?.getAttribute('data-value');
    const before = [figure('bridge.end_arr'), figure('forecast.due_arr')];
    for (const s of ['bridge', 'steps', 'cohorts', 'forecast']) performance.clearMeasures(`revenue.${s}`);
    const t0 = performance.now();
    input.value = date;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    while ((figure('bridge.end_arr') === before[0] || figure('forecast.due_arr') === before[1]) && performance.now() - t0 < 20000) {
      await new Promise((r) => setTimeout(r, 0));
    }
    const updated = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const sections = {};
    for (const s of ['bridge', 'steps', 'cohorts', 'forecast']) {
      sections[s] = performance.getEntriesByName(`revenue.${s}`).pop()?.duration ?? NaN;
    }
    return { updated, painted: performance.now() - t0, sections };
  }, date);
}

export default async function ({ server, browser }) {
  const rows = [];
  for (const n of [10_000, 100_000]) {
    const page = await browser.context.newPage();
    await freshBook(page);
    await page.goto(`${server.url}book?asof=${DATES[0]}`);
    await ready(page);
    await page.selectOption('[data-testid=demo-size]', String(n));
    await page.click('[data-testid=load-demo]');
    await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.getAttribute('data-value') === String(n), n, { timeout: 120000 });
    await page.click('[data-testid=nav-revenue]');
    await page.waitForSelector('[data-metric="forecast.due_arr"]');
    const runs = [];
    for (const date of DATES.slice(1)) runs.push(await timeAsOf(page, date));
    await page.close();
    const size = n.toLocaleString('en');
    rows.push({ area: 'revenue', figure: `as-of change → all sections updated, ${size} accounts (median of ${runs.length})`, value: median(runs.map((r) => r.updated)), unit: 'ms' });
    rows.push({ area: 'revenue', figure: `as-of change → next frame painted, ${size} accounts`, value: median(runs.map((r) => r.painted)), unit: 'ms', target: n === 10_000 ? '< 50 ms' : undefined });
    for (const s of SECTIONS) {
      rows.push({ area: 'revenue', figure: `  recompute of the ${s} section, ${size} accounts`, value: median(runs.map((r) => r.sections[s])), unit: 'ms' });
    }
  }
  return rows;
}
