//! Health weights and band limits as typed, checked before they are applied.

use crate::domain::health::HealthSettings;

use super::number::{field_text, parse_number};
use super::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HealthField {
    ActivityWeight,
    DepthWeight,
    SatisfactionWeight,
    YellowFrom,
    GreenFrom,
}

impl HealthField {
    pub const ALL: [HealthField; 5] = [
        HealthField::ActivityWeight,
        HealthField::DepthWeight,
        HealthField::SatisfactionWeight,
        HealthField::YellowFrom,
        HealthField::GreenFrom,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// The five fields, as text, in `HealthField::ALL` order.
#[derive(Clone, Debug, PartialEq)]
pub struct HealthForm {
    pub texts: [String; 5],
}

impl HealthForm {
    pub fn from_settings(s: &HealthSettings) -> HealthForm {
        let v = [s.activity_weight, s.depth_weight, s.satisfaction_weight, s.yellow_from, s.green_from];
        HealthForm { texts: v.map(field_text) }
    }

    pub fn text(&self, field: HealthField) -> &str {
        &self.texts[field.index()]
    }

    pub fn set(&mut self, field: HealthField, text: String) {
        self.texts[field.index()] = text;
    }

    /// Weights are ≥ 0 with at least one above 0; limits are in 0–100 with yellow below green.
    pub fn parse(&self) -> Result<HealthSettings, Vec<(HealthField, Problem)>> {
        let mut errors = Vec::new();
        let mut values = [0.0; 5];
        for field in HealthField::ALL {
            let is_weight = field.index() < 3;
            match parse_number(self.text(field)) {
                Ok(Some(v)) if v < 0.0 => {
                    errors.push((field, if is_weight { Problem::Negative } else { Problem::OutOfPercentRange }))
                }
                Ok(Some(v)) if !is_weight && v > 100.0 => errors.push((field, Problem::OutOfPercentRange)),
                Ok(Some(v)) => values[field.index()] = v,
                Ok(None) => errors.push((field, Problem::Required)),
                Err(_) => errors.push((field, Problem::NotANumber)),
            }
        }
        if errors.is_empty() {
            if values[..3].iter().all(|w| *w == 0.0) {
                errors.push((HealthField::ActivityWeight, Problem::AllWeightsZero));
            }
            if values[3] >= values[4] {
                errors.push((HealthField::YellowFrom, Problem::BandsOutOfOrder));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(HealthSettings {
            activity_weight: values[0],
            depth_weight: values[1],
            satisfaction_weight: values[2],
            yellow_from: values[3],
            green_from: values[4],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip() {
        let f = HealthForm::from_settings(&HealthSettings::default());
        assert_eq!(f.text(HealthField::ActivityWeight), "50");
        assert_eq!(f.text(HealthField::GreenFrom), "70");
        assert_eq!(f.parse(), Ok(HealthSettings::default()));
    }

    #[test]
    fn edits_apply_and_problems_are_placed() {
        let mut f = HealthForm::from_settings(&HealthSettings::default());
        f.set(HealthField::GreenFrom, "80".into());
        assert_eq!(f.parse().map(|s| s.green_from), Ok(80.0));
        f.set(HealthField::YellowFrom, "80".into());
        assert_eq!(f.parse(), Err(vec![(HealthField::YellowFrom, Problem::BandsOutOfOrder)]));
        f.set(HealthField::YellowFrom, "120".into());
        f.set(HealthField::DepthWeight, "-1".into());
        f.set(HealthField::SatisfactionWeight, "x".into());
        assert_eq!(
            f.parse(),
            Err(vec![
                (HealthField::DepthWeight, Problem::Negative),
                (HealthField::SatisfactionWeight, Problem::NotANumber),
                (HealthField::YellowFrom, Problem::OutOfPercentRange),
            ])
        );
    }

    #[test]
    fn some_weight_must_count() {
        let mut f = HealthForm::from_settings(&HealthSettings::default());
        for field in [HealthField::ActivityWeight, HealthField::DepthWeight, HealthField::SatisfactionWeight] {
            f.set(field, "0".into());
        }
        assert_eq!(f.parse(), Err(vec![(HealthField::ActivityWeight, Problem::AllWeightsZero)]));
        f.set(HealthField::DepthWeight, "1".into());
        assert!(f.parse().is_ok());
    }
}
