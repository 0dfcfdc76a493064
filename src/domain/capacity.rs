//! How many CSMs the book needs (DOMAIN.md §5): the ARR rule, needs-based, and hybrid.
//!
//! Works on per-tier aggregates the caller builds from the book (active accounts only), so it
//! costs a few operations per tier whatever the book's size.

use serde::{Deserialize, Serialize};

use super::stats::TOLERANCE;
use super::tiers::{ServiceModel, Tier, TierFigures, TierSettings};

/// ⌈x⌉ with the §0 tolerance, so 40 × 1/40 needs 1 CSM, not 2. Negative and NaN give 0.
pub fn headcount_of(fte: f64) -> u32 {
    let up = (fte - TOLERANCE).ceil();
    if up.is_nan() || up <= 0.0 {
        0
    } else if up >= u32::MAX as f64 {
        u32::MAX
    } else {
        up as u32
    }
}

/// `amount ≥ threshold` for computed money sums: a sum of cents may land a hair under the
/// threshold it equals, so the tolerance is relative to the threshold's size.
pub fn reaches(amount: f64, threshold: f64) -> bool {
    amount >= threshold - TOLERANCE * threshold.abs().max(1.0)
}

/// One tier's covered book and its staffing ratios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TierLoad {
    /// Active accounts in the tier. A float because projections carry fractional accounts.
    pub accounts: f64,
    /// Σ arr of the tier's active accounts.
    pub arr: f64,
    pub service_model: ServiceModel,
    pub accounts_per_csm: f64,
    /// The tier's own ARR per CSM; `None` uses the global one.
    pub arr_per_csm: Option<f64>,
    /// Hours per account a year; when set, the needs-based method derives the tier's accounts
    /// per CSM from effort instead of `accounts_per_csm`.
    pub hours_per_account: Option<f64>,
}

impl TierLoad {
    pub fn from_tier(tier: &Tier, accounts: usize, arr: f64) -> Self {
        TierLoad {
            accounts: accounts as f64,
            arr,
            service_model: tier.service_model,
            accounts_per_csm: tier.accounts_per_csm,
            arr_per_csm: tier.arr_per_csm,
            hours_per_account: tier.hours_per_account,
        }
    }
}

/// The capacity inputs of every tier: its settings with its active accounts and ARR.
pub fn tier_loads(tiers: &TierSettings, figures: &[TierFigures]) -> Vec<TierLoad> {
    tiers
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let f = figures.get(i).copied().unwrap_or_default();
            TierLoad::from_tier(t, f.accounts, f.arr)
        })
        .collect()
}

/// The ARR-per-CSM presets the seed names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArrPerCsmPreset {
    /// Gainsight's practice: "hire at 1M".
    OneMillion,
    /// 200万原则, the mainstream rule.
    TwoMillion,
    Custom,
}

impl ArrPerCsmPreset {
    pub fn amount(self) -> Option<f64> {
        match self {
            ArrPerCsmPreset::OneMillion => Some(1_000_000.0),
            ArrPerCsmPreset::TwoMillion => Some(2_000_000.0),
            ArrPerCsmPreset::Custom => None,
        }
    }

    /// The preset an amount corresponds to, for showing the selector's state.
    pub fn of(amount: f64) -> Self {
        if amount == 1_000_000.0 {
            ArrPerCsmPreset::OneMillion
        } else if amount == 2_000_000.0 {
            ArrPerCsmPreset::TwoMillion
        } else {
            ArrPerCsmPreset::Custom
        }
    }
}

/// A CSM's working year, from which a tier's accounts per CSM may be derived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Effort {
    pub workdays: f64,
    pub hours_per_day: f64,
    /// Share of hours spent on accounts (the rest: meetings, training, admin).
    pub utilization: f64,
}

impl Default for Effort {
    fn default() -> Self {
        Effort { workdays: 200.0, hours_per_day: 8.0, utilization: 0.75 }
    }
}

impl Effort {
    /// CSM hours a year available for accounts: 200 × 8 × 0.75 = 1,200 by default.
    pub fn hours_a_year(&self) -> f64 {
        self.workdays * self.hours_per_day * self.utilization
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CapacitySettings {
    pub arr_per_csm: f64,
    /// A high- or low-touch tier reaching this ARR gets dedicated CSMs in the hybrid method
    /// (also the tier trigger's threshold: 300–500K covers a CSM's cost).
    pub dedicated_threshold: f64,
    pub effort: Effort,
}

impl Default for CapacitySettings {
    fn default() -> Self {
        CapacitySettings { arr_per_csm: 2_000_000.0, dedicated_threshold: 400_000.0, effort: Effort::default() }
    }
}

impl CapacitySettings {
    /// The accounts per CSM the needs-based method uses for a tier.
    pub fn accounts_per_csm(&self, tier: &TierLoad) -> f64 {
        match tier.hours_per_account {
            Some(hours) if hours > 0.0 => self.effort.hours_a_year() / hours,
            _ => tier.accounts_per_csm,
        }
    }

    pub fn tier_arr_per_csm(&self, tier: &TierLoad) -> f64 {
        tier.arr_per_csm.unwrap_or(self.arr_per_csm)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapacityMethod {
    /// 200万原则.
    ArrRule,
    /// 按需分配.
    NeedsBased,
    /// 分群 + 200万原则, the seed's recommendation.
    #[default]
    Hybrid,
}

impl CapacityMethod {
    pub const ALL: [CapacityMethod; 3] = [CapacityMethod::ArrRule, CapacityMethod::NeedsBased, CapacityMethod::Hybrid];
}

/// One tier's share of the requirement.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TierCapacity {
    pub fte: f64,
    /// Hybrid only: the tier has whole dedicated CSMs rather than a pooled share.
    pub dedicated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapacityResult {
    pub method: CapacityMethod,
    /// Exact FTE, unrounded.
    pub fte: f64,
    /// ⌈fte⌉ with the §0 tolerance.
    pub headcount: u32,
    pub tiers: Vec<TierCapacity>,
}

impl CapacityResult {
    /// Positions to add (negative: more CSMs than needed) given today's CSM headcount.
    pub fn gap_to(&self, current_headcount: f64) -> f64 {
        f64::from(self.headcount) - current_headcount
    }
}

/// `numerator / ratio`, or 0 when the ratio is not a positive number: a tier without a usable
/// ratio cannot be staffed by a formula, and an infinite FTE would poison every total.
fn per(numerator: f64, ratio: f64) -> f64 {
    if ratio > 0.0 && ratio.is_finite() && numerator.is_finite() {
        numerator / ratio
    } else {
        0.0
    }
}

fn result(method: CapacityMethod, fte: f64, tiers: Vec<TierCapacity>) -> CapacityResult {
    CapacityResult { method, fte, headcount: headcount_of(fte), tiers }
}

/// ARR rule: Σ covered ARR / ARR per CSM (the global one, whatever the tiers say).
pub fn arr_rule_fte(tiers: &[TierLoad], settings: &CapacitySettings) -> CapacityResult {
    let total: f64 = tiers.iter().map(|t| t.arr).sum();
    let per_tier =
        tiers.iter().map(|t| TierCapacity { fte: per(t.arr, settings.arr_per_csm), dedicated: false }).collect();
    // One division of the total, as the rule states, rather than a sum of per-tier quotients.
    result(CapacityMethod::ArrRule, per(total, settings.arr_per_csm), per_tier)
}

/// Needs-based: Σ over tiers of accounts / accounts per CSM (one division per tier).
pub fn needs_based_fte(tiers: &[TierLoad], settings: &CapacitySettings) -> CapacityResult {
    let per_tier: Vec<TierCapacity> = tiers
        .iter()
        .map(|t| TierCapacity { fte: per(t.accounts, settings.accounts_per_csm(t)), dedicated: false })
        .collect();
    let fte = per_tier.iter().map(|t| t.fte).sum();
    result(CapacityMethod::NeedsBased, fte, per_tier)
}

/// Hybrid: tiers first, then the ARR rule per tier. High- and low-touch tiers reaching the
/// dedicated threshold get whole CSMs; the rest share a pool, unrounded.
pub fn hybrid_fte(tiers: &[TierLoad], settings: &CapacitySettings) -> CapacityResult {
    let per_tier: Vec<TierCapacity> = tiers
        .iter()
        .map(|t| {
            let share = per(t.arr, settings.tier_arr_per_csm(t));
            let dedicated = t.service_model != ServiceModel::TechTouch && reaches(t.arr, settings.dedicated_threshold);
            let fte = if dedicated { f64::from(headcount_of(share)) } else { share };
            TierCapacity { fte, dedicated }
        })
        .collect();
    let fte = per_tier.iter().map(|t| t.fte).sum();
    result(CapacityMethod::Hybrid, fte, per_tier)
}

pub fn required_fte(method: CapacityMethod, tiers: &[TierLoad], settings: &CapacitySettings) -> CapacityResult {
    match method {
        CapacityMethod::ArrRule => arr_rule_fte(tiers, settings),
        CapacityMethod::NeedsBased => needs_based_fte(tiers, settings),
        CapacityMethod::Hybrid => hybrid_fte(tiers, settings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(accounts: f64, arr: f64, model: ServiceModel, apc: f64) -> TierLoad {
        TierLoad {
            accounts,
            arr,
            service_model: model,
            accounts_per_csm: apc,
            arr_per_csm: None,
            hours_per_account: None,
        }
    }

    /// The default four tiers: 12 strategic (1.8M), 50 key (2.1M), 300 growth (300K),
    /// 2,000 long tail (4.0M).
    fn book() -> Vec<TierLoad> {
        vec![
            tier(12.0, 1_800_000.0, ServiceModel::HighTouch, 10.0),
            tier(50.0, 2_100_000.0, ServiceModel::HighTouch, 40.0),
            tier(300.0, 300_000.0, ServiceModel::LowTouch, 200.0),
            tier(2_000.0, 4_000_000.0, ServiceModel::TechTouch, 1_000.0),
        ]
    }

    #[test]
    fn headcount_rounds_up_with_tolerance() {
        assert_eq!(headcount_of(40.0 * (1.0 / 40.0) + 4e-16), 1);
        assert_eq!(headcount_of(1.0000001), 2);
        assert_eq!(headcount_of(0.0), 0);
        assert_eq!(headcount_of(-3.0), 0);
        assert_eq!(headcount_of(f64::NAN), 0);
        assert_eq!(headcount_of(2.5), 3);
    }

    #[test]
    fn arr_rule_divides_total_arr() {
        let r = arr_rule_fte(&book(), &CapacitySettings::default());
        // 8.2M / 2M
        assert!((r.fte - 4.1).abs() < 1e-12);
        assert_eq!(r.headcount, 5);
        assert!((r.tiers[0].fte - 0.9).abs() < 1e-12);
        let one_m = CapacitySettings { arr_per_csm: 1_000_000.0, ..Default::default() };
        assert!((arr_rule_fte(&book(), &one_m).fte - 8.2).abs() < 1e-12);
        assert_eq!(r.gap_to(3.0), 2.0);
    }

    #[test]
    fn needs_based_sums_per_tier_divisions() {
        let r = needs_based_fte(&book(), &CapacitySettings::default());
        // 12/10 + 50/40 + 300/200 + 2000/1000 = 1.2 + 1.25 + 1.5 + 2
        assert!((r.fte - 5.95).abs() < 1e-12);
        assert_eq!(r.headcount, 6);
        assert_eq!(r.tiers.len(), 4);
        assert!((r.tiers[1].fte - 1.25).abs() < 1e-12);
    }

    #[test]
    fn needs_based_can_derive_ratio_from_effort() {
        // 1,200 hours a year / 30 hours per account = 40 accounts per CSM for tier 0.
        let mut tiers = book();
        tiers[0].hours_per_account = Some(30.0);
        let r = needs_based_fte(&tiers, &CapacitySettings::default());
        assert!((r.tiers[0].fte - 0.3).abs() < 1e-12);
        assert!((r.fte - (0.3 + 1.25 + 1.5 + 2.0)).abs() < 1e-12);
        // A zero entry falls back to the tier's ratio instead of dividing by zero.
        tiers[0].hours_per_account = Some(0.0);
        assert!((needs_based_fte(&tiers, &CapacitySettings::default()).tiers[0].fte - 1.2).abs() < 1e-12);
    }

    #[test]
    fn loads_from_tier_settings() {
        let mut settings = TierSettings::default();
        settings.tiers[1].arr_per_csm = Some(1_000_000.0);
        settings.tiers[2].hours_per_account = Some(12.0);
        let figures = [TierFigures { accounts: 12, arr: 1_800_000.0, ..Default::default() }];
        let loads = tier_loads(&settings, &figures);
        assert_eq!(loads.len(), 4);
        assert_eq!(loads[0], tier(12.0, 1_800_000.0, ServiceModel::HighTouch, 10.0));
        // Tiers the figures do not cover are empty.
        assert_eq!((loads[1].accounts, loads[1].arr), (0.0, 0.0));
        assert_eq!(loads[1].arr_per_csm, Some(1_000_000.0));
        assert_eq!(loads[2].hours_per_account, Some(12.0));
        assert_eq!(loads[3].service_model, ServiceModel::TechTouch);
    }

    #[test]
    fn exact_ratio_needs_no_extra_csm() {
        let forty = vec![tier(40.0, 0.0, ServiceModel::HighTouch, 40.0)];
        assert_eq!(needs_based_fte(&forty, &CapacitySettings::default()).headcount, 1);
    }

    #[test]
    fn hybrid_dedicates_large_touch_tiers_and_pools_the_rest() {
        let r = hybrid_fte(&book(), &CapacitySettings::default());
        // strategic 1.8M ≥ 400K: ⌈0.9⌉ = 1; key 2.1M: ⌈1.05⌉ = 2; growth 300K < 400K: 0.15
        // pooled; long tail is tech-touch: 4M/2M = 2 pooled.
        let ftes: Vec<f64> = r.tiers.iter().map(|t| t.fte).collect();
        assert_eq!(ftes, vec![1.0, 2.0, 0.15, 2.0]);
        assert_eq!(r.tiers.iter().map(|t| t.dedicated).collect::<Vec<_>>(), [true, true, false, false]);
        assert!((r.fte - 5.15).abs() < 1e-12);
        assert_eq!(r.headcount, 6);
    }

    #[test]
    fn hybrid_threshold_is_inclusive_and_uses_tier_ratio() {
        let mut t = tier(5.0, 400_000.0, ServiceModel::LowTouch, 200.0);
        let s = CapacitySettings::default();
        let at = hybrid_fte(std::slice::from_ref(&t), &s);
        assert!(at.tiers[0].dedicated);
        assert_eq!(at.fte, 1.0);
        t.arr = 399_999.99;
        let below = hybrid_fte(std::slice::from_ref(&t), &s);
        assert!(!below.tiers[0].dedicated);
        assert!((below.fte - 0.199_999_995).abs() < 1e-12);
        // A tier ARR-per-CSM of 150K: 400K / 150K = 2.67 → 3 dedicated.
        t.arr = 400_000.0;
        t.arr_per_csm = Some(150_000.0);
        assert_eq!(hybrid_fte(&[t], &s).fte, 3.0);
    }

    #[test]
    fn methods_dispatch_and_tolerate_bad_ratios() {
        let bad = vec![tier(10.0, 100.0, ServiceModel::HighTouch, 0.0)];
        let s = CapacitySettings { arr_per_csm: 0.0, ..Default::default() };
        for m in CapacityMethod::ALL {
            let r = required_fte(m, &bad, &s);
            assert_eq!(r.method, m);
            assert_eq!(r.fte, 0.0);
            assert_eq!(r.headcount, 0);
        }
        assert_eq!(required_fte(CapacityMethod::Hybrid, &[], &s).fte, 0.0);
    }

    #[test]
    fn presets_and_defaults() {
        assert_eq!(ArrPerCsmPreset::of(1_000_000.0), ArrPerCsmPreset::OneMillion);
        assert_eq!(ArrPerCsmPreset::of(2_000_000.0).amount(), Some(2_000_000.0));
        assert_eq!(ArrPerCsmPreset::of(1_500_000.0), ArrPerCsmPreset::Custom);
        assert_eq!(Effort::default().hours_a_year(), 1_200.0);
        let s: CapacitySettings = serde_json::from_str(r#"{"arr_per_csm":1000000}"#).unwrap();
        assert_eq!(s.dedicated_threshold, 400_000.0);
        assert!(reaches(399_999.999_999_999_94, 400_000.0));
        assert!(!reaches(399_999.99, 400_000.0));
    }
}
