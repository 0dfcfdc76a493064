// End to end: the app works offline and is installable. Each test serves its own copy of the
// build (the update test changes its copy, as a new deploy would), on its own port, so each
// has its own origin and service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, BASE_PATH, startServer, launch, ready, saved, demoTab, emptyTab } from './browser.mjs';

const DIST = process.env.DIST || join(ROOT, 'dist');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A copy of the build in a temporary folder, served under the base path. */
async function servedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'cs-planner-sw-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer({ dir });
  return {
    dir,
    server,
    stop() {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The build's worker version (sw.js's VERSION). */
function workerVersion(dir) {
  const m = readFileSync(join(dir, 'sw.js'), 'utf8').match(/^const VERSION = "([0-9a-f]+)";$/m);
  assert.ok(m, 'sw.js names its version');
  return m[1];
}

/** Waits until the service worker is active and controls the page (the first visit's worker
 * claims the page once it has precached the build). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope)), new URL(page.url()).origin + BASE_PATH);
}

test('the app is installable: a manifest with its icons under the base path', async () => {
  const site = await servedCopy();
  try {
    const { page, errors } = await emptyTab(browser, site.server);
    assert.equal(await page.getAttribute('meta[name=theme-color]', 'content'), '#0072b2');
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]').href;
      const res = await fetch(href);
      const json = await res.json();
      const icons = [];
      for (const icon of json.icons) {
        const r = await fetch(new URL(icon.src, href));
        icons.push([icon.sizes, r.status, r.headers.get('content-type')]);
      }
      return { href, type: res.headers.get('content-type'), json, icons,
        start: new URL(json.start_url, href).pathname, scope: new URL(json.scope, href).pathname };
    });
    assert.equal(new URL(manifest.href).pathname, `${BASE_PATH}manifest.webmanifest`);
    assert.equal(manifest.type, 'application/manifest+json');
    assert.equal(manifest.json.display, 'standalone');
    assert.equal(manifest.json.theme_color, '#0072b2');
    assert.equal(manifest.json.background_color, '#f5f7f9');
    assert.equal(manifest.start, BASE_PATH);
    assert.equal(manifest.scope, BASE_PATH);
    assert.deepEqual(manifest.icons, [
      ['192x192', 200, 'image/png'], ['512x512', 200, 'image/png'], ['any', 200, 'image/svg+xml']]);
    // Chromium's own verdict, once the worker controls the page.
    await controlled(page);
    const cdp = await browser.context.newCDPSession(page);
    const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifestErrors, []);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    errors.assertClean();
    await page.close();
  } finally {
    site.stop();
  }
});

test('offline: the app, its stored book and a deep link open without a network', async () => {
  const site = await servedCopy();
  try {
    const { page, errors } = await demoTab(browser, site.server);
    await saved(page);
    await controlled(page);
    const version = workerVersion(site.dir);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`cs-planner ${BASE_PATH} ${version}`]);

    // No network at all: the browser is offline and the server is gone.
    await browser.context.setOffline(true);
    site.server.stop();
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('[data-metric="book.accounts"]', 'data-value'), '1000');
    await page.goto(site.server.url + 'renewals?asof=2026-06-30');
    await ready(page);
    assert.equal(await page.textContent('h1'), 'Renewals');
    assert.equal(new URL(page.url()).pathname, `${BASE_PATH}renewals`);
    await page.click('[data-testid=nav-book]');
    assert.equal(await page.getAttribute('[data-metric="book.accounts"]', 'data-value'), '1000');
    errors.assertClean();
    await page.close();
  } finally {
    await browser.context.setOffline(false);
    site.stop();
  }
});

test('a new deploy shows the update notice, and Reload runs the new build', async () => {
  const site = await servedCopy();
  try {
    const { page, errors } = await emptyTab(browser, site.server);
    await controlled(page);
    const before = workerVersion(site.dir);
    assert.equal(await page.locator('[data-testid=update-notice]').count(), 0, 'no notice on the first visit');

    // A new deploy: index.html changes and the hook writes sw.js again, with a new version.
    const index = join(site.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="e2e-build" content="2" /></head>'));
    execFileSync('python3', [join(ROOT, 'scripts', 'post_build.py'), '--worker', site.dir]);
    const after = workerVersion(site.dir);
    assert.notEqual(after, before);

    // The running page keeps its build until asked.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.waitForSelector('[data-testid=update-notice]', { timeout: 15000 });
    assert.match(await page.textContent('[data-testid=update-notice]'), /A new version is available: reload to use it\./);
    assert.equal(await page.locator('meta[name=e2e-build]').count(), 0);
    await page.click('[data-testid=lang-zh-CN]');
    assert.match(await page.textContent('[data-testid=update-notice]'), /有新版本可用，重新加载即可使用。\s*重新加载/);

    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
    await ready(page);
    await controlled(page);
    assert.equal(await page.locator('meta[name=e2e-build]').count(), 1, 'the page is the new build');
    assert.equal(await page.locator('[data-testid=update-notice]').count(), 0);
    // The new worker controls the page, and only its cache is left for this base path.
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`cs-planner ${BASE_PATH} ${after}`]);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting === null)), true);
    errors.assertClean();
    await page.close();
  } finally {
    site.stop();
  }
});
