//! Tests of the hiring plan against hand calculations.

use super::*;
use crate::domain::capacity::{CapacityMethod, CapacitySettings, TierLoad};
use crate::domain::growth::TierGrowth;
use crate::domain::projection::{project, TeamInputs};
use crate::domain::tiers::ServiceModel;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn tier(accounts: f64, arr: f64, model: ServiceModel, apc: f64) -> TierLoad {
    TierLoad { accounts, arr, service_model: model, accounts_per_csm: apc, arr_per_csm: None, hours_per_account: None }
}

/// One tier staffed by the ARR rule at the default 2M per CSM.
fn arr_book(arr: f64) -> Vec<TierLoad> {
    vec![tier(10.0, arr, ServiceModel::HighTouch, 10.0)]
}

fn params(method: CapacityMethod, csms: f64, attrition: f64, growth: Vec<TierGrowth>) -> ProjectionParams {
    ProjectionParams {
        horizon_months: 12,
        method,
        team: TeamInputs { current_csms: csms, annual_attrition: attrition, ..Default::default() },
        tiers: growth,
    }
}

fn plan_of(base: &[TierLoad], p: &ProjectionParams, settings: &PlanSettings, as_of: NaiveDate) -> Plan {
    hiring_plan(&project(base, &CapacitySettings::default(), p), p, settings, as_of)
}

/// 10% of the team leaves a month.
fn ten_percent_a_month() -> f64 {
    1.0 - 0.9f64.powi(12)
}

/// Need 4 (8M at 2M per CSM) in month 0, then 100K of new ARR a month: 4.05 FTE in month 1,
/// so 5 people from month 1 on (4.6 FTE by month 12). Four CSMs, 15% a year, ramp 3, lead 2.
fn growth_and_attrition() -> (Vec<TierLoad>, ProjectionParams) {
    let g = TierGrowth { new_logos_per_month: 1.0, avg_new_arr: 100_000.0, ..Default::default() };
    (arr_book(8_000_000.0), params(CapacityMethod::ArrRule, 4.0, 0.15, vec![g]))
}

#[test]
fn leavers_by_the_half_up_rule() {
    // Four CSMs, 10% a month, nothing required: 4 × 0.9^m expected, so 0.4 gone in month 1
    // (none counted), 0.76 in month 2 (one), 1.638 in month 5 (two), 2.4503 in month 9 (still
    // two), 2.6053 in month 10 (three).
    let p = params(CapacityMethod::ArrRule, 4.0, ten_percent_a_month(), vec![]);
    let plan = plan_of(&arr_book(0.0), &p, &PlanSettings::default(), d(2026, 2, 15));
    let people: Vec<f64> = plan.months.iter().map(|m| m.people).collect();
    assert_eq!(people, [4.0, 4.0, 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0]);
    let leavers: Vec<u32> = plan.months.iter().map(|m| m.leavers).collect();
    assert_eq!(leavers, [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
    assert!(plan.hires.is_empty());
    let t = &plan.totals;
    assert_eq!((t.hires, t.leavers, t.backfill, t.growth), (0, 3, 0, 0));
    assert_eq!((t.headcount_end, t.required_end, t.first_open), (1.0, 0, None));
    // 120K a year = 10K a person-month; months 1..12 hold 4 + 3×3 + 2×5 + 1×3 = 26.
    assert!(close(t.cost, 260_000.0));
    assert!(close(plan.months[0].cost, 40_000.0));
    // Gap: nothing required, so minus the people.
    assert_eq!(plan.months[12].gap, -1.0);
    assert_eq!(plan.months[1].calendar, d(2026, 3, 1));
    assert_eq!(plan.affordable_end, None);
    assert_eq!(plan.coverage, None);
}

#[test]
fn a_backfill_is_not_growth() {
    // Need 4 (8M) all year, four CSMs, 15% a year: the projection plans one hire needed in
    // month 10, starting in month 8, opened in month 6. With s = 0.85^(1/12): month 9 expects
    // 4·s^9 + s = 3.5410 + 0.9866 = 4.5275 of 5 (0.47 gone: none counted); month 10 expects
    // 3.4935 + 0.9733 = 4.4668 (0.53 gone: one leaver).
    let p = params(CapacityMethod::ArrRule, 4.0, 0.15, vec![]);
    let plan = plan_of(&arr_book(8_000_000.0), &p, &PlanSettings::default(), d(2026, 2, 15));
    let people: Vec<f64> = plan.months.iter().map(|m| m.people).collect();
    assert_eq!(people, [4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 5.0, 5.0, 4.0, 4.0, 4.0]);
    assert_eq!(plan.months[10].leavers, 1);
    assert_eq!(plan.months[8].hires_starting, 1);
    assert_eq!(plan.months[6].positions_to_open, 1);
    assert_eq!(plan.months[8].gap, -1.0);
    let t = &plan.totals;
    assert_eq!((t.hires, t.leavers, t.backfill, t.growth), (1, 1, 1, 0));
    assert_eq!((t.headcount_end, t.required_end), (4.0, 4));
    // Month 6 of a plan made on 2026-02-15 is August 2026.
    assert_eq!(t.first_open, Some(202_608));
    // Across a year end: as of 2025-11-30, month 6 is May 2026.
    let plan = plan_of(&arr_book(8_000_000.0), &p, &PlanSettings::default(), d(2025, 11, 30));
    assert_eq!(plan.totals.first_open, Some(202_605));
    assert_eq!(plan.months[3].calendar, d(2026, 2, 1));
}

#[test]
fn backfill_and_growth_hires() {
    // Month 1 needs 5: a late hire starts in month 2 (opened now). By month 9 the four original
    // CSMs expect 4·s^9 = 3.5410 and the hire s^7 = 0.9096: 0.55 gone, one counted, 4 < 5, so
    // a second hire starts in month 7 (opened month 5). Over the people started by month 8:
    // 4·s^8 + s^6 + s = 3.5894 + 0.9220 + 0.9865 = 5.4979 of 6: one leaver in month 8.
    let (base, p) = growth_and_attrition();
    let plan = plan_of(&base, &p, &PlanSettings::default(), d(2026, 2, 15));
    assert_eq!(
        plan.hires,
        vec![
            PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 1, late: true },
            PlannedHire { count: 1, open_month: 5, start_month: 7, needed_month: 9, late: false },
        ]
    );
    let people: Vec<f64> = plan.months.iter().map(|m| m.people).collect();
    assert_eq!(people, [4.0, 4.0, 5.0, 5.0, 5.0, 5.0, 5.0, 6.0, 5.0, 5.0, 5.0, 5.0, 5.0]);
    let leavers: Vec<u32> = plan.months.iter().map(|m| m.leavers).collect();
    assert_eq!(leavers, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    let required: Vec<u32> = plan.months.iter().map(|m| m.required).collect();
    assert_eq!(required, [4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    assert_eq!(plan.months[1].gap, 1.0);
    let t = &plan.totals;
    // Two hires, one leaver: one backfill, one growth hire.
    assert_eq!((t.hires, t.leavers, t.backfill, t.growth), (2, 1, 1, 1));
    assert_eq!(t.first_open, Some(202_602));
    // Person-months 1..12: 4 + 5×5 + 6 + 5×5 = 60, at 10K each.
    assert!(close(t.cost, 600_000.0));
}

#[test]
fn quarters_and_years_across_an_april_fiscal_year() {
    // The plan above, months 2026-02 .. 2027-02, with the fiscal year starting in April:
    // Feb–Mar 2026 close FY2026 (ending March 2026); Apr 2026 – Feb 2027 are FY2027.
    let (base, p) = growth_and_attrition();
    let settings = PlanSettings { fiscal_year_start_month: 4, ..Default::default() };
    let plan = plan_of(&base, &p, &settings, d(2026, 2, 15));
    let q = &plan.quarters;
    let labels: Vec<String> = q.iter().map(|p| p.period.label()).collect();
    assert_eq!(labels, ["FY2026 Q4", "FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2027 Q4"]);
    let months: Vec<u32> = q.iter().map(|p| p.months).collect();
    assert_eq!(months, [2, 3, 3, 3, 2]);
    assert_eq!((q[0].first_month, q[0].last_month), (d(2026, 2, 1), d(2026, 3, 1)));
    assert_eq!((q[4].first_month, q[4].last_month), (d(2027, 1, 1), d(2027, 2, 1)));
    // (hires, leavers, positions opened, end headcount) per quarter: the first hire opens in
    // Feb 2026 and starts in Apr; the second opens in Jul and starts in Sep; the leaver goes in Oct.
    let figures: Vec<(u32, u32, u32, f64)> =
        q.iter().map(|p| (p.hires, p.leavers, p.positions_opened, p.end_headcount)).collect();
    assert_eq!(figures, [(0, 0, 1, 4.0), (1, 0, 0, 5.0), (1, 0, 1, 6.0), (0, 1, 0, 5.0), (0, 0, 0, 5.0)]);
    // Cost: person-months × 10K: Feb–Mar 4+4, Apr–Jun 5×3, Jul–Sep 5+5+6, Oct–Dec 5×3, Jan–Feb 5×2.
    let costs: Vec<f64> = q.iter().map(|p| p.cost).collect();
    for (got, want) in costs.iter().zip([80_000.0, 150_000.0, 160_000.0, 150_000.0, 100_000.0]) {
        assert!(close(*got, want), "{got} ≠ {want}");
    }
    let y = &plan.years;
    assert_eq!(y.len(), 2);
    assert_eq!((y[0].period, y[0].months), (FiscalPeriod { year: 2026, quarter: None }, 2));
    assert_eq!((y[1].period.label(), y[1].months), ("FY2027".to_string(), 11));
    assert_eq!((y[0].hires, y[0].leavers, y[0].positions_opened, y[0].end_headcount), (0, 0, 1, 4.0));
    assert_eq!((y[1].hires, y[1].leavers, y[1].positions_opened, y[1].end_headcount), (2, 1, 1, 5.0));
    assert!(close(y[0].cost, 80_000.0));
    assert!(close(y[1].cost, 560_000.0));
    // The periods hold month 0 (40K); the plan's cost is months 1..12.
    assert!(close(y[0].cost + y[1].cost, plan.totals.cost + 40_000.0));

    // A January start: the fiscal year is the calendar year.
    let plan = plan_of(&base, &p, &PlanSettings::default(), d(2026, 2, 15));
    let labels: Vec<String> = plan.quarters.iter().map(|p| p.period.label()).collect();
    assert_eq!(labels, ["FY2026 Q1", "FY2026 Q2", "FY2026 Q3", "FY2026 Q4", "FY2027 Q1"]);
    let years: Vec<(String, u32)> = plan.years.iter().map(|p| (p.period.label(), p.months)).collect();
    assert_eq!(years, [("FY2026".to_string(), 11), ("FY2027".to_string(), 2)]);
}

#[test]
fn fiscal_periods_of_calendar_months() {
    let q = |y, m, start| FiscalPeriod::quarter_of(d(y, m, 1), start).label();
    assert_eq!(q(2026, 4, 4), "FY2027 Q1");
    assert_eq!(q(2027, 3, 4), "FY2027 Q4");
    assert_eq!(q(2026, 9, 10), "FY2026 Q4");
    assert_eq!(q(2026, 10, 10), "FY2027 Q1");
    assert_eq!(q(2026, 12, 10), "FY2027 Q1");
    assert_eq!(q(2026, 1, 1), "FY2026 Q1");
    assert_eq!(q(2026, 12, 1), "FY2026 Q4");
    // Out of range counts as January.
    assert_eq!(q(2026, 5, 0), "FY2026 Q2");
    assert_eq!(q(2026, 5, 13), "FY2026 Q2");
    assert_eq!(PlanSettings { fiscal_year_start_month: 13, ..Default::default() }.fiscal_start(), 1);
    assert_eq!(FiscalPeriod::year_of(d(2026, 7, 1), 7), FiscalPeriod { year: 2027, quarter: None });
}

#[test]
fn cost_with_managers_and_recruiting() {
    // Eight CSMs, no attrition; 16M + 100K a month needs 9 from month 1: one late hire starts
    // in month 2. Managers on (span 8, 1.5 × 120K = 180K), 24K to recruit a hire.
    let g = TierGrowth { new_logos_per_month: 1.0, avg_new_arr: 100_000.0, ..Default::default() };
    let p = params(CapacityMethod::ArrRule, 8.0, 0.0, vec![g]);
    let settings = PlanSettings { managers: true, recruiting_cost_per_hire: 24_000.0, ..Default::default() };
    let plan = plan_of(&arr_book(16_000_000.0), &p, &settings, d(2026, 1, 10));
    let m = &plan.months;
    assert_eq!((m[1].people, m[1].managers), (8.0, 1));
    assert_eq!((m[2].people, m[2].managers, m[2].hires_starting), (9.0, 2, 1));
    // (8 × 120K + 1 × 180K) / 12 = 95K.
    assert!(close(m[1].cost, 95_000.0));
    // (9 × 120K + 2 × 180K) / 12 + 24K = 120K + 24K.
    assert!(close(m[2].cost, 144_000.0));
    assert!(close(m[3].cost, 120_000.0));
    let t = &plan.totals;
    assert!(close(t.cost, 95_000.0 + 144_000.0 + 10.0 * 120_000.0));
    // No one leaves: the hire is growth.
    assert_eq!((t.hires, t.leavers, t.backfill, t.growth), (1, 0, 0, 1));
    assert_eq!(t.first_open, Some(202_601));

    // An entered manager cost of 150K: (960K + 150K) / 12 = 92.5K; (1,080K + 300K) / 12 + 24K.
    let settings = PlanSettings { manager_loaded_cost: Some(150_000.0), ..settings };
    let plan = plan_of(&arr_book(16_000_000.0), &p, &settings, d(2026, 1, 10));
    assert!(close(plan.months[1].cost, 92_500.0));
    assert!(close(plan.months[2].cost, 139_000.0));
    assert!(close(plan.totals.cost, 92_500.0 + 139_000.0 + 10.0 * 115_000.0));

    // Managers off: people × 10K + the recruiting cost.
    let settings = PlanSettings { recruiting_cost_per_hire: 24_000.0, ..Default::default() };
    let plan = plan_of(&arr_book(16_000_000.0), &p, &settings, d(2026, 1, 10));
    assert_eq!(plan.months[2].managers, 0);
    assert!(close(plan.months[2].cost, 90_000.0 + 24_000.0));
}

#[test]
fn affordable_headcount_by_budget() {
    let off = PlanSettings::default();
    // 1M / 120K = 8.33: eight CSMs (960K).
    assert_eq!(affordable_headcount(1_000_000.0, 120_000.0, &off), 8);
    // The bound is inclusive: 960K buys eight.
    assert_eq!(affordable_headcount(960_000.0, 120_000.0, &off), 8);
    assert_eq!(affordable_headcount(959_999.99, 120_000.0, &off), 7);
    let on = PlanSettings { managers: true, ..Default::default() };
    // Seven CSMs and a manager: 840K + 180K = 1,020K > 1M; six and one: 900K.
    assert_eq!(affordable_headcount(1_000_000.0, 120_000.0, &on), 6);
    // Eight and one manager: 960K + 180K = 1,140K exactly; nine would need a second manager.
    assert_eq!(affordable_headcount(1_140_000.0, 120_000.0, &on), 8);
    assert_eq!(affordable_headcount(1_319_999.0, 120_000.0, &on), 8);
    // Nine and two: 1,080K + 360K = 1,440K.
    assert_eq!(affordable_headcount(1_440_000.0, 120_000.0, &on), 9);
    // One CSM with a manager costs 300K.
    assert_eq!(affordable_headcount(299_999.0, 120_000.0, &on), 0);
    assert_eq!(affordable_headcount(300_000.0, 120_000.0, &on), 1);
    assert_eq!(affordable_headcount(0.0, 120_000.0, &off), 0);
    assert_eq!(affordable_headcount(-5.0, 120_000.0, &off), 0);
    assert_eq!(affordable_headcount(f64::NAN, 120_000.0, &off), 0);
    assert_eq!(affordable_headcount(1_000.0, 0.0, &off), u32::MAX);
}

/// Three tiers, needs-based, no growth: strategic 20 accounts at 10 per CSM (2 FTE, 2M ARR),
/// key 60 at 40 (1.5 FTE, 900K), growth 400 at 200 (2 FTE, 400K): 5.5 FTE, 6 people.
fn three_tiers() -> Vec<TierLoad> {
    vec![
        tier(20.0, 2_000_000.0, ServiceModel::HighTouch, 10.0),
        tier(60.0, 900_000.0, ServiceModel::HighTouch, 40.0),
        tier(400.0, 400_000.0, ServiceModel::LowTouch, 200.0),
    ]
}

#[test]
fn budget_caps_hires_and_buys_coverage_in_tier_order() {
    // Two CSMs, no attrition, need 6. Unconstrained: four hires, starting month 2.
    let p = params(CapacityMethod::NeedsBased, 2.0, 0.0, vec![]);
    let free = plan_of(&three_tiers(), &p, &PlanSettings::default(), d(2026, 1, 1));
    assert_eq!(free.totals.hires, 4);
    // A budget of 360K affords three CSMs at 120K: one hire (late: month 2 is the earliest start).
    let settings = PlanSettings { budget: BudgetMode::Annual(360_000.0), ..Default::default() };
    let plan = plan_of(&three_tiers(), &p, &settings, d(2026, 1, 1));
    assert_eq!(plan.hires, vec![PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 0, late: true }]);
    assert_eq!(plan.affordable_end, Some(3));
    assert!(plan.months.iter().all(|m| m.affordable == Some(3)));
    let t = &plan.totals;
    assert_eq!((t.hires, t.headcount_end, t.required_end), (1, 3.0, 6));
    assert_eq!(plan.months[12].gap, 3.0);
    // Three FTE: strategic takes its 2 (covered), key gets the last 1 of its 1.5 (2/3 covered,
    // 300K of its 900K not), growth gets nothing (all 400K uncovered).
    let c = plan.coverage.as_ref().unwrap();
    assert_eq!(c.fte, 3.0);
    let shares: Vec<f64> = c.tiers.iter().map(|t| t.share).collect();
    assert!(close(shares[0], 1.0) && close(shares[1], 2.0 / 3.0) && close(shares[2], 0.0), "{shares:?}");
    let covered: Vec<f64> = c.tiers.iter().map(|t| t.covered_fte).collect();
    assert!(close(covered[0], 2.0) && close(covered[1], 1.0) && close(covered[2], 0.0));
    assert_eq!(c.tiers[1].need_fte, 1.5);
    assert_eq!(c.tiers[0].uncovered_arr, 0.0);
    assert!(close(c.tiers[1].uncovered_arr, 300_000.0));
    assert!(close(c.tiers[2].uncovered_arr, 400_000.0));
    assert!(close(c.uncovered_arr, 700_000.0));
    assert_eq!(c.tiers.iter().map(|t| t.tier).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn budget_as_a_share_of_arr() {
    // 3.3M of ARR: a 12% cap is 396K a year, three CSMs (360K); 10% (330K) affords two, which
    // the current team already is: no hire.
    let p = params(CapacityMethod::NeedsBased, 2.0, 0.0, vec![]);
    let settings = PlanSettings { budget: BudgetMode::ShareOfArr(0.12), ..Default::default() };
    let plan = plan_of(&three_tiers(), &p, &settings, d(2026, 1, 1));
    assert_eq!((plan.affordable_end, plan.totals.hires), (Some(3), 1));
    let settings = PlanSettings { budget: BudgetMode::ShareOfArr(0.10), ..Default::default() };
    let plan = plan_of(&three_tiers(), &p, &settings, d(2026, 1, 1));
    assert_eq!((plan.affordable_end, plan.totals.hires, plan.totals.first_open), (Some(2), 0, None));
    // Two FTE all go to the strategic tier.
    let c = plan.coverage.unwrap();
    assert_eq!((c.tiers[0].share, c.tiers[1].share, c.tiers[2].share), (1.0, 0.0, 0.0));
    assert!(close(c.uncovered_arr, 1_300_000.0));
    // With managers on (span 8, 180K): two CSMs and a manager cost 420K; 396K buys one (300K).
    let settings = PlanSettings { budget: BudgetMode::ShareOfArr(0.12), managers: true, ..Default::default() };
    assert_eq!(plan_of(&three_tiers(), &p, &settings, d(2026, 1, 1)).affordable_end, Some(1));
}

#[test]
fn a_tight_budget_backfills_as_people_leave() {
    // Ten CSMs losing 10% a month, need 12, a budget for ten (1.2M); ramp 3, lead 0.
    // Month 1: 10 × 0.9 = 9 expected, one gone, 9 < 10. The usual start (month 0) would count
    // eleven in month 0, over the budget; a start in month 1 counts 9 + 1 = 10: late.
    // Month 2: 10 × 0.81 + 0.9 = 9.0 of 11, two gone: 9. Starts in months 0 or 1 would count
    // eleven there; month 2 counts 8.1 + 0.9 + 1 = 10 of 12, two gone: 10. And so on: one
    // backfill a month, each starting as its leaver goes.
    let mut p = params(CapacityMethod::ArrRule, 10.0, ten_percent_a_month(), vec![]);
    p.team.lead_time_months = 0;
    let settings = PlanSettings { budget: BudgetMode::Annual(1_200_000.0), ..Default::default() };
    let plan = plan_of(&arr_book(24_000_000.0), &p, &settings, d(2026, 1, 1));
    assert_eq!(plan.hires[0], PlannedHire { count: 1, open_month: 1, start_month: 1, needed_month: 1, late: true });
    assert_eq!(plan.hires[1], PlannedHire { count: 1, open_month: 2, start_month: 2, needed_month: 2, late: true });
    assert_eq!(plan.hires.len(), 12);
    assert!(plan.months.iter().all(|m| m.people == 10.0 && m.affordable == Some(10)));
    assert!(plan.months[1..].iter().all(|m| m.leavers == 1 && m.hires_starting == 1));
    let t = &plan.totals;
    assert_eq!((t.hires, t.leavers, t.backfill, t.growth), (12, 12, 12, 0));
    // Ten people a month at 10K.
    assert!(close(t.cost, 1_200_000.0));
}

#[test]
fn a_budget_that_never_binds_keeps_the_projections_hires() {
    // The projection's own attrition case: need 8, ten CSMs losing 10% a month.
    let p = params(CapacityMethod::ArrRule, 10.0, ten_percent_a_month(), vec![]);
    let projection = project(&arr_book(16_000_000.0), &CapacitySettings::default(), &p);
    let settings = PlanSettings { budget: BudgetMode::Annual(1e12), ..Default::default() };
    let plan = hiring_plan(&projection, &p, &settings, d(2026, 1, 1));
    assert!(!projection.hires.is_empty());
    assert_eq!(plan.hires, projection.hires);
    let starts: Vec<u32> = plan.months.iter().map(|m| m.hires_starting).collect();
    assert_eq!(starts, projection.months.iter().map(|m| m.hires_starting).collect::<Vec<_>>());
    // Everything is covered.
    assert_eq!(plan.coverage.unwrap().uncovered_arr, 0.0);
}

#[test]
fn an_empty_book_plans_nothing() {
    let p = ProjectionParams::default();
    let plan = plan_of(&[], &p, &PlanSettings::default(), d(2026, 3, 31));
    assert_eq!(plan.months.len(), 13);
    assert!(plan.hires.is_empty());
    assert!(plan.months.iter().all(|m| m.people == 0.0 && m.required == 0 && m.positions_to_open == 0));
    assert_eq!(plan.totals, PlanTotals { first_open: None, ..Default::default() });
    assert_eq!(plan.months[12].calendar, d(2027, 3, 1));
    assert_eq!(plan.quarters.len(), 5);
    // A requirement of zero with a budget: nothing to cover, nothing uncovered.
    let settings = PlanSettings { budget: BudgetMode::Annual(500_000.0), ..Default::default() };
    let plan = plan_of(&[], &p, &settings, d(2026, 3, 31));
    assert_eq!((plan.totals.hires, plan.affordable_end), (0, Some(4)));
    let c = plan.coverage.unwrap();
    assert!(c.tiers.is_empty());
    assert_eq!(c.uncovered_arr, 0.0);
    // No projection at all.
    assert_eq!(hiring_plan(&Projection::default(), &p, &PlanSettings::default(), d(2026, 3, 31)), Plan::default());
}

#[test]
fn a_tier_that_needs_nothing_is_covered() {
    let tiers = [
        TierMonth { accounts: 5.0, arr: 100.0, fte: 0.0 },
        TierMonth { accounts: 5.0, arr: 1_000.0, fte: 1.0 },
        TierMonth { accounts: 5.0, arr: 1_000.0, fte: 1.0 },
    ];
    let c = coverage_by_tier(1.5, &tiers);
    assert_eq!(c.tiers[0].share, 1.0);
    assert_eq!(c.tiers[1].share, 1.0);
    assert_eq!(c.tiers[2].share, 0.5);
    assert_eq!(c.uncovered_arr, 500.0);
}

#[test]
fn settings_defaults_and_serde() {
    let s: PlanSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(s, PlanSettings::default());
    assert_eq!((s.fiscal_year_start_month, s.span_of_control, s.managers), (1, 8, false));
    assert_eq!((s.recruiting_cost_per_hire, s.manager_loaded_cost, s.budget), (0.0, None, BudgetMode::Off));
    assert_eq!(s.manager_cost(120_000.0), 180_000.0);
    let s: PlanSettings =
        serde_json::from_str(r#"{"fiscal_year_start_month":4,"budget":{"share_of_arr":0.1}}"#).unwrap();
    assert_eq!((s.fiscal_start(), s.budget), (4, BudgetMode::ShareOfArr(0.1)));
    assert_eq!(s.budget.annual_budget(2_000_000.0), Some(200_000.0));
    let json = serde_json::to_string(&PlanSettings { budget: BudgetMode::Annual(1e6), ..Default::default() }).unwrap();
    assert!(json.contains(r#""budget":{"annual":1000000.0}"#), "{json}");
    assert_eq!(serde_json::to_string(&BudgetMode::Off).unwrap(), r#""off""#);
    // A span of 0 counts as 1.
    let s = PlanSettings { managers: true, span_of_control: 0, ..Default::default() };
    assert_eq!(s.managers_for(3.0), 3);
    assert_eq!(PlanSettings { managers: true, ..Default::default() }.managers_for(16.0), 2);
}

/// `cargo test --release --lib plan_timing -- --ignored --nocapture`
#[test]
#[ignore]
fn plan_timing() {
    // 36 months, a large team losing 20% a year under a binding budget with managers: the
    // budget walk's worst case.
    let g = TierGrowth { new_logos_per_month: 20.0, avg_new_arr: 50_000.0, ..Default::default() };
    let mut p = params(CapacityMethod::ArrRule, 60.0, 0.2, vec![g]);
    p.horizon_months = 36;
    let projection = project(&arr_book(150_000_000.0), &CapacitySettings::default(), &p);
    let settings = PlanSettings { managers: true, budget: BudgetMode::ShareOfArr(0.06), ..Default::default() };
    let runs = 200;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(hiring_plan(&projection, &p, &settings, d(2026, 1, 1)));
    }
    let each = start.elapsed() / runs;
    println!("36-month budget plan: {each:?} per run");
    assert!(each.as_millis() < 16);
}
