// End to end: the Team and Board pages in both languages, empty, with the demo book and with
// a book built by hand on the Book page; a rebalance applied and undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, ready, freshBook } from './browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** A fresh tab with an empty book, as of 2026-06-30, in `lang`. */
async function open(path, lang) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page, lang);
  await page.goto(server.url + path + '?asof=2026-06-30');
  await ready(page);
  return { page, errors };
}

/** Loads the demo book (the one-click default size) on the Book page. */
async function loadDemo(page) {
  await page.click('[data-testid=nav-book]');
  await page.click('[data-testid=load-demo]');
  await page.waitForFunction(() => Number(document.querySelector('[data-metric="book.accounts"]')?.dataset.value) > 0);
  return Number(await value(page, 'book.accounts'));
}

/** The owners on the Team page with their figures. */
async function owners(page) {
  return page.$$eval('[data-testid=owner-row]', (rows) => rows.map((r) => {
    const v = (k) => r.querySelector(`[data-metric$=".${k}"]`)?.dataset.value;
    return { name: r.querySelector('th').textContent, accounts: Number(v('accounts')), arr: Number(v('arr')), load: Number(v('load')) };
  }));
}

const value = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

async function addAccount(page, name, owner, arr) {
  await page.click('[data-testid=add-account]');
  await page.fill('[data-testid=field-ColName]', name);
  await page.fill('[data-testid=field-ColOwner]', owner);
  await page.fill('[data-testid=term-0-arr]', arr);
  await page.click('[data-testid=save-account]');
  await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  // The Book page's "Saved." toast sits over the form's Save button for 10 s: close it.
  const toast = page.locator('[data-testid=toast] button[aria-label]');
  if (await toast.count()) await toast.click();
}

test('Team and Board with an empty book, in both languages', async () => {
  for (const [lang, team, board] of [['en', 'Team', 'Board'], ['zh-CN', '团队与绩效', '工作看板']]) {
    const { page, errors } = await open('team', lang);
    assert.equal(await page.textContent('h1'), team);
    assert.ok(await page.isVisible('[data-testid=team-empty]'));
    assert.ok(await page.isVisible('[data-testid=roster]'), 'the roster can be filled before the book');
    await page.click('[data-testid=nav-board]');
    assert.equal(await page.textContent('h1'), board);
    assert.ok(await page.isVisible('[data-testid=board-empty]'));
    errors.assertClean();
    await page.close();
  }
});

test('Team and Board with the demo book, in both languages', async () => {
  for (const [lang, team, board, light] of [['en', 'Team', 'Board', /Light|Balanced|Overloaded/], ['zh-CN', '团队与绩效', '工作看板', /偏轻|适中|超负荷/]]) {
    const { page, errors } = await open('book', lang);
    const n = await loadDemo(page);
    const active = Number(await value(page, 'book.active'));
    await page.click('[data-testid=nav-team]');
    assert.equal(await page.textContent('h1'), team);
    const rows = await owners(page);
    assert.ok(rows.length >= 6, `owners: ${rows.length}`);
    for (const o of rows) {
      assert.ok(o.accounts > 0 && o.arr > 0 && o.load > 0, JSON.stringify(o));
      assert.ok(await page.isVisible(`[data-metric="owner.${o.name}.commission"]`), o.name);
    }
    const unassigned = await page.$$eval('[data-metric^="unassigned."]', (els) => els.reduce((s, e) => s + Number(e.dataset.value), 0));
    assert.equal(rows.reduce((s, o) => s + o.accounts, 0) + unassigned, active, 'every active account is someone\'s or unassigned');
    assert.match(await page.textContent('[data-testid=owner-books]'), light, 'the load band is said in words');
    assert.ok(await page.isVisible('[data-testid=score-table]'));

    await page.click('[data-testid=nav-board]');
    assert.equal(await page.textContent('h1'), board);
    const cells = await page.$$eval('[data-metric^="board."][data-metric$=".accounts"]', (els) => els.reduce((s, e) => s + Number(e.dataset.value), 0));
    assert.equal(cells, n, 'the matrix holds every account once');
    assert.ok(await page.locator('[data-testid=priority-row]').count() > 0);
    await page.click('.cell-btn:not([disabled])');
    assert.ok(await page.locator('[data-testid=cell-list] tbody tr').count() > 0);
    // The list pages through every account of the cell, and says how many there are.
    const listed = Number(await page.getAttribute('[data-testid=cell-accounts]', 'data-total'));
    assert.equal(await page.locator('[data-testid=cell-list] tbody tr').count(), Math.min(listed, 25));
    // One owner's board carries their figures, the same as on the Team page.
    const first = rows[0];
    await page.selectOption('[data-testid=board-owner]', first.name);
    assert.equal(Number(await value(page, `owner.${first.name}.accounts`)), first.accounts);
    assert.equal(Number(await value(page, `owner.${first.name}.load`)), first.load);
    const mine = await page.$$eval('[data-metric^="board."][data-metric$=".accounts"]', (els) => els.reduce((s, e) => s + Number(e.dataset.value), 0));
    assert.ok(mine >= first.accounts && mine < n, 'the matrix shows that owner alone (churned accounts included)');
    errors.assertClean();
    await page.close();
  }
});

test('demo book: overload an owner, apply the rebalance, undo it', async () => {
  const { page, errors } = await open('book', 'en');
  await loadDemo(page);
  await page.click('[data-testid=nav-team]');
  const before = await owners(page);
  const busiest = before.reduce((a, b) => (b.load > a.load ? b : a));
  // Give the busiest owner every unassigned key and growth account: now overloaded.
  for (const tier of [1, 2]) {
    if (await page.locator(`[data-testid=assign-tier-${tier}]`).count()) {
      await page.fill(`[data-testid=assign-tier-${tier}]`, busiest.name);
      await page.click(`[data-testid=assign-tier-${tier}-go]`);
    }
  }
  const loaded = await owners(page);
  const over = loaded.find((o) => o.name === busiest.name);
  assert.ok(over.load > 1.1, `overloaded after the assignment: ${over.load}`);
  const moves = await page.locator('[data-testid=move-row]').count();
  assert.ok(moves > 0, 'the proposal has moves');
  await page.click('[data-testid=rebalance-apply]');
  const after = await owners(page);
  assert.equal(after.reduce((s, o) => s + o.accounts, 0), loaded.reduce((s, o) => s + o.accounts, 0), 'accounts only move');
  assert.ok(after.find((o) => o.name === busiest.name).accounts < over.accounts);
  assert.ok(Math.max(...after.map((o) => o.load)) <= Math.max(...loaded.map((o) => o.load)) + 1e-9, 'the highest load never rises');
  await page.click('[data-testid=undo]');
  assert.deepEqual(await owners(page), loaded, 'undo puts every account back');
  assert.equal(await page.locator('[data-testid=move-row]').count(), moves);
  errors.assertClean();
  await page.close();
});

test('a book built by hand: owner figures, a rebalance applied and undone, the board', async () => {
  const { page, errors } = await open('book', 'en');
  // Ann: 12 strategic accounts (load 1.2, overloaded); Bob: 1 (0.1, light).
  for (let i = 0; i < 12; i++) await addAccount(page, `Ann account ${i}`, 'Ann', String(100000 + 1000 * i));
  await addAccount(page, 'Bob account', 'Bob', '150000');
  await page.click('[data-testid=nav-team]');
  assert.equal(await value(page, 'owner.Ann.accounts'), '12');
  assert.equal(await value(page, 'owner.Ann.arr'), '1266000');
  assert.ok(Math.abs(Number(await value(page, 'owner.Ann.load')) - 1.2) < 1e-9);
  assert.match(await page.textContent('[data-metric="owner.Ann.load"]'), /Overloaded/);
  assert.equal(await value(page, 'owner.Ann.commission'), '', 'nothing due, no commission');

  assert.equal(await page.locator('[data-testid=move-row]').count(), 1);
  assert.match(await page.textContent('[data-testid=move-row]'), /Ann account 0.*Ann → Bob/);
  await page.click('[data-testid=rebalance-apply]');
  assert.equal(await value(page, 'owner.Ann.accounts'), '11');
  assert.equal(await value(page, 'owner.Bob.accounts'), '2');
  assert.ok(await page.isVisible('[data-testid=rebalance-none]'));
  await page.click('[data-testid=undo]');
  assert.equal(await value(page, 'owner.Ann.accounts'), '12');
  assert.equal(await value(page, 'owner.Bob.accounts'), '1');
  assert.equal(await page.locator('[data-testid=move-row]').count(), 1);

  // The weights must add up to 100, and the page says so.
  await page.fill('[data-testid=kpi-weight-0]', '45');
  await page.press('[data-testid=kpi-weight-0]', 'Tab');
  assert.match(await page.textContent('[data-testid=weights-status]'), /Weights add up to 95, not 100/);
  await page.click('[data-testid=preset-ClassicThree]');

  // In Chinese: the same figures, the band in words.
  await page.click('[data-testid=lang-zh-CN]');
  assert.equal(await page.textContent('h1'), '团队与绩效');
  assert.match(await page.textContent('[data-metric="owner.Ann.load"]'), /超负荷/);
  assert.equal(await value(page, 'owner.Ann.accounts'), '12');

  await page.click('[data-testid=nav-board]');
  assert.equal(await page.textContent('h1'), '工作看板');
  assert.equal(await value(page, 'board.0.kickoff.accounts'), '13');
  await page.click('[data-testid=cell-0-kickoff]');
  assert.equal(await page.locator('[data-testid=cell-list] tbody tr').count(), 13);
  // New accounts have no last contact: every one is due for contact.
  const dueForContact = () => page.getAttribute('[data-testid=priority-group][data-group=contact]', 'data-count');
  assert.equal(await dueForContact(), '13');
  assert.equal(await page.locator('[data-testid=priority-row]').count(), 10, 'a page of the group');
  assert.match(await page.textContent('[data-testid=priority-row]'), /从未联系/);
  await page.click('[data-testid=contact-done]');
  assert.equal(await dueForContact(), '12');
  await page.click('[data-testid=undo]');
  assert.equal(await dueForContact(), '13');
  errors.assertClean();
  await page.close();
});
