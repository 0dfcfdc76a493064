//! Cell values as people write them in spreadsheets (DOMAIN.md §1): amounts with grouping,
//! currency signs and Chinese units, dates in ISO, slash or Chinese form, or Excel serials.

use chrono::NaiveDate;

use crate::domain::dates::add_days;

/// Why a cell could not be read as the value its column needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueError {
    NotANumber,
    Negative,
    /// Above `MAX_AMOUNT`: a typo or a unit slip, not an ARR.
    TooLarge,
    NotAnInteger,
    /// A score outside 0–100.
    OutOfRange,
    NotADate,
    /// Well formed but not in the calendar, e.g. 2025-02-30.
    NoSuchDate,
    /// A bare number outside the Excel serials we accept.
    SerialOutOfRange,
}

/// No account's ARR comes near this; above it, cents no longer survive `f64` arithmetic either.
pub const MAX_AMOUNT: f64 = 1e12;

/// Excel's last representable day, 9999-12-31. Serials above it are not dates in any
/// spreadsheet, and the bound also keeps `20250305`-style numbers from becoming year-57000 dates.
pub const MAX_EXCEL_SERIAL: i64 = 2_958_465;

/// Spreadsheets pad with ordinary, no-break and ideographic spaces alike.
fn trim_cell(s: &str) -> &str {
    // Most cells need no trimming; checking the two ends' bytes is much cheaper than the
    // char-by-char search (imports of 100,000 rows call this millions of times).
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        return s;
    }
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

pub fn round_cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `12000`, `12,000.50`, `$12,000`, `¥12,000`, `￥12,000`, `1.2万`, `0.5亿`, optionally `元` at the
/// end; the result is rounded to cents.
pub fn parse_amount(s: &str) -> Result<f64, ValueError> {
    let mut rest = trim_cell(s);
    if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let value = plain_number(rest).ok_or(ValueError::NotANumber)?;
        return if value > MAX_AMOUNT { Err(ValueError::TooLarge) } else { Ok(round_cents(value)) };
    }
    if let Some(r) = rest.strip_prefix('-') {
        // A minus sign in front of an otherwise valid amount is a clearer error than "not a number".
        return match parse_amount(r) {
            Ok(0.0) => Ok(0.0),
            Ok(_) => Err(ValueError::Negative),
            Err(e) => Err(e),
        };
    }
    for sign in ["$", "¥", "￥"] {
        if let Some(r) = rest.strip_prefix(sign) {
            rest = trim_cell(r);
            break;
        }
    }
    if let Some(r) = rest.strip_suffix('元') {
        rest = trim_cell(r);
    }
    let mut unit = 1.0;
    if let Some(r) = rest.strip_suffix('万') {
        (rest, unit) = (trim_cell(r), 1e4);
    } else if let Some(r) = rest.strip_suffix('亿') {
        (rest, unit) = (trim_cell(r), 1e8);
    }
    if rest.starts_with('-') {
        return Err(ValueError::Negative);
    }
    let value = plain_number(rest).ok_or(ValueError::NotANumber)? * unit;
    if value > MAX_AMOUNT {
        return Err(ValueError::TooLarge);
    }
    Ok(round_cents(value))
}

/// Digits with optional thousands grouping and an optional fraction; also Excel's `1.2E+05`.
/// Grouping must be regular (`1,234,567`): in a `;`-separated European file `12,5` means 12.5,
/// and reading it as 125 would be a silent tenfold error, so it is refused instead.
fn plain_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if s.contains(',') {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        let digits_ok = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        if !(first_ok && rest_ok && digits_ok && frac_ok) {
            return None;
        }
        return s.replace(',', "").parse::<f64>().ok();
    }
    // `f64::from_str` alone would also take "inf", "NaN" and "+5".
    let starts_ok = s.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    let chars_ok = s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    if !(starts_ok && chars_ok) {
        return None;
    }
    let v = s.parse::<f64>().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

/// A 0–100 score (fit, activity, depth, satisfaction, manual health); `85%` is read as 85.
pub fn parse_score(s: &str) -> Result<f64, ValueError> {
    let t = trim_cell(s);
    let t = t.strip_suffix('%').or_else(|| t.strip_suffix('％')).map_or(t, trim_cell);
    if t.starts_with('-') && plain_number(&t[1..]).is_some() {
        return Err(ValueError::OutOfRange);
    }
    let v = plain_number(t).ok_or(ValueError::NotANumber)?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(ValueError::OutOfRange)
    }
}

/// A whole count ≥ 0; `3.0` is accepted because spreadsheets write integers that way.
pub fn parse_count(s: &str) -> Result<u32, ValueError> {
    let t = trim_cell(s);
    if t.starts_with('-') && plain_number(&t[1..]).is_some() {
        return Err(ValueError::Negative);
    }
    let v = plain_number(t).ok_or(ValueError::NotANumber)?;
    if v.fract() != 0.0 {
        return Err(ValueError::NotAnInteger);
    }
    if v > f64::from(u32::MAX) {
        return Err(ValueError::TooLarge);
    }
    Ok(v as u32)
}

/// `2025-03-05`, `2025-3-5`, `2025/3/5`, `2025年3月5日`, or an Excel serial day number.
/// A trailing time of day (`2025/3/5 0:00`, as Excel writes date-times) is ignored.
pub fn parse_date(s: &str) -> Result<NaiveDate, ValueError> {
    let t = trim_cell(s);
    if let Some(d) = iso_fast(t) {
        return d;
    }
    let t = strip_time(t);
    if t.is_empty() {
        return Err(ValueError::NotADate);
    }
    if let Some(serial) = excel_serial(t) {
        return serial;
    }
    let parts: Option<[&str; 3]> = if let Some(r) = t.strip_suffix('日') {
        split3(r, &['年', '月'])
    } else if t.contains('-') {
        split3(t, &['-', '-'])
    } else if t.contains('/') {
        split3(t, &['/', '/'])
    } else {
        None
    };
    let [y, m, d] = parts.ok_or(ValueError::NotADate)?;
    let num = |p: &str, max_len: usize| -> Option<u32> {
        let p = trim_cell(p);
        let ok = !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
        if ok { p.parse().ok() } else { None }
    };
    // Four-digit years only: `3/5/25` could be March or May, and 25 could be any century.
    let (Some(y), Some(m), Some(d)) = (num(y, 4).filter(|_| trim_cell(y).len() == 4), num(m, 2), num(d, 2))
    else {
        return Err(ValueError::NotADate);
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(ValueError::NoSuchDate)
}

/// `YYYY-MM-DD`, by far the most common form (export writes it), without the general search.
fn iso_fast(t: &str) -> Option<Result<NaiveDate, ValueError>> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = [0u32; 3];
    for (k, range) in [0..4, 5..7, 8..10].into_iter().enumerate() {
        for &c in &b[range] {
            if !c.is_ascii_digit() {
                return None;
            }
            n[k] = n[k] * 10 + u32::from(c - b'0');
        }
    }
    Some(NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2]).ok_or(ValueError::NoSuchDate))
}

fn split3<'a>(s: &'a str, seps: &[char; 2]) -> Option<[&'a str; 3]> {
    let (a, rest) = s.split_once(seps[0])?;
    let (b, c) = rest.split_once(seps[1])?;
    Some([a, b, c])
}

fn strip_time(t: &str) -> &str {
    match t.split_once(' ') {
        Some((date, time))
            if !time.is_empty()
                && time.contains(':')
                && time.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.') =>
        {
            trim_cell(date)
        }
        _ => t,
    }
}

/// Excel counts days from 1899-12-30 (serial 1 = 1899-12-31 by that count). Excel itself
/// pretends 1900 was a leap year, so its serials below 61 are off by one from this count; no
/// contract of this app dates from early 1900, so the simple epoch is right for every real date.
/// Only 1..=MAX_EXCEL_SERIAL is accepted: 0 and negatives are not dates in Excel, and larger
/// numbers are not serials at all. A fraction is a time of day and is dropped.
fn excel_serial(t: &str) -> Option<Result<NaiveDate, ValueError>> {
    let int = match t.split_once('.') {
        Some((i, f)) if f.bytes().all(|b| b.is_ascii_digit()) => i,
        Some(_) => return None,
        None => t,
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = match int.parse() {
        Ok(n) if (1..=MAX_EXCEL_SERIAL).contains(&n) => n,
        _ => return Some(Err(ValueError::SerialOutOfRange)),
    };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    Some(Ok(add_days(epoch, n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn amounts_in_every_written_form() {
        assert_eq!(parse_amount("12000"), Ok(12000.0));
        assert_eq!(parse_amount("12,000.50"), Ok(12000.5));
        assert_eq!(parse_amount("$12,000"), Ok(12000.0));
        assert_eq!(parse_amount("¥12,000"), Ok(12000.0));
        assert_eq!(parse_amount("￥ 12,000"), Ok(12000.0));
        assert_eq!(parse_amount("1.2万"), Ok(12000.0));
        assert_eq!(parse_amount("0.5亿"), Ok(50_000_000.0));
        assert_eq!(parse_amount("3,500.50"), Ok(3500.5));
        assert_eq!(parse_amount("  7,000  "), Ok(7000.0));
        assert_eq!(parse_amount("\u{3000}8000\u{a0}"), Ok(8000.0));
        assert_eq!(parse_amount("1,234,567"), Ok(1_234_567.0));
        assert_eq!(parse_amount("12万元"), Ok(120_000.0));
        assert_eq!(parse_amount("1.2E+05"), Ok(120_000.0));
        assert_eq!(parse_amount("0"), Ok(0.0));
    }

    #[test]
    fn amounts_round_to_cents() {
        assert_eq!(parse_amount("10.005"), Ok(10.01));
        assert_eq!(parse_amount("99.994"), Ok(99.99));
        assert_eq!(parse_amount("1.23456万"), Ok(12345.6));
        assert_eq!(parse_amount("0.123456789亿"), Ok(12_345_678.9));
    }

    #[test]
    fn amounts_rejected_with_a_reason() {
        assert_eq!(parse_amount(""), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("abc"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("-5"), Err(ValueError::Negative));
        assert_eq!(parse_amount("-$5"), Err(ValueError::Negative));
        assert_eq!(parse_amount("$-5"), Err(ValueError::Negative));
        assert_eq!(parse_amount("12,5"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("1,23,456"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("12.000,50"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("NaN"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("inf"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("+5"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("5 000"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("€5"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("万"), Err(ValueError::NotANumber));
        assert_eq!(parse_amount("20000亿"), Err(ValueError::TooLarge));
    }

    #[test]
    fn scores_and_counts() {
        assert_eq!(parse_score("85"), Ok(85.0));
        assert_eq!(parse_score("85.5%"), Ok(85.5));
        assert_eq!(parse_score("0"), Ok(0.0));
        assert_eq!(parse_score("100"), Ok(100.0));
        assert_eq!(parse_score("100.01"), Err(ValueError::OutOfRange));
        assert_eq!(parse_score("-1"), Err(ValueError::OutOfRange));
        assert_eq!(parse_score("high"), Err(ValueError::NotANumber));
        assert_eq!(parse_count("3"), Ok(3));
        assert_eq!(parse_count("3.0"), Ok(3));
        assert_eq!(parse_count("2.5"), Err(ValueError::NotAnInteger));
        assert_eq!(parse_count("-1"), Err(ValueError::Negative));
        assert_eq!(parse_count("x"), Err(ValueError::NotANumber));
    }

    #[test]
    fn dates_in_every_written_form() {
        assert_eq!(parse_date("2025-03-05"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("2025-3-5"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("2025/3/5"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("2025/03/05"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("2025年3月5日"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date(" 2025/3/5 0:00 "), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("2025-03-05 12:30:00"), Ok(d(2025, 3, 5)));
    }

    #[test]
    fn excel_serials_count_from_1899_12_30() {
        // 45721 is what Excel shows for 2025-03-05; 61 is 1900-03-01, the first serial where
        // Excel's fictitious 1900-02-29 no longer matters.
        assert_eq!(parse_date("45721"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("45721.75"), Ok(d(2025, 3, 5)));
        assert_eq!(parse_date("61"), Ok(d(1900, 3, 1)));
        assert_eq!(parse_date("1"), Ok(d(1899, 12, 31)));
        assert_eq!(parse_date("2958465"), Ok(d(9999, 12, 31)));
        assert_eq!(parse_date("2958466"), Err(ValueError::SerialOutOfRange));
        assert_eq!(parse_date("0"), Err(ValueError::SerialOutOfRange));
        assert_eq!(parse_date("20250305"), Err(ValueError::SerialOutOfRange));
    }

    #[test]
    fn dates_rejected_with_a_reason() {
        assert_eq!(parse_date(""), Err(ValueError::NotADate));
        assert_eq!(parse_date("2025-02-30"), Err(ValueError::NoSuchDate));
        assert_eq!(parse_date("2025年2月30日"), Err(ValueError::NoSuchDate));
        assert_eq!(parse_date("2025-13-01"), Err(ValueError::NoSuchDate));
        assert_eq!(parse_date("3/5/2025"), Err(ValueError::NotADate));
        assert_eq!(parse_date("25-3-5"), Err(ValueError::NotADate));
        assert_eq!(parse_date("2025.03.05"), Err(ValueError::NotADate));
        assert_eq!(parse_date("March 5, 2025"), Err(ValueError::NotADate));
        assert_eq!(parse_date("-45721"), Err(ValueError::NotADate));
        assert_eq!(parse_date("2025-03-05x"), Err(ValueError::NotADate));
    }
}
