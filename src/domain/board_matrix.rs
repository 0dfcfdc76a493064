//! The work board's tier × stage matrix (DOMAIN.md §6): counts and ARR, and which accounts
//! are in each cell so a cell can open its list.

use super::lifecycle::Stage;
use super::snapshot::Snapshot;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub arr: f64,
    /// Indices into the book, in book order; `len()` is the cell's count.
    pub accounts: Vec<usize>,
}

/// `cells[tier][stage.index()]`, every account of the book (churned ones in their column).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    pub cells: Vec<Vec<Cell>>,
}

impl Matrix {
    pub fn cell(&self, tier: usize, stage: Stage) -> Option<&Cell> {
        self.cells.get(tier).and_then(|row| row.get(stage.index()))
    }

    /// Count and ARR of a tier over every stage but churned (the active book).
    pub fn active_row(&self, tier: usize) -> (usize, f64) {
        self.cells.get(tier).map_or((0, 0.0), |row| {
            row.iter()
                .zip(Stage::ALL)
                .filter(|(_, s)| *s != Stage::Churned)
                .fold((0, 0.0), |(n, arr), (c, _)| (n + c.accounts.len(), arr + c.arr))
        })
    }
}

/// The matrix of the accounts `keep` says yes to (by book index): all of them, or one owner's.
pub fn tier_stage_matrix(snapshot: &Snapshot, keep: impl Fn(usize) -> bool) -> Matrix {
    let mut cells = vec![vec![Cell::default(); Stage::ALL.len()]; snapshot.tier_count];
    for (i, view) in snapshot.views.iter().enumerate().filter(|(i, _)| keep(*i)) {
        if let Some(cell) = cells.get_mut(view.tier).and_then(|row| row.get_mut(view.stage.index())) {
            cell.arr += view.arr;
            cell.accounts.push(i);
        }
    }
    Matrix { cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{AsOfRules, Book};
    use crate::domain::health::HealthSettings;
    use crate::domain::lifecycle::stage_distribution;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    #[test]
    fn cells_add_up_to_the_stage_distribution() {
        let book = Book {
            accounts: vec![
                account("s", "", vec![open("2025-01-01", "2025-12-31", 150_000.0)]),
                account("k", "", vec![open("2024-07-01", "2025-07-31", 30_000.0)]),
                account("k2", "", vec![open("2024-08-01", "2025-08-31", 40_000.0)]),
                account("c", "", vec![churned("2024-01-01", "2024-12-31", 1_000.0, "2024-12-31")]),
            ],
        };
        let snap = Snapshot::new(
            &book,
            d("2025-06-30"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
        let m = tier_stage_matrix(&snap, |_| true);
        assert_eq!(m.cells.len(), 4);
        let key = m.cell(1, Stage::Renewal).unwrap();
        assert_eq!((key.accounts.clone(), key.arr), (vec![1, 2], 70_000.0));
        assert_eq!(m.cell(0, Stage::Kickoff).unwrap().accounts, vec![0]);
        assert_eq!(m.cell(3, Stage::Churned).unwrap().accounts, vec![3]);
        assert_eq!(m.active_row(3), (0, 0.0));
        assert_eq!(m.active_row(1), (2, 70_000.0));
        let dist = stage_distribution(&snap);
        for s in Stage::ALL {
            let n: usize = (0..4).map(|t| m.cell(t, s).unwrap().accounts.len()).sum();
            assert_eq!(n, dist.accounts(s), "{s:?}");
        }
        assert_eq!(m.cell(9, Stage::Kickoff), None);
        let only_k2 = tier_stage_matrix(&snap, |i| i == 2);
        assert_eq!(only_k2.cell(1, Stage::Renewal).unwrap().accounts, vec![2]);
        assert_eq!(only_k2.active_row(0), (0, 0.0));
    }
}
