//! Builders for the hand-computed books of the domain tests.

use chrono::NaiveDate;

use super::book::{Account, Outcome, Term};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn term(start: &str, end: &str, arr: f64, outcome: Outcome) -> Term {
    Term { start: d(start), end: d(end), arr, outcome }
}

pub fn open(start: &str, end: &str, arr: f64) -> Term {
    term(start, end, arr, Outcome::Open)
}

pub fn renewed(start: &str, end: &str, arr: f64, on: &str) -> Term {
    term(start, end, arr, Outcome::Renewed(d(on)))
}

pub fn churned(start: &str, end: &str, arr: f64, on: &str) -> Term {
    term(start, end, arr, Outcome::Churned(d(on)))
}

pub fn account(id: &str, owner: &str, terms: Vec<Term>) -> Account {
    Account { id: id.into(), name: id.into(), owner: owner.into(), terms, ..Default::default() }
}

/// Floating-point equality for values computed by different routes.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

pub fn close_opt(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| close(a, b))
}
