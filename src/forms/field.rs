//! One typed field, as plain data: what kind of value it holds, its range, how a text becomes a
//! value (through `domain::typed`, DOMAIN.md §0) and how a value is written back in the user's
//! language (`150万` / `1.5M`). The `Field` component of the UI is a thin shell around this.

use crate::domain::typed::{self, ValueError};
use crate::i18n::{t, tr, value_error_msg, Lang, Msg, Tpl};

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Kind {
    /// Money ≥ 0 in cents, written with 万/亿 or K/M/B when that is exact.
    #[default]
    Amount,
    /// A plain number (people, months, hours).
    Number,
    /// A whole number.
    Count,
    /// A rate kept as a fraction 0..1, typed and shown in % (`15` and `15%` are 0.15).
    Percent,
}

/// A field's kind, range (in stored units: a percent field's 100% is 1.0) and display.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Spec {
    pub kind: Kind,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// An empty field means "not entered" rather than an error.
    pub optional: bool,
    /// Most decimals shown for a value set from elsewhere (a prefill from the book).
    pub decimals: Option<usize>,
}

/// Why a typed text was not applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Invalid {
    Value(ValueError),
    Below(f64),
    Above(f64),
}

impl Spec {
    pub const fn new(kind: Kind) -> Spec {
        Spec { kind, min: None, max: None, optional: false, decimals: None }
    }
    pub const fn amount() -> Spec {
        Spec::new(Kind::Amount).min(0.0)
    }
    pub const fn percent() -> Spec {
        Spec::new(Kind::Percent)
    }
    pub const fn number() -> Spec {
        Spec::new(Kind::Number)
    }
    pub const fn count() -> Spec {
        Spec::new(Kind::Count).min(0.0)
    }
    pub const fn min(mut self, min: f64) -> Spec {
        self.min = Some(min);
        self
    }
    pub const fn max(mut self, max: f64) -> Spec {
        self.max = Some(max);
        self
    }
    pub const fn optional(mut self) -> Spec {
        self.optional = true;
        self
    }
    pub const fn decimals(mut self, decimals: usize) -> Spec {
        self.decimals = Some(decimals);
        self
    }

    /// The value a text means, in stored units; `Ok(None)` for an empty optional field.
    pub fn read(&self, text: &str) -> Result<Option<f64>, Invalid> {
        if typed::trim(text).is_empty() {
            return if self.optional { Ok(None) } else { Err(Invalid::Value(ValueError::Empty)) };
        }
        let value = match self.kind {
            Kind::Amount => typed::parse_number(text).and_then(|v| {
                if v > typed::MAX_AMOUNT {
                    Err(ValueError::TooLarge)
                } else {
                    Ok(typed::round_cents(v))
                }
            }),
            Kind::Number => typed::parse_number(text),
            Kind::Count => typed::parse_number(text).and_then(|v| {
                if (v - v.round()).abs() > 1e-9 {
                    Err(ValueError::NotAnInteger)
                } else {
                    Ok(v.round())
                }
            }),
            Kind::Percent => typed::parse_percent(text),
        }
        .map_err(Invalid::Value)?;
        // A tolerance, so 15% is not refused by a bound of 0.15 computed another way.
        let eps = 1e-9 * value.abs().max(1.0);
        if let Some(min) = self.min.filter(|m| value < m - eps) {
            return Err(Invalid::Below(min));
        }
        if let Some(max) = self.max.filter(|m| value > m + eps) {
            return Err(Invalid::Above(max));
        }
        Ok(Some(value))
    }

    /// The text a person of `lang` would type for `value`; it reads back (`read`) as the same
    /// value, up to the `decimals` shown.
    pub fn show(&self, value: f64, lang: Lang) -> String {
        if !value.is_finite() {
            return String::new();
        }
        match self.kind {
            Kind::Amount => amount_text(round_to(value, self.decimals.unwrap_or(2)), lang),
            Kind::Number => plain_text(value, self.decimals.unwrap_or(4)),
            Kind::Count => plain_text(value, 0),
            Kind::Percent => plain_text(value * 100.0, self.decimals.unwrap_or(4)),
        }
    }

    /// What is wrong, in `lang`, to show under the field.
    pub fn message(&self, invalid: Invalid, lang: Lang) -> String {
        let bound = |v: f64| {
            let text = self.show(v, lang);
            if self.kind == Kind::Percent {
                format!("{text}%")
            } else {
                text
            }
        };
        match invalid {
            Invalid::Value(ValueError::NotANumber) if self.kind == Kind::Percent => {
                t(lang, Msg::FieldNotAPercent).to_string()
            }
            Invalid::Value(e) => t(lang, value_error_msg(e)).to_string(),
            Invalid::Below(min) => tr(lang, Tpl::ReasonAtLeast { min: &bound(min) }),
            Invalid::Above(max) => tr(lang, Tpl::ReasonAtMost { max: &bound(max) }),
        }
    }
}

fn round_to(x: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals.min(9) as i32);
    (x * f).round() / f
}

/// `1500000` → `150万` / `1.5M` when the unit writes it exactly in at most two decimals (one for
/// K); otherwise grouped digits (`296,188`, not `29.6188万`), which every language reads.
fn amount_text(v: f64, lang: Lang) -> String {
    let units: &[(f64, &str, usize)] = match lang {
        Lang::Zh => &[(1e8, "亿", 2), (1e4, "万", 2)],
        Lang::En => &[(1e9, "B", 2), (1e6, "M", 2), (1e3, "K", 1)],
    };
    let a = v.abs();
    for &(div, suffix, decimals) in units {
        if a < div {
            continue;
        }
        let x = a / div;
        let shown = round_to(x, decimals);
        if (shown * div - a).abs() < 0.005 {
            let sign = if v < 0.0 { "-" } else { "" };
            return format!("{sign}{}{suffix}", plain_text(shown, decimals));
        }
    }
    plain_text(v, 2)
}

/// At most `decimals` decimals, trailing zeros dropped, thousands grouped: `1,500,000.5`.
pub fn plain_text(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let s = format!("{value:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { &s };
    if s == "-0" {
        return "0".into();
    }
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_in_any_form_and_show_as_each_language_writes_them() {
        let s = Spec::amount().min(1.0);
        for text in ["1500000", "1,500,000", "150万", "1.5M", "1.5m", "$1.5M", "¥150万", "1 500 000"] {
            assert_eq!(s.read(text), Ok(Some(1_500_000.0)), "{text}");
        }
        assert_eq!(s.show(1_500_000.0, Lang::Zh), "150万");
        assert_eq!(s.show(1_500_000.0, Lang::En), "1.5M");
        assert_eq!(s.show(2e8, Lang::Zh), "2亿");
        assert_eq!(s.show(2e9, Lang::En), "2B");
        assert_eq!(s.show(12_000.0, Lang::En), "12K");
        assert_eq!(s.show(296_187.5, Lang::En), "296,187.5");
        assert_eq!(s.show(296_187.5, Lang::Zh), "296,187.5");
        assert_eq!(Spec::amount().decimals(0).show(296_187.5, Lang::En), "296,188");
        assert_eq!(Spec::amount().decimals(0).show(296_187.5, Lang::Zh), "296,188");
        assert_eq!(s.show(296_200.0, Lang::Zh), "29.62万");
        assert_eq!(s.show(950.0, Lang::Zh), "950");
        // What is shown reads back as the same value, in both languages.
        for v in [1.0, 950.0, 12_345.67, 296_187.5, 1_500_000.0, 123_456_789.01, 4e8] {
            for lang in Lang::ALL {
                assert_eq!(s.read(&s.show(v, lang)), Ok(Some(v)), "{v} {lang:?}");
            }
        }
    }

    #[test]
    fn refused_text_and_ranges_say_why_in_both_languages() {
        let s = Spec::amount().min(1.0);
        assert_eq!(s.read("abc"), Err(Invalid::Value(ValueError::NotANumber)));
        assert_eq!(s.read("-5"), Err(Invalid::Below(1.0)));
        assert_eq!(s.read(""), Err(Invalid::Value(ValueError::Empty)));
        assert_eq!(s.optional().read("  "), Ok(None));
        assert_eq!(s.message(Invalid::Below(1.0), Lang::En), "must be at least 1");
        assert_eq!(s.message(Invalid::Below(1.0), Lang::Zh), "不能小于 1");
        assert!(s.message(Invalid::Value(ValueError::NotANumber), Lang::Zh).contains("1.2万"));
        let p = Spec::percent().min(0.0).max(1.0);
        assert_eq!(p.read("15"), Ok(Some(0.15)));
        assert_eq!(p.read("15%"), Ok(Some(0.15)));
        assert_eq!(p.read("150%"), Err(Invalid::Above(1.0)));
        assert_eq!(p.message(Invalid::Above(1.0), Lang::En), "must be at most 100%");
        assert!(p.message(Invalid::Value(ValueError::NotANumber), Lang::En).contains("15%"));
        assert_eq!(p.show(0.155, Lang::En), "15.5");
        assert_eq!(Spec::percent().decimals(1).show(0.316_702, Lang::Zh), "31.7");
        let c = Spec::count().min(1.0).max(36.0);
        assert_eq!(c.read("12"), Ok(Some(12.0)));
        assert_eq!(c.read("2.5"), Err(Invalid::Value(ValueError::NotAnInteger)));
        assert_eq!(c.read("48"), Err(Invalid::Above(36.0)));
    }

    #[test]
    fn plain_numbers_group_and_trim() {
        assert_eq!(plain_text(2e6, 4), "2,000,000");
        assert_eq!(plain_text(-1234.5, 4), "-1,234.5");
        assert_eq!(plain_text(1.0 / 3.0, 4), "0.3333");
        assert_eq!(plain_text(-0.00001, 4), "0");
        assert_eq!(plain_text(f64::NAN, 4), "");
        assert_eq!(Spec::number().show(22.5, Lang::Zh), "22.5");
    }
}
