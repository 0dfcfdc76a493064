// Start-up: navigation start to the first rendered page (the app's data-ready mark, taken
// after its first render), in a fresh tab each run, empty book. Median of several runs.
import { ready } from '../../tests/e2e/browser.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export default async function ({ server, browser }) {
  const runs = 7;
  const times = [];
  const mains = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await browser.context.newPage();
    await page.goto(server.url + 'book');
    await ready(page);
    const t = Number(await page.getAttribute('body', 'data-ready'));
    const main = Number(await page.getAttribute('body', 'data-main-ms'));
    if (i > 0) {
      // the first run warms the HTTP cache like a returning visitor
      times.push(t);
      mains.push(main);
    }
    await page.close();
  }
  const rows = [
    { area: 'startup', figure: `first page rendered, empty book (median of ${runs})`, value: median(times), unit: 'ms', target: '≤ 150 ms' },
    { area: 'startup', figure: 'slowest run', value: Math.max(...times), unit: 'ms' },
  ];
  // A build without the main mark (before it existed) gets no split.
  if (mains.every((m) => m > 0)) {
    rows.push({ area: 'startup', figure: '  of which: page, CSS and wasm fetched, wasm compiled (to main)', value: median(mains), unit: 'ms' });
    rows.push({ area: 'startup', figure: '  of which: the app start and first render (main to ready)', value: median(times.map((t, i) => t - mains[i])), unit: 'ms' });
  }
  // A shared link to another page: its copy of index.html preloads the page's chunk beside the
  // main wasm; the page is drawn when both are in (data-chunk-drawn-ms; a build of one wasm
  // draws it with the first render, data-ready).
  const deep = [];
  for (let i = 0; i < 6; i++) {
    const page = await browser.context.newPage();
    await page.goto(server.url + 'capacity');
    await ready(page);
    await page.waitForSelector('h1:text("Capacity"), h1:text("人力配置")');
    const drawn = Number((await page.getAttribute('body', 'data-chunk-drawn-ms')) ?? (await page.getAttribute('body', 'data-ready')));
    if (i > 0) deep.push(drawn);
    await page.close();
  }
  rows.push({ area: 'startup', figure: 'deep link to Capacity: page rendered, empty book (median of 5)', value: median(deep), unit: 'ms' });
  return rows;
}
