// Issue 15's table: each figure it names, found among the bench rows, beside its target.
// A row is found by its area and a pattern on its figure text; a missing row is reported as
// missing (a renamed figure must be renamed here too), never silently dropped.

export const TARGETS = [
  { label: 'release bundle, wasm + JS, gzip, downloaded before the first page', area: 'bundle', figure: /^wasm \+ js gzip, downloaded before/, max: 550, unit: 'KB' },
  { label: 'first page rendered, empty book', area: 'startup', figure: /^first page rendered, empty book/, max: 150, unit: 'ms' },
  { label: '10K-row CSV import: file → preview → confirm → saved', area: 'import', figure: /^10K rows: total/, max: 300, unit: 'ms' },
  { label: '10K-row CSV, file → preview, ÷ papaparse bare parse', area: 'import', figure: /papaparse/, max: 1.0, unit: '×' },
  { label: 'book filter keystroke at 100K, median', area: 'book', figure: /^filter keystroke.*100K \(median/, max: 50, unit: 'ms' },
  { label: 'book filter keystroke at 100K, slowest', area: 'book', figure: /^filter keystroke, slowest.*100K/, max: 80, unit: 'ms' },
  { label: 'Segments threshold change at 100K', area: 'segments', figure: /^threshold change .*100,000 accounts \(median/, max: 50, unit: 'ms' },
  { label: 'Board page open at 10K', area: 'team', figure: /^Board page, 10K accounts: open/, max: 100, unit: 'ms' },
  { label: 'save of a 100K book: longest main-thread task', area: 'book', figure: /^save, 100K: longest slice/, max: 50, unit: 'ms' },
  { label: 'start to interactive, stored 100K book', area: 'book', figure: /^start to interactive Book page, stored 100K/, max: 500, unit: 'ms' },
];

/** Lines for the summary table: label, value, target, verdict. */
export function targetLines(rows) {
  return TARGETS.map((t) => {
    const row = rows.find((r) => r.area === t.area && t.figure.test(r.figure) && typeof r.value === 'number');
    if (!row) return [t.label, '—', `≤ ${t.max} ${t.unit}`, 'not measured (bench file filtered out or failed)'];
    const v = row.value;
    return [t.label, `${v.toFixed(v < 10 ? 2 : 1)} ${t.unit}`, `≤ ${t.max} ${t.unit}`, v <= t.max ? 'met' : 'over'];
  });
}
