//! The renewal forecast (续约预测, DOMAIN.md §9): the open terms ending in the next 12 months,
//! each with a probability to renew, and what that makes of the ARR due — its expected value,
//! forecast GRR, and a 10th–90th percentile range by the normal approximation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{cents, money};
use crate::domain::book::{AsOfRules, Book, TermState};
use crate::domain::correlation::ActivityRenewal;
use crate::domain::dates::{add_months, first_of_month};
use crate::domain::health::Band;
use crate::domain::period::months_between;
use crate::domain::snapshot::Snapshot;
use crate::domain::stats::{at_least, ratio};

/// z of the 90th percentile of the standard normal distribution.
pub const Z90: f64 = 1.2816;

/// An activity band of the history is trusted from this many due terms.
pub const MIN_BAND_TERMS: usize = 10;

/// Where a term's probability to renew comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ProbabilitySource {
    /// The account's health band.
    #[default]
    Health,
    /// The renewal rate of the account's activity band over the due terms (§4's activity ↔
    /// renewal table), else the book's logo renewal rate.
    History,
}

/// The probabilities per health band (fractions 0..1) and the source.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ForecastSettings {
    pub green: f64,
    pub yellow: f64,
    pub red: f64,
    /// Accounts without health.
    pub none: f64,
    pub source: ProbabilitySource,
}

impl Default for ForecastSettings {
    fn default() -> Self {
        ForecastSettings { green: 0.9, yellow: 0.7, red: 0.4, none: 0.7, source: ProbabilitySource::Health }
    }
}

impl ForecastSettings {
    /// The probability of a health band.
    pub fn for_band(&self, band: Band) -> f64 {
        match band {
            Band::Green => self.green,
            Band::Yellow => self.yellow,
            Band::Red => self.red,
            Band::None => self.none,
        }
    }
}

/// One open term in the forecast.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForecastTerm {
    /// Index into `book.accounts`.
    pub account: usize,
    pub end: NaiveDate,
    /// The term's own arr.
    pub arr: f64,
    /// Probability to renew, 0..1.
    pub p: f64,
    /// arr × (1 − p).
    pub at_risk: f64,
}

/// The terms ending in one calendar month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForecastMonth {
    /// The month's first day.
    pub month: NaiveDate,
    pub count: usize,
    pub due_arr: f64,
    /// Σ p · arr.
    pub expected_arr: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub due_count: usize,
    /// Σ arr of the open terms ending in D < end ≤ D + 12 months.
    pub due_arr: f64,
    /// Σ p · arr: expected renewed ARR.
    pub expected_arr: f64,
    /// Forecast GRR = expected / due ARR; `None` when the due ARR is 0.
    pub grr: Option<f64>,
    /// 10th and 90th percentiles of renewed ARR: mean ∓ 1.2816 σ, σ² = Σ p(1 − p)·arr²,
    /// clamped to [0, due ARR].
    pub p10: f64,
    pub p90: f64,
    /// 1 − Σ p / count; `None` without terms.
    pub logo_churn: Option<f64>,
    /// The 13 calendar months from D's month to the month of D + 12 months (the first and the
    /// last partly covered), empty months included.
    pub months: Vec<ForecastMonth>,
    /// Largest ARR at risk first (then the earliest end, then the account index).
    pub terms: Vec<ForecastTerm>,
}

/// The renewal forecast as of `as_of`. `snapshot` (made as of the same date) gives each
/// account's health band; `history` is the activity ↔ renewal table of the default period and
/// `book_logo_rate` that period's logo renewal rate, both read only with
/// `ProbabilitySource::History`. Probabilities are clamped to [0, 1] (a non-finite one is 0).
pub fn renewal_forecast(
    book: &Book,
    snapshot: &Snapshot,
    as_of: NaiveDate,
    rules: &AsOfRules,
    settings: &ForecastSettings,
    history: Option<&ActivityRenewal>,
    book_logo_rate: Option<f64>,
) -> Forecast {
    let horizon = add_months(as_of, 12);
    let this_month = first_of_month(as_of);
    let mut months: Vec<ForecastMonth> = (0..=12)
        .map(|i| ForecastMonth { month: add_months(this_month, i), count: 0, due_arr: 0.0, expected_arr: 0.0 })
        .collect();
    let mut month_due = [0_i64; 13];
    let mut terms = Vec::new();
    let (mut due_cents, mut expected, mut variance, mut sum_p) = (0_i64, 0.0, 0.0, 0.0);
    for (index, account) in book.accounts.iter().enumerate() {
        let band = snapshot.views.get(index).map_or(Band::None, |v| v.band);
        let mut account_p = None;
        for term in account.existing_terms(as_of) {
            if term.end <= as_of || term.end > horizon || term.state(as_of, rules.grace_days) != TermState::Open {
                continue;
            }
            let p = *account_p.get_or_insert_with(|| {
                let p = probability(account.activity, band, settings, history, book_logo_rate);
                if p.is_finite() {
                    p.clamp(0.0, 1.0)
                } else {
                    0.0
                }
            });
            let arr_cents = cents(term.arr);
            let arr = money(arr_cents);
            due_cents += arr_cents;
            expected += p * arr;
            variance += p * (1.0 - p) * arr * arr;
            sum_p += p;
            let slot = usize::try_from(months_between(this_month, term.end)).unwrap_or(0).min(12);
            months[slot].count += 1;
            month_due[slot] += arr_cents;
            months[slot].expected_arr += p * arr;
            terms.push(ForecastTerm { account: index, end: term.end, arr, p, at_risk: arr * (1.0 - p) });
        }
    }
    for (month, due) in months.iter_mut().zip(month_due) {
        month.due_arr = money(due);
    }
    crate::domain::sort::sort_by(&mut terms, |a, b| {
        b.at_risk.total_cmp(&a.at_risk).then(a.end.cmp(&b.end)).then(a.account.cmp(&b.account))
    });
    let due_arr = money(due_cents);
    let spread = Z90 * variance.sqrt();
    Forecast {
        due_count: terms.len(),
        due_arr,
        expected_arr: expected,
        grr: ratio(expected, due_arr),
        p10: (expected - spread).clamp(0.0, due_arr),
        p90: (expected + spread).clamp(0.0, due_arr),
        logo_churn: ratio(sum_p, terms.len() as f64).map(|mean| 1.0 - mean),
        months,
        terms,
    }
}

/// The probability of one account's terms: by health band, or from history — its activity
/// band's renewal rate when that band has at least `MIN_BAND_TERMS` terms, else the book's
/// logo renewal rate, else (nothing known) the health band's after all.
fn probability(
    activity: Option<f64>,
    band: Band,
    settings: &ForecastSettings,
    history: Option<&ActivityRenewal>,
    book_logo_rate: Option<f64>,
) -> f64 {
    if settings.source == ProbabilitySource::History {
        let by_activity = history.zip(activity.filter(|a| a.is_finite())).and_then(|(history, activity)| {
            let band = history.bands.iter().rposition(|b| at_least(activity, b.from)).unwrap_or(0);
            let band = &history.bands[band];
            if band.n >= MIN_BAND_TERMS {
                band.renewal_rate()
            } else {
                None
            }
        });
        if let Some(p) = by_activity.or(book_logo_rate) {
            return p;
        }
    }
    settings.for_band(band)
}

#[cfg(test)]
#[path = "forecast_tests.rs"]
mod tests;
