//! The ARR bridge (ARR 变动, DOMAIN.md §9): how the counted ARR moved from the day before P0 to
//! P1 — new, expansion, contraction, churn — over one period, or over chained calendar months
//! or quarters for the waterfall chart.

use chrono::{Datelike, NaiveDate};

use super::{counted_cents, money};
use crate::domain::book::{AsOfRules, Book};
use crate::domain::dates::{add_days, add_months, first_of_month};

/// One account's part in a movement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Movement {
    /// Index into `book.accounts`.
    pub account: usize,
    /// Positive (a contraction or churn is given as the amount lost). New and churned accounts
    /// are listed even when their arr is 0; expansion and contraction only for a change.
    pub amount: f64,
}

/// The bridge of one period [P0, P1]: end = start + new + expansion − contraction − churn, to
/// the cent.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Bridge {
    /// P0, the first day of the period; the start ARR is read on the day before.
    pub from: NaiveDate,
    /// P1, the last day of the period, on which the end ARR is read.
    pub to: NaiveDate,
    /// Σ arr on P0 − 1 day of the accounts counted that day.
    pub start_arr: f64,
    /// Σ arr on P1 of the accounts counted on P1 but not on P0 − 1 (new or returning).
    pub new: f64,
    /// Σ of the increases over the accounts counted on both days.
    pub expansion: f64,
    /// Σ of the decreases over the accounts counted on both days, as a positive number.
    pub contraction: f64,
    /// Σ arr on P0 − 1 of the accounts counted then but not on P1, as a positive number.
    pub churn: f64,
    /// Σ arr on P1 of the accounts counted that day.
    pub end_arr: f64,
    /// Each list sorted by amount, largest first (then by account index).
    pub new_accounts: Vec<Movement>,
    pub expansion_accounts: Vec<Movement>,
    pub contraction_accounts: Vec<Movement>,
    pub churn_accounts: Vec<Movement>,
}

/// The bridge over [from, to]: the accounts as counted on `from − 1 day` against `to`.
pub fn arr_bridge(book: &Book, rules: &AsOfRules, from: NaiveDate, to: NaiveDate) -> Bridge {
    chained_bridges(book, rules, &[add_days(from, -1), to]).pop().unwrap_or_default()
}

/// Calendar-month bridges that chain: month k covers [first day of the month, last day], the
/// last one ends at `as_of` (a partial month). `months` bridges, oldest first, the last one the
/// month containing `as_of`; each bridge's end ARR is the next one's start ARR. Every account is
/// read on `months + 1` days.
pub fn monthly_bridges(book: &Book, rules: &AsOfRules, as_of: NaiveDate, months: usize) -> Vec<Bridge> {
    calendar_bridges(book, rules, as_of, first_of_month(as_of), 1, months)
}

/// The same by calendar quarter (January, April, July, October), the last one partial, ending
/// at `as_of`.
pub fn quarterly_bridges(book: &Book, rules: &AsOfRules, as_of: NaiveDate, quarters: usize) -> Vec<Bridge> {
    let first = first_of_month(as_of);
    let quarter_start = add_months(first, -((first.month0() % 3) as i32));
    calendar_bridges(book, rules, as_of, quarter_start, 3, quarters)
}

/// `count` chained bridges of `step` calendar months each, the last one starting on
/// `last_start` (a first of month) and ending at `as_of`.
fn calendar_bridges(
    book: &Book,
    rules: &AsOfRules,
    as_of: NaiveDate,
    last_start: NaiveDate,
    step: i32,
    count: usize,
) -> Vec<Bridge> {
    if count == 0 {
        return Vec::new();
    }
    let count_i = i32::try_from(count).unwrap_or(i32::MAX / 12);
    let first_start = add_months(last_start, -step * (count_i - 1));
    // days[0] is the day before the first period; days[k] the last day of period k.
    let mut days = Vec::with_capacity(count + 1);
    days.push(add_days(first_start, -1));
    days.extend((1..count_i).map(|k| add_days(add_months(first_start, step * k), -1)));
    days.push(as_of);
    chained_bridges(book, rules, &days)
}

/// Running sums of one bridge, in cents.
#[derive(Default)]
struct Tally {
    start: i64,
    new: i64,
    expansion: i64,
    contraction: i64,
    churn: i64,
    end: i64,
    new_accounts: Vec<(usize, i64)>,
    expansion_accounts: Vec<(usize, i64)>,
    contraction_accounts: Vec<(usize, i64)>,
    churn_accounts: Vec<(usize, i64)>,
}

impl Tally {
    fn add(&mut self, account: usize, before: Option<i64>, after: Option<i64>) {
        match (before, after) {
            (None, None) => {}
            (None, Some(arr)) => {
                self.new += arr;
                self.end += arr;
                self.new_accounts.push((account, arr));
            }
            (Some(arr), None) => {
                self.start += arr;
                self.churn += arr;
                self.churn_accounts.push((account, arr));
            }
            (Some(was), Some(is)) => {
                self.start += was;
                self.end += is;
                let change = is - was;
                if change > 0 {
                    self.expansion += change;
                    self.expansion_accounts.push((account, change));
                } else if change < 0 {
                    self.contraction -= change;
                    self.contraction_accounts.push((account, -change));
                }
            }
        }
    }

    fn finish(self, from: NaiveDate, to: NaiveDate) -> Bridge {
        debug_assert_eq!(self.end, self.start + self.new + self.expansion - self.contraction - self.churn);
        Bridge {
            from,
            to,
            start_arr: money(self.start),
            new: money(self.new),
            expansion: money(self.expansion),
            contraction: money(self.contraction),
            churn: money(self.churn),
            end_arr: money(self.end),
            new_accounts: movements(self.new_accounts),
            expansion_accounts: movements(self.expansion_accounts),
            contraction_accounts: movements(self.contraction_accounts),
            churn_accounts: movements(self.churn_accounts),
        }
    }
}

/// Largest first; equal amounts by account index, so the order does not depend on the sort.
fn movements(mut list: Vec<(usize, i64)>) -> Vec<Movement> {
    crate::domain::sort::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.into_iter().map(|(account, amount)| Movement { account, amount: money(amount) }).collect()
}

/// One bridge per pair of consecutive days: bridge k compares `days[k]` with `days[k + 1]` and
/// covers [days[k] + 1 day, days[k + 1]]. Each account is read once per day, the reading of a
/// period's end serving as the next period's start.
fn chained_bridges(book: &Book, rules: &AsOfRules, days: &[NaiveDate]) -> Vec<Bridge> {
    if days.len() < 2 {
        return Vec::new();
    }
    let mut tallies: Vec<Tally> = days[1..].iter().map(|_| Tally::default()).collect();
    for (index, account) in book.accounts.iter().enumerate() {
        let mut before = days.first().and_then(|&day| counted_cents(account, day, rules));
        for (tally, &day) in tallies.iter_mut().zip(&days[1..]) {
            let after = counted_cents(account, day, rules);
            tally.add(index, before, after);
            before = after;
        }
    }
    tallies.into_iter().zip(days.windows(2)).map(|(tally, pair)| tally.finish(add_days(pair[0], 1), pair[1])).collect()
}

#[cfg(test)]
#[path = "bridge_tests.rs"]
mod tests;
