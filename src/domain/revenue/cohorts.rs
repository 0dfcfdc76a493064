//! Cohort retention (同期群留存, DOMAIN.md §9): accounts grouped by the calendar year (or
//! quarter) their first term started, and how many of them — and how much of their first-term
//! ARR — are still counted 12, 24 and 36 months after the cohort's last day.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{cents, counted_cents, money};
use crate::domain::book::{AsOfRules, Book};
use crate::domain::dates::{add_months, last_of_month};
use crate::domain::stats::ratio;

/// The ages of the table's columns, in months after the cohort's last day.
pub const AGES: [u32; 3] = [12, 24, 36];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CohortGrain {
    Year,
    Quarter,
}

/// One cohort at one age.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortCell {
    /// Accounts of the cohort counted on c_k.
    pub counted: usize,
    /// Logo retention: counted / cohort size.
    pub logo: f64,
    /// Net revenue retention: Σ arr on c_k of the counted accounts / Σ first-term arr of the
    /// cohort. `None` when the cohort's first-term arr is 0.
    pub nrr: Option<f64>,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cohort {
    pub year: i32,
    /// 1..=4 with the quarter grain, `None` with the year grain.
    pub quarter: Option<u32>,
    /// Accounts whose first term started in the cohort's year or quarter (and by D).
    pub size: usize,
    /// Σ first-term arr of those accounts.
    pub first_arr: f64,
    /// The last day of the cohort's year or quarter; age k is read on this day + k months.
    pub last_day: NaiveDate,
    /// Ages 12, 24, 36 months (`AGES`); `None` when c_k is after D (not reached).
    pub cells: [Option<CohortCell>; 3],
}

#[derive(Default)]
struct Tally {
    size: usize,
    first_arr: i64,
    counted: [usize; 3],
    arr: [i64; 3],
}

/// The cohorts of the accounts whose first term started on or before `as_of`, oldest first.
/// Each account is read on at most three days.
pub fn cohorts(book: &Book, rules: &AsOfRules, as_of: NaiveDate, grain: CohortGrain) -> Vec<Cohort> {
    let mut groups: BTreeMap<(i32, u32), (NaiveDate, [NaiveDate; 3], Tally)> = BTreeMap::new();
    for account in &book.accounts {
        let Some(first) = account.terms.first() else { continue };
        if first.start > as_of {
            continue;
        }
        let (year, quarter) = match grain {
            CohortGrain::Year => (first.start.year(), 0),
            CohortGrain::Quarter => (first.start.year(), first.start.month0() / 3 + 1),
        };
        let (_, marks, tally) = groups.entry((year, quarter)).or_insert_with(|| {
            let last_month = if quarter == 0 { 12 } else { quarter * 3 };
            let last_day = NaiveDate::from_ymd_opt(year, last_month, 1).map_or(first.start, last_of_month);
            let marks = AGES.map(|k| add_months(last_day, k as i32));
            (last_day, marks, Tally::default())
        });
        tally.size += 1;
        tally.first_arr += cents(first.arr);
        for (k, &mark) in marks.iter().enumerate() {
            if mark > as_of {
                break;
            }
            if let Some(arr) = counted_cents(account, mark, rules) {
                tally.counted[k] += 1;
                tally.arr[k] += arr;
            }
        }
    }
    groups
        .into_iter()
        .map(|((year, quarter), (last_day, marks, tally))| {
            let cell = |k: usize| {
                (marks[k] <= as_of).then(|| CohortCell {
                    counted: tally.counted[k],
                    logo: tally.counted[k] as f64 / tally.size as f64,
                    nrr: ratio(tally.arr[k] as f64, tally.first_arr as f64),
                })
            };
            Cohort {
                year,
                quarter: (quarter > 0).then_some(quarter),
                size: tally.size,
                first_arr: money(tally.first_arr),
                last_day,
                cells: [cell(0), cell(1), cell(2)],
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "cohorts_tests.rs"]
mod tests;
