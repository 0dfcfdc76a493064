//! The open terms around D: the 12-month renewal calendar by health band, the pending set
//! beside the due set, and the overdue and upcoming lists the team works from.

use chrono::NaiveDate;

use super::book::{Book, TermState};
use super::dates::{add_days, add_months, first_of_month};
use super::health::{Band, PerBand};
use super::period::{months_between, Period};
use super::snapshot::Snapshot;

/// Open terms ending in one calendar month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CalendarMonth {
    /// The month's first day.
    pub month: NaiveDate,
    /// Terms per health band of their account.
    pub terms: PerBand<usize>,
    pub arr: PerBand<f64>,
}

impl CalendarMonth {
    /// Red + yellow (风险金额).
    pub fn arr_at_risk(&self) -> f64 {
        self.arr.at_risk()
    }
}

/// The 12 calendar months after D's month, each with the open terms ending in it.
pub fn renewal_calendar(book: &Book, snapshot: &Snapshot) -> Vec<CalendarMonth> {
    let this_month = first_of_month(snapshot.as_of);
    let mut months: Vec<CalendarMonth> = (1..=12)
        .map(|i| CalendarMonth { month: add_months(this_month, i), terms: PerBand::default(), arr: PerBand::default() })
        .collect();
    for (account, view) in book.accounts.iter().zip(&snapshot.views) {
        for term in account.existing_terms(snapshot.as_of) {
            let slot = usize::try_from(months_between(this_month, term.end) - 1).ok();
            let Some(month) = slot.and_then(|i| months.get_mut(i)) else { continue };
            if term.state(snapshot.as_of, snapshot.rules.grace_days) == TermState::Open {
                *month.terms.get_mut(view.band) += 1;
                *month.arr.get_mut(view.band) += term.arr;
            }
        }
    }
    months
}

/// One line of the overdue or upcoming list; the page reads name and owner from
/// `book.accounts[account]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenewalRow {
    pub account: usize,
    pub term: usize,
    pub end: NaiveDate,
    /// Negative once the end has passed.
    pub days_to_end: i64,
    pub arr: f64,
    pub health: Option<f64>,
    pub band: Band,
}

fn open_terms_ending(book: &Book, snapshot: &Snapshot, from: NaiveDate, to: NaiveDate) -> Vec<RenewalRow> {
    let as_of = snapshot.as_of;
    let mut rows = Vec::new();
    for (account, (a, view)) in book.accounts.iter().zip(&snapshot.views).enumerate() {
        for (term, t) in a.existing_terms(as_of).iter().enumerate() {
            if from <= t.end && t.end <= to && t.state(as_of, snapshot.rules.grace_days) == TermState::Open {
                rows.push(RenewalRow {
                    account,
                    term,
                    end: t.end,
                    days_to_end: (t.end - as_of).num_days(),
                    arr: t.arr,
                    health: view.health,
                    band: view.band,
                });
            }
        }
    }
    // Most urgent first; at the same date, the most money first.
    crate::domain::sort::sort_by(&mut rows, |a, b| a.days_to_end.cmp(&b.days_to_end).then(b.arr.total_cmp(&a.arr)));
    rows
}

/// Open terms past their end, within grace (逾期未续), the longest overdue first.
pub fn overdue_list(book: &Book, snapshot: &Snapshot) -> Vec<RenewalRow> {
    let as_of = snapshot.as_of;
    let first_day_of_grace = add_days(as_of, -snapshot.rules.grace_days);
    open_terms_ending(book, snapshot, first_day_of_grace, add_days(as_of, -1))
}

/// The pending set of a period (待定, DOMAIN.md §4): the overdue terms whose end is in it,
/// shown beside its due set.
pub fn pending_set(book: &Book, snapshot: &Snapshot, period: &Period) -> Vec<RenewalRow> {
    let as_of = snapshot.as_of;
    let first_day_of_grace = add_days(as_of, -snapshot.rules.grace_days);
    let from = period.from.max(first_day_of_grace);
    open_terms_ending(book, snapshot, from, period.to.min(add_days(as_of, -1)))
}

/// Open terms ending within `days` from D (D and D + days included), the soonest first.
/// The renewal window (`snapshot.rules.renewal_window_days`) is the usual choice.
pub fn upcoming_list(book: &Book, snapshot: &Snapshot, days: i64) -> Vec<RenewalRow> {
    open_terms_ending(book, snapshot, snapshot.as_of, add_days(snapshot.as_of, days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::health::HealthSettings;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    const AS_OF: &str = "2025-06-15";

    fn with_health(id: &str, health: Option<f64>, terms: Vec<crate::domain::Term>) -> Account {
        Account { health_override: health, ..account(id, "", terms) }
    }

    fn book() -> Book {
        Book {
            accounts: vec![
                // Ends in D's own month: in no calendar month; upcoming.
                with_health("june", Some(20.0), vec![open("2024-07-01", "2025-06-30", 1_000.0)]),
                // First calendar month (July), red.
                with_health("jul-red", Some(10.0), vec![open("2024-08-01", "2025-07-01", 2_000.0)]),
                // July, yellow.
                with_health("jul-yellow", Some(50.0), vec![open("2024-08-01", "2025-07-31", 3_000.0)]),
                // Twelfth month (June 2026), green.
                with_health("jun26", Some(90.0), vec![open("2025-07-01", "2026-06-30", 4_000.0)]),
                // Thirteenth month: out.
                with_health("jul26", None, vec![open("2025-08-01", "2026-07-01", 5_000.0)]),
                // Renewed early: not open; its next term (ending 2026-07-31) is out of range.
                with_health(
                    "renewed",
                    None,
                    vec![
                        renewed("2024-08-01", "2025-07-31", 6_000.0, "2025-06-01"),
                        open("2025-08-01", "2026-07-31", 6_000.0),
                    ],
                ),
                // Churn notice counted: not open.
                with_health("leaving", None, vec![churned("2024-08-01", "2025-08-31", 7_000.0, "2025-06-01")]),
                // No health, August.
                with_health("aug-none", None, vec![open("2024-08-15", "2025-08-14", 8_000.0)]),
                // Overdue: ended yesterday, and one on the last day of grace (2025-05-16 + 30 = D).
                with_health("late1", Some(75.0), vec![open("2024-06-15", "2025-06-14", 100.0)]),
                with_health("late30", Some(75.0), vec![open("2024-05-17", "2025-05-16", 200.0)]),
                // Lapsed: not overdue any more.
                with_health("lapsed", Some(75.0), vec![open("2024-05-16", "2025-05-15", 300.0)]),
                // Upcoming on D + 90 exactly, and one day later.
                with_health("d90", Some(75.0), vec![open("2024-09-14", "2025-09-13", 400.0)]),
                with_health("d91", Some(75.0), vec![open("2024-09-15", "2025-09-14", 500.0)]),
            ],
        }
    }

    fn snapshot(book: &Book) -> Snapshot {
        Snapshot::new(book, d(AS_OF), &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default())
    }

    #[test]
    fn calendar_splits_open_terms_by_band() {
        let b = book();
        let cal = renewal_calendar(&b, &snapshot(&b));
        assert_eq!(cal.len(), 12);
        assert_eq!((cal[0].month, cal[11].month), (d("2025-07-01"), d("2026-06-01")));
        let jul = &cal[0];
        assert_eq!((jul.terms.red, jul.terms.yellow, jul.terms.total()), (1, 1, 2));
        assert_eq!(jul.arr_at_risk(), 5_000.0);
        let aug = &cal[1];
        assert_eq!((aug.terms.none, aug.arr.none, aug.arr_at_risk()), (1, 8_000.0, 0.0));
        let sep = &cal[2];
        assert_eq!((sep.terms.green, sep.arr.green), (2, 900.0));
        assert_eq!((cal[11].terms.green, cal[11].arr.green), (1, 4_000.0));
        let total: usize = cal.iter().map(|m| m.terms.total()).sum();
        assert_eq!(total, 6);
    }

    #[test]
    fn overdue_list_is_within_grace_longest_first() {
        let b = book();
        let rows = overdue_list(&b, &snapshot(&b));
        let ids: Vec<(&str, i64)> = rows.iter().map(|r| (b.accounts[r.account].id.as_str(), r.days_to_end)).collect();
        assert_eq!(ids, [("late30", -30), ("late1", -1)]);
        assert_eq!(rows[0].health, Some(75.0));
    }

    #[test]
    fn upcoming_list_within_the_window() {
        let b = book();
        let rows = upcoming_list(&b, &snapshot(&b), 90);
        let ids: Vec<(&str, i64)> = rows.iter().map(|r| (b.accounts[r.account].id.as_str(), r.days_to_end)).collect();
        assert_eq!(ids, [("june", 15), ("jul-red", 16), ("jul-yellow", 46), ("aug-none", 60), ("d90", 90)]);
        assert_eq!(rows[1].band, Band::Red);
    }

    #[test]
    fn empty_book() {
        let b = Book::default();
        let s = snapshot(&b);
        assert!(renewal_calendar(&b, &s).iter().all(|m| m.terms.total() == 0));
        assert!(overdue_list(&b, &s).is_empty() && upcoming_list(&b, &s, 90).is_empty());
    }
}
