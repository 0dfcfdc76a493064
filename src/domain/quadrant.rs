//! The value × fit quadrant (seed 001): Panda, Potential, Tool and Oasis accounts, and a binned
//! scatter so the chart draws a grid of counts rather than every account.

use serde::{Deserialize, Serialize};

use super::book::Book;
use super::snapshot::Snapshot;
use super::stats::{at_least, median};

/// Where "high value" starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "amount", rename_all = "snake_case")]
pub enum ValueThreshold {
    /// The median arr of the active accounts.
    #[default]
    Median,
    Fixed(f64),
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuadrantSettings {
    pub value: ValueThreshold,
    /// Fit (匹配度) at or above this is high.
    pub fit_threshold: f64,
}

impl Default for QuadrantSettings {
    fn default() -> Self {
        QuadrantSettings { value: ValueThreshold::Median, fit_threshold: 50.0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// q1 大熊猫: high value, high fit.
    Panda,
    /// q2 潜力牛: low value, high fit.
    Potential,
    /// q3 工具型: low value, low fit.
    Tool,
    /// q4 绿洲: high value, low fit.
    Oasis,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::Panda, Quadrant::Potential, Quadrant::Tool, Quadrant::Oasis];

    /// The name in `data-metric` keys: `quadrant.q1.accounts` …
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::Panda => "q1",
            Quadrant::Potential => "q2",
            Quadrant::Tool => "q3",
            Quadrant::Oasis => "q4",
        }
    }
}

/// "≥ threshold" is high on both axes.
pub fn quadrant_of(arr: f64, fit: f64, value_threshold: f64, fit_threshold: f64) -> Quadrant {
    match (at_least(arr, value_threshold), at_least(fit, fit_threshold)) {
        (true, true) => Quadrant::Panda,
        (false, true) => Quadrant::Potential,
        (false, false) => Quadrant::Tool,
        (true, false) => Quadrant::Oasis,
    }
}

/// The value threshold in force: the fixed amount, or the median arr of the active accounts
/// (`None` when there are none).
pub fn value_threshold(snapshot: &Snapshot, settings: &QuadrantSettings) -> Option<f64> {
    match settings.value {
        ValueThreshold::Fixed(amount) => Some(amount),
        ValueThreshold::Median => {
            let mut arrs: Vec<f64> = snapshot.views.iter().filter(|v| v.is_active()).map(|v| v.arr).collect();
            median(&mut arrs)
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuadrantCell {
    pub accounts: usize,
    pub arr: f64,
    /// Indices into `book.accounts`, in book order.
    pub members: Vec<usize>,
}

impl QuadrantCell {
    fn add(&mut self, index: usize, arr: f64) {
        self.accounts += 1;
        self.arr += arr;
        self.members.push(index);
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuadrantFigures {
    pub value_threshold: Option<f64>,
    pub fit_threshold: f64,
    /// In `Quadrant::ALL` order.
    pub cells: [QuadrantCell; 4],
    /// Active accounts without fit.
    pub unscored: QuadrantCell,
}

impl QuadrantFigures {
    pub fn cell(&self, quadrant: Quadrant) -> &QuadrantCell {
        &self.cells[quadrant as usize]
    }
}

/// The active accounts per quadrant.
pub fn quadrants(book: &Book, snapshot: &Snapshot, settings: &QuadrantSettings) -> QuadrantFigures {
    let threshold = value_threshold(snapshot, settings);
    let mut figures =
        QuadrantFigures { value_threshold: threshold, fit_threshold: settings.fit_threshold, ..Default::default() };
    for (index, (account, view)) in book.accounts.iter().zip(&snapshot.views).enumerate() {
        if !view.is_active() {
            continue;
        }
        match (account.fit, threshold) {
            (Some(fit), Some(t)) => {
                let q = quadrant_of(view.arr, fit, t, settings.fit_threshold);
                figures.cells[q as usize].add(index, view.arr);
            }
            _ => figures.unscored.add(index, view.arr),
        }
    }
    figures
}

/// Counts of active scored accounts on a grid of log10(arr) columns × fit rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScatterGrid {
    pub columns: usize,
    pub rows: usize,
    /// The x axis covers whole decades: [10^from, 10^to]. Arr below 1 is drawn at 1.
    pub log10_arr_from: f64,
    pub log10_arr_to: f64,
    /// Row-major, row 0 = the lowest fit, column 0 = the lowest arr.
    pub counts: Vec<u32>,
    pub max_count: u32,
}

impl ScatterGrid {
    pub fn count(&self, column: usize, row: usize) -> u32 {
        self.counts.get(row * self.columns + column).copied().unwrap_or(0)
    }

    /// The arr range of a column, [low, high).
    pub fn column_arr(&self, column: usize) -> (f64, f64) {
        let width = (self.log10_arr_to - self.log10_arr_from) / self.columns as f64;
        let low = self.log10_arr_from + width * column as f64;
        (10f64.powf(low), 10f64.powf(low + width))
    }

    /// The fit range of a row, [low, high) (the top row includes 100).
    pub fn row_fit(&self, row: usize) -> (f64, f64) {
        let height = 100.0 / self.rows as f64;
        (height * row as f64, height * (row + 1) as f64)
    }
}

/// Bins the scatter; `columns` and `rows` are clamped to 1..=200.
pub fn bin(book: &Book, snapshot: &Snapshot, columns: usize, rows: usize) -> ScatterGrid {
    let columns = columns.clamp(1, 200);
    let rows = rows.clamp(1, 200);
    let x_of = |arr: f64| arr.max(1.0).log10();
    let scored = || {
        book.accounts
            .iter()
            .zip(&snapshot.views)
            .filter(|(_, v)| v.is_active())
            .filter_map(|(a, v)| Some((x_of(v.arr), a.fit?)))
            .filter(|(x, fit)| x.is_finite() && fit.is_finite())
    };
    let (min, max) = scored().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (x, _)| (lo.min(x), hi.max(x)));
    let mut grid = ScatterGrid { columns, rows, counts: vec![0; columns * rows], ..Default::default() };
    if min > max {
        grid.log10_arr_to = 1.0;
        return grid;
    }
    grid.log10_arr_from = min.floor();
    grid.log10_arr_to = max.ceil().max(grid.log10_arr_from + 1.0);
    let span = grid.log10_arr_to - grid.log10_arr_from;
    for (x, fit) in scored() {
        let column = (((x - grid.log10_arr_from) / span * columns as f64) as usize).min(columns - 1);
        let row = ((fit.clamp(0.0, 100.0) / 100.0 * rows as f64) as usize).min(rows - 1);
        let cell = &mut grid.counts[row * columns + column];
        *cell += 1;
        grid.max_count = grid.max_count.max(*cell);
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::health::HealthSettings;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    fn book() -> Book {
        let with = |arr: f64, fit: Option<f64>| Account {
            fit,
            ..account("x", "", vec![open("2025-01-01", "2025-12-31", arr)])
        };
        Book {
            accounts: vec![
                with(1_000.0, Some(50.0)),   // low value, fit exactly 50: Potential
                with(3_000.0, Some(49.9)),   // low, low: Tool
                with(5_000.0, Some(90.0)),   // exactly the median: Panda
                with(100_000.0, Some(10.0)), // Oasis
                with(7_000.0, None),         // unscored
                // churned: out of the median and of every quadrant
                Account {
                    fit: Some(99.0),
                    ..account("c", "", vec![churned("2024-01-01", "2024-12-31", 1e6, "2024-12-01")])
                },
            ],
        }
    }

    fn snapshot(book: &Book) -> Snapshot {
        Snapshot::new(
            book,
            d("2025-06-30"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        )
    }

    #[test]
    fn median_threshold_over_active_accounts() {
        let b = book();
        let s = snapshot(&b);
        // Active arrs 1,000 3,000 5,000 7,000 100,000 → 5,000.
        assert_eq!(value_threshold(&s, &QuadrantSettings::default()), Some(5_000.0));
        let mut even = b.clone();
        even.accounts.remove(4);
        // 1,000 3,000 5,000 100,000 → (3,000 + 5,000) / 2.
        assert_eq!(value_threshold(&snapshot(&even), &QuadrantSettings::default()), Some(4_000.0));
    }

    #[test]
    fn accounts_per_quadrant_with_edges() {
        let b = book();
        let f = quadrants(&b, &snapshot(&b), &QuadrantSettings::default());
        assert_eq!(f.cell(Quadrant::Panda).members, [2]);
        assert_eq!(f.cell(Quadrant::Potential).members, [0]);
        assert_eq!(f.cell(Quadrant::Tool).members, [1]);
        assert_eq!(f.cell(Quadrant::Oasis).members, [3]);
        assert_eq!((f.unscored.accounts, f.unscored.arr), (1, 7_000.0));
        assert_eq!(f.cell(Quadrant::Oasis).arr, 100_000.0);
    }

    #[test]
    fn fixed_threshold() {
        let b = book();
        let settings = QuadrantSettings { value: ValueThreshold::Fixed(1_000.0), fit_threshold: 60.0 };
        let f = quadrants(&b, &snapshot(&b), &settings);
        let counts: Vec<usize> = Quadrant::ALL.iter().map(|&q| f.cell(q).accounts).collect();
        // 1,000/50 → Oasis; 3,000/49.9 → Oasis; 5,000/90 → Panda; 100,000/10 → Oasis.
        assert_eq!(counts, [1, 0, 0, 3]);
        let keys: Vec<_> = Quadrant::ALL.iter().map(|q| q.key()).collect();
        assert_eq!(keys, ["q1", "q2", "q3", "q4"]);
    }

    #[test]
    fn empty_book_has_no_threshold() {
        let b = Book::default();
        let f = quadrants(&b, &snapshot(&b), &QuadrantSettings::default());
        assert_eq!(f.value_threshold, None);
        assert_eq!(f.unscored.accounts, 0);
        let g = bin(&b, &snapshot(&b), 10, 10);
        assert_eq!((g.counts.len(), g.max_count), (100, 0));
    }

    #[test]
    fn scatter_bins_by_decade_and_fit() {
        let b = book();
        let g = bin(&b, &snapshot(&b), 2, 2);
        // Scored active arrs span 1,000 (10^3) … 100,000 (10^5): two decades, one per column.
        assert_eq!((g.log10_arr_from, g.log10_arr_to), (3.0, 5.0));
        // 1,000/50 → (0, 1); 3,000/49.9 → (0, 0); 5,000/90 → (0, 1); 100,000/10 → (1, 0).
        assert_eq!(g.counts, [1, 1, 2, 0]);
        assert_eq!(g.count(0, 1), 2);
        assert_eq!(g.max_count, 2);
        assert_eq!(g.row_fit(1), (50.0, 100.0));
        let (lo, hi) = g.column_arr(1);
        assert!(close(lo, 10_000.0) && close(hi, 100_000.0));
    }

    #[test]
    fn settings_round_trip() {
        assert_eq!(serde_json::from_str::<QuadrantSettings>("{}").unwrap(), QuadrantSettings::default());
        let fixed = QuadrantSettings { value: ValueThreshold::Fixed(20_000.0), fit_threshold: 60.0 };
        let json = serde_json::to_string(&fixed).unwrap();
        assert_eq!(serde_json::from_str::<QuadrantSettings>(&json).unwrap(), fixed);
    }
}
