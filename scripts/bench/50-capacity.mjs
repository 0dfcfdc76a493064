// Capacity page, live what-if at 10,000 demo accounts: a growth input changes, then
// - projection recompute: the app's own User Timing measure around the projection memo;
// - recompute + render: from the input event to the next frame after every figure, the
//   month table and the chart are updated (median of several changes).
import { ready, freshBook } from '../../tests/e2e/browser.mjs';
import { median } from './10-startup.mjs';

export default async function ({ server, browser }) {
  const page = await browser.context.newPage();
  // An empty book, so the demo loads without asking (it asks over a book with accounts).
  await freshBook(page);
  await page.goto(server.url + 'book?asof=2026-06-30');
  await ready(page);
  await page.selectOption('[data-testid=demo-size]', '10000');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="10000"]', { timeout: 60000 });
  await page.click('[data-testid=nav-capacity]');
  await page.waitForSelector('[data-metric="projection.required_fte_end"]');
  await page.fill('[data-testid=cap-horizon]', '36');
  await page.press('[data-testid=cap-horizon]', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cap-month-table] tbody tr').length === 37);

  const runs = 15;
  const recompute = [];
  const total = [];
  const dom = [];
  for (let i = 0; i < runs + 2; i++) {
    const r = await page.evaluate(async (value) => {
      const input = document.querySelector('[data-testid=cap-g-0-new]');
      const figure = () => document.querySelector('[data-metric="projection.required_fte_end"]').getAttribute('data-value');
      const chart = () => document.querySelector('.chart-svg').innerHTML;
      const [f0, c0] = [figure(), chart()];
      performance.clearMeasures('capacity.projection');
      const t0 = performance.now();
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // A typed value is applied on Enter (or on leaving the field, or after a pause).
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      // Effects run as microtasks; a macrotask later the DOM holds the new figures.
      await new Promise((r) => setTimeout(r, 0));
      const updated = figure() !== f0 && chart() !== c0;
      const dom = performance.now() - t0;
      // Then the frame that shows them: layout and paint done.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      const m = performance.getEntriesByName('capacity.projection').pop();
      return { updated, dom, total: t1 - t0, recompute: m ? m.duration : NaN };
    }, 1 + (i % 5) * 0.75);
    if (!r.updated) throw new Error('the projection did not change after the input');
    if (i >= 2) { recompute.push(r.recompute); total.push(r.total); dom.push(r.dom); } // two warm-up runs
  }
  await page.close();
  return [
    { area: 'capacity', figure: `projection recompute after an input, 10,000 accounts, 36 months (median of ${runs})`, value: median(recompute), unit: 'ms', target: '< 16 ms' },
    { area: 'capacity', figure: 'recompute + DOM update (figures, 37-row table, chart SVG)', value: median(dom), unit: 'ms' },
    { area: 'capacity', figure: 'recompute + render (… and the next frame painted)', value: median(total), unit: 'ms', target: '< 50 ms' },
    { area: 'capacity', figure: 'recompute + render, slowest run', value: Math.max(...total), unit: 'ms' },
  ];
}
