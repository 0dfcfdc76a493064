//! Renewal commission (DOMAIN.md §7, 表2-3): the owner's logo renewal rate picks a band, the
//! band's rate applies to the renewed ARR.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::book::Book;
use super::capacity::reaches;
use super::renewals::{Decision, DueTerm};
use super::stats::TOLERANCE;

/// From `from_rate` (a logo renewal rate, inclusive) up to the next band's `from_rate`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommissionBand {
    pub from_rate: f64,
    /// Commission as a fraction of the renewed next ARR.
    pub rate: f64,
}

/// Large accounts are renewed by sales and the CSM together (seed 003). When on, the
/// commission earned on a renewed term whose ARR reaches `arr_threshold` is split: the CSM
/// keeps `csm_share` of it and sales gets the rest. The band is still picked by the owner's
/// whole renewal rate, since the CSM carried every account through the term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SalesSplit {
    pub enabled: bool,
    pub arr_threshold: f64,
    pub csm_share: f64,
}

impl Default for SalesSplit {
    fn default() -> Self {
        SalesSplit { enabled: false, arr_threshold: 100_000.0, csm_share: 0.5 }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CommissionSettings {
    pub bands: Vec<CommissionBand>,
    pub split: SalesSplit,
}

impl Default for CommissionSettings {
    /// Illustrative bands: [0, 70%) → 0, [70%, 80%) → 3%, [80%, 90%) → 5%, [90%, 100%] → 8%.
    fn default() -> Self {
        let band = |from_rate, rate| CommissionBand { from_rate, rate };
        CommissionSettings {
            bands: vec![band(0.0, 0.0), band(0.7, 0.03), band(0.8, 0.05), band(0.9, 0.08)],
            split: SalesSplit::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CommissionError {
    /// A band starts outside 0–100% (index into `bands`).
    BandStart(usize),
    /// A band's rate is negative or not a number.
    BandRate(usize),
    /// Two bands start at the same rate.
    SameStart(usize),
    /// The CSM share of a split is outside 0–100%.
    CsmShare,
}

impl CommissionSettings {
    pub fn validate(&self) -> Result<(), CommissionError> {
        for (i, b) in self.bands.iter().enumerate() {
            if !(0.0..=1.0).contains(&b.from_rate) {
                return Err(CommissionError::BandStart(i));
            }
            if b.rate.is_nan() || b.rate < 0.0 {
                return Err(CommissionError::BandRate(i));
            }
            if self.bands[..i].iter().any(|o| (o.from_rate - b.from_rate).abs() <= TOLERANCE) {
                return Err(CommissionError::SameStart(i));
            }
        }
        if !(0.0..=1.0).contains(&self.split.csm_share) {
            return Err(CommissionError::CsmShare);
        }
        Ok(())
    }

    /// The band a renewal rate falls in (index into `bands`, which need not be sorted), with
    /// the §0 tolerance; `None` below every band.
    pub fn band_of(&self, logo_rate: f64) -> Option<usize> {
        self.bands
            .iter()
            .enumerate()
            .filter(|(_, b)| b.from_rate <= logo_rate + TOLERANCE)
            .max_by(|(_, x), (_, y)| x.from_rate.total_cmp(&y.from_rate))
            .map(|(i, _)| i)
    }
}

/// A renewed term of the owner's due set: its own arr and the arr of the term that follows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RenewedTerm {
    pub arr: f64,
    pub next_arr: f64,
}

/// One owner's due set (§4, default period), as the renewal metrics report it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnerRenewals {
    pub due_count: usize,
    pub renewed: Vec<RenewedTerm>,
}

/// Each owner's due set (pass the due set of the default period), churned accounts included,
/// by owner name (trimmed; "" = unassigned). An owner absent here had nothing due.
pub fn owner_renewals(book: &Book, due: &[DueTerm]) -> BTreeMap<String, OwnerRenewals> {
    let mut owners: BTreeMap<String, OwnerRenewals> = BTreeMap::new();
    for term in due {
        let Some(account) = book.accounts.get(term.account) else { continue };
        let entry = owners.entry(account.owner.trim().to_string()).or_default();
        entry.due_count += 1;
        if let Decision::Renewed { next_arr, .. } = term.decision {
            entry.renewed.push(RenewedTerm { arr: term.arr, next_arr });
        }
    }
    owners
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Commission {
    pub logo_rate: f64,
    pub band: Option<usize>,
    pub rate: f64,
    /// Σ next arr of the renewed terms.
    pub base: f64,
    /// rate × base: the whole commission before any split.
    pub amount: f64,
    /// What the CSM earns (`owner.OWNER.commission`).
    pub csm_amount: f64,
    pub sales_amount: f64,
}

/// The owner's commission; `None` when nothing was due.
pub fn commission(owner: &OwnerRenewals, settings: &CommissionSettings) -> Option<Commission> {
    if owner.due_count == 0 {
        return None;
    }
    // More renewals than due terms would be an input error; it cannot earn more than 100%.
    let logo_rate = (owner.renewed.len() as f64 / owner.due_count as f64).min(1.0);
    let band = settings.band_of(logo_rate);
    let rate = band.and_then(|i| settings.bands.get(i)).map_or(0.0, |b| b.rate);
    let split = &settings.split;
    let (mut base, mut csm_amount) = (0.0, 0.0);
    for t in &owner.renewed {
        base += t.next_arr;
        let share = if split.enabled && reaches(t.arr, split.arr_threshold) { split.csm_share } else { 1.0 };
        csm_amount += rate * t.next_arr * share;
    }
    let amount = rate * base;
    Some(Commission { logo_rate, band, rate, base, amount, csm_amount, sales_amount: amount - csm_amount })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `renewed` of `due` renewed, each renewed term 10,000 → 12,000.
    fn owner(due: usize, renewed: usize) -> OwnerRenewals {
        OwnerRenewals { due_count: due, renewed: vec![RenewedTerm { arr: 10_000.0, next_arr: 12_000.0 }; renewed] }
    }

    fn rate_of(due: usize, renewed: usize) -> f64 {
        commission(&owner(due, renewed), &CommissionSettings::default()).unwrap().rate
    }

    #[test]
    fn band_edges_are_lower_inclusive() {
        assert_eq!(rate_of(100, 69), 0.0);
        assert_eq!(rate_of(10, 7), 0.03);
        assert_eq!(rate_of(100, 79), 0.03);
        assert_eq!(rate_of(10, 8), 0.05);
        assert_eq!(rate_of(100, 89), 0.05);
        assert_eq!(rate_of(10, 9), 0.08);
        assert_eq!(rate_of(10, 10), 0.08);
        assert_eq!(rate_of(3, 0), 0.0);
        assert_eq!(rate_of(1000, 699), 0.0);
    }

    #[test]
    fn commission_is_rate_times_next_arr() {
        let c = commission(&owner(10, 8), &CommissionSettings::default()).unwrap();
        // 8 × 12,000 = 96,000 at 5%.
        assert_eq!(c.base, 96_000.0);
        assert!((c.amount - 4_800.0).abs() < 1e-9);
        assert_eq!(c.csm_amount, c.amount);
        assert_eq!(c.sales_amount, 0.0);
        assert_eq!(c.band, Some(2));
        assert_eq!(c.logo_rate, 0.8);
    }

    #[test]
    fn nothing_due_means_no_commission() {
        assert_eq!(commission(&owner(0, 0), &CommissionSettings::default()), None);
    }

    #[test]
    fn split_with_sales_above_threshold() {
        let s = CommissionSettings {
            split: SalesSplit { enabled: true, arr_threshold: 100_000.0, csm_share: 0.4 },
            ..Default::default()
        };
        let o = OwnerRenewals {
            due_count: 2,
            renewed: vec![
                RenewedTerm { arr: 100_000.0, next_arr: 150_000.0 },
                RenewedTerm { arr: 99_999.0, next_arr: 50_000.0 },
            ],
        };
        let c = commission(&o, &s).unwrap();
        // 100% renewed → 8% of 200,000 = 16,000; of the large term's 12,000 the CSM keeps 40%.
        assert!((c.amount - 16_000.0).abs() < 1e-9);
        assert!((c.csm_amount - (4_800.0 + 4_000.0)).abs() < 1e-9);
        assert!((c.sales_amount - 7_200.0).abs() < 1e-9);
        // Off by default.
        let c = commission(&o, &CommissionSettings::default()).unwrap();
        assert_eq!(c.csm_amount, c.amount);
    }

    #[test]
    fn bands_need_not_be_sorted_and_are_validated() {
        let mut s = CommissionSettings::default();
        s.bands.reverse();
        assert_eq!(s.band_of(0.85), Some(1));
        assert_eq!(s.validate(), Ok(()));
        s.bands = vec![CommissionBand { from_rate: 0.5, rate: 0.1 }];
        assert_eq!(s.band_of(0.4), None);
        assert_eq!(commission(&owner(10, 4), &s).unwrap().amount, 0.0);
        s.bands.push(CommissionBand { from_rate: 0.5, rate: 0.2 });
        assert_eq!(s.validate(), Err(CommissionError::SameStart(1)));
        s.bands[1] = CommissionBand { from_rate: 1.5, rate: 0.2 };
        assert_eq!(s.validate(), Err(CommissionError::BandStart(1)));
        s.bands[1] = CommissionBand { from_rate: 0.6, rate: -0.2 };
        assert_eq!(s.validate(), Err(CommissionError::BandRate(1)));
        s.bands.pop();
        s.split.csm_share = 1.5;
        assert_eq!(s.validate(), Err(CommissionError::CsmShare));
    }

    #[test]
    fn owner_renewals_from_the_due_set() {
        use crate::domain::book::Account;
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let book = Book {
            accounts: vec![
                Account { owner: " Ann ".into(), ..Default::default() },
                Account { owner: "Bob".into(), ..Default::default() },
            ],
        };
        let term = |account, arr, decision| DueTerm { account, term: 0, end: d("2025-03-31"), arr, decision };
        let due = [
            term(0, 10_000.0, Decision::Renewed { on: d("2025-03-01"), next_arr: 12_000.0 }),
            term(0, 5_000.0, Decision::Churned(d("2025-03-31"))),
            term(1, 8_000.0, Decision::Lapsed(d("2025-04-30"))),
            term(7, 1.0, Decision::Churned(d("2025-03-31"))),
        ];
        let owners = owner_renewals(&book, &due);
        assert_eq!(owners.len(), 2);
        assert_eq!(
            owners["Ann"],
            OwnerRenewals { due_count: 2, renewed: vec![RenewedTerm { arr: 10_000.0, next_arr: 12_000.0 }] }
        );
        let bob = commission(&owners["Bob"], &CommissionSettings::default()).unwrap();
        assert_eq!((bob.logo_rate, bob.amount), (0.0, 0.0));
    }
}
