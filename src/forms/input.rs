//! Numbers as typed into the page's fields, and as shown back in them.

/// A number as typed: spaces and thousands separators (`,` `，` `_`) are ignored; anything
/// else that is not a finite number is `None`, so the field can say so.
pub fn parse_number(text: &str) -> Option<f64> {
    crate::domain::typed::parse_number(text).ok()
}

/// A field's text for `value × scale` (scale 100 shows a fraction as a percentage): at most
/// four decimals, trailing zeros dropped, so 0.155 × 100 reads "15.5", not "15.500000000000002".
pub fn field_text(value: f64, scale: f64) -> String {
    field_text_rounded(value, scale, 4)
}

/// As `field_text` with at most `decimals` decimals: values prefilled from the book (an average
/// of 296,187.5, a churn of 31.6702%) are shown as a person would type them; the value itself
/// keeps its precision until the user types another.
pub fn field_text_rounded(value: f64, scale: f64, decimals: usize) -> String {
    let x = value * scale;
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { &s };
    if s == "-0" {
        return "0".into();
    }
    group_thousands(s)
}

/// "1500000.5" → "1,500,000.5": amounts read at a glance; `parse_number` reads them back.
fn group_thousands(s: &str) -> String {
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

/// Checks a typed value against a field's bounds (already scaled back to the stored unit).
pub fn within(x: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(parse_number("2,000,000"), Some(2e6));
        assert_eq!(parse_number(" 1 500 000 "), Some(1.5e6));
        assert_eq!(parse_number("1，000"), Some(1000.0));
        assert_eq!(parse_number("15.5"), Some(15.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn shows_short_exact_text() {
        assert_eq!(field_text(0.155, 100.0), "15.5");
        assert_eq!(field_text(2e6, 1.0), "2,000,000");
        assert_eq!(parse_number(&field_text(2e6, 1.0)), Some(2e6));
        assert_eq!(field_text(-1234.5, 1.0), "-1,234.5");
        assert_eq!(field_text(999.0, 1.0), "999");
        assert_eq!(field_text(1.0 / 3.0, 1.0), "0.3333");
        assert_eq!(field_text(-0.00001, 1.0), "0");
        assert_eq!(field_text(f64::NAN, 1.0), "");
        assert_eq!(field_text(0.15, 100.0), "15");
        assert_eq!(field_text_rounded(296_187.5, 1.0, 0), "296,188");
        assert_eq!(field_text_rounded(0.316_702, 100.0, 1), "31.7");
        assert_eq!(field_text_rounded(2.0 / 3.0, 1.0, 2), "0.67");
        assert_eq!(field_text_rounded(-0.2, 1.0, 0), "0");
    }

    #[test]
    fn bounds() {
        assert!(within(0.5, Some(0.0), Some(1.0)));
        assert!(!within(-0.1, Some(0.0), None));
        assert!(within(1e9, None, None));
    }
}
