//! The Team page's forms: a roster entry as typed, and the numbers typed into the scorecard
//! and commission tables.

use crate::domain::dates::{iso, parse_iso};
use crate::domain::kpi::KpiDimension;
use crate::domain::team::{Person, Role};

pub const MAX_NAME_CHARS: usize = 100;

/// A number as typed, through the one reader of typed values (DOMAIN.md §0); a trailing `%`
/// is allowed (targets and shares are typed in percent).
pub fn parse_number(s: &str) -> Option<f64> {
    let t = crate::domain::typed::trim(s);
    let t = t.strip_suffix('%').or_else(|| t.strip_suffix('％')).unwrap_or(t);
    crate::domain::typed::parse_number(t).ok()
}

/// A number written for reading back in an input: no grouping, no trailing zeros.
pub fn number_text(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    Name,
    Fte,
    Start,
    LoadedCost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonProblem {
    Required,
    TooLong,
    /// Someone else on the roster has this name (owners are matched by name).
    DuplicateName,
    NotANumber,
    /// FTE must be more than 0 and at most 1.
    FteRange,
    NotADate,
    Negative,
}

/// A roster entry as typed in the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub role: Role,
    pub fte: String,
    pub start: String,
    pub loaded_cost: String,
}

impl PersonDraft {
    pub fn new() -> Self {
        PersonDraft { fte: "1".into(), ..Default::default() }
    }

    pub fn from_person(p: &Person) -> Self {
        PersonDraft {
            name: p.name.clone(),
            role: p.role,
            fte: number_text(p.fte),
            start: p.start.map(iso).unwrap_or_default(),
            loaded_cost: p.loaded_cost.map(number_text).unwrap_or_default(),
        }
    }

    /// The person, or every problem by field. `editing` is the roster index being edited.
    pub fn parse(
        &self,
        roster: &[Person],
        editing: Option<usize>,
    ) -> Result<Person, Vec<(PersonField, PersonProblem)>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push((PersonField::Name, PersonProblem::Required));
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push((PersonField::Name, PersonProblem::TooLong));
        } else if roster.iter().enumerate().any(|(i, p)| Some(i) != editing && p.name.trim() == name) {
            errors.push((PersonField::Name, PersonProblem::DuplicateName));
        }
        let fte = match parse_number(&self.fte) {
            None => {
                errors.push((PersonField::Fte, PersonProblem::NotANumber));
                0.0
            }
            Some(v) if v <= 0.0 || v > 1.0 => {
                errors.push((PersonField::Fte, PersonProblem::FteRange));
                v
            }
            Some(v) => v,
        };
        let start = match self.start.trim() {
            "" => None,
            s => {
                let d = parse_iso(s);
                if d.is_none() {
                    errors.push((PersonField::Start, PersonProblem::NotADate));
                }
                d
            }
        };
        let loaded_cost = match self.loaded_cost.trim() {
            "" => None,
            s => match parse_number(s) {
                None => {
                    errors.push((PersonField::LoadedCost, PersonProblem::NotANumber));
                    None
                }
                Some(v) if v < 0.0 => {
                    errors.push((PersonField::LoadedCost, PersonProblem::Negative));
                    None
                }
                Some(v) => Some(v),
            },
        };
        if errors.is_empty() {
            Ok(Person { name, role: self.role, fte, start, loaded_cost })
        } else {
            Err(errors)
        }
    }
}

/// How a KPI target is written and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetUnit {
    /// Stored 0..1, typed as a percentage.
    Percent,
    Money,
    /// 0–100 scores (activity, health).
    Points,
    Count,
}

pub fn target_unit(d: KpiDimension) -> TargetUnit {
    use KpiDimension::*;
    match d {
        LogoRenewalRate | Grr | Nrr | GoLiveRate => TargetUnit::Percent,
        RenewedAmount | ExpansionAmount => TargetUnit::Money,
        AverageActivity | AverageHealth => TargetUnit::Points,
        Referrals => TargetUnit::Count,
    }
}

/// A target as typed (`90` for 90%); `None` when not a number ≥ 0.
pub fn parse_target(d: KpiDimension, text: &str) -> Option<f64> {
    let v = parse_number(text).filter(|v| *v >= 0.0)?;
    Some(if target_unit(d) == TargetUnit::Percent { v / 100.0 } else { v })
}

pub fn target_text(d: KpiDimension, v: f64) -> String {
    number_text(if target_unit(d) == TargetUnit::Percent { v * 100.0 } else { v })
}

/// A percentage as typed (`70` → 0.7), within 0–100%.
pub fn parse_percent(text: &str) -> Option<f64> {
    parse_number(text).filter(|v| (0.0..=100.0).contains(v)).map(|v| v / 100.0)
}

pub fn percent_text(fraction: f64) -> String {
    number_text(fraction * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> chrono::NaiveDate {
        parse_iso(s).unwrap()
    }

    fn draft(name: &str, fte: &str, start: &str, cost: &str) -> PersonDraft {
        PersonDraft {
            name: name.into(),
            role: Role::Csm,
            fte: fte.into(),
            start: start.into(),
            loaded_cost: cost.into(),
        }
    }

    #[test]
    fn a_person_parses_or_says_what_is_wrong_per_field() {
        let p = draft(" Li Na ", "0.5", "2024-03-01", "120,000").parse(&[], None).unwrap();
        assert_eq!(p.name, "Li Na");
        assert_eq!((p.fte, p.start, p.loaded_cost), (0.5, Some(d("2024-03-01")), Some(120_000.0)));
        assert_eq!(draft("A", "1", "", "").parse(&[], None).unwrap().loaded_cost, None);
        let errs = draft("", "abc", "2024/13/01", "-5").parse(&[], None).unwrap_err();
        assert_eq!(
            errs,
            vec![
                (PersonField::Name, PersonProblem::Required),
                (PersonField::Fte, PersonProblem::NotANumber),
                (PersonField::Start, PersonProblem::NotADate),
                (PersonField::LoadedCost, PersonProblem::Negative),
            ]
        );
        assert_eq!(
            draft("A", "0", "", "").parse(&[], None).unwrap_err(),
            vec![(PersonField::Fte, PersonProblem::FteRange)]
        );
        assert_eq!(
            draft("A", "1.5", "", "").parse(&[], None).unwrap_err(),
            vec![(PersonField::Fte, PersonProblem::FteRange)]
        );
        let roster = vec![p.clone()];
        assert_eq!(
            draft("Li Na", "1", "", "").parse(&roster, None).unwrap_err(),
            vec![(PersonField::Name, PersonProblem::DuplicateName)]
        );
        assert!(draft("Li Na", "1", "", "").parse(&roster, Some(0)).is_ok());
        assert_eq!(PersonDraft::from_person(&p).parse(&roster, Some(0)).unwrap(), p);
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(draft(&long, "1", "", "").parse(&[], None).unwrap_err()[0].1, PersonProblem::TooLong);
    }

    #[test]
    fn targets_and_percentages_as_typed() {
        use KpiDimension::*;
        assert_eq!(parse_target(Grr, "90"), Some(0.9));
        assert_eq!(parse_target(Grr, "90%"), Some(0.9));
        assert_eq!(parse_target(RenewedAmount, "$1,200,000"), Some(1_200_000.0));
        assert_eq!(parse_target(AverageHealth, "70"), Some(70.0));
        assert_eq!(parse_target(Referrals, "-1"), None);
        assert_eq!(parse_target(Referrals, "x"), None);
        assert_eq!(target_text(Grr, 0.9), "90");
        assert_eq!(target_text(Nrr, 1.05), "105");
        assert_eq!(parse_percent("70"), Some(0.7));
        assert_eq!(parse_percent("101"), None);
        assert_eq!(percent_text(0.03), "3");
        assert_eq!(percent_text(0.075), "7.5");
        assert_eq!(number_text(120000.0), "120000");
        assert_eq!(number_text(0.5), "0.5");
    }
}
