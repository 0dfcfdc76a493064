//! What the compared scenarios assume, side by side, and which assumptions differ: the
//! comparison shows those first, so a reader sees why the results differ before the results.

use chrono::NaiveDate;

use super::capacity::CapacityMethod;
use super::plan::BudgetMode;
use super::scenario::Scenario;

/// One assumption, named by what it is (the page gives it words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Assumption {
    AsOf,
    Method,
    ArrPerCsm,
    DedicatedThreshold,
    Horizon,
    CurrentCsms,
    Attrition,
    Ramp,
    LeadTime,
    LoadedCost,
    ChurnFromForecast,
    FiscalStart,
    RecruitingCost,
    Managers,
    Budget,
    TierThreshold(usize),
    TierAccountsPerCsm(usize),
    TierArrPerCsm(usize),
    NewLogos(usize),
    AvgNewArr(usize),
    LogoChurn(usize),
    DollarChurn(usize),
    NetExpansion(usize),
}

/// A value of an assumption, typed so the page writes it in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Missing,
    Date(NaiveDate),
    Method(CapacityMethod),
    Money(f64),
    /// A fraction shown as a percentage.
    Share(f64),
    Number(f64),
    Flag(bool),
    Budget(BudgetMode),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub what: Assumption,
    /// One value per scenario, in the scenarios' order.
    pub values: Vec<Value>,
    pub differs: bool,
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Money(x), Value::Money(y))
        | (Value::Share(x), Value::Share(y))
        | (Value::Number(x), Value::Number(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        _ => a == b,
    }
}

fn values_of(s: &Scenario, tiers: usize) -> Vec<(Assumption, Value)> {
    use Assumption as A;
    let team = &s.projection.team;
    let mut out = vec![
        (A::AsOf, s.as_of.map_or(Value::Missing, Value::Date)),
        (A::Method, Value::Method(s.projection.method)),
        (A::ArrPerCsm, Value::Money(s.capacity.arr_per_csm)),
        (A::DedicatedThreshold, Value::Money(s.capacity.dedicated_threshold)),
        (A::Horizon, Value::Number(f64::from(s.projection.horizon_months))),
        (A::CurrentCsms, Value::Number(team.current_csms)),
        (A::Attrition, Value::Share(team.annual_attrition)),
        (A::Ramp, Value::Number(f64::from(team.ramp_months))),
        (A::LeadTime, Value::Number(f64::from(team.lead_time_months))),
        (A::LoadedCost, Value::Money(team.loaded_cost)),
        (A::ChurnFromForecast, Value::Flag(s.churn_from_forecast)),
        (A::FiscalStart, Value::Number(f64::from(s.plan.fiscal_start()))),
        (A::RecruitingCost, Value::Money(s.plan.recruiting_cost_per_hire)),
        (
            A::Managers,
            if s.plan.managers { Value::Number(f64::from(s.plan.span_of_control)) } else { Value::Flag(false) },
        ),
        (A::Budget, Value::Budget(s.plan.budget)),
    ];
    for i in 0..tiers {
        let tier = s.tiers.as_ref().and_then(|t| t.tiers.get(i));
        let growth = s.projection.tiers.get(i);
        let money = |x: Option<f64>| x.map_or(Value::Missing, Value::Money);
        let number = |x: Option<f64>| x.map_or(Value::Missing, Value::Number);
        let share = |x: Option<f64>| x.map_or(Value::Missing, Value::Share);
        out.extend([
            (A::TierThreshold(i), money(tier.map(|t| t.min_arr))),
            (A::TierAccountsPerCsm(i), number(tier.map(|t| t.accounts_per_csm))),
            (A::TierArrPerCsm(i), money(tier.and_then(|t| t.arr_per_csm).or(tier.map(|_| s.capacity.arr_per_csm)))),
            (A::NewLogos(i), number(growth.map(|g| g.new_logos_per_month))),
            (A::AvgNewArr(i), money(growth.map(|g| g.avg_new_arr))),
            (A::LogoChurn(i), share(growth.map(|g| g.annual_logo_churn))),
            (A::DollarChurn(i), share(growth.map(|g| g.annual_dollar_churn))),
            (A::NetExpansion(i), share(growth.map(|g| g.annual_net_expansion))),
        ]);
    }
    out
}

/// Every assumption of the scenarios, the ones that differ first (each group in a fixed order).
pub fn assumption_rows(scenarios: &[Scenario]) -> Vec<Row> {
    let tiers = scenarios
        .iter()
        .map(|s| s.projection.tiers.len().max(s.tiers.as_ref().map_or(0, |t| t.tiers.len())))
        .max()
        .unwrap_or(0);
    let per: Vec<Vec<(Assumption, Value)>> = scenarios.iter().map(|s| values_of(s, tiers)).collect();
    let Some(first) = per.first() else { return Vec::new() };
    let mut rows: Vec<Row> = (0..first.len())
        .map(|k| {
            let values: Vec<Value> = per.iter().map(|p| p[k].1).collect();
            let differs = values.windows(2).any(|w| !same(&w[0], &w[1]));
            Row { what: first[k].0, values, differs }
        })
        .collect();
    crate::domain::sort::sort_by_key(&mut rows, |r| !r.differs);
    rows
}

/// The horizon every compared scenario reaches: results are compared over it.
pub fn common_horizon(scenarios: &[Scenario]) -> Option<u32> {
    scenarios.iter().map(|s| s.projection.horizon_months).min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::growth::TierGrowth;
    use crate::domain::tiers::TierSettings;

    #[test]
    fn the_assumptions_that_differ_come_first() {
        let mut a = Scenario { name: "A".into(), ..Default::default() };
        a.projection.tiers = vec![TierGrowth { new_logos_per_month: 2.0, ..Default::default() }];
        a.tiers = Some(TierSettings::default());
        let mut b = a.clone();
        b.name = "B".into();
        b.capacity.arr_per_csm = 1_000_000.0;
        b.projection.horizon_months = 24;
        b.tiers.as_mut().unwrap().tiers[0].accounts_per_csm = 5.0;
        // Within the tolerance: not a difference.
        b.projection.team.annual_attrition += 1e-12;
        let rows = assumption_rows(&[a, b]);
        let differing: Vec<Assumption> = rows.iter().take_while(|r| r.differs).map(|r| r.what).collect();
        // A tier's ARR per CSM without its own is the global one, so the 1M shows in each tier.
        assert_eq!(
            differing,
            vec![
                Assumption::ArrPerCsm,
                Assumption::Horizon,
                Assumption::TierAccountsPerCsm(0),
                Assumption::TierArrPerCsm(0),
                Assumption::TierArrPerCsm(1),
                Assumption::TierArrPerCsm(2),
                Assumption::TierArrPerCsm(3),
            ]
        );
        assert_eq!(rows[0].values, vec![Value::Money(2_000_000.0), Value::Money(1_000_000.0)]);
        assert!(rows[7..].iter().all(|r| !r.differs));
        assert_eq!(rows.iter().find(|r| r.what == Assumption::Attrition).map(|r| r.differs), Some(false));
    }

    #[test]
    fn the_common_horizon_is_the_shortest() {
        let mut a = Scenario::default();
        let mut b = Scenario::default();
        a.projection.horizon_months = 24;
        b.projection.horizon_months = 12;
        assert_eq!(common_horizon(&[a, b]), Some(12));
        assert_eq!(common_horizon(&[]), None);
    }
}
