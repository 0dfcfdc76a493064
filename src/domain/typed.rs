//! The one reader of values people type (DOMAIN.md §0 "Typed values"): every field of every
//! page, the import and the share links read numbers, amounts, rates and dates here, so "1.5M",
//! "150万", "12 000" and "2026/3/31" mean the same thing everywhere.
//!
//! Numbers: thousands separators (`12,000`, `12 000`, `12，000`; groups of three, so a European
//! `12,5` is refused rather than read as 125), a currency symbol (`$`, `¥`, `￥`) in front, `元`
//! behind, a unit (`万`, `亿`, `k`, `M`, `B`, any case), a leading minus. Rates: a percent
//! (`15%`, or `15` in a field shown in %). Dates: `2026-03-31`, `2026/3/31`, `2026.3.31`,
//! `2026年3月31日`, with four-digit years (a time of day after a space is ignored).
//! Nothing here panics, whatever the text.

use chrono::NaiveDate;

use super::dates::add_days;

/// Why a text is not the value its field or column needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// Nothing typed where a value is required.
    Empty,
    NotANumber,
    Negative,
    /// Above `MAX_AMOUNT`: a typo or a unit slip, not an ARR.
    TooLarge,
    NotAnInteger,
    /// A score or a share outside its range (0–100, 0–100%).
    OutOfRange,
    NotADate,
    /// Well formed but not in the calendar, e.g. 2025-02-30.
    NoSuchDate,
    /// A date outside the years a contract can have (see `MIN_YEAR`, `MAX_YEAR`).
    YearOutOfRange,
    /// A bare number outside the Excel serials we accept.
    SerialOutOfRange,
}

/// No account's ARR comes near this; above it, cents no longer survive `f64` arithmetic either.
pub const MAX_AMOUNT: f64 = 1e12;

/// Dates a person means: a year outside this range is a typo (`9026-06-21`, `1026-…`).
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// Excel's last representable day, 9999-12-31. Serials above it are not dates in any
/// spreadsheet, and the bound also keeps `20250305`-style numbers from becoming year-57000 dates.
pub const MAX_EXCEL_SERIAL: i64 = 2_958_465;

/// Ordinary, no-break, narrow no-break and ideographic spaces, and a stray byte-order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{a0}' | '\u{202f}' | '\u{3000}')
}

/// Trims what spreadsheets and keyboards pad with.
pub fn trim(s: &str) -> &str {
    // Most cells need no trimming; checking the two ends' bytes is much cheaper than the
    // char-by-char search (imports of 100,000 rows call this millions of times).
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        return s;
    }
    s.trim_matches(is_space)
}

pub fn round_cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// A signed number in any written form of §0 (not a percent: see `parse_percent`).
pub fn parse_number(s: &str) -> Result<f64, ValueError> {
    let t = trim(s);
    if t.is_empty() {
        return Err(ValueError::Empty);
    }
    // The common case of an import: plain digits.
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return plain_number(t).ok_or(ValueError::NotANumber);
    }
    let (negative, rest) = strip_sign(t);
    let rest = strip_currency(rest);
    // `$-5` as well as `-$5`.
    let (negative, rest) = match strip_sign(rest) {
        (true, r) if !negative => (true, r),
        (true, _) => return Err(ValueError::NotANumber),
        (false, r) => (negative, r),
    };
    let rest = rest.strip_suffix('元').map_or(rest, trim);
    let (rest, unit) = strip_unit(rest);
    let value = plain_number(rest).ok_or(ValueError::NotANumber)? * unit;
    if !value.is_finite() {
        return Err(ValueError::NotANumber);
    }
    Ok(if negative && value != 0.0 { -value } else { value })
}

/// An amount of money ≥ 0, at most `MAX_AMOUNT`, rounded to cents.
pub fn parse_amount(s: &str) -> Result<f64, ValueError> {
    let v = parse_number(s)?;
    if v < 0.0 {
        return Err(ValueError::Negative);
    }
    if v > MAX_AMOUNT {
        return Err(ValueError::TooLarge);
    }
    Ok(round_cents(v))
}

/// A rate shown in %: `15%` and `15` are both 0.15 (`%` or `％` optional).
pub fn parse_percent(s: &str) -> Result<f64, ValueError> {
    parse_number(strip_percent(s)).map(|v| v / 100.0)
}

/// A 0–100 score (fit, activity, depth, satisfaction, manual health); `85%` is read as 85.
pub fn parse_score(s: &str) -> Result<f64, ValueError> {
    let v = parse_number(strip_percent(s))?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(ValueError::OutOfRange)
    }
}

/// A whole count ≥ 0; `3.0` is accepted because spreadsheets write integers that way.
pub fn parse_count(s: &str) -> Result<u32, ValueError> {
    let v = parse_number(s)?;
    if v < 0.0 {
        return Err(ValueError::Negative);
    }
    if (v - v.round()).abs() > 1e-9 {
        return Err(ValueError::NotAnInteger);
    }
    if v > f64::from(u32::MAX) {
        return Err(ValueError::TooLarge);
    }
    Ok(v.round() as u32)
}

/// A calendar date in any written form of §0.
pub fn parse_date(s: &str) -> Result<NaiveDate, ValueError> {
    let t = trim(s);
    if t.is_empty() {
        return Err(ValueError::Empty);
    }
    let date = match iso_fast(t) {
        Some(d) => d?,
        None => general_date(strip_time(t))?,
    };
    check_year(date)
}

/// A date cell of an imported sheet: any form of `parse_date`, or an Excel serial day number
/// (1899-12-30 + n days).
pub fn parse_date_cell(s: &str) -> Result<NaiveDate, ValueError> {
    let t = trim(s);
    match excel_serial(strip_time(t)) {
        Some(serial) => check_year(serial?),
        None => parse_date(t),
    }
}

fn check_year(d: NaiveDate) -> Result<NaiveDate, ValueError> {
    use chrono::Datelike;
    if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) {
        Ok(d)
    } else {
        Err(ValueError::YearOutOfRange)
    }
}

fn strip_sign(s: &str) -> (bool, &str) {
    match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(r) => (true, trim(r)),
        None => (false, s),
    }
}

fn strip_currency(s: &str) -> &str {
    for sign in ["$", "¥", "￥"] {
        if let Some(r) = s.strip_prefix(sign) {
            return trim(r);
        }
    }
    s
}

fn strip_percent(s: &str) -> &str {
    let t = trim(s);
    t.strip_suffix('%').or_else(|| t.strip_suffix('％')).map_or(t, trim)
}

/// `1.2万` → ("1.2", 1e4); a unit is the last character, in any case.
fn strip_unit(s: &str) -> (&str, f64) {
    let Some(last) = s.chars().next_back() else { return (s, 1.0) };
    let unit = match last {
        '万' => 1e4,
        '亿' => 1e8,
        'k' | 'K' => 1e3,
        'm' | 'M' => 1e6,
        'b' | 'B' => 1e9,
        _ => return (s, 1.0),
    };
    (trim(&s[..s.len() - last.len_utf8()]), unit)
}

/// Digits with optional thousands grouping and an optional fraction; also Excel's `1.2E+05`.
/// Grouping must be regular (`1,234,567`, `1 234 567`) and use one separator.
fn plain_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let separator = s.chars().find(|&c| matches!(c, ',' | '，' | ' ' | '\u{a0}' | '\u{202f}'));
    if let Some(sep) = separator {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let groups: Vec<&str> = int.split(sep).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        let digits_ok = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
        let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
        if !(first_ok && rest_ok && digits_ok && frac_ok) {
            return None;
        }
        let digits: String = s.chars().filter(|&c| c != sep).collect();
        return digits.parse::<f64>().ok().filter(|v| v.is_finite());
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

fn general_date(t: &str) -> Result<NaiveDate, ValueError> {
    let parts: Option<[&str; 3]> = if let Some(r) = t.strip_suffix('日').or_else(|| t.strip_suffix('号')) {
        split3(r, ['年', '月'])
    } else {
        ['-', '/', '.'].into_iter().find(|&c| t.contains(c)).and_then(|c| split3(t, [c, c]))
    };
    let [y, m, d] = parts.ok_or(ValueError::NotADate)?;
    let num = |p: &str, max_len: usize| -> Option<u32> {
        let p = trim(p);
        let ok = !p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit());
        if ok {
            p.parse().ok()
        } else {
            None
        }
    };
    // Four-digit years only: `3/5/25` could be March or May, and 25 could be any century.
    let (Some(y), Some(m), Some(d)) = (num(y, 4).filter(|_| trim(y).len() == 4), num(m, 2), num(d, 2)) else {
        return Err(ValueError::NotADate);
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(ValueError::NoSuchDate)
}

fn split3(s: &str, seps: [char; 2]) -> Option<[&str; 3]> {
    let (a, rest) = s.split_once(seps[0])?;
    let (b, c) = rest.split_once(seps[1])?;
    Some([a, b, c])
}

/// `2025/3/5 0:00` (as Excel writes date-times) → `2025/3/5`.
fn strip_time(t: &str) -> &str {
    match t.split_once(' ') {
        Some((date, time))
            if !time.is_empty()
                && time.contains(':')
                && time.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.') =>
        {
            trim(date)
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
#[path = "typed_tests.rs"]
mod tests;
