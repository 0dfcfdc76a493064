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
        .map(|&(div, suffix)| {
            let x = v / div;
            // 1,102万, not 1102万: four digits and more are grouped, in both languages.
            let digits = if x >= 999.5 { group(x.round() as u64) } else { short(x) };
            format!("{digits}{suffix}")
        })
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

/// The one unit a column of amounts is written in, so a reader compares rows at a glance
/// ("$0.55万" beside "$3.5万", never "$5,521" beside "$3.5万"). Chosen from the column's
/// typical (median) non-zero amount: the largest unit that amount reaches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    div: f64,
    suffix: &'static str,
}

impl Scale {
    /// No unit: amounts in full with grouping.
    pub const ONE: Scale = Scale { div: 1.0, suffix: "" };

    pub fn for_column(lang: Lang, amounts: impl IntoIterator<Item = f64>) -> Scale {
        let mut mags: Vec<f64> = amounts.into_iter().filter(|a| a.is_finite() && *a != 0.0).map(f64::abs).collect();
        if mags.is_empty() {
            return Scale::ONE;
        }
        let mid = mags.len() / 2;
        let (_, median, _) = mags.select_nth_unstable_by(mid, f64::total_cmp);
        let median = *median;
        let units: &[(f64, &'static str)] = match lang {
            Lang::En => &[(1e9, "B"), (1e6, "M"), (1e3, "K")],
            Lang::Zh => &[(1e8, "亿"), (1e4, "万")],
        };
        units
            .iter()
            .find(|&&(div, _)| median / div >= 0.9995)
            .map_or(Scale::ONE, |&(div, suffix)| Scale { div, suffix })
    }

    /// An amount in this unit with the currency symbol: up to three significant digits below
    /// 100 units, whole units with grouping above.
    pub fn money(self, amount: f64, symbol: &str) -> String {
        if !amount.is_finite() {
            return "—".into();
        }
        let sign = if amount < 0.0 { "-" } else { "" };
        let x = amount.abs() / self.div;
        if x == 0.0 {
            return format!("{symbol}0");
        }
        let body = if self.div == 1.0 || x >= 999.5 { group(x.round() as u64) } else { short(x) };
        format!("{sign}{symbol}{body}{}", self.suffix)
    }
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
        assert_eq!(fmt_money(Lang::Zh, 11_020_000.0, "¥"), "¥1,102万");
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

    #[test]
    fn a_column_of_amounts_uses_one_unit() {
        let zh = Scale::for_column(Lang::Zh, [5_521.0, 35_000.0, 120_000.0]);
        assert_eq!(zh.money(5_521.0, "$"), "$0.55万");
        assert_eq!(zh.money(35_000.0, "$"), "$3.5万");
        assert_eq!(zh.money(350_000_000.0, "$"), "$35,000万");
        let en = Scale::for_column(Lang::En, [950.0, 12_000.0, 40_000.0]);
        assert_eq!(en.money(950.0, "$"), "$0.95K");
        assert_eq!(en.money(40_000.0, "$"), "$40K");
        assert_eq!(en.money(-1_500.0, "$"), "-$1.5K");
        assert_eq!(en.money(0.0, "$"), "$0");
        // Small amounts, or no amounts at all: written in full.
        let small = Scale::for_column(Lang::Zh, [0.0, 800.0, 9_000.0, 20_000.0]);
        assert_eq!(small.money(20_000.0, "¥"), "¥20,000");
        assert_eq!(Scale::for_column(Lang::En, []), Scale::ONE);
        assert_eq!(Scale::for_column(Lang::En, [f64::NAN, 0.0]).money(f64::NAN, "$"), "—");
    }
}
