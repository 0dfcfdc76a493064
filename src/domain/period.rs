//! Date ranges the figures are measured over: renewal periods [P0, P1] and cohort windows.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::dates::{add_days, add_months, first_of_month, last_of_month};

/// A closed range of calendar days, `from ≤ to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// `None` when `from` is after `to`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then_some(Period { from, to })
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// [D − 12 months + 1 day, D]: the default renewal period (DOMAIN.md §4).
    pub fn last_12_months(as_of: NaiveDate) -> Period {
        Period { from: add_days(add_months(as_of, -12), 1), to: as_of }
    }

    /// From the first day of D's quarter to D. It stops at D because a term ending later can
    /// only be in the due set if it was decided early, which would flatter every rate.
    pub fn this_quarter(as_of: NaiveDate) -> Period {
        Period { from: quarter_start(as_of), to: as_of }
    }

    /// The whole calendar quarter before D's.
    pub fn last_quarter(as_of: NaiveDate) -> Period {
        let from = add_months(quarter_start(as_of), -3);
        Period { from, to: last_of_month(add_months(from, 2)) }
    }

    /// One calendar month; `None` for a month that does not exist.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Period { from: first, to: last_of_month(first) })
    }

    /// [D − 18 months + 1 day, D − 6 months]: the default cohort window of the funnel (§3),
    /// old enough for its accounts to have gone live and reached a first renewal.
    pub fn default_cohort(as_of: NaiveDate) -> Period {
        Period { from: add_days(add_months(as_of, -18), 1), to: add_months(as_of, -6) }
    }

    /// The first days of the calendar months the period touches, in order.
    pub fn months(&self) -> impl Iterator<Item = NaiveDate> {
        let first = first_of_month(self.from);
        let count = months_between(first, self.to) + 1;
        (0..count).map(move |i| add_months(first, i))
    }
}

/// Whole calendar months from `from`'s month to `to`'s month (0 for the same month).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    (to.year() - from.year()) * 12 + to.month0() as i32 - from.month0() as i32
}

fn quarter_start(date: NaiveDate) -> NaiveDate {
    let month0 = date.month0() as i32;
    add_months(first_of_month(date), -(month0 % 3))
}

/// The period a user picked, kept relative to the as-of date so it follows D.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PeriodChoice {
    #[default]
    Last12Months,
    ThisQuarter,
    LastQuarter,
    Month {
        year: i32,
        month: u32,
    },
    Custom {
        from: NaiveDate,
        to: NaiveDate,
    },
}

impl PeriodChoice {
    /// The dates of the choice as of D. An impossible month falls back to the default period;
    /// a custom range entered backwards is read the right way round.
    pub fn resolve(&self, as_of: NaiveDate) -> Period {
        match *self {
            PeriodChoice::Last12Months => Period::last_12_months(as_of),
            PeriodChoice::ThisQuarter => Period::this_quarter(as_of),
            PeriodChoice::LastQuarter => Period::last_quarter(as_of),
            PeriodChoice::Month { year, month } => {
                Period::month(year, month).unwrap_or_else(|| Period::last_12_months(as_of))
            }
            PeriodChoice::Custom { from, to } => Period { from: from.min(to), to: from.max(to) },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn default_period_is_twelve_months_ending_on_as_of() {
        let p = Period::last_12_months(d("2025-06-30"));
        assert_eq!((p.from, p.to), (d("2024-07-01"), d("2025-06-30")));
        // Month step first, clamped, then the day: 2024-02-29 + 1 day.
        let p = Period::last_12_months(d("2025-02-28"));
        assert_eq!(p.from, d("2024-02-29"));
        assert_eq!(PeriodChoice::default().resolve(d("2025-06-30")), Period::last_12_months(d("2025-06-30")));
    }

    #[test]
    fn quarters() {
        let p = Period::this_quarter(d("2025-05-17"));
        assert_eq!((p.from, p.to), (d("2025-04-01"), d("2025-05-17")));
        let p = Period::last_quarter(d("2025-05-17"));
        assert_eq!((p.from, p.to), (d("2025-01-01"), d("2025-03-31")));
        let p = Period::last_quarter(d("2025-02-10"));
        assert_eq!((p.from, p.to), (d("2024-10-01"), d("2024-12-31")));
    }

    #[test]
    fn months_and_custom() {
        let p = Period::month(2024, 2).unwrap();
        assert_eq!((p.from, p.to), (d("2024-02-01"), d("2024-02-29")));
        assert_eq!(Period::month(2024, 13), None);
        let bad = PeriodChoice::Month { year: 2024, month: 0 };
        assert_eq!(bad.resolve(d("2025-01-01")), Period::last_12_months(d("2025-01-01")));
        let back = PeriodChoice::Custom { from: d("2025-03-01"), to: d("2025-01-01") };
        assert_eq!(back.resolve(d("2025-06-01")), Period { from: d("2025-01-01"), to: d("2025-03-01") });
        assert_eq!(Period::new(d("2025-03-01"), d("2025-01-01")), None);
    }

    #[test]
    fn cohort_window_default() {
        let p = Period::default_cohort(d("2025-08-31"));
        assert_eq!((p.from, p.to), (d("2024-03-01"), d("2025-02-28")));
    }

    #[test]
    fn months_of_a_period() {
        let p = Period { from: d("2024-11-15"), to: d("2025-02-01") };
        let months: Vec<_> = p.months().collect();
        assert_eq!(months, vec![d("2024-11-01"), d("2024-12-01"), d("2025-01-01"), d("2025-02-01")]);
        assert!(p.contains(d("2024-11-15")) && p.contains(d("2025-02-01")));
        assert!(!p.contains(d("2024-11-14")) && !p.contains(d("2025-02-02")));
    }

    #[test]
    fn choices_round_trip() {
        for choice in [
            PeriodChoice::Last12Months,
            PeriodChoice::LastQuarter,
            PeriodChoice::Month { year: 2025, month: 2 },
            PeriodChoice::Custom { from: d("2025-01-01"), to: d("2025-03-31") },
        ] {
            let json = serde_json::to_string(&choice).unwrap();
            assert_eq!(serde_json::from_str::<PeriodChoice>(&json).unwrap(), choice);
        }
    }
}
