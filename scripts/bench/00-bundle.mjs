// Bundle size: wasm and JS, raw and gzip -9, against the budget.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function ({ root }) {
  const m = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'bundle_size.py'), '--json']).toString());
  const budget = JSON.parse(readFileSync(join(root, 'bundle-budget.json'))).max_gzip_kb;
  const kb = (n) => n / 1024;
  return [
    { area: 'bundle', figure: 'wasm raw', value: kb(m.wasm.raw), unit: 'KB' },
    { area: 'bundle', figure: 'wasm gzip', value: kb(m.wasm.gzip), unit: 'KB' },
    { area: 'bundle', figure: 'js raw', value: kb(m.js.raw), unit: 'KB' },
    { area: 'bundle', figure: 'js gzip', value: kb(m.js.gzip), unit: 'KB' },
    { area: 'bundle', figure: 'wasm + js gzip', value: kb(m.total_gzip), unit: 'KB', target: `≤ ${budget} KB` },
  ];
}
