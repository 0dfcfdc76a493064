//! The customer book: accounts, their contract terms, and what is true of them as of a date.
//!
//! DOMAIN.md §1 is the contract. Everything here is plain data and pure functions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::add_days;

/// How a contract term ended, as recorded. Whether it *counts* depends on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", content = "on", rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Open,
    Renewed(NaiveDate),
    Churned(NaiveDate),
}

/// One contract term (合同周期).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub arr: f64,
    #[serde(default)]
    pub outcome: Outcome,
}

/// What a term's outcome is as of a date: the recorded outcome once its date has come,
/// `Lapsed` when it is open more than the grace period past its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermState {
    Open,
    Renewed(NaiveDate),
    Churned(NaiveDate),
    /// Open more than `grace_days` past the end: counts as churned on end + grace.
    Lapsed(NaiveDate),
}

impl TermState {
    /// Renewed, churned or lapsed: the renewal decision is known.
    pub fn is_decided(self) -> bool {
        !matches!(self, TermState::Open)
    }
    /// Churned or lapsed.
    pub fn is_lost(self) -> bool {
        matches!(self, TermState::Churned(_) | TermState::Lapsed(_))
    }
}

impl Term {
    pub fn state(&self, as_of: NaiveDate, grace_days: i64) -> TermState {
        match self.outcome {
            Outcome::Renewed(on) if on <= as_of => TermState::Renewed(on),
            Outcome::Churned(on) if on <= as_of => TermState::Churned(on),
            _ => {
                let lapse = add_days(self.end, grace_days);
                if as_of > lapse {
                    TermState::Lapsed(lapse)
                } else {
                    TermState::Open
                }
            }
        }
    }
}

/// A customer account (客户). Optional inputs are `None` when the book does not know them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Account {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub region: String,
    /// CSM name; empty = unassigned.
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub potential_arr: Option<f64>,
    #[serde(default)]
    pub fit: Option<f64>,
    #[serde(default)]
    pub activity: Option<f64>,
    #[serde(default)]
    pub depth: Option<f64>,
    #[serde(default)]
    pub satisfaction: Option<f64>,
    #[serde(default)]
    pub health_override: Option<f64>,
    #[serde(default)]
    pub go_live: Option<NaiveDate>,
    #[serde(default)]
    pub last_touch: Option<NaiveDate>,
    #[serde(default)]
    pub referrals: u32,
    #[serde(default)]
    pub expansion_arr: f64,
    /// Oldest first.
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// The as-of rules a book is read with (DOMAIN.md §1, §3). Every field is a user setting.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct AsOfRules {
    pub grace_days: i64,
    pub renewal_window_days: i64,
    pub launch_days: i64,
}

impl Default for AsOfRules {
    fn default() -> Self {
        AsOfRules { grace_days: 30, renewal_window_days: 90, launch_days: 90 }
    }
}

impl Account {
    /// The terms that exist as of `as_of`: the first always; each later one only once the
    /// term before it was renewed on or before `as_of`.
    pub fn existing_terms(&self, as_of: NaiveDate) -> &[Term] {
        let mut n = usize::from(!self.terms.is_empty());
        while n < self.terms.len() {
            match self.terms[n - 1].outcome {
                Outcome::Renewed(on) if on <= as_of => n += 1,
                _ => break,
            }
        }
        &self.terms[..n]
    }

    /// Index of the current term: the latest existing term with start ≤ as_of, or the first
    /// term when all start after it. `None` for an account without terms.
    pub fn current_term_index(&self, as_of: NaiveDate) -> Option<usize> {
        let existing = self.existing_terms(as_of);
        if existing.is_empty() {
            return None;
        }
        Some(existing.iter().rposition(|t| t.start <= as_of).unwrap_or(0))
    }

    pub fn current_term(&self, as_of: NaiveDate) -> Option<&Term> {
        self.current_term_index(as_of).map(|i| &self.terms[i])
    }

    pub fn first_term(&self) -> Option<&Term> {
        self.terms.first()
    }

    /// The account's ARR as of a date: its current term's arr (0 without terms).
    pub fn arr(&self, as_of: NaiveDate) -> f64 {
        self.current_term(as_of).map_or(0.0, |t| t.arr)
    }

    /// Churned as of the date: the current term's churn counts, or it lapsed.
    pub fn is_churned(&self, as_of: NaiveDate, rules: &AsOfRules) -> bool {
        self.current_term(as_of).is_some_and(|t| t.state(as_of, rules.grace_days).is_lost())
    }

    /// In the active book: not churned as of the date.
    pub fn is_active(&self, as_of: NaiveDate, rules: &AsOfRules) -> bool {
        !self.is_churned(as_of, rules)
    }
}

/// The whole customer book.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Book {
    pub accounts: Vec<Account>,
}

/// The three headline figures of the book (DOMAIN.md §8: book.accounts, book.active, book.arr).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct BookTotals {
    pub accounts: usize,
    pub active: usize,
    pub arr: f64,
}

impl Book {
    pub fn totals(&self, as_of: NaiveDate, rules: &AsOfRules) -> BookTotals {
        let mut totals = BookTotals { accounts: self.accounts.len(), ..Default::default() };
        for a in self.accounts.iter().filter(|a| a.is_active(as_of, rules)) {
            totals.active += 1;
            totals.arr += a.arr(as_of);
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn term(start: &str, end: &str, arr: f64, outcome: Outcome) -> Term {
        Term { start: d(start), end: d(end), arr, outcome }
    }

    /// 2023 term renewed on 2023-12-20 into a 2024 term at 12,000, which churned on 2025-01-10.
    fn renewed_then_churned() -> Account {
        Account {
            id: "a1".into(),
            name: "Acme".into(),
            terms: vec![
                term("2023-01-01", "2023-12-31", 10_000.0, Outcome::Renewed(d("2023-12-20"))),
                term("2024-01-01", "2024-12-31", 12_000.0, Outcome::Churned(d("2025-01-10"))),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn later_term_exists_only_once_renewal_counts() {
        let a = renewed_then_churned();
        assert_eq!(a.existing_terms(d("2023-12-19")).len(), 1);
        assert_eq!(a.existing_terms(d("2023-12-20")).len(), 2);
    }

    #[test]
    fn current_term_is_latest_existing_that_started() {
        let a = renewed_then_churned();
        // Renewed, but the next term has not started yet: still the first term.
        assert_eq!(a.current_term_index(d("2023-12-25")), Some(0));
        assert_eq!(a.arr(d("2023-12-25")), 10_000.0);
        assert_eq!(a.current_term_index(d("2024-01-01")), Some(1));
        assert_eq!(a.arr(d("2024-06-01")), 12_000.0);
    }

    #[test]
    fn before_any_start_the_first_term_is_current() {
        let a = renewed_then_churned();
        assert_eq!(a.current_term_index(d("2022-05-01")), Some(0));
        assert!(a.is_active(d("2022-05-01"), &AsOfRules::default()));
    }

    #[test]
    fn churn_counts_from_its_date_and_keeps_its_arr() {
        let a = renewed_then_churned();
        let r = AsOfRules::default();
        assert!(a.is_active(d("2025-01-09"), &r));
        assert!(a.is_churned(d("2025-01-10"), &r));
        assert_eq!(a.arr(d("2025-06-01")), 12_000.0);
    }

    #[test]
    fn open_term_lapses_after_grace() {
        let a = Account { terms: vec![term("2024-01-01", "2024-12-31", 5_000.0, Outcome::Open)], ..Default::default() };
        let r = AsOfRules::default();
        let t = &a.terms[0];
        // end + 30 days = 2025-01-30: still within grace on that day.
        assert_eq!(t.state(d("2025-01-30"), 30), TermState::Open);
        assert_eq!(t.state(d("2025-01-31"), 30), TermState::Lapsed(d("2025-01-30")));
        assert!(a.is_active(d("2025-01-30"), &r));
        assert!(a.is_churned(d("2025-01-31"), &r));
    }

    #[test]
    fn outcome_dated_after_as_of_is_still_open() {
        let t = term("2024-01-01", "2024-12-31", 1.0, Outcome::Renewed(d("2025-01-05")));
        assert_eq!(t.state(d("2025-01-04"), 30), TermState::Open);
        assert_eq!(t.state(d("2025-01-05"), 30), TermState::Renewed(d("2025-01-05")));
    }

    #[test]
    fn account_without_terms_is_active_with_zero_arr() {
        let a = Account { name: "x".into(), ..Default::default() };
        assert_eq!(a.current_term(d("2025-01-01")), None);
        assert_eq!(a.arr(d("2025-01-01")), 0.0);
        assert!(a.is_active(d("2025-01-01"), &AsOfRules::default()));
    }

    #[test]
    fn totals_count_all_but_sum_active_arr() {
        let mut book = Book { accounts: vec![renewed_then_churned()] };
        book.accounts.push(Account {
            terms: vec![term("2025-01-01", "2025-12-31", 3_000.0, Outcome::Open)],
            ..Default::default()
        });
        let t = book.totals(d("2025-03-01"), &AsOfRules::default());
        assert_eq!(t, BookTotals { accounts: 2, active: 1, arr: 3_000.0 });
        assert_eq!(Book::default().totals(d("2025-03-01"), &AsOfRules::default()), BookTotals::default());
    }
}
