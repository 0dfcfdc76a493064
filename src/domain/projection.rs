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

/// One tier in one month of the projection.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TierMonth {
    pub accounts: f64,
    pub arr: f64,
    /// The FTE the chosen method asks for this tier (hybrid: whole for a dedicated tier).
    pub fte: f64,
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
    /// By tier index (tier order, highest tier first): the tier's book and required FTE.
    pub tiers: Vec<TierMonth>,
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
pub fn project(base: &[TierLoad], capacity: &CapacitySettings, params: &ProjectionParams) -> Projection {
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
    let counted = |planned: f64, expected: f64| planned - (planned - expected + 0.5 + TOLERANCE).floor().max(0.0);
    for t in 0..=horizon {
        let planned = current + starting.iter().map(|&n| f64::from(n)).sum::<f64>();
        let expected: f64 = current * survivors(t)
            + (0..=horizon).map(|s| f64::from(starting[s as usize]) * survivors(t.saturating_sub(s))).sum::<f64>();
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
            && counted(planned + f64::from(count), expected + f64::from(count) * kept) < need - TOLERANCE
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
            let (accounts, arr) = tiers[m as usize].iter().fold((0.0, 0.0), |(n, a), t| (n + t.accounts, a + t.arr));
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
                positions_to_open: hires.iter().filter(|h| h.open_month == m).map(|h| h.count).sum(),
                annual_cost,
                monthly_cost: annual_cost / 12.0,
                cost_share_of_arr: (arr > 0.0).then(|| annual_cost / arr),
                arr_per_csm: (headcount > TOLERANCE).then(|| arr / headcount),
                tiers: tiers[m as usize]
                    .iter()
                    .zip(&need.tiers)
                    .map(|(t, c)| TierMonth { accounts: t.accounts, arr: t.arr, fte: c.fte })
                    .collect(),
            }
        })
        .collect();
    Projection { months, hires }
}

#[cfg(test)]
#[path = "projection_tests.rs"]
mod tests;
