// Team and Board pages at 10,000 accounts (issue 8): recompute + render when the book arrives
// and after one owner change, timed in Chromium by the browser test
// `both_pages_at_ten_thousand_accounts` (tests/web_team.rs) built with the release profile.
// The app cannot load a 10,000-account book from a URL, so the test mounts the pages over the
// demo book itself; its `BENCH name=ms` lines (median of 5) become the rows here.
import { execFileSync } from 'node:child_process';

const LABELS = {
  team_10k_first_render_ms: 'Team page, 10,000 accounts: recompute + render',
  team_10k_one_edit_ms: 'Team page, 10,000 accounts: one owner change',
  board_10k_first_render_ms: 'Board page, 10,000 accounts: recompute + render',
  board_10k_one_edit_ms: 'Board page, 10,000 accounts: one owner change',
};

export default async function ({ root }) {
  const out = execFileSync(
    'cargo',
    ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'web_team', '--',
      '--nocapture', 'both_pages_at_ten_thousand_accounts'],
    { cwd: root, env: { ...process.env, WASM_BINDGEN_TEST_TIMEOUT: '300' }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 },
  ).toString();
  const rows = [...out.matchAll(/BENCH (\w+)=([\d.]+)/g)].map(([, key, ms]) => ({
    area: 'team', figure: `${LABELS[key] ?? key} (median of 5)`, value: Number(ms), unit: 'ms',
  }));
  if (rows.length !== 4) throw new Error('the timing test printed no figures:\n' + out.slice(-2000));
  return rows;
}
