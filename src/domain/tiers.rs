//! ARR tiers (客户分层): which tier an account is in, and the per-tier figures of the Segments page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::Account;
use super::renewals::{DueTerm, RenewalTally};
use super::snapshot::Snapshot;
use super::stats::{at_least, ratio, Mean};

/// How much people a tier gets (服务模式).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceModel {
    /// 高接触
    HighTouch,
    /// 低接触
    LowTouch,
    /// 自动化
    TechTouch,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    pub name_zh: String,
    pub name_en: String,
    /// Accounts whose basis amount is ≥ this (and below the tier above) are in the tier.
    pub min_arr: f64,
    pub service_model: ServiceModel,
    pub accounts_per_csm: f64,
    /// `None` = the global ARR per CSM (§5).
    #[serde(default)]
    pub arr_per_csm: Option<f64>,
    /// Days between proactive contacts; `None` = never due.
    #[serde(default)]
    pub cadence_days: Option<u32>,
    /// When set, capacity derives accounts per CSM from effort instead (§5).
    #[serde(default)]
    pub hours_per_account: Option<f64>,
}

/// What an account is tiered by (分层依据).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TierBasis {
    #[default]
    Arr,
    /// 按潜在ARR分; accounts without potential_arr fall back to arr.
    PotentialArr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierSettings {
    /// Highest tier first; the last one's threshold is 0.
    pub tiers: Vec<Tier>,
    pub basis: TierBasis,
}

fn tier(zh: &str, en: &str, min_arr: f64, model: ServiceModel, per_csm: f64, cadence: Option<u32>) -> Tier {
    Tier {
        name_zh: zh.into(),
        name_en: en.into(),
        min_arr,
        service_model: model,
        accounts_per_csm: per_csm,
        arr_per_csm: None,
        cadence_days: cadence,
        hours_per_account: None,
    }
}

impl Default for TierSettings {
    /// DOMAIN.md §2, after seed 004's "by contract size".
    fn default() -> Self {
        use ServiceModel::*;
        TierSettings {
            tiers: vec![
                tier("战略客户", "Strategic", 100_000.0, HighTouch, 10.0, Some(30)),
                tier("重点客户", "Key", 20_000.0, HighTouch, 40.0, Some(60)),
                tier("成长客户", "Growth", 5_000.0, LowTouch, 200.0, Some(120)),
                tier("长尾客户", "Long tail", 0.0, TechTouch, 1_000.0, None),
            ],
            basis: TierBasis::Arr,
        }
    }
}

impl TierSettings {
    /// The amount the account is tiered by, given its arr as of D.
    pub fn basis_amount(&self, account: &Account, arr: f64) -> f64 {
        match self.basis {
            TierBasis::Arr => arr,
            TierBasis::PotentialArr => account.potential_arr.unwrap_or(arr),
        }
    }

    /// The first tier (from the top) whose threshold the amount reaches; amounts below every
    /// threshold (only possible with unvalidated settings) land in the last tier.
    pub fn tier_for_amount(&self, amount: f64) -> usize {
        self.tiers.iter().position(|t| at_least(amount, t.min_arr)).unwrap_or(self.tiers.len().saturating_sub(1))
    }

    /// Every problem of edited tiers at once, so the form can mark them all.
    pub fn validate(&self) -> Result<(), Vec<TierError>> {
        let mut errors = Vec::new();
        if self.tiers.is_empty() {
            errors.push(TierError::NoTiers);
        }
        for (i, t) in self.tiers.iter().enumerate() {
            if t.name_zh.trim().is_empty() && t.name_en.trim().is_empty() {
                errors.push(TierError::Unnamed { tier: i });
            }
            if !t.min_arr.is_finite() || t.min_arr < 0.0 {
                errors.push(TierError::InvalidThreshold { tier: i });
            }
            if i > 0 && t.min_arr >= self.tiers[i - 1].min_arr {
                errors.push(TierError::ThresholdNotBelowPrevious { tier: i });
            }
            let positive = |x: f64| x.is_finite() && x > 0.0;
            let ratios = [
                (TierField::AccountsPerCsm, Some(t.accounts_per_csm)),
                (TierField::ArrPerCsm, t.arr_per_csm),
                (TierField::HoursPerAccount, t.hours_per_account),
                (TierField::CadenceDays, t.cadence_days.map(f64::from)),
            ];
            for (field, value) in ratios {
                if value.is_some_and(|v| !positive(v)) {
                    errors.push(TierError::NotPositive { tier: i, field });
                }
            }
        }
        if self.tiers.last().is_some_and(|t| t.min_arr != 0.0) {
            errors.push(TierError::LastThresholdNotZero);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The account's tier as of D (index into `settings.tiers`).
pub fn tier_of(account: &Account, as_of: NaiveDate, settings: &TierSettings) -> usize {
    settings.tier_for_amount(settings.basis_amount(account, account.arr(as_of)))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierField {
    AccountsPerCsm,
    ArrPerCsm,
    HoursPerAccount,
    CadenceDays,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierError {
    NoTiers,
    Unnamed {
        tier: usize,
    },
    InvalidThreshold {
        tier: usize,
    },
    /// Thresholds must fall strictly from the top tier down.
    ThresholdNotBelowPrevious {
        tier: usize,
    },
    /// Otherwise some accounts would be in no tier.
    LastThresholdNotZero,
    NotPositive {
        tier: usize,
        field: TierField,
    },
}

/// One row of the tier table.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TierFigures {
    /// Active accounts.
    pub accounts: usize,
    pub arr: f64,
    pub share_of_accounts: Option<f64>,
    pub share_of_arr: Option<f64>,
    pub average_health: Option<f64>,
    /// Over the due terms of every account in the tier, churned ones included (an active-only
    /// due set would hold renewals alone). `renewals.logo_rate()` is the tier's renewal rate.
    pub renewals: RenewalTally,
}

/// Figures per tier (index = tier); `due` is the due set of the default period.
pub fn tier_figures(snapshot: &Snapshot, due: &[DueTerm]) -> Vec<TierFigures> {
    let mut rows = vec![TierFigures::default(); snapshot.tier_count];
    let mut health = vec![Mean::default(); snapshot.tier_count];
    let (mut accounts, mut arr) = (0usize, 0.0);
    for view in snapshot.views.iter().filter(|v| v.is_active()) {
        accounts += 1;
        arr += view.arr;
        if let (Some(row), Some(h)) = (rows.get_mut(view.tier), health.get_mut(view.tier)) {
            row.accounts += 1;
            row.arr += view.arr;
            h.add_opt(view.health);
        }
    }
    for term in due {
        let tier = snapshot.views.get(term.account).map(|v| v.tier);
        if let Some(row) = tier.and_then(|t| rows.get_mut(t)) {
            row.renewals.add(term);
        }
    }
    for (row, h) in rows.iter_mut().zip(&health) {
        row.share_of_accounts = ratio(row.accounts as f64, accounts as f64);
        row.share_of_arr = ratio(row.arr, arr);
        row.average_health = h.value();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_are_lower_inclusive() {
        let s = TierSettings::default();
        assert_eq!(s.tier_for_amount(100_000.0), 0);
        assert_eq!(s.tier_for_amount(99_999.99), 1);
        assert_eq!(s.tier_for_amount(20_000.0), 1);
        assert_eq!(s.tier_for_amount(19_999.99), 2);
        assert_eq!(s.tier_for_amount(5_000.0), 2);
        assert_eq!(s.tier_for_amount(4_999.99), 3);
        assert_eq!(s.tier_for_amount(0.0), 3);
        // An amount a rounding error short of the threshold is in.
        assert_eq!(s.tier_for_amount(100_000.0 - 1e-10), 0);
    }

    #[test]
    fn potential_arr_basis_falls_back_to_arr() {
        let s = TierSettings { basis: TierBasis::PotentialArr, ..Default::default() };
        let with = Account { potential_arr: Some(150_000.0), ..Default::default() };
        let without = Account::default();
        assert_eq!(s.tier_for_amount(s.basis_amount(&with, 3_000.0)), 0);
        assert_eq!(s.tier_for_amount(s.basis_amount(&without, 30_000.0)), 1);
        let by_arr = TierSettings::default();
        assert_eq!(by_arr.tier_for_amount(by_arr.basis_amount(&with, 3_000.0)), 3);
    }

    #[test]
    fn tier_of_reads_the_current_term() {
        use crate::domain::book::{Outcome, Term};
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let a = Account {
            terms: vec![
                Term {
                    start: d("2024-01-01"),
                    end: d("2024-12-31"),
                    arr: 15_000.0,
                    outcome: Outcome::Renewed(d("2024-12-01")),
                },
                Term { start: d("2025-01-01"), end: d("2025-12-31"), arr: 25_000.0, outcome: Outcome::Open },
            ],
            ..Default::default()
        };
        let s = TierSettings::default();
        assert_eq!(tier_of(&a, d("2024-12-31"), &s), 2);
        assert_eq!(tier_of(&a, d("2025-01-01"), &s), 1);
        assert_eq!(tier_of(&Account::default(), d("2025-01-01"), &s), 3);
    }

    #[test]
    fn default_tiers_are_valid() {
        assert_eq!(TierSettings::default().validate(), Ok(()));
    }

    #[test]
    fn validation_lists_every_problem() {
        let mut s = TierSettings::default();
        s.tiers[1].min_arr = 100_000.0; // not below Strategic
        s.tiers[2].accounts_per_csm = 0.0;
        s.tiers[0].arr_per_csm = Some(-1.0);
        s.tiers[3].cadence_days = Some(0);
        s.tiers[3].min_arr = 10.0; // still below Growth, but no longer catches every account
        s.tiers[2].name_zh = " ".into();
        s.tiers[2].name_en = String::new();
        let errors = s.validate().unwrap_err();
        assert_eq!(
            errors,
            vec![
                TierError::NotPositive { tier: 0, field: TierField::ArrPerCsm },
                TierError::ThresholdNotBelowPrevious { tier: 1 },
                TierError::Unnamed { tier: 2 },
                TierError::NotPositive { tier: 2, field: TierField::AccountsPerCsm },
                TierError::NotPositive { tier: 3, field: TierField::CadenceDays },
                TierError::LastThresholdNotZero,
            ]
        );
        let empty = TierSettings { tiers: vec![], ..Default::default() };
        assert_eq!(empty.validate(), Err(vec![TierError::NoTiers]));
        assert_eq!(empty.tier_for_amount(5.0), 0);
    }

    #[test]
    fn settings_round_trip_through_json() {
        let s = TierSettings { basis: TierBasis::PotentialArr, ..Default::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<TierSettings>(&json).unwrap(), s);
        // Missing fields take the defaults.
        assert_eq!(serde_json::from_str::<TierSettings>("{}").unwrap(), TierSettings::default());
    }
}
