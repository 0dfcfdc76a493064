//! Calendar arithmetic as DOMAIN.md §0 fixes it: month steps keep the day of month, clamped
//! to the month's last day; day steps come after.

use chrono::{Datelike, Duration, NaiveDate};

/// `date + days` (negative goes back). Saturates at chrono's range instead of panicking.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(days)).unwrap_or(if days < 0 { NaiveDate::MIN } else { NaiveDate::MAX })
}

/// `date + months`, keeping the day of month, clamped to the last day of the target month.
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 + months;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let last = days_in_month(year, month0 + 1);
    NaiveDate::from_ymd_opt(year, month0 + 1, date.day().min(last)).unwrap_or(date)
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|first_next| first_next.pred_opt()).map_or(31, |d| d.day())
}

pub fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

pub fn last_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(days_in_month(date.year(), date.month())).unwrap_or(date)
}

/// Parses `YYYY-MM-DD` strictly (the form of URLs and settings). Written by hand rather than
/// with chrono's format strings, which would add their whole parser to the wasm bundle.
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// `YYYY-MM`, a calendar month as months are written everywhere in the app.
pub fn iso_month(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_steps_clamp_to_month_end() {
        assert_eq!(add_months(d(2025, 3, 31), -1), d(2025, 2, 28));
        assert_eq!(add_months(d(2024, 3, 31), -1), d(2024, 2, 29));
        assert_eq!(add_months(d(2025, 1, 15), -12), d(2024, 1, 15));
        assert_eq!(add_months(d(2025, 11, 30), 3), d(2026, 2, 28));
        assert_eq!(add_months(d(2025, 1, 31), -18), d(2023, 7, 31));
    }

    #[test]
    fn days_and_month_edges() {
        assert_eq!(add_days(d(2024, 12, 31), 30), d(2025, 1, 30));
        assert_eq!(add_days(d(2025, 3, 1), -1), d(2025, 2, 28));
        assert_eq!(first_of_month(d(2025, 2, 17)), d(2025, 2, 1));
        assert_eq!(last_of_month(d(2024, 2, 3)), d(2024, 2, 29));
        assert_eq!(last_of_month(d(2025, 12, 3)), d(2025, 12, 31));
    }

    #[test]
    fn iso_parsing_is_strict() {
        assert_eq!(parse_iso("2025-03-05"), Some(d(2025, 3, 5)));
        assert_eq!(parse_iso(" 2025-03-05 "), Some(d(2025, 3, 5)));
        assert_eq!(parse_iso("2025-02-30"), None);
        assert_eq!(parse_iso("2025/03/05"), None);
        assert_eq!(parse_iso("2025-3-05"), None);
        assert_eq!(parse_iso("+025-03-05"), None);
        assert_eq!(iso(d(2025, 3, 5)), "2025-03-05");
        assert_eq!(iso(d(987, 12, 31)), "0987-12-31");
        assert_eq!(parse_iso(""), None);
    }
}
