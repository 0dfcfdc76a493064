//! The tier table as typed: every field kept as text, so an invalid edit stays on screen
//! (and is not applied) until it is fixed; `parse` gives the settings or every problem.

use crate::domain::tiers::{ServiceModel, Tier, TierBasis, TierError, TierField, TierSettings};

use super::number::{field_text, parse_money, parse_number};
use super::Problem;

#[derive(Clone, Debug, PartialEq)]
pub struct TierRow {
    pub name_zh: String,
    pub name_en: String,
    pub min_arr: String,
    pub service_model: ServiceModel,
    pub accounts_per_csm: String,
    /// Empty = the global ARR per CSM.
    pub arr_per_csm: String,
    /// Empty = no cadence (never due).
    pub cadence_days: String,
    /// Not edited here (Capacity page); carried through unchanged.
    pub hours_per_account: Option<f64>,
}

impl TierRow {
    fn of(t: &Tier) -> TierRow {
        TierRow {
            name_zh: t.name_zh.clone(),
            name_en: t.name_en.clone(),
            min_arr: field_text(t.min_arr),
            service_model: t.service_model,
            accounts_per_csm: field_text(t.accounts_per_csm),
            arr_per_csm: t.arr_per_csm.map(field_text).unwrap_or_default(),
            cadence_days: t.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            hours_per_account: t.hours_per_account,
        }
    }
}

/// The editable fields of a tier row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    MinArr,
    AccountsPerCsm,
    ArrPerCsm,
    CadenceDays,
    /// Only from settings edited elsewhere.
    HoursPerAccount,
}

/// One problem, placed on a tier's field; `tier: None` is about the table as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub tier: Option<usize>,
    pub field: Option<Field>,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TierForm {
    pub rows: Vec<TierRow>,
    pub basis: TierBasis,
}

impl TierForm {
    pub fn from_settings(s: &TierSettings) -> TierForm {
        TierForm { rows: s.tiers.iter().map(TierRow::of).collect(), basis: s.basis }
    }

    /// The settings the form stands for, or every problem: typing problems first (a field that
    /// is not a number cannot be compared), then the rules of `TierSettings::validate`.
    pub fn parse(&self) -> Result<TierSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut tiers = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let mut err = |field, problem| errors.push(FieldError { tier: Some(i), field: Some(field), problem });
            let min_arr = match parse_money(&row.min_arr) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    err(Field::MinArr, Problem::Required);
                    0.0
                }
                Err(_) => {
                    err(Field::MinArr, Problem::NotANumber);
                    0.0
                }
            };
            let accounts_per_csm = match parse_number(&row.accounts_per_csm) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    err(Field::AccountsPerCsm, Problem::Required);
                    1.0
                }
                Err(_) => {
                    err(Field::AccountsPerCsm, Problem::NotANumber);
                    1.0
                }
            };
            let arr_per_csm = parse_money(&row.arr_per_csm).unwrap_or_else(|_| {
                err(Field::ArrPerCsm, Problem::NotANumber);
                None
            });
            let cadence_days = match parse_number(&row.cadence_days) {
                Ok(None) => None,
                Ok(Some(v)) if v >= 1.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => Some(v as u32),
                Ok(Some(_)) => {
                    err(Field::CadenceDays, Problem::NotWholeDays);
                    None
                }
                Err(_) => {
                    err(Field::CadenceDays, Problem::NotANumber);
                    None
                }
            };
            tiers.push(Tier {
                name_zh: row.name_zh.trim().to_string(),
                name_en: row.name_en.trim().to_string(),
                min_arr,
                service_model: row.service_model,
                accounts_per_csm,
                arr_per_csm,
                cadence_days,
                hours_per_account: row.hours_per_account,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let settings = TierSettings { tiers, basis: self.basis };
        match settings.validate() {
            Ok(()) => Ok(settings),
            Err(found) => Err(found.iter().map(|e| placed(e, &settings)).collect()),
        }
    }

    /// A new tier just above the last (catch-all) one, halfway between its neighbours'
    /// thresholds, so the table stays valid.
    pub fn add_tier(&mut self, name_zh: &str, name_en: &str) {
        let at = self.rows.len().saturating_sub(1);
        let above =
            at.checked_sub(1).and_then(|i| self.rows.get(i)).and_then(|r| parse_money(&r.min_arr).ok().flatten());
        let min_arr = match above {
            Some(v) if v > 0.0 => (v / 2.0).round(),
            _ => 1_000.0,
        };
        let row = TierRow {
            name_zh: name_zh.into(),
            name_en: name_en.into(),
            min_arr: field_text(min_arr),
            service_model: ServiceModel::LowTouch,
            accounts_per_csm: "100".into(),
            arr_per_csm: String::new(),
            cadence_days: "90".into(),
            hours_per_account: None,
        };
        if self.rows.is_empty() {
            self.rows.push(TierRow { min_arr: "0".into(), ..row });
        } else {
            self.rows.insert(at, row);
        }
    }

    /// Removes a tier; removing the last one makes the one above it the catch-all (threshold 0).
    /// The only tier is never removed.
    pub fn remove_tier(&mut self, index: usize) {
        if self.rows.len() <= 1 || index >= self.rows.len() {
            return;
        }
        self.rows.remove(index);
        if index == self.rows.len() {
            if let Some(last) = self.rows.last_mut() {
                last.min_arr = "0".into();
            }
        }
    }
}

fn placed(e: &TierError, s: &TierSettings) -> FieldError {
    let at = |tier: usize, field: Field, problem| FieldError { tier: Some(tier), field: Some(field), problem };
    match *e {
        TierError::NoTiers => FieldError { tier: None, field: None, problem: Problem::Required },
        TierError::Unnamed { tier } => at(tier, Field::Name, Problem::Unnamed),
        TierError::InvalidThreshold { tier } => at(tier, Field::MinArr, Problem::Negative),
        TierError::ThresholdNotBelowPrevious { tier } => at(tier, Field::MinArr, Problem::NotBelowPrevious),
        TierError::LastThresholdNotZero => at(s.tiers.len().saturating_sub(1), Field::MinArr, Problem::LastNotZero),
        TierError::NotPositive { tier, field } => {
            let field = match field {
                TierField::AccountsPerCsm => Field::AccountsPerCsm,
                TierField::ArrPerCsm => Field::ArrPerCsm,
                TierField::HoursPerAccount => Field::HoursPerAccount,
                TierField::CadenceDays => Field::CadenceDays,
            };
            at(tier, field, Problem::NotPositive)
        }
    }
}

/// Whether `errors` mark this field of this tier.
pub fn has_error(errors: &[FieldError], tier: usize, field: Field) -> bool {
    errors.iter().any(|e| e.tier == Some(tier) && e.field == Some(field))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> TierForm {
        TierForm::from_settings(&TierSettings::default())
    }

    #[test]
    fn defaults_round_trip_through_text() {
        let f = form();
        assert_eq!(f.rows[0].min_arr, "100000");
        assert_eq!(f.rows[3].cadence_days, "");
        assert_eq!(f.rows[0].arr_per_csm, "");
        assert_eq!(f.parse(), Ok(TierSettings::default()));
    }

    #[test]
    fn typed_amounts_with_units_apply() {
        let mut f = form();
        f.rows[1].min_arr = "3万".into();
        f.rows[0].arr_per_csm = "$1,500,000".into();
        let s = f.parse().unwrap();
        assert_eq!(s.tiers[1].min_arr, 30_000.0);
        assert_eq!(s.tiers[0].arr_per_csm, Some(1_500_000.0));
    }

    #[test]
    fn typing_problems_are_placed_on_their_fields() {
        let mut f = form();
        f.rows[0].min_arr = "lots".into();
        f.rows[1].accounts_per_csm = String::new();
        f.rows[2].cadence_days = "7.5".into();
        let errors = f.parse().unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError { tier: Some(0), field: Some(Field::MinArr), problem: Problem::NotANumber },
                FieldError { tier: Some(1), field: Some(Field::AccountsPerCsm), problem: Problem::Required },
                FieldError { tier: Some(2), field: Some(Field::CadenceDays), problem: Problem::NotWholeDays },
            ]
        );
        assert!(has_error(&errors, 0, Field::MinArr));
        assert!(!has_error(&errors, 0, Field::Name));
    }

    #[test]
    fn rule_problems_come_from_validate() {
        let mut f = form();
        f.rows[1].min_arr = "100000".into();
        f.rows[2].name_zh = " ".into();
        f.rows[2].name_en = String::new();
        f.rows[3].min_arr = "10".into();
        f.rows[0].accounts_per_csm = "0".into();
        let errors = f.parse().unwrap_err();
        let placed: Vec<_> = errors.iter().map(|e| (e.tier, e.field, e.problem)).collect();
        assert_eq!(
            placed,
            vec![
                (Some(0), Some(Field::AccountsPerCsm), Problem::NotPositive),
                (Some(1), Some(Field::MinArr), Problem::NotBelowPrevious),
                (Some(2), Some(Field::Name), Problem::Unnamed),
                (Some(3), Some(Field::MinArr), Problem::LastNotZero),
            ]
        );
    }

    #[test]
    fn add_and_remove_keep_the_table_valid() {
        let mut f = form();
        f.add_tier("新层级", "New tier");
        assert_eq!(f.rows.len(), 5);
        assert_eq!(f.rows[3].name_en, "New tier");
        assert_eq!(f.rows[3].min_arr, "2500");
        assert!(f.parse().is_ok());
        f.remove_tier(4);
        assert_eq!(f.rows.len(), 4);
        assert_eq!(f.rows[3].min_arr, "0", "the new last tier catches every account");
        assert!(f.parse().is_ok());
        f.remove_tier(0);
        assert_eq!(f.rows[0].name_en, "Key");
        for _ in 0..5 {
            f.remove_tier(0);
        }
        assert_eq!(f.rows.len(), 1, "the only tier stays");
        assert!(f.parse().is_ok());
        f.add_tier("新层级", "New tier");
        assert_eq!(f.rows[0].min_arr, "1000");
        assert!(f.parse().is_ok());
    }
}
