// End to end: the Team and Board pages in both languages, empty and with a book built on the
// Book page, and a rebalance applied and undone. The book lives in memory until persistence
// lands, so the tests move between pages with the navigation links, never a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, watchErrors, ready } from './browser.mjs';

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

async function open(path, lang) {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript((tag) => localStorage.setItem('cs-planner.lang', JSON.stringify(tag)), lang);
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
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
  assert.equal(await page.locator('[data-testid=cell-list] li').count(), 13);
  // New accounts have no last contact: every one is due for contact.
  assert.equal(await page.locator('[data-testid=priority-row]').count(), 13);
  assert.match(await page.textContent('[data-testid=priority-row]'), /从未联系/);
  await page.click('[data-testid=contact-done]');
  assert.equal(await page.locator('[data-testid=priority-row]').count(), 12);
  await page.click('[data-testid=undo]');
  assert.equal(await page.locator('[data-testid=priority-row]').count(), 13);
  errors.assertClean();
  await page.close();
});
