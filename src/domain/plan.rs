//! The hiring plan (招聘计划, DOMAIN.md §5): the what-if projection in whole people and calendar
//! months, with leavers, backfill vs growth hires, cost (managers and recruiting included), fiscal
//! quarter and year totals, and the optional budget mode with the coverage it buys per tier.
//!
//! Month m of the plan is the calendar month m months after the as-of date's month (month 0 is
//! D's own month). People are counted as the projection's "When to hire" walk counts them: the
//! people who have started by month m, less the attrition expected so far rounded half up to
//! whole people. A fractional current team (part-time FTE) stays fractional, as in the
//! projection; every other person counted is whole.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::capacity::{headcount_of, reaches};
use super::dates::{add_months, first_of_month};
use super::growth::monthly_rate;
use super::projection::{PlannedHire, Projection, ProjectionParams, TierMonth};
use super::stats::TOLERANCE;

/// The default span of control: CSMs per manager.
pub const DEFAULT_SPAN_OF_CONTROL: u32 = 8;
/// A manager's loaded cost, when not entered, is this multiple of the CSM's.
pub const MANAGER_COST_FACTOR: f64 = 1.5;

/// The CS budget the plan must stay within (预算约束).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetMode {
    /// No budget: the plan hires whatever the requirement asks.
    #[default]
    Off,
    /// An annual CS budget in the book's currency, the same every month.
    Annual(f64),
    /// A cap on the annual CS cost as a share (0..1) of each month's projected ARR.
    ShareOfArr(f64),
}

impl BudgetMode {
    /// The annual budget B in force in a month whose projected ARR is `arr`; `None` when off.
    pub fn annual_budget(self, arr: f64) -> Option<f64> {
        match self {
            BudgetMode::Off => None,
            BudgetMode::Annual(b) => Some(b),
            BudgetMode::ShareOfArr(share) => Some(share * arr),
        }
    }
}

/// The plan's own inputs (the team and growth inputs are the projection's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSettings {
    /// First month of the fiscal year, 1–12 (1 = January); out of range counts as January.
    pub fiscal_year_start_month: u32,
    /// One-off cost of each hire, charged in the month the hire starts.
    pub recruiting_cost_per_hire: f64,
    /// Count managers: ⌈counted team / span⌉ of them, at the manager's loaded cost.
    pub managers: bool,
    /// CSMs per manager; 0 counts as 1.
    pub span_of_control: u32,
    /// A manager's loaded cost a year; `None` = 1.5 × the CSM's loaded cost.
    pub manager_loaded_cost: Option<f64>,
    pub budget: BudgetMode,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            fiscal_year_start_month: 1,
            recruiting_cost_per_hire: 0.0,
            managers: false,
            span_of_control: DEFAULT_SPAN_OF_CONTROL,
            manager_loaded_cost: None,
            budget: BudgetMode::Off,
        }
    }
}

impl PlanSettings {
    /// The fiscal year's first month, 1–12.
    pub fn fiscal_start(&self) -> u32 {
        if (1..=12).contains(&self.fiscal_year_start_month) {
            self.fiscal_year_start_month
        } else {
            1
        }
    }

    /// A manager's loaded cost a year, given the CSM's.
    pub fn manager_cost(&self, csm_cost: f64) -> f64 {
        self.manager_loaded_cost.unwrap_or(MANAGER_COST_FACTOR * csm_cost)
    }

    /// Managers for a team of `people` CSMs: ⌈people / span⌉ (§0 tolerance) when on, else 0.
    pub fn managers_for(&self, people: f64) -> u32 {
        if self.managers {
            headcount_of(people / f64::from(self.span_of_control.max(1)))
        } else {
            0
        }
    }

    /// The annual cost of `people` CSMs and their managers.
    pub fn annual_team_cost(&self, people: f64, csm_cost: f64) -> f64 {
        people * csm_cost + f64::from(self.managers_for(people)) * self.manager_cost(csm_cost)
    }
}

/// The largest whole number n of CSMs whose annual cost, with their managers (⌈n / span⌉ when
/// managers are on), is ≤ `budget` (with a relative tolerance for sums of cents). A budget that
/// is not a positive number affords 0; when a CSM and a manager cost nothing, every team is
/// affordable and the answer is `u32::MAX`.
pub fn affordable_headcount(budget: f64, csm_cost: f64, settings: &PlanSettings) -> u32 {
    if budget.is_nan() || budget <= 0.0 {
        return 0;
    }
    let csm = csm_cost.max(0.0);
    let manager = if settings.managers { settings.manager_cost(csm).max(0.0) } else { 0.0 };
    let per_head = csm + manager / f64::from(settings.span_of_control.max(1));
    if per_head <= 0.0 || !per_head.is_finite() {
        return u32::MAX;
    }
    // n × per_head never exceeds the cost of n, so this bound is never too low; the cost of n
    // exceeds it by at most one manager, so the loop below takes a few steps.
    let bound = (budget / per_head + TOLERANCE).floor();
    let mut n = if bound >= f64::from(u32::MAX) { u32::MAX } else { bound.max(0.0) as u32 };
    while n > 0 && !reaches(budget, settings.annual_team_cost(f64::from(n), csm)) {
        n -= 1;
    }
    n
}

/// One calendar month of the plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanMonth {
    /// Model month m, 0..=H.
    pub month: u32,
    /// The first day of the calendar month (written YYYY-MM).
    pub calendar: NaiveDate,
    /// People at the start: the counted team (people started by this month, less the
    /// attrition expected so far in whole people, half up). Equals the previous month's
    /// people + this month's hires − this month's leavers.
    pub people: f64,
    /// People this month's attrition removes (half-up rule); 0 in month 0.
    pub leavers: u32,
    pub hires_starting: u32,
    pub positions_to_open: u32,
    /// Required headcount ⌈FTE⌉ of the chosen method.
    pub required: u32,
    /// required − people; negative means more people than required.
    pub gap: f64,
    /// ⌈people / span⌉ when managers are on, else 0.
    pub managers: u32,
    /// (people × CSM loaded cost + managers × manager loaded cost) / 12 + hires starting ×
    /// recruiting cost per hire.
    pub cost: f64,
    /// Budget mode: the largest team the month's budget affords.
    pub affordable: Option<u32>,
}

/// Horizon totals (the `plan.*` figures of DOMAIN.md §8).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanTotals {
    /// Σ people of every planned hire.
    pub hires: u32,
    /// Σ leavers over months 1..H.
    pub leavers: u32,
    /// min(hires, leavers).
    pub backfill: u32,
    /// hires − backfill.
    pub growth: u32,
    /// Σ cost over months 1..H (month 0's cost is not in it).
    pub cost: f64,
    /// People in month H.
    pub headcount_end: f64,
    /// Required headcount in month H.
    pub required_end: u32,
    /// The first month a position opens, as the number YYYYMM; `None` when none opens.
    pub first_open: Option<u32>,
}

/// A fiscal quarter or year. The fiscal year is named by the calendar year in which it ends:
/// with an April start, 2026-04..2027-03 is FY2027; with a January start FY = calendar year.
/// Quarters count from the fiscal year's first month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FiscalPeriod {
    pub year: i32,
    /// 1–4 for a quarter; `None` for the whole year.
    pub quarter: Option<u32>,
}

impl FiscalPeriod {
    /// The fiscal quarter a calendar month falls in, for a fiscal year starting in `start_month`.
    pub fn quarter_of(date: NaiveDate, start_month: u32) -> Self {
        let start = if (1..=12).contains(&start_month) { start_month } else { 1 };
        let (year, month) = (date.year(), date.month());
        let fy = if start > 1 && month >= start { year + 1 } else { year };
        FiscalPeriod { year: fy, quarter: Some((month + 12 - start) % 12 / 3 + 1) }
    }

    /// The fiscal year a calendar month falls in.
    pub fn year_of(date: NaiveDate, start_month: u32) -> Self {
        FiscalPeriod { quarter: None, ..Self::quarter_of(date, start_month) }
    }

    /// `FY2027 Q1` or `FY2027`.
    pub fn label(&self) -> String {
        match self.quarter {
            Some(q) => format!("FY{} Q{q}", self.year),
            None => format!("FY{}", self.year),
        }
    }
}

/// The plan's figures over the months of a fiscal period that fall within months 0..=H (sums
/// of the monthly rows, month 0 included; a period cut by the horizon has fewer months).
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodTotals {
    pub period: FiscalPeriod,
    /// First days of the period's first and last plan months.
    pub first_month: NaiveDate,
    pub last_month: NaiveDate,
    /// Plan months in the period (3 for a whole quarter, 12 for a whole year).
    pub months: u32,
    pub hires: u32,
    pub leavers: u32,
    pub positions_opened: u32,
    pub cost: f64,
    /// People in the period's last plan month.
    pub end_headcount: f64,
}

/// One tier's share of what the budget buys in month H.
#[derive(Clone, Debug, PartialEq)]
pub struct TierCoverage {
    /// Tier index (tier order, strategic first).
    pub tier: usize,
    /// The FTE the chosen method asks for the tier in month H.
    pub need_fte: f64,
    pub covered_fte: f64,
    /// covered / need; 1 for a tier that needs nothing.
    pub share: f64,
    /// The tier's projected ARR in month H.
    pub arr: f64,
    /// arr × (1 − share).
    pub uncovered_arr: f64,
}

/// What the affordable headcount of month H covers, tiers served in tier order.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// The FTE shared out: the affordable headcount of month H.
    pub fte: f64,
    pub tiers: Vec<TierCoverage>,
    /// Σ uncovered ARR.
    pub uncovered_arr: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub months: Vec<PlanMonth>,
    /// The hires the plan makes: the projection's, or in budget mode those the budget allows.
    pub hires: Vec<PlannedHire>,
    pub totals: PlanTotals,
    pub quarters: Vec<PeriodTotals>,
    pub years: Vec<PeriodTotals>,
    /// Budget mode: the affordable headcount of month H.
    pub affordable_end: Option<u32>,
    /// Budget mode: the coverage the affordable headcount of month H buys.
    pub coverage: Option<Coverage>,
}

/// The team as the walk counts it.
struct Team {
    current: f64,
    stay: f64,
    ramp: u32,
    lead: u32,
}

impl Team {
    fn new(params: &ProjectionParams) -> Self {
        let team = &params.team;
        Team {
            current: if team.current_csms.is_finite() { team.current_csms.max(0.0) } else { 0.0 },
            stay: 1.0 - monthly_rate(team.annual_attrition.max(0.0)),
            ramp: team.ramp_months.max(1),
            lead: team.lead_time_months,
        }
    }

    fn survivors(&self, months: u32) -> f64 {
        self.stay.powi(months as i32)
    }

    /// People gone, in whole people half up, of `planned` of whom `expected` remain.
    fn gone(planned: f64, expected: f64) -> f64 {
        (planned - expected + 0.5 + TOLERANCE).floor().max(0.0)
    }

    /// (planned_m, expected_m) over the people who have started by month m.
    fn started_by(&self, starting: &[u32], m: u32) -> (f64, f64) {
        let mut planned = self.current;
        let mut expected = self.current * self.survivors(m);
        for (k, &n) in starting.iter().enumerate().take(m as usize + 1) {
            planned += f64::from(n);
            expected += f64::from(n) * self.survivors(m - k as u32);
        }
        (planned, expected)
    }
}

/// The "When to hire" walk of DOMAIN.md §5 (the projection's), with the target of month t
/// lowered to the affordable headcount `cap[t]`, and one more rule so the plan stays within the
/// budget: a hire is cut down so that, over the people started by each month, no month from its
/// start to H counts more people than that month affords (unless it already did without the
/// hire). When that leaves no one to hire at the usual start (a backfill whose leaver is still
/// counted then), the next later start up to month t is tried, and such a hire is late: it
/// starts as the leaver goes rather than overlapping them. With caps that never bind it plans
/// exactly the projection's hires. Returns the hires and the people starting per month.
fn capped_walk(team: &Team, required: &[u32], cap: &[u32]) -> (Vec<PlannedHire>, Vec<u32>) {
    let horizon = required.len().saturating_sub(1) as u32;
    let mut starting = vec![0u32; required.len()];
    let mut hires = Vec::new();
    let counted = |planned: f64, expected: f64| planned - Team::gone(planned, expected);
    for t in 0..=horizon {
        let planned = team.current + starting.iter().map(|&n| f64::from(n)).sum::<f64>();
        let expected = team.current * team.survivors(t)
            + (0..=horizon).map(|s| f64::from(starting[s as usize]) * team.survivors(t.saturating_sub(s))).sum::<f64>();
        let need = f64::from(required[t as usize].min(cap[t as usize]));
        if counted(planned, expected) >= need - TOLERANCE {
            continue;
        }
        let ideal_start = i64::from(t) - i64::from(team.ramp - 1);
        let first_start = ideal_start.max(i64::from(team.lead)) as u32;
        for start in first_start..=first_start.max(t).min(horizon) {
            let kept = team.survivors(t.saturating_sub(start));
            if kept <= TOLERANCE {
                continue;
            }
            let mut count = headcount_of(need - counted(planned, expected)).max(1);
            while count < 100_000
                && counted(planned + f64::from(count), expected + f64::from(count) * kept) < need - TOLERANCE
            {
                count += 1;
            }
            // The people started by each month from `start` on, before this hire; adding n
            // people at `start` never lowers a month's count, so the largest n within the
            // budget is found by bisection.
            let before: Vec<(f64, f64)> = (start..=horizon).map(|m| team.started_by(&starting, m)).collect();
            let within_budget = |n: u32| {
                (start..=horizon).zip(&before).all(|(m, &(planned, expected))| {
                    let allowed = f64::from(cap[m as usize]).max(counted(planned, expected));
                    let extra = f64::from(n);
                    counted(planned + extra, expected + extra * team.survivors(m - start)) <= allowed + TOLERANCE
                })
            };
            if !within_budget(count) {
                let (mut ok, mut over) = (0, count);
                while over - ok > 1 {
                    let mid = ok + (over - ok) / 2;
                    if within_budget(mid) {
                        ok = mid;
                    } else {
                        over = mid;
                    }
                }
                count = ok;
            }
            if count > 0 {
                starting[start as usize] += count;
                hires.push(PlannedHire {
                    count,
                    open_month: start - team.lead,
                    start_month: start,
                    needed_month: t,
                    late: i64::from(start) > ideal_start,
                });
                break;
            }
        }
    }
    (hires, starting)
}

/// Serves the tiers in order, each taking the FTE it needs until `fte` runs out.
pub fn coverage_by_tier(fte: f64, tiers: &[TierMonth]) -> Coverage {
    let mut left = fte.max(0.0);
    let tiers: Vec<TierCoverage> = tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let need = t.fte.max(0.0);
            let covered = need.min(left);
            left -= covered;
            let share = if need > TOLERANCE { covered / need } else { 1.0 };
            // A tier covered to within the tolerance counts as fully covered.
            let share = if share >= 1.0 - TOLERANCE { 1.0 } else { share };
            TierCoverage {
                tier: i,
                need_fte: need,
                covered_fte: covered,
                share,
                arr: t.arr,
                uncovered_arr: t.arr * (1.0 - share),
            }
        })
        .collect();
    let uncovered_arr = tiers.iter().map(|t| t.uncovered_arr).sum();
    Coverage { fte: fte.max(0.0), tiers, uncovered_arr }
}

/// The calendar month of model month m: the first day of the month m months after D's month.
pub fn calendar_month(as_of: NaiveDate, m: u32) -> NaiveDate {
    add_months(first_of_month(as_of), m as i32)
}

/// A month as the number YYYYMM.
pub fn yyyymm(date: NaiveDate) -> u32 {
    date.year().max(0) as u32 * 100 + date.month()
}

fn period_totals(months: &[PlanMonth], key: impl Fn(NaiveDate) -> FiscalPeriod) -> Vec<PeriodTotals> {
    let mut out: Vec<PeriodTotals> = Vec::new();
    for row in months {
        let period = key(row.calendar);
        match out.last_mut() {
            Some(p) if p.period == period => {
                p.last_month = row.calendar;
                p.months += 1;
                p.hires += row.hires_starting;
                p.leavers += row.leavers;
                p.positions_opened += row.positions_to_open;
                p.cost += row.cost;
                p.end_headcount = row.people;
            }
            _ => out.push(PeriodTotals {
                period,
                first_month: row.calendar,
                last_month: row.calendar,
                months: 1,
                hires: row.hires_starting,
                leavers: row.leavers,
                positions_opened: row.positions_to_open,
                cost: row.cost,
                end_headcount: row.people,
            }),
        }
    }
    out
}

/// The hiring plan of a projection made with `params` (its team inputs: current CSMs,
/// attrition, ramp, lead time, loaded cost), as of `as_of`.
///
/// Without a budget the hires are the projection's. In budget mode the affordable headcount of
/// each month (B the annual budget, or the share × that month's projected ARR) caps the target
/// of the hiring walk, which is re-run (see `capped_walk`); the required headcount and the gap
/// still show what the method asks for, and `coverage` (`coverage_by_tier`) shares the
/// affordable headcount of month H among the tiers.
pub fn hiring_plan(
    projection: &Projection,
    params: &ProjectionParams,
    settings: &PlanSettings,
    as_of: NaiveDate,
) -> Plan {
    if projection.months.is_empty() {
        return Plan::default();
    }
    let team = Team::new(params);
    let csm_cost = params.team.loaded_cost;
    let horizon = projection.months.len() as u32 - 1;
    let required: Vec<u32> = projection.months.iter().map(|m| m.required_headcount).collect();
    let affordable: Option<Vec<u32>> = match settings.budget {
        BudgetMode::Off => None,
        budget => Some(
            projection
                .months
                .iter()
                .map(|m| affordable_headcount(budget.annual_budget(m.arr).unwrap_or(0.0), csm_cost, settings))
                .collect(),
        ),
    };
    let (hires, starting) = match &affordable {
        None => (projection.hires.clone(), projection.months.iter().map(|m| m.hires_starting).collect()),
        Some(cap) => capped_walk(&team, &required, cap),
    };

    let mut gone_before = 0.0;
    let months: Vec<PlanMonth> = (0..=horizon)
        .map(|m| {
            let (planned, expected) = team.started_by(&starting, m);
            let gone = Team::gone(planned, expected);
            let leavers = (gone - gone_before).max(0.0) as u32;
            gone_before = gone;
            let people = planned - gone;
            let managers = settings.managers_for(people);
            let hires_starting = starting[m as usize];
            let cost = settings.annual_team_cost(people, csm_cost) / 12.0
                + f64::from(hires_starting) * settings.recruiting_cost_per_hire;
            PlanMonth {
                month: m,
                calendar: calendar_month(as_of, m),
                people,
                leavers,
                hires_starting,
                positions_to_open: hires.iter().filter(|h| h.open_month == m).map(|h| h.count).sum(),
                required: required[m as usize],
                gap: f64::from(required[m as usize]) - people,
                managers,
                cost,
                affordable: affordable.as_ref().map(|a| a[m as usize]),
            }
        })
        .collect();

    let total_hires: u32 = hires.iter().map(|h| h.count).sum();
    let leavers: u32 = months.iter().skip(1).map(|m| m.leavers).sum();
    let backfill = total_hires.min(leavers);
    let last = &months[horizon as usize];
    let totals = PlanTotals {
        hires: total_hires,
        leavers,
        backfill,
        growth: total_hires - backfill,
        cost: months.iter().skip(1).map(|m| m.cost).sum(),
        headcount_end: last.people,
        required_end: last.required,
        first_open: months.iter().find(|m| m.positions_to_open > 0).map(|m| yyyymm(m.calendar)),
    };
    let start = settings.fiscal_start();
    let quarters = period_totals(&months, |d| FiscalPeriod::quarter_of(d, start));
    let years = period_totals(&months, |d| FiscalPeriod::year_of(d, start));
    let affordable_end = affordable.as_ref().map(|a| a[horizon as usize]);
    let coverage = affordable_end.map(|n| coverage_by_tier(f64::from(n), &projection.months[horizon as usize].tiers));
    Plan { months, hires, totals, quarters, years, affordable_end, coverage }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
