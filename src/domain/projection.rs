//! The what-if projection (DOMAIN.md §5): the book and the team month by month, and when each
//! CSM position must be opened.

use serde::{Deserialize, Serialize};

use super::capacity::{headcount_of, required_fte, CapacityMethod, CapacitySettings, TierLoad};
use super::growth::{monthly_rate, project_tiers, TierGrowth};
use super::stats::TOLERANCE;

pub const MIN_HORIZON_MONTHS: u32 = 12;
pub const MAX_HORIZON_MONTHS: u32 = 36;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamInputs {
    /// CSM headcount today (§7), all fully ramped.
    pub current_csms: f64,
    pub annual_attrition: f64,
    /// A new hire gives k/ramp of full capacity in its k-th month.
    pub ramp_months: u32,
    /// Months between opening a position and the hire's start.
    pub lead_time_months: u32,
    /// Loaded cost of a CSM a year.
    pub loaded_cost: f64,
}

impl Default for TeamInputs {
    fn default() -> Self {
        TeamInputs {
            current_csms: 0.0,
            annual_attrition: 0.15,
            ramp_months: 3,
            lead_time_months: 2,
            loaded_cost: 120_000.0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectionParams {
    pub horizon_months: u32,
    pub method: CapacityMethod,
    pub team: TeamInputs,
    /// By tier index; a missing entry means no growth for that tier.
    pub tiers: Vec<TierGrowth>,
}

impl Default for ProjectionParams {
    fn default() -> Self {
        ProjectionParams {
            horizon_months: MIN_HORIZON_MONTHS,
            method: CapacityMethod::default(),
            team: TeamInputs::default(),
            tiers: Vec::new(),
        }
    }
}

/// Positions opened together: `count` people opened in `open_month`, starting in
/// `start_month`, to cover the need first seen in `needed_month`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedHire {
    pub count: u32,
    pub open_month: u32,
    pub start_month: u32,
    pub needed_month: u32,
    /// The lead time did not allow a start early enough to be fully ramped by `needed_month`.
    pub late: bool,
}

/// One month of the projection; month 0 is the as-of date's book and team.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectionMonth {
    pub month: u32,
    pub accounts: f64,
    pub arr: f64,
    pub required_fte: f64,
    pub required_headcount: u32,
    /// People on the team (an expected value: attrition is applied as a rate).
    pub headcount: f64,
    /// Headcount discounted for hires still ramping.
    pub effective_capacity: f64,
    /// required − effective; positive means short.
    pub gap: f64,
    pub hires_starting: u32,
    pub positions_to_open: u32,
    pub annual_cost: f64,
    pub monthly_cost: f64,
    /// Annual CS cost / ARR; `None` without ARR.
    pub cost_share_of_arr: Option<f64>,
    pub arr_per_csm: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    pub months: Vec<ProjectionMonth>,
    pub hires: Vec<PlannedHire>,
}

/// Runs the projection over `params.horizon_months` (clamped to 12–36).
///
/// When a hire must start: months are walked in order. In month t the committed team is
/// today's CSMs and every hire already planned (even one starting later), each thinned by
/// attrition from its start. Attrition is an expected rate, so its losses are counted in whole
/// people, half up: a person is gone once half a person is expected to have left (else a 0.03
/// FTE dip would hire a whole person); part-time FTE is kept as it is. If that team is below the
/// required headcount ⌈FTE⌉, new people are planned to start in month t − (ramp − 1), so that
/// month t is their ramp-th month and they are at full capacity exactly when needed; each
/// position opens lead-time months before its start. No start can come before the lead time
/// allows (a position opened in month 0): such a hire starts then and is marked late, and the
/// months until it is ramped show a gap; it is sized for the need at full ramp rather than to
/// cover the ramp, which would over-hire. The count is the fewest people that bring the team so
/// counted up to the required headcount in month t.
pub fn project(
    base: &[TierLoad],
    capacity: &CapacitySettings,
    params: &ProjectionParams,
) -> Projection {
    let horizon = params.horizon_months.clamp(MIN_HORIZON_MONTHS, MAX_HORIZON_MONTHS);
    let team = &params.team;
    let tiers = project_tiers(base, &params.tiers, horizon);
    let required: Vec<_> = tiers.iter().map(|t| required_fte(params.method, t, capacity)).collect();

    let stay = 1.0 - monthly_rate(team.annual_attrition.max(0.0));
    let current = if team.current_csms.is_finite() { team.current_csms.max(0.0) } else { 0.0 };
    let ramp = team.ramp_months.max(1);
    let lead = team.lead_time_months;
    let survivors = |k: u32| stay.powi(k as i32);

    let n_months = horizon as usize + 1;
    let mut starting = vec![0u32; n_months];
    let mut hires = Vec::new();
    // The team in month t counted as above, given `planned` people on the books (today's and
    // every planned hire) of whom `expected` are still there.
    let counted = |planned: f64, expected: f64| {
        planned - (planned - expected + 0.5 + TOLERANCE).floor().max(0.0)
    };
    for t in 0..=horizon {
        let planned = current + starting.iter().map(|&n| f64::from(n)).sum::<f64>();
        let expected: f64 = current * survivors(t)
            + (0..=horizon)
                .map(|s| f64::from(starting[s as usize]) * survivors(t.saturating_sub(s)))
                .sum::<f64>();
        let need = f64::from(required[t as usize].headcount);
        if counted(planned, expected) >= need - TOLERANCE {
            continue;
        }
        let ideal_start = i64::from(t) - i64::from(ramp - 1);
        let start = ideal_start.max(i64::from(lead)) as u32;
        let kept = survivors(t.saturating_sub(start));
        // Past the horizon, or attrition so total that no hire survives to month t.
        if start > horizon || kept <= TOLERANCE {
            continue;
        }
        // Each person adds `kept` on average, so this ends within need / kept + 1 steps; the
        // bound only guards against a non-number slipping through.
        let mut count = headcount_of(need - counted(planned, expected)).max(1);
        while count < 100_000
            && counted(planned + f64::from(count), expected + f64::from(count) * kept)
                < need - TOLERANCE
        {
            count += 1;
        }
        starting[start as usize] += count;
        hires.push(PlannedHire {
            count,
            open_month: start - lead,
            start_month: start,
            needed_month: t,
            late: i64::from(start) > ideal_start,
        });
    }

    let months = (0..=horizon)
        .map(|m| {
            let (mut headcount, mut effective) = (current * survivors(m), current * survivors(m));
            for s in 0..=m {
                let people = f64::from(starting[s as usize]) * survivors(m - s);
                headcount += people;
                effective += people * (f64::from(m - s + 1) / f64::from(ramp)).min(1.0);
            }
            let (accounts, arr) =
                tiers[m as usize].iter().fold((0.0, 0.0), |(n, a), t| (n + t.accounts, a + t.arr));
            let need = &required[m as usize];
            let annual_cost = team.loaded_cost * headcount;
            ProjectionMonth {
                month: m,
                accounts,
                arr,
                required_fte: need.fte,
                required_headcount: need.headcount,
                headcount,
                effective_capacity: effective,
                gap: need.fte - effective,
                hires_starting: starting[m as usize],
                positions_to_open: hires
                    .iter()
                    .filter(|h| h.open_month == m)
                    .map(|h| h.count)
                    .sum(),
                annual_cost,
                monthly_cost: annual_cost / 12.0,
                cost_share_of_arr: (arr > 0.0).then(|| annual_cost / arr),
                arr_per_csm: (headcount > TOLERANCE).then(|| arr / headcount),
            }
        })
        .collect();
    Projection { months, hires }
}

#[cfg(test)]
mod tests {
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

    fn params(
        method: CapacityMethod,
        csms: f64,
        attrition: f64,
        growth: TierGrowth,
    ) -> ProjectionParams {
        ProjectionParams {
            horizon_months: 12,
            method,
            team: TeamInputs {
                current_csms: csms,
                annual_attrition: attrition,
                ..Default::default()
            },
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
                PlannedHire {
                    count: 1,
                    open_month: 0,
                    start_month: 2,
                    needed_month: 1,
                    late: true
                },
                // Month 3 needs 3.5: the ideal start, month 1, is too early: late.
                PlannedHire {
                    count: 1,
                    open_month: 0,
                    start_month: 2,
                    needed_month: 3,
                    late: true
                },
                // Month 5 needs 4.5: start in month 3, fully ramped in month 5, opened month 1.
                PlannedHire {
                    count: 1,
                    open_month: 1,
                    start_month: 3,
                    needed_month: 5,
                    late: false
                },
                PlannedHire {
                    count: 1,
                    open_month: 3,
                    start_month: 5,
                    needed_month: 7,
                    late: false
                },
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
        assert_eq!(
            p.hires[0],
            PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 3, late: true }
        );
        // Month 4: 6.561 + 0.81 = 7.371 → 7; start month 2 is now on time; 0.81 of a hire
        // remains by month 4: ⌈(7.5 − 7.371) / 0.81⌉ = 1.
        assert_eq!(
            p.hires[1],
            PlannedHire { count: 1, open_month: 0, start_month: 2, needed_month: 4, late: false }
        );
        // Month 5: 5.9049 + 2 × 0.729 = 7.3629 → one more, starting month 3, opened month 1.
        assert_eq!(
            p.hires[2],
            PlannedHire { count: 1, open_month: 1, start_month: 3, needed_month: 5, late: false }
        );
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
        assert_eq!(
            p.hires,
            vec![PlannedHire {
                count: 1,
                open_month: 6,
                start_month: 8,
                needed_month: 10,
                late: false
            }]
        );
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
        assert_eq!(
            p.hires,
            vec![PlannedHire {
                count: 1,
                open_month: 0,
                start_month: 2,
                needed_month: 0,
                late: true
            }]
        );
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
        assert_eq!(
            p.hires[0],
            PlannedHire { count: 2, open_month: 1, start_month: 1, needed_month: 1, late: false }
        );
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
            let pp =
                ProjectionParams { horizon_months: 36, tiers: vec![g; 4], ..Default::default() };
            std::hint::black_box(project(&tiers, &CapacitySettings::default(), &pp));
        }
        let each = start.elapsed() / runs;
        println!("aggregate 10,000 accounts + 36-month projection: {each:?} per run");
        assert!(each.as_millis() < 16);
    }
}
