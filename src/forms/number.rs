//! Numbers as people type them into a form: `12000`, `12,000`, `$12,000`, `1.2万`, `15k`.

/// Text that is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotANumber;

/// The typed number; `Ok(None)` for an empty field.
pub fn parse_number(text: &str) -> Result<Option<f64>, NotANumber> {
    use crate::domain::typed::{parse_number, ValueError};
    match parse_number(text) {
        Ok(v) => Ok(Some(v)),
        Err(ValueError::Empty) => Ok(None),
        Err(_) => Err(NotANumber),
    }
}

/// An amount rounded to cents, as the book stores money.
pub fn parse_money(text: &str) -> Result<Option<f64>, NotANumber> {
    parse_number(text).map(|v| v.map(|x| (x * 100.0).round() / 100.0))
}

/// A number written back into a field: no grouping, no trailing zeros (`100000`, `4999.99`).
pub fn field_text(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e6).round() / 1e6;
    let s = format!("{rounded}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_grouped_and_with_units() {
        assert_eq!(parse_number("12000"), Ok(Some(12_000.0)));
        assert_eq!(parse_number(" 12,000.50 "), Ok(Some(12_000.5)));
        assert_eq!(parse_number("$12,000"), Ok(Some(12_000.0)));
        assert_eq!(parse_money("1.2万"), Ok(Some(12_000.0)));
        assert_eq!(parse_number("15k"), Ok(Some(15_000.0)));
        assert_eq!(parse_number("2M"), Ok(Some(2_000_000.0)));
        assert_eq!(parse_number("0.5亿"), Ok(Some(50_000_000.0)));
        assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
    }

    #[test]
    fn empty_and_garbage() {
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("   "), Ok(None));
        assert_eq!(parse_number("abc"), Err(NotANumber));
        assert_eq!(parse_number("inf"), Err(NotANumber));
        assert_eq!(parse_number("NaN"), Err(NotANumber));
        assert_eq!(parse_number("1e999"), Err(NotANumber));
        assert_eq!(parse_number("12万万"), Err(NotANumber));
    }

    #[test]
    fn field_text_round_trips() {
        assert_eq!(field_text(100_000.0), "100000");
        assert_eq!(field_text(4_999.99), "4999.99");
        assert_eq!(field_text(0.0), "0");
        assert_eq!(field_text(-0.0), "0");
        assert_eq!(parse_money(&field_text(4_999.99)), Ok(Some(4_999.99)));
    }
}
