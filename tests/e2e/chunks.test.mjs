// End to end: the release build is cut into chunks (scripts/build_wasm.py, src/pages/lazy.rs).
// The start downloads the main wasm only; the other pages' code arrives ahead of need or when a
// page is first opened; a chunk that cannot be fetched says so and can be fetched again. The
// service worker is blocked here, so every request reaches the network (and page.route).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, startServer, ready, watchErrors, freshBook } from './browser.mjs';

let browser, context, server;
before(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-US', viewport: { width: 1280, height: 860 } });
  server = await startServer();
});
after(async () => {
  server?.stop();
  await browser?.close();
});

/** The wasm files a page asks for, in order, with whether the first page was shown yet. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) seen.push(name);
  });
  return seen;
}

test('the start downloads the main wasm only; the other pages arrive ahead of need', async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await freshBook(page);
  const wasm = wasmRequests(page);
  await page.goto(server.url + 'book');
  await ready(page);
  const before = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.wasm') && e.startTime < Number(document.body.dataset.ready))
    .map((e) => e.name.split('/').pop()));
  assert.deepEqual(before, ['app_bg.wasm'], 'only the main wasm before the first page is shown');
  assert.equal(await page.textContent('h1'), 'Book');
  // Once the first page is shown and the browser is idle, the other pages' chunk is fetched.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_pages.wasm')), null, { timeout: 10000 });
  await page.click('[data-testid=nav-segments]');
  await page.waitForSelector('h1:text("Segments")');
  assert.equal(wasm.filter((n) => n === 'split_pages.wasm').length, 1, 'fetched once');
  errors.assertClean();
  await page.close();
});

test("a deep link to another page fetches that page's chunk with the main wasm", async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await freshBook(page);
  const wasm = wasmRequests(page);
  await page.goto(server.url + 'capacity');
  await ready(page);
  // The copy of index.html at /capacity preloads the chunk, so it is asked for at the start.
  assert.ok(wasm.includes('app_bg.wasm') && wasm.includes('split_pages.wasm'), wasm.join(', '));
  await page.waitForSelector('h1:text("Capacity")');
  errors.assertClean();
  await page.close();
});

test('a chunk that cannot be fetched says so, and Try again fetches it', async () => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await freshBook(page);
  let failing = true;
  await page.route('**/split_pages.wasm', (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  await page.goto(server.url + 'book');
  await ready(page);
  await page.click('[data-testid=nav-team]');
  const notice = page.locator('[data-testid=part-failed]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /could not be downloaded/);
  // The app is alive: another link still works.
  await page.click('[data-testid=nav-book]');
  await page.waitForSelector('h1:text("Book")');
  await page.click('[data-testid=nav-team]');
  await notice.waitFor();
  // The network is back: Try again fetches the chunk and shows the page.
  failing = false;
  await page.click('[data-testid=part-failed] button');
  await page.waitForSelector('h1:text("Team")');
  assert.equal(await notice.count(), 0);
  // The failed fetches are logged by the chunk loader; nothing else went wrong.
  errors.assertClean([/split_pages\.wasm|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/]);
  await page.close();
});

test('the loading and failure lines are in Chinese too', async () => {
  const page = await context.newPage();
  await freshBook(page, 'zh-CN');
  await page.route('**/split_pages.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(server.url + 'book');
  await ready(page);
  await page.click('[data-testid=nav-revenue]');
  const notice = page.locator('[data-testid=part-failed]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /未能下载/);
  assert.equal(await notice.locator('button').textContent(), '重试');
  await page.close();
});
