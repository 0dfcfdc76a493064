// End to end: the Book page and books in and out, as a person uses them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, watchErrors, ready, saved, saveMark, ROOT, freshBook } from './browser.mjs';

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

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');
const fixture = (name) => join(ROOT, 'tests', 'fixtures', name);

/** A fresh tab on the Book page with an empty book and English text. */
async function openBook() {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await freshBook(page);
  await page.goto(server.url + 'book?asof=2026-06-30');
  await ready(page);
  return { page, errors };
}

async function importFile(page, path, mode = 'merge') {
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.waitForSelector('[data-testid=import-preview]');
  await page.check(`[data-testid=mode-${mode}]`);
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-preview]', { state: 'detached' });
}

test('an empty book says how to start; the form adds an account', async () => {
  const { page, errors } = await openBook();
  assert.ok(await page.isVisible('[data-testid=empty-book]'));
  assert.equal(await metric(page, 'book.accounts'), '0');
  await page.click('[data-testid=add-account]');
  await page.fill('[data-testid=field-ColName]', 'Acme');
  await page.fill('[data-testid=term-0-arr]', '¥120,000');
  await page.click('[data-testid=save-account]');
  assert.equal(await metric(page, 'book.accounts'), '1');
  assert.equal(await metric(page, 'book.arr'), '120000');
  errors.assertClean();
  await page.close();
});

test('the demo book loads in one click and the search narrows it', async () => {
  const { page, errors } = await openBook();
  await page.click('[data-testid=load-demo]');
  assert.equal(await metric(page, 'book.accounts'), '1000');
  assert.ok(Number(await metric(page, 'book.arr')) > 0);
  const rows = await page.locator('.book-table tbody tr[data-id]').count();
  assert.ok(rows > 10 && rows < 100, `only the visible rows are in the DOM (${rows})`);
  const name = (await page.textContent('.book-table tbody tr[data-id] td.name')).trim();
  await page.fill('[data-testid=book-search]', name);
  const shown = await page.textContent('[data-testid=shown-count]');
  assert.match(shown, /Showing \d+ of 1,000 accounts/);
  assert.ok(!shown.startsWith('Showing 1,000'), shown);
  errors.assertClean();
  await page.close();
});

test('a CSV imports through the file input, after a preview, and survives a reload', async () => {
  const { page, errors } = await openBook();
  await page.setInputFiles('[data-testid=import-file]', fixture('csv/gbk_zh.csv'));
  await page.waitForSelector('[data-testid=import-preview]');
  assert.match(await page.textContent('[data-testid=import-encoding-note]'), /GBK/);
  assert.equal(await page.getAttribute('[data-testid=import-summary]', 'data-accounts'), '2');
  const rejected = await page.textContent('[data-testid=import-errors]');
  assert.match(rejected, /Line 4, column/);
  assert.equal(await metric(page, 'book.accounts'), '0', 'nothing changes before the confirmation');
  const mark = await saveMark(page);
  await page.click('[data-testid=import-confirm]');
  assert.equal(await metric(page, 'book.accounts'), '2');
  await saved(page, mark); // the save is debounced
  await page.reload();
  await ready(page);
  assert.equal(await metric(page, 'book.accounts'), '2');
  assert.match(await page.textContent('.book-table'), /华东智造科技/);
  errors.assertClean();
  await page.close();
});

test('hostile names show as text and export neutralised', async () => {
  const { page, errors } = await openBook();
  let alerted = false;
  page.on('dialog', async (d) => { alerted = true; await d.dismiss(); });
  await importFile(page, fixture('e2e_injection.csv'));
  assert.equal(await metric(page, 'book.accounts'), '2');
  assert.equal(await page.locator('.book-table img').count(), 0, 'no element made from a name');
  assert.match(await page.textContent('.book-table'), /<img src=x onerror=alert\(1\)>/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 with BOM');
  assert.match(csv, /'=HYPERLINK\(""http:\/\/x""\)/);
  assert.match(csv, /'@owner/);
  assert.doesNotMatch(csv, /,=HYPERLINK/);
  assert.equal(alerted, false);
  errors.assertClean();
  await page.close();
});

test('export CSV then import gives the same book; a backup restores it', async () => {
  const { page, errors } = await openBook();
  await page.selectOption('[data-testid=demo-size]', '200');
  await page.click('[data-testid=load-demo]');
  const before = { n: await metric(page, 'book.accounts'), active: await metric(page, 'book.active'), arr: await metric(page, 'book.arr') };
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-backup]')]);
  const csvPath = await csv.path();
  const jsonPath = join(ROOT, 'target', 'e2e-backup.json');
  await json.saveAs(jsonPath);

  await importFile(page, csvPath, 'replace');
  assert.deepEqual({ n: await metric(page, 'book.accounts'), active: await metric(page, 'book.active'), arr: await metric(page, 'book.arr') }, before);

  // Change the book and a setting, then restore the backup.
  await page.click('[data-testid=select-all]');
  await page.click('[data-testid=delete-selected]');
  assert.equal(await metric(page, 'book.accounts'), '0');
  await page.setInputFiles('[data-testid=import-file]', jsonPath);
  await page.waitForSelector('[data-testid=backup-summary]');
  await page.click('[data-testid=backup-confirm]');
  assert.deepEqual({ n: await metric(page, 'book.accounts'), active: await metric(page, 'book.active'), arr: await metric(page, 'book.arr') }, before);
  errors.assertClean();
  await page.close();
});

test('delete can be undone', async () => {
  const { page, errors } = await openBook();
  await page.selectOption('[data-testid=demo-size]', '200');
  await page.click('[data-testid=load-demo]');
  await page.locator('.book-table tbody tr[data-id] input[type=checkbox]').first().check();
  await page.click('[data-testid=delete-selected]');
  assert.equal(await metric(page, 'book.accounts'), '199');
  await page.click('[data-testid=undo]');
  assert.equal(await metric(page, 'book.accounts'), '200');
  errors.assertClean();
  await page.close();
});

test('without storage the app works in memory and says so', async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto(server.url + 'book');
  await ready(page);
  assert.match(await page.textContent('[data-testid=storage-notice]'), /storage is unavailable|存储不可用/);
  await page.click('[data-testid=load-demo]');
  assert.equal(await metric(page, 'book.accounts'), '1000');
  errors.assertClean();
  await page.close();
});

test('an edit in one tab appears in the other', async () => {
  const a = await openBook();
  const b = await browser.context.newPage();
  const bErrors = watchErrors(b);
  await b.goto(server.url + 'book?asof=2026-06-30');
  await ready(b);
  assert.equal(await metric(b.page ?? b, 'book.accounts'), '0');
  await a.page.selectOption('[data-testid=demo-size]', '200');
  await a.page.click('[data-testid=load-demo]');
  await b.waitForFunction(() => document.querySelector('[data-metric="book.accounts"]')?.dataset.value === '200', null, { timeout: 10000 });
  a.errors.assertClean();
  bErrors.assertClean();
  await a.page.close();
  await b.close();
});

/** The names in the table's rows, top to bottom (all rows must be in view). */
const tableNames = (page) => page.$$eval('.book-table tbody tr[data-id] td.name', (tds) => tds.map((td) => td.textContent.trim()));

/** Imports a small CSV made here: `names` with ids `ids`. */
async function importNames(page, names, ids) {
  const lines = ['id,name,owner,arr,contract_start,contract_end'];
  names.forEach((n, i) => lines.push(`${ids[i]},${n},,${1000 * (i + 1)},2026-01-01,2026-12-31`));
  await page.setInputFiles('[data-testid=import-file]', { name: 'names.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
  await page.waitForSelector('[data-testid=import-preview]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-testid=import-preview]', { state: 'detached' });
}

test('names and ids sort naturally, Chinese names in pinyin order', async () => {
  const { page, errors } = await openBook();
  const latin = ['Company 1', 'Company 2', 'Company 10', 'Company 1003'];
  const han = ['阿里巴巴', '北京银行', '张三科技'];
  // Neither book order nor code point order is the answer.
  const names = ['Company 1003', '张三科技', 'Company 10', '阿里巴巴', 'Company 2', '北京银行', 'Company 1'];
  const ids = ['C-1003', 'C-7', 'C-10', 'C-100', 'C-2', 'C-09', 'C-1'];
  await importNames(page, names, ids);
  assert.equal(await metric(page, 'book.accounts'), '7');
  // The browser's own collator for each language, to compare the whole list with.
  const collated = (tag, list) => page.evaluate(([t, l]) => [...l].sort(new Intl.Collator(t, { numeric: true }).compare), [tag, list]);

  // English, the default order (by name, ascending): numbers by value.
  let shown = await tableNames(page);
  assert.deepEqual(shown.filter((n) => latin.includes(n)), latin);
  assert.deepEqual(shown, await collated('en', names));
  assert.equal(await page.getAttribute('th:has([data-testid=sort-Name])', 'aria-sort'), 'ascending');
  assert.ok(Number(await page.getAttribute('body', 'data-text-order-ms')) >= 0, 'the order was timed');
  // Descending: the reverse.
  await page.click('[data-testid=sort-Name]');
  assert.deepEqual(await tableNames(page), [...shown].reverse());

  // Chinese: pinyin order (阿 ā, 北 běi, 张 zhāng), and numbers by value.
  await page.click('[data-testid=lang-zh-CN]');
  await page.click('[data-testid=sort-Name]');
  assert.equal(await page.getAttribute('th:has([data-testid=sort-Name])', 'aria-sort'), 'ascending');
  shown = await tableNames(page);
  assert.deepEqual(shown.filter((n) => han.includes(n)), han);
  assert.deepEqual(shown.filter((n) => latin.includes(n)), latin);
  assert.deepEqual(shown, await collated('zh-CN', names));
  // A renamed account takes its place by the same collator: the new name alone is placed (a
  // binary search with single comparisons), the column is not sorted again. 陈 chén goes
  // between 北 běi and 张 zhāng, where 张三科技 was.
  await page.click('.book-table tbody tr[data-id] td.name button[title="张三科技"]');
  await page.waitForSelector('[data-testid=account-form]');
  await page.fill('[data-testid=field-ColName]', '陈六商贸');
  await page.click('[data-testid=save-account]');
  await page.waitForSelector('[data-testid=account-form]', { state: 'detached' });
  names[names.indexOf('张三科技')] = '陈六商贸';
  await page.waitForFunction(() => [...document.querySelectorAll('.book-table td.name')].some((td) => td.textContent.trim() === '陈六商贸'));
  assert.deepEqual(await tableNames(page), await collated('zh-CN', names));

  // Ids by number: C-1, C-2, C-7, C-09, C-10, C-100, C-1003 (the id column is shown first).
  await page.click('details.columns summary');
  await page.check('details.columns .columns-list input >> nth=0');
  await page.click('[data-testid=sort-Id]');
  const byId = await page.$$eval('.book-table tbody tr[data-id]', (trs) => trs.map((tr) => tr.dataset.id));
  assert.deepEqual(byId, ['C-1', 'C-2', 'C-7', 'C-09', 'C-10', 'C-100', 'C-1003']);
  // And back in English, by name again: the English order.
  await page.click('[data-testid=lang-en]');
  await page.click('[data-testid=sort-Name]');
  assert.deepEqual(await tableNames(page), await collated('en', names));
  errors.assertClean();
  await page.close();
});

test('the demo book over a book with accounts asks first; Cancel keeps the book', async () => {
  const { page, errors } = await openBook();
  // An empty book takes the demo at once.
  await page.selectOption('[data-testid=demo-size]', '200');
  await page.click('[data-testid=load-demo]');
  assert.equal(await metric(page, 'book.accounts'), '200');
  assert.equal(await page.locator('[data-testid=demo-confirm]').count(), 0, 'no question over an empty book');
  await page.click('[data-testid=select-all]');
  await page.click('.book-table tbody tr[data-id] input[type=checkbox] >> nth=0'); // 199 selected
  await page.click('[data-testid=delete-selected]');
  assert.equal(await metric(page, 'book.accounts'), '1');

  // Now the book has one account: the demo asks, in the page, with the focus on the question.
  await page.selectOption('[data-testid=demo-size]', '1000');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=demo-confirm]');
  assert.equal(await page.getAttribute('[data-testid=demo-confirm]', 'role'), 'alertdialog');
  assert.match(await page.textContent('[data-testid=demo-confirm-replace]'), /^Replace my 1 accounts with the demo book$/);
  assert.match(await page.textContent('[data-testid=demo-confirm]'), /Your book has 1 accounts\. The demo book puts 1,000 demo accounts/);
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=demo-confirm]')), 'the focus moves to the question');
  assert.equal(await page.getAttribute('[data-testid=load-demo]', 'aria-expanded'), 'true');
  assert.equal(await metric(page, 'book.accounts'), '1', 'nothing changes before the answer');

  // Cancel keeps the book and gives the focus back.
  await page.click('[data-testid=demo-confirm-cancel]');
  await page.waitForSelector('[data-testid=demo-confirm]', { state: 'detached' });
  assert.equal(await metric(page, 'book.accounts'), '1');
  assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === 'load-demo'));

  // Escape is Cancel too; Enter on the (focused) replace button answers yes.
  await page.keyboard.press('Enter'); // on the focused demo button: asks again
  await page.waitForSelector('[data-testid=demo-confirm]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=demo-confirm]', { state: 'detached' });
  assert.equal(await metric(page, 'book.accounts'), '1');

  // In Chinese, the same question in Chinese.
  await page.click('[data-testid=lang-zh-CN]');
  await page.click('[data-testid=load-demo]');
  assert.equal(await page.textContent('[data-testid=demo-confirm-replace]'), '用示例数据替换我的 1 个客户');
  assert.equal(await page.textContent('[data-testid=demo-confirm-cancel]'), '取消');
  await page.click('[data-testid=lang-en]');

  // Confirming loads the demo, with an undo that brings the one account back.
  await page.focus('[data-testid=demo-confirm-replace]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
  await page.waitForSelector('[data-testid=demo-confirm]', { state: 'detached' });
  await page.click('[data-testid=undo]');
  assert.equal(await metric(page, 'book.accounts'), '1');
  errors.assertClean();
  await page.close();
});
