//! Revenue movement and forecast (DOMAIN.md §9): the ARR bridge, the cohort retention table and
//! the renewal forecast, all read from the terms of §1.
//!
//! Every figure here rests on one notion: an account is **counted on day x** when it is active
//! as of x (its stage as of x is not churned) and its first term has started (start ≤ x); its
//! arr on day x is its arr as of x. Each day is read with what is known as of that day, so a
//! renewal dated after x does not count on x.
//!
//! Money is summed in whole cents (`i64`), so the bridge identity
//! end = start + new + expansion − contraction − churn holds exactly.

use chrono::NaiveDate;

use super::book::{Account, AsOfRules};

pub mod bridge;
pub mod cohorts;
pub mod forecast;

/// Counted on `day`: active as of `day` (its stage is not churned) and its first term has
/// started. An account without terms is never counted.
pub fn counted(account: &Account, day: NaiveDate, rules: &AsOfRules) -> bool {
    counted_cents(account, day, rules).is_some()
}

/// The account's arr on `day`: its arr as of that day.
pub fn arr_on(account: &Account, day: NaiveDate) -> f64 {
    account.arr(day)
}

/// `Some(arr on day, in cents)` when the account is counted on `day`, else `None`: one walk of
/// the account's terms for both questions.
///
/// `Account::is_churned` is exactly rule 1 of the stage (§3): the current term's churn counts or
/// it lapsed; an account without a current term has no terms and is not counted anyway.
pub(crate) fn counted_cents(account: &Account, day: NaiveDate, rules: &AsOfRules) -> Option<i64> {
    let first = account.terms.first()?;
    if first.start > day {
        return None;
    }
    let term = &account.terms[account.current_term_index(day)?];
    if term.state(day, rules.grace_days).is_lost() {
        return None;
    }
    Some(cents(term.arr))
}

/// An amount in whole cents (amounts are rounded to cents on import; this only removes the
/// binary representation error). A non-finite amount counts as 0.
pub(crate) fn cents(amount: f64) -> i64 {
    if amount.is_finite() {
        (amount * 100.0).round() as i64
    } else {
        0
    }
}

/// Whole cents back to currency units.
pub(crate) fn money(cents: i64) -> f64 {
    cents as f64 / 100.0
}
