// Shared set-up for the end-to-end tests and the benchmarks: Debian's Chromium driven by
// playwright-core, the release build served under the base path by scripts/serve.py.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE_PATH = '/cs-planner/';

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`]).toString().trim();
    } catch { /* try the next */ }
  }
  throw new Error('no Chromium on PATH: run make bootstrap');
}

/** Starts scripts/serve.py on a free port; resolves to { url, stop }. `DIST` names another
 * build directory (a second build beside dist/). */
export async function startServer({ dir = process.env.DIST || join(ROOT, 'dist') } = {}) {
  const proc = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '--dir', dir, '--port', '0', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 10000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url, stop: () => proc.kill() };
}

/** The flags Chromium needs on this machine (no sandbox as root, no network of its own). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium with the flags this machine needs and a fresh profile. */
export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cs-planner-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and uncaught exceptions of a page; `assertClean()` throws on any. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  return {
    errors,
    assertClean(allow = []) {
      const left = errors.filter((e) => !allow.some((re) => re.test(e)));
      if (left.length) throw new Error('browser errors:\n' + left.join('\n'));
    },
  };
}

/** Waits until the app has rendered its first page (the body's data-ready mark). */
export async function ready(page) {
  await page.waitForSelector('body[data-ready]', { timeout: 15000 });
}

/** Waits until the app has saved the book after the latest change (its data-saves mark moves). */
export async function saved(page, before) {
  await page.waitForFunction((b) => (document.body.dataset.saves ?? '0') !== b, before ?? '0', { timeout: 10000 });
}

/** The current save mark, to pass to `saved` after a change. */
export async function saveMark(page) {
  return (await page.getAttribute('body', 'data-saves')) ?? '0';
}

/** Loads the demo book of `n` accounts from the Book page and waits until it is shown and saved. */
export async function loadDemo(page, n) {
  await page.selectOption('[data-testid=demo-size]', String(n));
  const mark = await saveMark(page);
  await page.click('[data-testid=load-demo]');
  await page.waitForFunction((n) => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === String(n), n, { timeout: 120000 });
  await saved(page, mark);
}

/**
 * Starts this tab on an empty book in `lang`: storage is cleared once per tab, so a reload
 * keeps what the app saved since.
 */
export async function freshBook(page, lang = 'en') {
  await page.addInitScript((tag) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.clear();
      localStorage.setItem('cs-planner.lang', JSON.stringify(tag));
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, lang);
}

/**
 * A new tab in `ctx` (a launched browser) on an empty book in `lang`, opened at `path` (a page
 * under the base path, with its query); resolves to { page, errors }.
 */
export async function emptyTab(ctx, server, { lang = 'en', path = 'book?asof=2026-06-30' } = {}) {
  const page = await ctx.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page, lang);
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
}

/** As `emptyTab`, with the 1,000-account demo book loaded on the Book page as of `asof`. */
export async function demoTab(ctx, server, { lang = 'en', asof = '2026-06-30' } = {}) {
  const { page, errors } = await emptyTab(ctx, server, { lang, path: `book?asof=${asof}` });
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
  return { page, errors };
}
