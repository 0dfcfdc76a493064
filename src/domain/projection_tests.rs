//! Tests of the what-if projection, month by month against hand calculations.

use super::*;
use crate::domain::capacity::tier_loads;
use crate::domain::tiers::{ServiceModel, TierFigures, TierSettings};

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

fn params(method: CapacityMethod, csms: f64, attrition: f64, growth: TierGrowth) -> ProjectionParams {
    ProjectionParams {
        horizon_months: 12,
        method,
        team: TeamInputs { current_csms: csms, annual_attrition: attrition, ..Default::default() },
        tiers: vec![growth],
    }
}

#[test]
fn hires_are_ramped_when_needed_or_marked_late() {
    // 20 accounts + 5 a month at 10 per CSM: need 2 + 0.5 m. Two CSMs, no attrition,
    // ramp 3, lead 2.
    let g = TierGrowth { new_logos_per_month: 5.0, ..Default::default() };
    let p = project(
        &one_tier(20.0, 0.0, 10.0),
        &CapacitySettings::default(),
        &params(CapacityMethod::NeedsBased, 2.0, 0.0, g),
    );
    assert_eq!(p.months.len(), 13);
    assert_eq!(
        &p.hires[..4],
        &[
            // Month 1 needs 2.5: the earliest start is month 2 (opened now): late.
            PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 1, late: true },
            // Month 3 needs 3.5: the ideal start, month 1, is too early: late.
            PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 3, late: true },
            // Month 5 needs 4.5: start in month 3, fully ramped in month 5, opened month 1.
            PlannedHire { count: 1, open_month: 1, start_month: 3, needed_month: 5, late: false },
            PlannedHire { count: 1, open_month: 3, start_month: 5, needed_month: 7, late: false },
        ]
    );
    let m = &p.months;
    assert_eq!(m[0].positions_to_open, 2);
    assert_eq!(m[1].positions_to_open, 1);
    assert_eq!(m[2].hires_starting, 2);
    assert!(close(m[1].gap, 0.5));
    // Month 2: two hires in their first month: 2 + 2/3.
    assert!(close(m[2].effective_capacity, 2.0 + 2.0 / 3.0));
    assert!(close(m[2].headcount, 4.0));
    // Month 3: 2 + 2 × 2/3 + 1/3 (the month-3 start).
    assert!(close(m[3].effective_capacity, 2.0 + 4.0 / 3.0 + 1.0 / 3.0));
    // Month 5: the month-3 hire is in its 3rd month, fully ramped: 5 on the team, need 4.5.
    assert!(close(m[5].effective_capacity, 5.0 + 1.0 / 3.0));
    assert!(m[5].gap < 0.0);
    // From month 4 on no month is short.
    assert!(m[4..].iter().all(|row| row.gap <= 1e-9));
}

#[test]
fn attrition_thins_the_team_and_triggers_backfill() {
    // Need 8 (16M at 2M per CSM) all year; 10 CSMs losing 10% a month; ramp 3, lead 2.
    let attrition = 1.0 - 0.9f64.powi(12);
    let p = project(
        &one_tier(0.0, 16_000_000.0, 10.0),
        &CapacitySettings::default(),
        &params(CapacityMethod::ArrRule, 10.0, attrition, TierGrowth::default()),
    );
    let m = &p.months;
    assert!(close(m[1].headcount, 9.0));
    // Month 3: 7.29 people round to 7 < 8; a start in month 2 (late: ideal month 1) keeps
    // 0.9 of a hire by month 3: ⌈(7.5 − 7.29) / 0.9⌉ = 1.
    assert_eq!(p.hires[0], PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 3, late: true });
    // Month 4: 6.561 + 0.81 = 7.371 → 7; start month 2 is now on time; 0.81 of a hire
    // remains by month 4: ⌈(7.5 − 7.371) / 0.81⌉ = 1.
    assert_eq!(p.hires[1], PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 4, late: false });
    // Month 5: 5.9049 + 2 × 0.729 = 7.3629 → one more, starting month 3, opened month 1.
    assert_eq!(p.hires[2], PlannedHire { count: 1, open_month: 1, start_month: 3, needed_month: 5, late: false });
    assert!(close(m[2].headcount, 8.1 + 2.0));
    assert!(close(m[3].headcount, 7.29 + 1.8 + 1.0));
    // Month 3 capacity: 7.29 + 2 × 0.9 × 2/3 + 1/3.
    assert!(close(m[3].effective_capacity, 7.29 + 1.2 + 1.0 / 3.0));
}

#[test]
fn backfill_waits_until_half_a_person_is_expected_gone() {
    // Need 4 (8M at 2M), team of 4, 15% a year: 4 × 0.85^(t/12) is 3.541 in month 9 and
    // 3.493 in month 10, so the backfill is needed in month 10: start 8, open 6.
    let p = project(
        &one_tier(0.0, 8_000_000.0, 10.0),
        &CapacitySettings::default(),
        &params(CapacityMethod::ArrRule, 4.0, 0.15, TierGrowth::default()),
    );
    assert_eq!(p.hires, vec![PlannedHire { count: 1, open_month: 6, start_month: 8, needed_month: 10, late: false }]);
    assert_eq!(p.months[6].positions_to_open, 1);
    assert_eq!(p.months[8].hires_starting, 1);
    assert!((p.months[9].headcount - (3.540_98 + 0.986_55)).abs() < 1e-4);
}

#[test]
fn part_time_is_not_rounded_up() {
    // Need 2 (4M at 2M) with 1.5 FTE and no attrition: one hire, at the earliest start.
    let p = project(
        &one_tier(0.0, 4_000_000.0, 10.0),
        &CapacitySettings::default(),
        &params(CapacityMethod::ArrRule, 1.5, 0.0, TierGrowth::default()),
    );
    assert_eq!(p.hires, vec![PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 0, late: true }]);
    assert!(close(p.months[4].effective_capacity, 2.5));
}

#[test]
fn whole_hires_round_up_only_past_tolerance() {
    // 20 accounts, then 20 new in month 1 (40 at 10 per CSM = 4), lead 0, ramp 1.
    let g = TierGrowth { new_logos_per_month: 20.0, ..Default::default() };
    let mut pp = params(CapacityMethod::NeedsBased, 2.0, 0.0, g);
    pp.team.ramp_months = 1;
    pp.team.lead_time_months = 0;
    let p = project(&one_tier(20.0, 0.0, 10.0), &CapacitySettings::default(), &pp);
    assert_eq!(p.hires[0], PlannedHire { count: 2, open_month: 1, start_month: 1, needed_month: 1, late: false });
    assert!(close(p.months[1].effective_capacity, 4.0));
    assert_eq!(p.months[1].required_headcount, 4);
}

#[test]
fn cost_and_ratios() {
    let p = project(
        &one_tier(10.0, 10_000_000.0, 10.0),
        &CapacitySettings::default(),
        &params(CapacityMethod::ArrRule, 5.0, 0.0, TierGrowth::default()),
    );
    let m0 = &p.months[0];
    assert_eq!(m0.annual_cost, 600_000.0);
    assert_eq!(m0.monthly_cost, 50_000.0);
    assert_eq!(m0.cost_share_of_arr, Some(0.06));
    assert_eq!(m0.arr_per_csm, Some(2_000_000.0));
    assert!(p.hires.is_empty());
    let empty = project(&[], &CapacitySettings::default(), &ProjectionParams::default());
    assert_eq!(empty.months[0].cost_share_of_arr, None);
    assert_eq!(empty.months[0].arr_per_csm, None);
}

#[test]
fn horizon_is_clamped() {
    let mut pp = ProjectionParams { horizon_months: 3, ..Default::default() };
    assert_eq!(project(&[], &CapacitySettings::default(), &pp).months.len(), 13);
    pp.horizon_months = 99;
    assert_eq!(project(&[], &CapacitySettings::default(), &pp).months.len(), 37);
}

/// `cargo test --lib projection_timing -- --ignored --nocapture`
#[test]
#[ignore]
fn projection_timing() {
    // 10,000 accounts aggregated into four tiers, as the page does, then 36 months.
    let arrs: Vec<f64> = (0..10_000).map(|i| f64::from(i % 997) * 250.0).collect();
    let start = std::time::Instant::now();
    let runs = 200;
    let settings = TierSettings::default();
    for _ in 0..runs {
        let mut figures = vec![TierFigures::default(); settings.tiers.len()];
        for &a in &arrs {
            let f = &mut figures[settings.tier_for_amount(a)];
            f.accounts += 1;
            f.arr += a;
        }
        let tiers = tier_loads(&settings, &figures);
        let g = TierGrowth {
            new_logos_per_month: 20.0,
            avg_new_arr: 10_000.0,
            annual_logo_churn: 0.1,
            ..Default::default()
        };
        let pp = ProjectionParams { horizon_months: 36, tiers: vec![g; 4], ..Default::default() };
        std::hint::black_box(project(&tiers, &CapacitySettings::default(), &pp));
    }
    let each = start.elapsed() / runs;
    println!("aggregate 10,000 accounts + 36-month projection: {each:?} per run");
    assert!(each.as_millis() < 16);
}
