//! The quadrant thresholds as typed: the value threshold (median or a fixed amount) and the
//! fit threshold.

use crate::domain::quadrant::{QuadrantSettings, ValueThreshold};

use super::number::{field_text, parse_money, parse_number};
use super::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuadrantField {
    FixedValue,
    Fit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantForm {
    pub median: bool,
    /// Kept while the median is chosen, so switching back finds it again.
    pub fixed_value: String,
    pub fit: String,
}

impl QuadrantForm {
    /// `median_now` fills the fixed amount with the current median when none was set, so that
    /// switching to "fixed" starts from where the line is.
    pub fn from_settings(s: &QuadrantSettings, median_now: Option<f64>) -> QuadrantForm {
        let (median, fixed) = match s.value {
            ValueThreshold::Median => (true, median_now),
            ValueThreshold::Fixed(v) => (false, Some(v)),
        };
        QuadrantForm {
            median,
            fixed_value: fixed.map(field_text).unwrap_or_default(),
            fit: field_text(s.fit_threshold),
        }
    }

    pub fn parse(&self) -> Result<QuadrantSettings, Vec<(QuadrantField, Problem)>> {
        let mut errors = Vec::new();
        let value = if self.median {
            ValueThreshold::Median
        } else {
            match parse_money(&self.fixed_value) {
                Ok(Some(v)) if v >= 0.0 => ValueThreshold::Fixed(v),
                Ok(Some(_)) => {
                    errors.push((QuadrantField::FixedValue, Problem::Negative));
                    ValueThreshold::Median
                }
                Ok(None) => {
                    errors.push((QuadrantField::FixedValue, Problem::Required));
                    ValueThreshold::Median
                }
                Err(_) => {
                    errors.push((QuadrantField::FixedValue, Problem::NotANumber));
                    ValueThreshold::Median
                }
            }
        };
        let fit = match parse_number(&self.fit) {
            Ok(Some(v)) if (0.0..=100.0).contains(&v) => v,
            Ok(Some(_)) => {
                errors.push((QuadrantField::Fit, Problem::OutOfPercentRange));
                0.0
            }
            Ok(None) => {
                errors.push((QuadrantField::Fit, Problem::Required));
                0.0
            }
            Err(_) => {
                errors.push((QuadrantField::Fit, Problem::NotANumber));
                0.0
            }
        };
        if errors.is_empty() {
            Ok(QuadrantSettings { value, fit_threshold: fit })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_default_and_fixed() {
        let mut f = QuadrantForm::from_settings(&QuadrantSettings::default(), Some(4_000.0));
        assert!(f.median);
        assert_eq!(f.fixed_value, "4000");
        assert_eq!(f.parse(), Ok(QuadrantSettings::default()));
        f.median = false;
        f.fixed_value = "2万".into();
        f.fit = "60".into();
        assert_eq!(f.parse(), Ok(QuadrantSettings { value: ValueThreshold::Fixed(20_000.0), fit_threshold: 60.0 }));
    }

    #[test]
    fn problems() {
        let mut f = QuadrantForm::from_settings(&QuadrantSettings::default(), None);
        assert_eq!(f.fixed_value, "");
        f.median = false;
        f.fit = "101".into();
        assert_eq!(
            f.parse(),
            Err(vec![(QuadrantField::FixedValue, Problem::Required), (QuadrantField::Fit, Problem::OutOfPercentRange)])
        );
        // A bad fixed amount does not matter while the median is chosen.
        f.median = true;
        f.fixed_value = "abc".into();
        f.fit = "50".into();
        assert!(f.parse().is_ok());
    }
}
