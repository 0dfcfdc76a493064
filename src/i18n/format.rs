//! Numbers as each language writes them: 万 / 亿 in Chinese, K / M / B in English.

use super::Lang;

/// Amounts with the currency symbol, shortened per language: `$1.23M` / `$123.5万`.
/// Small amounts are written in full with grouping: `$950`, `$9,500` (zh below 1万).
pub fn fmt_money(lang: Lang, amount: f64, symbol: &str) -> String {
    if !amount.is_finite() {
        return "—".into();
    }
    let sign = if amount < 0.0 { "-" } else { "" };
    format!("{sign}{symbol}{}", fmt_number(lang, amount.abs()))
}

/// A plain number shortened per language (no currency): `12.5K`, `1.2万`.
pub fn fmt_number(lang: Lang, value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    let units: &[(f64, &str)] = match lang {
        Lang::En => &[(1e9, "B"), (1e6, "M"), (1e3, "K")],
        Lang::Zh => &[(1e8, "亿"), (1e4, "万")],
    };
    // Largest unit first, judged on the rounded figure: 999,999 reads "1M", not "1000K".
    let body = units
        .iter()
        .find(|&&(div, _)| v / div >= 0.9995)
        .map(|&(div, suffix)| format!("{}{suffix}", short(v / div)))
        .unwrap_or_else(|| group(v.round() as u64));
    format!("{sign}{body}")
}

/// Up to three significant digits, trailing zeros dropped: 1.2345 → "1.23", 12.345 → "12.3",
/// 123.45 → "123", 2.0 → "2".
fn short(x: f64) -> String {
    let decimals = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whole counts with grouping, the same in both languages: 12,345.
pub fn fmt_count(n: usize) -> String {
    group(n as u64)
}

/// A fraction 0..1 as a percentage with one decimal: 0.8567 → "85.7%". `None` → "—".
pub fn fmt_percent(fraction: Option<f64>) -> String {
    match fraction {
        Some(f) if f.is_finite() => {
            let s = format!("{:.1}", f * 100.0);
            let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
            format!("{s}%")
        }
        _ => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_uses_k_m_b() {
        assert_eq!(fmt_money(Lang::En, 950.0, "$"), "$950");
        assert_eq!(fmt_money(Lang::En, 12_345.0, "$"), "$12.3K");
        assert_eq!(fmt_money(Lang::En, 1_234_567.0, "$"), "$1.23M");
        assert_eq!(fmt_money(Lang::En, 2_000_000.0, "$"), "$2M");
        assert_eq!(fmt_money(Lang::En, 3_500_000_000.0, "¥"), "¥3.5B");
        assert_eq!(fmt_money(Lang::En, 999.4, "$"), "$999");
        assert_eq!(fmt_money(Lang::En, 999.6, "$"), "$1K");
        assert_eq!(fmt_money(Lang::En, 999_999.0, "$"), "$1M");
    }

    #[test]
    fn chinese_uses_wan_yi() {
        assert_eq!(fmt_money(Lang::Zh, 9_500.0, "¥"), "¥9,500");
        assert_eq!(fmt_money(Lang::Zh, 12_000.0, "¥"), "¥1.2万");
        assert_eq!(fmt_money(Lang::Zh, 1_234_567.0, "$"), "$123万");
        assert_eq!(fmt_money(Lang::Zh, 250_000_000.0, "¥"), "¥2.5亿");
        assert_eq!(fmt_money(Lang::Zh, 9_999.7, "¥"), "¥1万");
        assert_eq!(fmt_money(Lang::Zh, 99_999_999.0, "¥"), "¥1亿");
    }

    #[test]
    fn negatives_zero_and_non_finite() {
        assert_eq!(fmt_money(Lang::En, -12_500.0, "$"), "-$12.5K");
        assert_eq!(fmt_money(Lang::Zh, 0.0, "$"), "$0");
        assert_eq!(fmt_money(Lang::En, f64::NAN, "$"), "—");
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(fmt_count(0), "0");
        assert_eq!(fmt_count(1_234_567), "1,234,567");
        assert_eq!(fmt_percent(Some(0.8567)), "85.7%");
        assert_eq!(fmt_percent(Some(1.0)), "100%");
        assert_eq!(fmt_percent(None), "—");
    }
}
