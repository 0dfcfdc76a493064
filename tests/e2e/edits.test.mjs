// End to end: edits that can't go wrong and are never lost. A reload straight after an import
// or an edit keeps it; a value is typed the way people write it (150万, 1.5M, 2026/3/31) and a
// wrong one is refused with a reason, changes no figure and is not saved.
import { test } from 'node:test';
import { suite } from './suite.mjs';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ready, emptyTab } from './browser.mjs';

const ctx = suite({ tmp: true });

const metric = (page, key) => page.getAttribute(`[data-metric="${key}"]`, 'data-value');

const open = (path, lang = 'en') => emptyTab(ctx.browser, ctx.server, { lang, path });

/** A book of `n` accounts as a CSV file. */
function csvBook(n) {
  const rows = ['id,name,owner,arr,contract_start,contract_end,status'];
  for (let i = 1; i <= n; i++) {
    rows.push(`C${i},Customer ${i},${['Li Na', 'Wang Wei', 'Ann'][i % 3]},${1000 + i * 37},2026-01-01,2026-12-31,open`);
  }
  const path = join(ctx.dir, `book-${n}.csv`);
  writeFileSync(path, rows.join('\n'));
  return path;
}

test('an import followed at once by a reload keeps every account', async () => {
  const { page, errors } = await open('book?asof=2026-06-30');
  await page.setInputFiles('[data-testid=import-file]', csvBook(3000));
  await page.waitForSelector('[data-testid=import-preview]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="3000"]');
  // No wait at all: the reload starts right after the click took effect.
  await page.reload();
  await ready(page);
  assert.equal(await metric(page, 'book.accounts'), '3000');
  errors.assertClean();
  await page.close();
});

test('an edit followed at once by a reload keeps it', async () => {
  const { page, errors } = await open('book?asof=2026-06-30');
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
  // A small book edit (debounced, not yet saved when the reload starts).
  await page.click('.book-table tbody tr[data-id] input[type=checkbox] >> nth=0');
  await page.click('[data-testid=delete-selected]');
  await page.waitForSelector('[data-metric="book.accounts"][data-value="999"]');
  await page.reload();
  await ready(page);
  assert.equal(await metric(page, 'book.accounts'), '999');
  // Focusing and leaving a field that shows a rounded prefill from the book changes nothing:
  // the growth inputs still follow the book.
  await page.click('[data-testid=nav-capacity]');
  await page.focus('[data-field="growth.0.avg_new_arr"]');
  await page.focus('[data-field="growth.0.new_logos"]');
  await page.focus('[data-field="team.attrition"]');
  await page.waitForTimeout(800);
  assert.equal(await page.locator('[data-testid=cap-follow-book]').count(), 0, 'still following the book');
  // A setting typed on the Capacity page, then a reload straight after Enter.
  await page.fill('[data-field="team.attrition"]', '25');
  await page.press('[data-field="team.attrition"]', 'Enter');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('[data-field="team.attrition"]'), '25');
  errors.assertClean();
  await page.close();
});

/** Types `text` into the ARR-per-CSM field and presses Enter. */
async function typeArrPerCsm(page, text) {
  await page.fill('[data-field="capacity.arr_per_csm"]', text);
  await page.press('[data-field="capacity.arr_per_csm"]', 'Enter');
}

test('150万, 1.5M and 1,500,000 are the same ARR per CSM; abc and -5 are refused and not saved', async () => {
  for (const lang of ['en', 'zh-CN']) {
    const { page, errors } = await open('book?asof=2026-06-30', lang);
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-metric="book.accounts"][data-value="1000"]');
    const arr = Number(await metric(page, 'book.arr'));
    await page.click('[data-testid=nav-capacity]');
    await page.click('[data-testid=cap-apc-custom]');
    const fte = async () => metric(page, 'capacity.arr_rule.fte');
    await typeArrPerCsm(page, '1500000');
    await page.waitForFunction(() => document.querySelector('[data-field="capacity.arr_per_csm"]').value !== '1500000');
    const plain = await fte();
    assert.ok(Math.abs(Number(plain) - arr / 1.5e6) < 1e-9, `FTE ${plain} = ARR ${arr} / 1.5M`);
    // Shown the way the language writes it.
    assert.equal(await page.inputValue('[data-field="capacity.arr_per_csm"]'), lang === 'en' ? '1.5M' : '150万');
    for (const text of ['150万', '1.5M', '$1,500,000', '1.5m']) {
      await typeArrPerCsm(page, '2M');
      await page.waitForFunction((v) => document.querySelector('[data-metric="capacity.arr_rule.fte"]').dataset.value !== v, plain);
      await typeArrPerCsm(page, text);
      await page.waitForFunction((v) => document.querySelector('[data-metric="capacity.arr_rule.fte"]').dataset.value === v, plain);
    }
    // Refused: a message under the field, the figure stays.
    for (const text of ['abc', '-5']) {
      await typeArrPerCsm(page, text);
      const message = page.locator('[data-field="capacity.arr_per_csm"] >> xpath=ancestor::label//*[contains(@class,"field-error")]');
      await message.waitFor({ state: 'visible' });
      const said = await message.innerText();
      assert.ok(said.trim().length > 3, `a reason is given for ${text}: ${said}`);
      if (lang === 'zh-CN') assert.match(said, /[\u4e00-\u9fff]/, 'in Chinese');
      assert.equal(await page.getAttribute('[data-field="capacity.arr_per_csm"]', 'aria-invalid'), 'true');
      assert.equal(await fte(), plain, `${text} moved no figure`);
    }
    // A pause alone applies nothing invalid either; a reload shows the last valid value.
    await page.waitForTimeout(900);
    assert.equal(await fte(), plain);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue('[data-field="capacity.arr_per_csm"]'), lang === 'en' ? '1.5M' : '150万');
    assert.equal(await fte(), plain);
    errors.assertClean();
    await page.close();
  }
});

test('the as-of field takes 2026/3/31 and says why it refuses a wrong date', async () => {
  const { page, errors } = await open('book');
  await page.fill('[data-field=asof]', '2026/3/31');
  await page.press('[data-field=asof]', 'Enter');
  await page.waitForFunction(() => document.querySelector('[data-field=asof]').value === '2026-03-31');
  await page.fill('[data-field=asof]', '2026年2月30日');
  await page.press('[data-field=asof]', 'Enter');
  await page.waitForSelector('[data-testid=as-of-error]:not([hidden])');
  assert.match(await page.innerText('[data-testid=as-of-error]'), /calendar/);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('[data-field=asof]'), '2026-03-31', 'the last valid date was kept');
  errors.assertClean();
  await page.close();
});

test('a first visit picks the currency of its language, and the currency chip opens the setting', async () => {
  const { page, errors } = await open('book', 'zh-CN');
  assert.equal((await page.innerText('[data-testid=currency]')).trim(), '¥');
  await page.click('[data-testid=currency]');
  await page.waitForSelector('[data-field=currency]');
  assert.equal(await page.inputValue('[data-field=currency]'), '¥');
  errors.assertClean();
  await page.close();
  const en = await open('book', 'en');
  assert.equal((await en.page.innerText('[data-testid=currency]')).trim(), '$');
  await en.page.close();
});
