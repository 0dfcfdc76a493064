// `make bench`: every figure the issues ask for, in one table.
// Each file in scripts/bench/ exports `default async function (ctx) → rows`, a row being
// { area, figure, value, unit, target? }; add a file to add rows. ctx gives the served
// release build and a launched Chromium.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, startServer, launch } from '../tests/e2e/browser.mjs';
import { targetLines } from './bench/targets.mjs';

const dir = join(ROOT, 'scripts', 'bench');
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => /^\d\d-.*\.mjs$/.test(f) && (!only || f.includes(only))).sort();

const server = await startServer();
const browser = await launch();
const ctx = { server, browser, root: ROOT };
const rows = [];
let failed = false;
try {
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    try {
      rows.push(...(await mod.default(ctx)));
    } catch (e) {
      failed = true;
      rows.push({ area: f.replace('.mjs', ''), figure: 'FAILED: ' + e.message.split('\n')[0], value: '', unit: '' });
    }
  }
} finally {
  await browser.close();
  server.stop();
}

const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : String(v));
const table = rows.map((r) => [r.area, r.figure, fmt(r.value), r.unit ?? '', r.target ?? '']);
const head = ['area', 'figure', 'value', 'unit', 'target'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));

// Issue 15's figures, each beside its target.
const summary = targetLines(rows);
const sw = [0, 1, 2].map((i) => Math.max(...summary.map((r) => r[i].length)));
console.log('\nissue 15: figure, value, target');
for (const r of summary) console.log('  ' + r.map((c, i) => (i === 1 ? c.padStart(sw[i]) : i < 3 ? c.padEnd(sw[i]) : c)).join('  '));
mkdirSync(join(ROOT, 'target'), { recursive: true });
writeFileSync(join(ROOT, 'target', 'bench.json'), JSON.stringify(rows, null, 2));
process.exit(failed ? 1 : 0);
