//! Stage × tier (阶段 × 分层): accounts and ARR in each cell, as of D, read from the snapshot.

use super::lifecycle::{Stage, StageDistribution};
use super::snapshot::Snapshot;
use super::stats::ratio;

/// Each stage's share of all accounts and of their ARR, in `Stage::ALL` order; `None` for an
/// empty book (or no ARR at all).
pub fn stage_shares(dist: &StageDistribution) -> [(Option<f64>, Option<f64>); 7] {
    let accounts: usize = dist.accounts.iter().sum();
    let arr: f64 = dist.arr.iter().sum();
    std::array::from_fn(|i| (ratio(dist.accounts[i] as f64, accounts as f64), ratio(dist.arr[i], arr)))
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MatrixCell {
    pub accounts: usize,
    pub arr: f64,
}

/// Every account of the book (churned ones at the arr of their churned term, in the tier
/// that arr gives), one row per stage in `Stage::ALL` order, one column per tier.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageTierMatrix {
    pub tier_count: usize,
    /// Row-major: `cells[stage.index() * tier_count + tier]`.
    cells: Vec<MatrixCell>,
}

impl StageTierMatrix {
    pub fn cell(&self, stage: Stage, tier: usize) -> MatrixCell {
        if tier >= self.tier_count {
            return MatrixCell::default();
        }
        self.cells.get(stage.index() * self.tier_count + tier).copied().unwrap_or_default()
    }

    /// Column totals: every stage of one tier.
    pub fn tier_total(&self, tier: usize) -> MatrixCell {
        Stage::ALL.iter().fold(MatrixCell::default(), |acc, &s| {
            let c = self.cell(s, tier);
            MatrixCell { accounts: acc.accounts + c.accounts, arr: acc.arr + c.arr }
        })
    }
}

pub fn stage_tier_matrix(snapshot: &Snapshot) -> StageTierMatrix {
    let tier_count = snapshot.tier_count;
    let mut cells = vec![MatrixCell::default(); Stage::ALL.len() * tier_count];
    for view in &snapshot.views {
        if view.tier < tier_count {
            let cell = &mut cells[view.stage.index() * tier_count + view.tier];
            cell.accounts += 1;
            cell.arr += view.arr;
        }
    }
    StageTierMatrix { tier_count, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules, Book};
    use crate::domain::health::HealthSettings;
    use crate::domain::lifecycle::stage_distribution;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    fn book() -> Book {
        let live = |id: &str, go_live: &str, terms| Account { go_live: Some(d(go_live)), ..account(id, "", terms) };
        Book {
            accounts: vec![
                // Strategic, adoption.
                live("a", "2025-01-15", vec![open("2025-01-01", "2025-12-31", 120_000.0)]),
                // Strategic, adoption.
                live("b", "2025-02-01", vec![open("2025-01-01", "2025-12-31", 100_000.0)]),
                // Key, renewal window.
                live("c", "2024-08-01", vec![open("2024-08-01", "2025-07-31", 30_000.0)]),
                // Growth by its churned term's arr.
                live("d", "2024-02-01", vec![churned("2024-01-01", "2024-12-31", 6_000.0, "2024-12-01")]),
                // Long tail, kickoff (no go-live).
                account("e", "", vec![open("2025-05-01", "2026-04-30", 1_000.0)]),
            ],
        }
    }

    fn matrix(book: &Book) -> (StageTierMatrix, Snapshot) {
        let s = Snapshot::new(
            book,
            d("2025-06-30"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
        (stage_tier_matrix(&s), s)
    }

    #[test]
    fn cells_by_hand() {
        let b = book();
        let (m, _) = matrix(&b);
        assert_eq!(m.tier_count, 4);
        assert_eq!(m.cell(Stage::Adoption, 0), MatrixCell { accounts: 2, arr: 220_000.0 });
        assert_eq!(m.cell(Stage::Renewal, 1), MatrixCell { accounts: 1, arr: 30_000.0 });
        assert_eq!(m.cell(Stage::Churned, 2), MatrixCell { accounts: 1, arr: 6_000.0 });
        assert_eq!(m.cell(Stage::Kickoff, 3), MatrixCell { accounts: 1, arr: 1_000.0 });
        assert_eq!(m.cell(Stage::Adoption, 1), MatrixCell::default());
        assert_eq!(m.tier_total(0), MatrixCell { accounts: 2, arr: 220_000.0 });
        // Out of range is empty, not a panic.
        assert_eq!(m.cell(Stage::Kickoff, 9), MatrixCell::default());
    }

    #[test]
    fn rows_add_up_to_the_stage_distribution() {
        let b = book();
        let (m, s) = matrix(&b);
        let dist = stage_distribution(&s);
        for stage in Stage::ALL {
            let row: usize = (0..m.tier_count).map(|t| m.cell(stage, t).accounts).sum();
            assert_eq!(row, dist.accounts(stage), "{stage:?}");
        }
    }

    #[test]
    fn empty_book() {
        let (m, s) = matrix(&Book::default());
        assert_eq!(m.tier_total(0), MatrixCell::default());
        assert_eq!(stage_shares(&stage_distribution(&s)), [(None, None); 7]);
    }

    #[test]
    fn shares_by_hand() {
        let b = book();
        let (_, s) = matrix(&b);
        let shares = stage_shares(&stage_distribution(&s));
        let total_arr = 120_000.0 + 100_000.0 + 30_000.0 + 6_000.0 + 1_000.0;
        assert_eq!(shares[Stage::Adoption.index()].0, Some(0.4));
        assert!(close_opt(shares[Stage::Adoption.index()].1, 220_000.0 / total_arr));
        assert_eq!(shares[Stage::Launch.index()], (Some(0.0), Some(0.0)));
    }
}
