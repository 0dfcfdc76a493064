// Bundle size: wasm and JS, raw and gzip -9, against the budget; then where the wasm's bytes
// go (scripts/wasm_size.py, a twiggy-like summary of the linked wasm by crate, the app by
// module), so the next person sees what to cut.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function ({ root }) {
  const m = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'bundle_size.py'), '--json']).toString());
  const budget = JSON.parse(readFileSync(join(root, 'bundle-budget.json'))).max_gzip_kb;
  const kb = (n) => n / 1024;
  const rows = [
    { area: 'bundle', figure: 'wasm raw', value: kb(m.wasm.raw), unit: 'KB' },
    { area: 'bundle', figure: 'wasm gzip', value: kb(m.wasm.gzip), unit: 'KB' },
    { area: 'bundle', figure: 'js raw', value: kb(m.js.raw), unit: 'KB' },
    { area: 'bundle', figure: 'js gzip', value: kb(m.js.gzip), unit: 'KB' },
    { area: 'bundle', figure: 'wasm + js gzip', value: kb(m.total_gzip), unit: 'KB', target: `≤ ${budget} KB (budget)` },
  ];
  const linked = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'cs-planner.wasm');
  if (existsSync(linked)) {
    const s = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'wasm_size.py'), linked, '--json', '--top', '12']).toString());
    rows.push({ area: 'bundle', figure: `linked wasm before wasm-opt: code (${s.functions} functions)`, value: kb(s.code), unit: 'KB' });
    rows.push({ area: 'bundle', figure: 'linked wasm: data (strings, tables)', value: kb(s.data), unit: 'KB' });
    for (const [crate, bytes] of s.crates) {
      rows.push({ area: 'bundle', figure: `  code in ${crate} (${((bytes * 100) / s.code).toFixed(1)}%)`, value: kb(bytes), unit: 'KB' });
    }
  }
  return rows;
}
