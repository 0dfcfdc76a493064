//! Renewal metrics (续约 / 续费, DOMAIN.md §4): the due set of a period and its rates.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::book::{AsOfRules, Book, TermState};
use super::dates::{first_of_month, last_of_month};
use super::natural::natural_cmp;
use super::period::{months_between, Period};
use super::stats::ratio;

/// How a due term was decided as of D.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Decision {
    /// `next_arr` is the arr of the term that follows.
    Renewed {
        on: NaiveDate,
        next_arr: f64,
    },
    Churned(NaiveDate),
    /// Open past the grace period: counts as churned on end + grace.
    Lapsed(NaiveDate),
}

/// A decided term whose end falls in the period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DueTerm {
    /// Index into `book.accounts`.
    pub account: usize,
    /// Index into that account's terms.
    pub term: usize,
    pub end: NaiveDate,
    /// The term's own arr, not the account's current arr.
    pub arr: f64,
    pub decision: Decision,
}

impl DueTerm {
    pub fn is_renewed(&self) -> bool {
        matches!(self.decision, Decision::Renewed { .. })
    }
}

/// The due set: existing terms with P0 ≤ end ≤ P1 that are decided as of D.
pub fn due_set(book: &Book, as_of: NaiveDate, rules: &AsOfRules, period: &Period) -> Vec<DueTerm> {
    let mut due = Vec::new();
    for (account, a) in book.accounts.iter().enumerate() {
        for (term, t) in a.existing_terms(as_of).iter().enumerate() {
            if !period.contains(t.end) {
                continue;
            }
            let decision = match t.state(as_of, rules.grace_days) {
                TermState::Open => continue,
                // A renewal without a recorded next term (a hand-edited book) is read as flat.
                TermState::Renewed(on) => {
                    Decision::Renewed { on, next_arr: a.terms.get(term + 1).map_or(t.arr, |next| next.arr) }
                }
                TermState::Churned(on) => Decision::Churned(on),
                TermState::Lapsed(on) => Decision::Lapsed(on),
            };
            due.push(DueTerm { account, term, end: t.end, arr: t.arr, decision });
        }
    }
    due
}

/// Running sums over due terms; every rate is `None` over an empty due set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RenewalTally {
    /// 到期客户数
    pub due_count: usize,
    /// 到期金额: Σ arr of the due terms.
    pub due_arr: f64,
    pub renewed_count: usize,
    /// Renewed by the last day of the end's month.
    pub ontime_count: usize,
    /// Renewed before the first day of the end's month.
    pub early_count: usize,
    /// Σ over renewed of min(next arr, arr): what was kept, expansion left out.
    pub kept_arr: f64,
    /// Σ over renewed of next arr (续约金额).
    pub renewed_arr: f64,
}

impl RenewalTally {
    pub fn add(&mut self, term: &DueTerm) {
        self.due_count += 1;
        self.due_arr += term.arr;
        if let Decision::Renewed { on, next_arr } = term.decision {
            self.renewed_count += 1;
            if on <= last_of_month(term.end) {
                self.ontime_count += 1;
            }
            if on < first_of_month(term.end) {
                self.early_count += 1;
            }
            self.kept_arr += next_arr.min(term.arr);
            self.renewed_arr += next_arr;
        }
    }

    fn of_due(&self, count: usize) -> Option<f64> {
        ratio(count as f64, self.due_count as f64)
    }

    /// 续约率
    pub fn logo_rate(&self) -> Option<f64> {
        self.of_due(self.renewed_count)
    }
    /// 当月续约率
    pub fn ontime_rate(&self) -> Option<f64> {
        self.of_due(self.ontime_count)
    }
    /// 提前续约率
    pub fn early_rate(&self) -> Option<f64> {
        self.of_due(self.early_count)
    }
    /// 流失率
    pub fn churn_rate(&self) -> Option<f64> {
        self.of_due(self.due_count.saturating_sub(self.renewed_count))
    }
    /// 金额续费率. Also `None` when every due term has arr 0.
    pub fn grr(&self) -> Option<f64> {
        ratio(self.kept_arr, self.due_arr)
    }
    /// 净续费率
    pub fn nrr(&self) -> Option<f64> {
        ratio(self.renewed_arr, self.due_arr)
    }
}

pub fn tally(due: &[DueTerm]) -> RenewalTally {
    let mut t = RenewalTally::default();
    due.iter().for_each(|term| t.add(term));
    t
}

/// Due terms of one calendar month of end date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthTally {
    /// The month's first day.
    pub month: NaiveDate,
    pub tally: RenewalTally,
}

/// One entry per calendar month the period touches, empty months included, so the chart's
/// axis is continuous.
pub fn by_end_month(due: &[DueTerm], period: &Period) -> Vec<MonthTally> {
    let mut months: Vec<MonthTally> =
        period.months().map(|month| MonthTally { month, tally: RenewalTally::default() }).collect();
    let first = first_of_month(period.from);
    for term in due {
        let slot = usize::try_from(months_between(first, term.end)).ok();
        if let Some(m) = slot.and_then(|i| months.get_mut(i)) {
            m.tally.add(term);
        }
    }
    months
}

/// Due terms of one owner (the account's owner as of now; "" = unassigned).
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerTally {
    pub owner: String,
    pub tally: RenewalTally,
}

/// Per owner, by owner name in natural order ("CSM 2" before "CSM 10"). Owners compare
/// exactly after trimming (§0).
pub fn by_owner(book: &Book, due: &[DueTerm]) -> Vec<OwnerTally> {
    let mut slots: HashMap<&str, RenewalTally> = HashMap::new();
    for term in due {
        if let Some(a) = book.accounts.get(term.account) {
            slots.entry(a.owner.trim()).or_default().add(term);
        }
    }
    let mut owners: Vec<OwnerTally> =
        slots.into_iter().map(|(owner, tally)| OwnerTally { owner: owner.to_string(), tally }).collect();
    crate::domain::sort::sort_by(&mut owners, |a, b| natural_cmp(&a.owner, &b.owner));
    owners
}

#[cfg(test)]
#[path = "renewals_tests.rs"]
mod tests;
