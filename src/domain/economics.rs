//! Unit economics of the book (DOMAIN.md §5, seed 002): LTV, LTV/CAC and CAC payback.

use serde::{Deserialize, Serialize};

use super::book::BookTotals;
use super::renewals::RenewalTally;
use super::tiers::TierFigures;

pub const MAX_LIFETIME_YEARS: f64 = 10.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EconomicsSettings {
    pub gross_margin: f64,
    /// Entered customer lifetime in years; `None` derives it from the logo churn rate.
    pub lifetime_years: Option<f64>,
    /// Entered CAC per account; until it is, LTV/CAC and payback are not shown.
    pub cac_per_account: Option<f64>,
    /// Per tier (by index), a CAC that replaces `cac_per_account` for that tier.
    pub tier_cac: Vec<Option<f64>>,
}

impl Default for EconomicsSettings {
    fn default() -> Self {
        EconomicsSettings { gross_margin: 0.8, lifetime_years: None, cac_per_account: None, tier_cac: Vec::new() }
    }
}

/// A segment (a tier, or the whole book) as the book reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SegmentFigures {
    /// Σ arr of the segment's active accounts.
    pub arr: f64,
    pub active_accounts: usize,
    /// §4's logo churn rate over the default period; `None` with no due terms.
    pub logo_churn_rate: Option<f64>,
}

impl SegmentFigures {
    /// The whole book: its active accounts and ARR, and the due set of the default period.
    pub fn overall(totals: &BookTotals, due: &RenewalTally) -> Self {
        SegmentFigures { arr: totals.arr, active_accounts: totals.active, logo_churn_rate: due.churn_rate() }
    }
}

impl From<&TierFigures> for SegmentFigures {
    fn from(t: &TierFigures) -> Self {
        SegmentFigures { arr: t.arr, active_accounts: t.accounts, logo_churn_rate: t.renewals.churn_rate() }
    }
}

/// Each figure is `None` when its inputs are missing, so the page shows "—" rather than 0.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct UnitEconomics {
    pub avg_arr: Option<f64>,
    pub lifetime_years: Option<f64>,
    pub ltv: Option<f64>,
    pub ltv_cac: Option<f64>,
    pub payback_months: Option<f64>,
}

/// Lifetime in years: the entered one, else 1 / logo churn capped at 10 (no churn at all
/// means the cap, not infinity); `None` when neither is known.
pub fn lifetime_years(entered: Option<f64>, logo_churn_rate: Option<f64>) -> Option<f64> {
    match entered {
        Some(years) if years.is_finite() && years >= 0.0 => Some(years),
        _ => logo_churn_rate.filter(|c| c.is_finite() && *c >= 0.0).map(|c| {
            if c > 0.0 {
                (1.0 / c).min(MAX_LIFETIME_YEARS)
            } else {
                MAX_LIFETIME_YEARS
            }
        }),
    }
}

fn positive(x: f64) -> Option<f64> {
    (x.is_finite() && x > 0.0).then_some(x)
}

pub fn unit_economics(figures: &SegmentFigures, margin: f64, lifetime: Option<f64>, cac: Option<f64>) -> UnitEconomics {
    let avg_arr = (figures.active_accounts > 0).then(|| figures.arr / figures.active_accounts as f64);
    let lifetime = lifetime_years(lifetime, figures.logo_churn_rate);
    let ltv = avg_arr.zip(lifetime).map(|(a, years)| a * margin * years);
    let cac = cac.and_then(positive);
    UnitEconomics {
        avg_arr,
        lifetime_years: lifetime,
        ltv,
        ltv_cac: ltv.zip(cac).map(|(l, c)| l / c),
        // A segment earning no margin never pays back its CAC.
        payback_months: cac.zip(avg_arr.and_then(|a| positive(a / 12.0 * margin))).map(|(c, monthly)| c / monthly),
    }
}

/// Overall and per tier, with each tier's CAC override.
pub fn economics_by_tier(
    overall: &SegmentFigures,
    tiers: &[SegmentFigures],
    settings: &EconomicsSettings,
) -> (UnitEconomics, Vec<UnitEconomics>) {
    let s = settings;
    let whole = unit_economics(overall, s.gross_margin, s.lifetime_years, s.cac_per_account);
    let per_tier = tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let cac = s.tier_cac.get(i).copied().flatten().or(s.cac_per_account);
            unit_economics(t, s.gross_margin, s.lifetime_years, cac)
        })
        .collect();
    (whole, per_tier)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn seed_example() {
        // Margin 100%, arr 100,000, CAC 120,000, 3-year life.
        let f = SegmentFigures { arr: 1_000_000.0, active_accounts: 10, logo_churn_rate: None };
        let u = unit_economics(&f, 1.0, Some(3.0), Some(120_000.0));
        assert!(close(u.avg_arr, 100_000.0));
        assert!(close(u.ltv, 300_000.0));
        assert!(close(u.ltv_cac, 2.5));
        assert!(close(u.payback_months, 14.4));
    }

    #[test]
    fn lifetime_from_churn_capped_at_ten() {
        assert!(close(lifetime_years(None, Some(0.25)), 4.0));
        assert!(close(lifetime_years(None, Some(0.05)), 10.0));
        assert!(close(lifetime_years(None, Some(0.0)), 10.0));
        assert!(close(lifetime_years(Some(3.0), Some(0.5)), 3.0));
        assert_eq!(lifetime_years(None, None), None);
        assert_eq!(lifetime_years(Some(f64::NAN), None), None);
    }

    #[test]
    fn missing_inputs_hide_figures() {
        let f = SegmentFigures { arr: 500_000.0, active_accounts: 10, logo_churn_rate: None };
        let u = unit_economics(&f, 0.8, None, Some(10_000.0));
        assert!(close(u.avg_arr, 50_000.0));
        assert_eq!((u.ltv, u.ltv_cac), (None, None));
        // Payback needs no lifetime: 10,000 / (50,000 / 12 × 0.8) = 3.
        assert!(close(u.payback_months, 3.0));
        let f = SegmentFigures { logo_churn_rate: Some(0.2), ..f };
        let u = unit_economics(&f, 0.8, None, None);
        // 50,000 × 0.8 × 5
        assert!(close(u.ltv, 200_000.0));
        assert_eq!((u.ltv_cac, u.payback_months), (None, None));
        assert_eq!(
            unit_economics(&SegmentFigures::default(), 0.8, Some(3.0), Some(1.0)),
            UnitEconomics { lifetime_years: Some(3.0), ..Default::default() }
        );
        assert_eq!(unit_economics(&f, 0.0, None, Some(1_000.0)).payback_months, None);
        assert_eq!(unit_economics(&f, 0.8, None, Some(0.0)).ltv_cac, None);
    }

    #[test]
    fn tiers_take_their_own_cac() {
        let s = EconomicsSettings {
            cac_per_account: Some(6_000.0),
            tier_cac: vec![None, Some(1_000.0)],
            ..Default::default()
        };
        let t = SegmentFigures { arr: 120_000.0, active_accounts: 4, logo_churn_rate: Some(0.5) };
        let (all, tiers) = economics_by_tier(
            &SegmentFigures { arr: 240_000.0, active_accounts: 8, logo_churn_rate: Some(0.5) },
            &[t, t],
            &s,
        );
        // avg 30,000, LTV = 30,000 × 0.8 × 2 = 48,000.
        assert!(close(all.ltv_cac, 8.0));
        assert!(close(tiers[0].ltv_cac, 8.0));
        assert!(close(tiers[1].ltv_cac, 48.0));
        // 1,000 / (2,500 × 0.8)
        assert!(close(tiers[1].payback_months, 0.5));
        assert_eq!(EconomicsSettings::default().gross_margin, 0.8);
    }

    #[test]
    fn figures_from_the_book() {
        let due = RenewalTally { due_count: 4, renewed_count: 3, ..Default::default() };
        let totals = BookTotals { accounts: 12, active: 10, arr: 500_000.0 };
        let all = SegmentFigures::overall(&totals, &due);
        assert_eq!(all, SegmentFigures { arr: 500_000.0, active_accounts: 10, logo_churn_rate: Some(0.25) });
        let tier = TierFigures { accounts: 2, arr: 10.0, ..Default::default() };
        assert_eq!(SegmentFigures::from(&tier).logo_churn_rate, None);
    }
}
