//! Named what-if scenarios and their side-by-side comparison (the URL form is `scenario_url`).
//!
//! A scenario carries parameters only, never the book: a shared link shows the receiver's own
//! book under the sender's assumptions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::capacity::{tier_loads, CapacityMethod, CapacitySettings, TierLoad};
use super::plan::PlanSettings;
use super::projection::{project, Projection, ProjectionParams};
use super::tiers::{TierFigures, TierSettings};
use super::triggers::TriggerSettings;

/// Which demo book a figure was made on: the generator's seed, its size and the day it was
/// generated for (`io::demo::generate`). The same three give the same book anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoBook {
    pub seed: u64,
    pub size: usize,
    pub made_for: NaiveDate,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub name: String,
    pub capacity: CapacitySettings,
    pub projection: ProjectionParams,
    /// Every tier's annual logo churn is the renewal forecast's logo churn (DOMAIN.md §9)
    /// instead of the value in `projection.tiers`.
    pub churn_from_forecast: bool,
    /// The as-of date the scenario was made at; `None` in scenarios saved before it was kept.
    pub as_of: Option<NaiveDate>,
    /// The tier table (thresholds, basis, service models, ratios, effort, cadence); `None` in
    /// older scenarios, which then use the tier table in force.
    pub tiers: Option<TierSettings>,
    /// The hiring-trigger thresholds; `None` in older scenarios.
    pub triggers: Option<TriggerSettings>,
    /// The demo book the scenario was made on, if it was; `None` for a real book (never carried).
    pub demo: Option<DemoBook>,
    /// The hiring plan's inputs: fiscal-year start, recruiting cost, managers, budget.
    pub plan: PlanSettings,
}

impl Scenario {
    /// The tier loads this scenario's figures use: its own tier table over the book's tier
    /// figures, or `base` when it has none. (Accounts and ARR per tier are the book's as the
    /// tier table in force sorts them.)
    pub fn loads(&self, base: &[TierLoad], figures: &[TierFigures]) -> Vec<TierLoad> {
        match &self.tiers {
            Some(t) => tier_loads(t, figures),
            None => base.to_vec(),
        }
    }
}

/// A scenario's key outputs, one column of the comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioSummary {
    pub name: String,
    pub method: CapacityMethod,
    pub horizon_months: u32,
    pub required_fte_now: f64,
    pub required_fte_end: f64,
    pub required_headcount_end: u32,
    pub headcount_end: f64,
    pub hires: u32,
    pub late_hires: u32,
    /// The first month a position must be opened; `None` when no hire is planned.
    pub first_opening: Option<u32>,
    /// The largest shortfall of effective capacity over the months.
    pub peak_gap: f64,
    pub arr_end: f64,
    pub annual_cost_end: f64,
    /// Σ monthly cost over months 1..=H (the months ahead; month 0 is today).
    pub cost_over_horizon: f64,
    pub cost_share_of_arr_end: Option<f64>,
    pub arr_per_csm_end: Option<f64>,
}

impl ScenarioSummary {
    pub fn of(name: &str, method: CapacityMethod, p: &Projection) -> ScenarioSummary {
        let first = p.months.first().cloned().unwrap_or_default();
        let last = p.months.last().cloned().unwrap_or_default();
        ScenarioSummary {
            name: name.to_string(),
            method,
            horizon_months: last.month,
            required_fte_now: first.required_fte,
            required_fte_end: last.required_fte,
            required_headcount_end: last.required_headcount,
            headcount_end: last.headcount,
            hires: p.hires.iter().map(|h| h.count).sum(),
            late_hires: p.hires.iter().filter(|h| h.late).map(|h| h.count).sum(),
            first_opening: p.hires.iter().map(|h| h.open_month).min(),
            peak_gap: p.months.iter().map(|m| m.gap).fold(0.0, f64::max),
            arr_end: last.arr,
            annual_cost_end: last.annual_cost,
            cost_over_horizon: p.months.iter().skip(1).map(|m| m.monthly_cost).sum(),
            cost_share_of_arr_end: last.cost_share_of_arr,
            arr_per_csm_end: last.arr_per_csm,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioColumn {
    pub summary: ScenarioSummary,
    /// For the comparison chart.
    pub projection: Projection,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// Comparison takes 2 to 4 scenarios.
    Count(usize),
}

/// Projects each scenario over the same book (tier aggregates) for a side-by-side table.
pub fn compare(scenarios: &[Scenario], base: &[TierLoad]) -> Result<Vec<ScenarioColumn>, CompareError> {
    compare_each(scenarios, |_| base.to_vec())
}

/// As `compare`, each scenario on its own tier loads (`Scenario::loads`).
pub fn compare_each(
    scenarios: &[Scenario],
    loads_of: impl Fn(&Scenario) -> Vec<TierLoad>,
) -> Result<Vec<ScenarioColumn>, CompareError> {
    if !(2..=4).contains(&scenarios.len()) {
        return Err(CompareError::Count(scenarios.len()));
    }
    Ok(scenarios
        .iter()
        .map(|s| {
            let projection = project(&loads_of(s), &s.capacity, &s.projection);
            ScenarioColumn { summary: ScenarioSummary::of(&s.name, s.projection.method, &projection), projection }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tiers::ServiceModel;

    #[test]
    fn comparison_takes_two_to_four() {
        let base = vec![TierLoad {
            accounts: 40.0,
            arr: 4_000_000.0,
            service_model: ServiceModel::HighTouch,
            accounts_per_csm: 10.0,
            arr_per_csm: None,
            hours_per_account: None,
        }];
        let mut a = Scenario { name: "2M".into(), ..Default::default() };
        a.projection.team.current_csms = 2.0;
        a.projection.method = CapacityMethod::ArrRule;
        let mut b = a.clone();
        b.name = "1M".into();
        b.capacity.arr_per_csm = 1_000_000.0;
        assert_eq!(compare(std::slice::from_ref(&a), &base), Err(CompareError::Count(1)));
        assert_eq!(compare(&vec![a.clone(); 5], &base), Err(CompareError::Count(5)));
        let cols = compare(&[a, b], &base).unwrap();
        let (x, y) = (&cols[0].summary, &cols[1].summary);
        // 4M at 2M per CSM: the two CSMs suffice all year (15% attrition takes half a person
        // only after 21 months).
        assert_eq!(x.required_fte_now, 2.0);
        assert_eq!((x.hires, x.first_opening), (0, None));
        assert_eq!(y.required_fte_now, 4.0);
        assert_eq!(y.name, "1M");
        // At 1M it needs 2 more from month 0; the earliest start is month 2: both late.
        assert_eq!(y.first_opening, Some(0));
        assert_eq!(y.late_hires, 2);
        // The worst month is month 1: 4 − 2 × 0.85^(1/12) before the hires start.
        assert!((y.peak_gap - 2.026_90).abs() < 1e-5);
        assert!(
            (x.cost_over_horizon - (0..12).map(|m| 20_000.0 * 0.85f64.powf((m + 1) as f64 / 12.0)).sum::<f64>()).abs()
                < 1e-6
        );
        assert_eq!(x.horizon_months, 12);
        assert_eq!(cols[1].projection.months.len(), 13);
    }

    #[test]
    fn a_scenario_with_its_own_tier_table_is_projected_on_its_own_ratios() {
        use crate::domain::tiers::{TierFigures, TierSettings};
        let tiers = TierSettings::default();
        // 20 strategic accounts, 400 growth accounts as the book's figures.
        let figures = vec![
            TierFigures { accounts: 20, arr: 2_000_000.0, ..Default::default() },
            TierFigures::default(),
            TierFigures { accounts: 400, arr: 4_000_000.0, ..Default::default() },
            TierFigures::default(),
        ];
        let base = tier_loads(&tiers, &figures);
        let mut own = tiers.clone();
        own.tiers[0].accounts_per_csm = 5.0;
        let mut a = Scenario { name: "book ratios".into(), ..Default::default() };
        a.projection.method = CapacityMethod::NeedsBased;
        let b = Scenario { name: "5 strategic per CSM".into(), tiers: Some(own), ..a.clone() };
        assert_eq!(a.loads(&base, &figures), base, "no tier table: the one in force");
        let cols = compare_each(&[a, b], |s| s.loads(&base, &figures)).unwrap();
        // Needs-based: 20/10 + 400/200 = 4; with 5 strategic accounts per CSM, 20/5 + 2 = 6.
        assert!((cols[0].summary.required_fte_now - 4.0).abs() < 1e-9, "{}", cols[0].summary.required_fte_now);
        assert!((cols[1].summary.required_fte_now - 6.0).abs() < 1e-9, "{}", cols[1].summary.required_fte_now);
    }
}
