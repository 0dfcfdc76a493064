// Bundle size: wasm and JS, raw and gzip -9, against the budgets: what the start downloads
// (the main wasm and the JS) and the whole build (with the chunks fetched when first needed,
// scripts/build_wasm.py); then where the main wasm's bytes go (scripts/wasm_size.py, a
// twiggy-like summary by crate, the app by module), so the next person sees what to cut.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export default async function ({ root }) {
  const m = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'bundle_size.py'), '--json']).toString());
  const budgets = JSON.parse(readFileSync(join(root, 'bundle-budget.json')));
  const kb = (n) => n / 1024;
  const rows = [];
  for (const part of ['start', 'later']) {
    for (const [name, raw, gz] of m[part].files) {
      rows.push({ area: 'bundle', figure: `${part === 'start' ? 'at start' : 'when needed'}: ${name} gzip (${kb(raw).toFixed(0)} KB raw)`, value: kb(gz), unit: 'KB' });
    }
  }
  rows.push({ area: 'bundle', figure: 'wasm + js gzip, downloaded before the first page', value: kb(m.start_gzip), unit: 'KB', target: `≤ ${budgets.max_gzip_kb} KB (budget)` });
  rows.push({ area: 'bundle', figure: 'wasm + js gzip, all of it (chunks included)', value: kb(m.total_gzip), unit: 'KB', target: `≤ ${budgets.max_total_gzip_kb} KB (budget)` });
  // The main wasm as the split left it (build_wasm.py keeps it), before wasm-bindgen and
  // wasm-opt: what the start downloads, by crate.
  const main = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'cs-planner.main.wasm');
  if (existsSync(main)) {
    const s = JSON.parse(execFileSync('python3', [join(root, 'scripts', 'wasm_size.py'), main, '--json', '--top', '12']).toString());
    rows.push({ area: 'bundle', figure: `main wasm before wasm-opt: code (${s.functions} functions)`, value: kb(s.code), unit: 'KB' });
    rows.push({ area: 'bundle', figure: 'main wasm: data (strings, tables)', value: kb(s.data), unit: 'KB' });
    for (const [crate, bytes] of s.crates) {
      rows.push({ area: 'bundle', figure: `  code in ${crate} (${((bytes * 100) / s.code).toFixed(1)}%)`, value: kb(bytes), unit: 'KB' });
    }
  }
  return rows;
}
