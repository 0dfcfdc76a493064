// End to end: every page is readable on a 390 px phone and a 1400 × 900 laptop, in both
// languages, with the demo book loaded. The page itself never scrolls sideways (wide tables and
// charts scroll inside their card), every chart text is drawn at 11 px or more as rendered
// (its SVG font size times the SVG's scale on screen), and the menu shows the current page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTab, ready } from './browser.mjs';
import { suite } from './suite.mjs';

const ctx = suite();

// scripts/post_build.py PAGES, in menu order.
const ROUTES = ['book', 'segments', 'lifecycle', 'renewals', 'revenue', 'capacity', 'team', 'board', 'settings'];
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1400, height: 900 },
];
const MIN_TEXT_PX = 11;

/** Waits until the page stops changing: its width, its charts and their texts. */
async function settle(page) {
  await page.waitForFunction(
    () =>
      new Promise((resolve) => {
        const sig = () => {
          const charts = [...document.querySelectorAll('.chart-svg')];
          return JSON.stringify([
            document.scrollingElement.scrollWidth,
            document.body.scrollHeight,
            charts.length,
            charts.map((c) => `${c.clientWidth}:${c.querySelector('svg')?.getAttribute('viewBox')}`),
            document.querySelectorAll('[data-chart-pending]').length,
          ]);
        };
        let last = sig();
        let same = 0;
        const tick = () => {
          const now = sig();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3 && !document.querySelector('[data-chart-pending]')) resolve(true);
          else setTimeout(tick, 60);
        };
        requestAnimationFrame(() => requestAnimationFrame(tick));
      }),
    null,
    { timeout: 10000 },
  );
}

/** What the test checks on the current page, measured in the browser. */
function measure(page) {
  return page.evaluate((minPx) => {
    const doc = document.scrollingElement;
    const small = [];
    let texts = 0;
    for (const text of document.querySelectorAll('.chart-svg svg text')) {
      const box = text.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown (a closed section…)
      if (!text.textContent.trim()) continue;
      const m = text.getScreenCTM();
      if (!m) continue;
      // The SVG's scale on screen (rotated texts included) times the text's size in the SVG.
      const px = Math.hypot(m.a, m.b) * parseFloat(getComputedStyle(text).fontSize);
      texts += 1;
      if (px < minPx - 0.05) {
        const chart = text.closest('figure')?.querySelector('[data-testid$="-svg"]')?.dataset.testid ?? '?';
        small.push(`${chart}: "${text.textContent.trim().slice(0, 30)}" ${px.toFixed(1)}px`);
      }
    }
    const nav = document.querySelector('.app-nav');
    const current = nav?.querySelector('[aria-current="page"]');
    const navBox = nav?.getBoundingClientRect();
    const curBox = current?.getBoundingClientRect();
    return {
      scrollWidth: doc.scrollWidth,
      innerWidth: window.innerWidth,
      scrollY: window.scrollY,
      texts,
      small,
      nav: navBox && { left: navBox.left, right: navBox.right },
      current: curBox && { left: curBox.left, right: curBox.right },
      // What reaches past the window's right edge, to say what to fix.
      culprit:
        doc.scrollWidth > window.innerWidth
          ? [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}`)
              .slice(0, 5)
          : [],
    };
  }, MIN_TEXT_PX);
}

for (const lang of ['zh-CN', 'en']) {
  test(`every page fits 390 px and 1400 px wide with legible charts (${lang})`, async () => {
    const { page, errors } = await demoTab(ctx.browser, ctx.server, { lang });
    // Error events that are not exceptions (a ResizeObserver loop) count too.
    await page.evaluate(() => {
      window.layoutErrors = [];
      window.addEventListener('error', (e) => window.layoutErrors.push(String(e.message)));
    });
    let charts = 0;
    const problems = [];
    for (const viewport of VIEWPORTS) {
      // The same tab at another size: the charts follow a resize too.
      await page.setViewportSize(viewport);
      for (const slug of ROUTES) {
        // A plain click on the link, from the menu scrolled to its start: playwright's own click
        // would first scroll the link into view, which is what the app must do.
        await page.evaluate((s) => {
          document.querySelector('.app-nav').scrollLeft = 0;
          document.querySelector(`[data-testid=nav-${s}]`).click();
        }, slug);
        await page.waitForSelector(`[data-testid=nav-${slug}][aria-current=page]`);
        await settle(page);
        const where = `${lang} ${viewport.width}px ${slug}`;
        const m = await measure(page);
        if (m.scrollWidth > m.innerWidth) {
          const sides = `${m.scrollWidth} > ${m.innerWidth}`;
          problems.push(`${where}: the page scrolls sideways (${sides}): ${m.culprit.join('; ')}`);
        }
        if (m.small.length) {
          const more = m.small.length > 4 ? ` … (${m.small.length})` : '';
          problems.push(`${where}: chart texts under ${MIN_TEXT_PX} px: ${m.small.slice(0, 4).join('; ')}${more}`);
        }
        charts += m.texts;
        // The menu scrolls sideways on a phone; the current page's link is in view.
        if (!m.nav || !m.current) problems.push(`${where}: the menu does not mark the current page`);
        else if (m.current.left < m.nav.left - 0.5 || m.current.right > m.nav.right + 0.5) {
          const boxes = `${JSON.stringify(m.current)} in ${JSON.stringify(m.nav)}`;
          problems.push(`${where}: the current menu link is out of view (${boxes})`);
        }
        // Bringing the link into view moves the menu only, never the page (a route change
        // starts at the top).
        if (m.scrollY !== 0) problems.push(`${where}: the page is scrolled down to ${m.scrollY}`);
      }
    }
    problems.push(...(await page.evaluate(() => window.layoutErrors)));
    // Opened directly (a reload, a shared link) on a page at the menu's far end, on a phone.
    await page.setViewportSize(VIEWPORTS[0]);
    for (const slug of ['team', 'board']) {
      await page.goto(`${ctx.server.url}${slug}?asof=2026-06-30`);
      await ready(page);
      await settle(page);
      const m = await measure(page);
      if (!m.current || m.current.left < m.nav.left - 0.5 || m.current.right > m.nav.right + 0.5) {
        problems.push(`${lang} opened at ${slug}: the current menu link is out of view`);
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(charts > 100, `chart texts were measured (${charts})`);
    errors.assertClean();
    await page.close();
  });
}
