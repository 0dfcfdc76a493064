//! How the book grows month by month in the what-if projection (DOMAIN.md §5): churn,
//! expansion and new logos per tier, and their defaults from the book.

use serde::{Deserialize, Serialize};

use super::book::Book;
use super::capacity::TierLoad;
use super::period::Period;
use super::snapshot::Snapshot;
use super::stats::Mean;
use super::tiers::TierFigures;

/// The monthly rate equivalent to an annual one: 1 − (1 − annual)^(1/12). An annual rate of
/// 100% or more loses everything in the first month; a non-number counts as no change.
pub fn monthly_rate(annual: f64) -> f64 {
    if annual.is_nan() {
        0.0
    } else if annual >= 1.0 {
        1.0
    } else {
        1.0 - (1.0 - annual).powf(1.0 / 12.0)
    }
}

/// One tier's growth parameters (annual rates as fractions).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierGrowth {
    pub new_logos_per_month: f64,
    pub avg_new_arr: f64,
    pub annual_logo_churn: f64,
    pub annual_dollar_churn: f64,
    pub annual_net_expansion: f64,
}

/// What the book says, as plain numbers, for the projection's defaults (per tier or overall).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BookFigures {
    /// First terms started in the last 12 months.
    pub new_logos_last_12_months: usize,
    /// Average arr of those new logos (`None` when there were none).
    pub avg_new_logo_arr: Option<f64>,
    /// §4 over the default period; `None` when the due set is empty.
    pub logo_churn_rate: Option<f64>,
    pub grr: Option<f64>,
    pub nrr: Option<f64>,
}

impl From<BookFigures> for TierGrowth {
    /// A rate the book cannot compute yet (no due terms) starts at zero for the user to edit.
    fn from(f: BookFigures) -> Self {
        TierGrowth {
            new_logos_per_month: f.new_logos_last_12_months as f64 / 12.0,
            avg_new_arr: f.avg_new_logo_arr.unwrap_or(0.0),
            annual_logo_churn: f.logo_churn_rate.unwrap_or(0.0),
            annual_dollar_churn: f.grr.map_or(0.0, |g| 1.0 - g),
            annual_net_expansion: match (f.nrr, f.grr) {
                (Some(n), Some(g)) => n - g,
                _ => 0.0,
            },
        }
    }
}

/// Each tier's growth defaults from the book as of D: new logos are the accounts whose first
/// term started in the last 12 months (churned since or not: they were won), in the tier they
/// are in now; the rates come from the tier's due set (`tiers` from `tier_figures` over the
/// default period).
pub fn growth_defaults(book: &Book, snapshot: &Snapshot, tiers: &[TierFigures]) -> Vec<TierGrowth> {
    let window = Period::last_12_months(snapshot.as_of);
    let mut new_logos = vec![Mean::default(); tiers.len()];
    for (account, view) in book.accounts.iter().zip(&snapshot.views) {
        let first = account.first_term().filter(|t| window.contains(t.start));
        if let (Some(term), Some(mean)) = (first, new_logos.get_mut(view.tier)) {
            mean.add(term.arr);
        }
    }
    tiers
        .iter()
        .zip(&new_logos)
        .map(|(t, logos)| {
            TierGrowth::from(BookFigures {
                new_logos_last_12_months: logos.n,
                avg_new_logo_arr: logos.value(),
                logo_churn_rate: t.renewals.churn_rate(),
                grr: t.renewals.grr(),
                nrr: t.renewals.nrr(),
            })
        })
        .collect()
}

/// The tiers month by month: month 0 is `base`, then each month applies churn, expansion and
/// new logos.
pub fn project_tiers(base: &[TierLoad], growth: &[TierGrowth], horizon: u32) -> Vec<Vec<TierLoad>> {
    let none = TierGrowth::default();
    let rates: Vec<(f64, f64, f64, &TierGrowth)> = (0..base.len())
        .map(|i| {
            let g = growth.get(i).unwrap_or(&none);
            (
                monthly_rate(g.annual_logo_churn),
                monthly_rate(g.annual_dollar_churn),
                monthly_rate(g.annual_net_expansion),
                g,
            )
        })
        .collect();
    let mut months = Vec::with_capacity(horizon as usize + 1);
    months.push(base.to_vec());
    for _ in 0..horizon {
        let next = months[months.len() - 1]
            .iter()
            .zip(&rates)
            .map(|(t, &(c, g, e, grow))| TierLoad {
                accounts: t.accounts * (1.0 - c) + grow.new_logos_per_month,
                arr: t.arr * (1.0 - g + e) + grow.new_logos_per_month * grow.avg_new_arr,
                ..t.clone()
            })
            .collect();
        months.push(next);
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tiers::ServiceModel;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn one_tier(accounts: f64, arr: f64, apc: f64) -> Vec<TierLoad> {
        vec![TierLoad {
            accounts,
            arr,
            service_model: ServiceModel::HighTouch,
            accounts_per_csm: apc,
            arr_per_csm: None,
            hours_per_account: None,
        }]
    }

    #[test]
    fn monthly_rates() {
        assert!((monthly_rate(0.15) - 0.013_451_947).abs() < 1e-8);
        assert_eq!(monthly_rate(0.0), 0.0);
        assert_eq!(monthly_rate(1.0), 1.0);
        assert_eq!(monthly_rate(1.5), 1.0);
        assert_eq!(monthly_rate(f64::NAN), 0.0);
        assert!(close(monthly_rate(1.0 - 0.9f64.powi(12)), 0.1));
    }

    #[test]
    fn tiers_churn_expand_and_add_new_logos() {
        // Monthly logo churn 10%, dollar churn 10%, expansion 5%.
        let g = TierGrowth {
            new_logos_per_month: 10.0,
            avg_new_arr: 50.0,
            annual_logo_churn: 1.0 - 0.9f64.powi(12),
            annual_dollar_churn: 1.0 - 0.9f64.powi(12),
            annual_net_expansion: 1.0 - 0.95f64.powi(12),
        };
        let m = project_tiers(&one_tier(100.0, 1_000.0, 10.0), &[g], 2);
        assert_eq!(m.len(), 3);
        // 100 × 0.9 + 10 = 100; 1,000 × 0.95 + 500 = 1,450; then 1,450 × 0.95 + 500 = 1,877.5
        assert!(close(m[1][0].accounts, 100.0));
        assert!(close(m[1][0].arr, 1_450.0));
        assert!(close(m[2][0].arr, 1_877.5));
        assert_eq!(m[2][0].accounts_per_csm, 10.0);
    }

    #[test]
    fn defaults_from_book_figures() {
        let g = TierGrowth::from(BookFigures {
            new_logos_last_12_months: 30,
            avg_new_logo_arr: Some(12_000.0),
            logo_churn_rate: Some(0.2),
            grr: Some(0.85),
            nrr: Some(1.05),
        });
        assert_eq!(g.new_logos_per_month, 2.5);
        assert_eq!(g.avg_new_arr, 12_000.0);
        assert_eq!(g.annual_logo_churn, 0.2);
        assert!(close(g.annual_dollar_churn, 0.15));
        assert!(close(g.annual_net_expansion, 0.2));
        assert_eq!(TierGrowth::from(BookFigures::default()), TierGrowth::default());
    }

    #[test]
    fn defaults_from_the_book() {
        use crate::domain::book::{Account, AsOfRules, Outcome, Term};
        use crate::domain::health::HealthSettings;
        use crate::domain::renewals::RenewalTally;
        use crate::domain::tiers::TierSettings;
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let account = |start: &str, arr: f64| Account {
            terms: vec![Term { start: d(start), end: d("2026-12-31"), arr, outcome: Outcome::Open }],
            ..Default::default()
        };
        let as_of = d("2025-06-30");
        // Strategic: two new logos (one started on the window's first day) and an old one;
        // the window is [2024-07-01, 2025-06-30].
        let book = Book {
            accounts: vec![
                account("2024-07-01", 120_000.0),
                account("2025-06-30", 180_000.0),
                account("2024-06-30", 500_000.0),
                account("2025-01-01", 30_000.0),
            ],
        };
        let settings = TierSettings::default();
        let snap = Snapshot::new(&book, as_of, &AsOfRules::default(), &HealthSettings::default(), &settings);
        let mut figures = vec![TierFigures::default(); 4];
        figures[0].renewals = RenewalTally {
            due_count: 4,
            renewed_count: 3,
            due_arr: 400.0,
            kept_arr: 360.0,
            renewed_arr: 440.0,
            ..Default::default()
        };
        let g = growth_defaults(&book, &snap, &figures);
        assert_eq!(g.len(), 4);
        assert!(close(g[0].new_logos_per_month, 2.0 / 12.0));
        assert!(close(g[0].avg_new_arr, 150_000.0));
        assert!(close(g[0].annual_logo_churn, 0.25));
        assert!(close(g[0].annual_dollar_churn, 0.1));
        assert!(close(g[0].annual_net_expansion, 0.2));
        assert!(close(g[1].new_logos_per_month, 1.0 / 12.0));
        assert_eq!(g[2], TierGrowth::default());
    }
}
