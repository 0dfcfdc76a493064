//! The account form's model: what a person typed, as text, and how it becomes an account or a
//! list of problems, each tied to its field.

use chrono::NaiveDate;

use crate::domain::book::{Account, Book, Outcome, Term};
use crate::domain::dates::iso;
use crate::domain::validate::{id_taken, validate_account, Field, FieldError, Problem};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutcomeKind {
    #[default]
    Open,
    Renewed,
    Churned,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermDraft {
    pub start: String,
    pub end: String,
    pub arr: String,
    pub outcome: OutcomeKind,
    /// renewed_on / churned_on.
    pub outcome_on: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccountDraft {
    pub id: String,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub owner: String,
    pub potential_arr: String,
    pub fit: String,
    pub activity: String,
    pub depth: String,
    pub satisfaction: String,
    pub health_override: String,
    pub go_live: String,
    pub last_touch: String,
    pub referrals: String,
    pub expansion_arr: String,
    pub terms: Vec<TermDraft>,
}

/// Why a field's text is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    NotANumber,
    NotAWholeNumber,
    NotADate,
    /// The outcome needs its date.
    DateRequired,
    Invalid(Problem),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftError {
    pub field: DraftField,
    pub problem: DraftProblem,
}

/// The form's fields: the account's, plus the ones only the form has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DraftField {
    Account(Field),
    GoLive,
    LastTouch,
    Referrals,
    TermOutcomeOn(usize),
}

/// A number through the one reader of typed values (a score may carry `%`).
fn num(s: &str) -> Option<f64> {
    let t = crate::domain::typed::trim(s);
    crate::domain::typed::parse_number(t.strip_suffix('%').unwrap_or(t)).ok()
}

fn text_of(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

impl AccountDraft {
    pub fn from_account(a: &Account) -> AccountDraft {
        let date = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
        AccountDraft {
            id: a.id.clone(),
            name: a.name.clone(),
            industry: a.industry.clone(),
            region: a.region.clone(),
            owner: a.owner.clone(),
            potential_arr: text_of(a.potential_arr),
            fit: text_of(a.fit),
            activity: text_of(a.activity),
            depth: text_of(a.depth),
            satisfaction: text_of(a.satisfaction),
            health_override: text_of(a.health_override),
            go_live: date(a.go_live),
            last_touch: date(a.last_touch),
            referrals: if a.referrals == 0 { String::new() } else { a.referrals.to_string() },
            expansion_arr: if a.expansion_arr == 0.0 { String::new() } else { text_of(Some(a.expansion_arr)) },
            terms: a
                .terms
                .iter()
                .map(|t| {
                    let (outcome, on) = match t.outcome {
                        Outcome::Open => (OutcomeKind::Open, String::new()),
                        Outcome::Renewed(d) => (OutcomeKind::Renewed, iso(d)),
                        Outcome::Churned(d) => (OutcomeKind::Churned, iso(d)),
                    };
                    TermDraft {
                        start: iso(t.start),
                        end: iso(t.end),
                        arr: text_of(Some(t.arr)),
                        outcome,
                        outcome_on: on,
                    }
                })
                .collect(),
        }
    }

    /// A new account's draft: its id, and one open term of a year from `start`.
    pub fn new_account(id: String, start: NaiveDate) -> AccountDraft {
        let end = crate::domain::dates::add_days(crate::domain::dates::add_months(start, 12), -1);
        AccountDraft {
            id,
            terms: vec![TermDraft { start: iso(start), end: iso(end), ..Default::default() }],
            ..Default::default()
        }
    }

    /// The account this draft describes, or every problem with it. `editing` is the index of
    /// the account being edited (for the id check), `None` for a new one.
    pub fn parse(&self, book: &Book, editing: Option<usize>) -> Result<Account, Vec<DraftError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(DraftError { field, problem });
        let mut opt_num = |s: &str, field: DraftField| -> Option<f64> {
            if s.trim().is_empty() {
                return None;
            }
            let v = num(s);
            if v.is_none() {
                err(field, DraftProblem::NotANumber);
            }
            v
        };
        let potential_arr = opt_num(&self.potential_arr, DraftField::Account(Field::PotentialArr));
        let fit = opt_num(&self.fit, DraftField::Account(Field::Fit));
        let activity = opt_num(&self.activity, DraftField::Account(Field::Activity));
        let depth = opt_num(&self.depth, DraftField::Account(Field::Depth));
        let satisfaction = opt_num(&self.satisfaction, DraftField::Account(Field::Satisfaction));
        let health_override = opt_num(&self.health_override, DraftField::Account(Field::HealthOverride));
        let expansion_arr = opt_num(&self.expansion_arr, DraftField::Account(Field::ExpansionArr)).unwrap_or(0.0);
        let mut terms = Vec::new();
        let mut term_errors = Vec::new();
        for (i, t) in self.terms.iter().enumerate() {
            let mut terr = |field, problem| term_errors.push(DraftError { field, problem });
            let start = crate::domain::typed::parse_date(&t.start).ok();
            let end = crate::domain::typed::parse_date(&t.end).ok();
            if start.is_none() {
                terr(DraftField::Account(Field::TermStart(i)), DraftProblem::NotADate);
            }
            if end.is_none() {
                terr(DraftField::Account(Field::TermEnd(i)), DraftProblem::NotADate);
            }
            let arr = if t.arr.trim().is_empty() { Some(0.0) } else { num(&t.arr) };
            if arr.is_none() {
                terr(DraftField::Account(Field::TermArr(i)), DraftProblem::NotANumber);
            }
            let on = crate::domain::typed::parse_date(&t.outcome_on).ok();
            let outcome = match (t.outcome, on) {
                (OutcomeKind::Open, _) => Some(Outcome::Open),
                (OutcomeKind::Renewed, Some(d)) => Some(Outcome::Renewed(d)),
                (OutcomeKind::Churned, Some(d)) => Some(Outcome::Churned(d)),
                (_, None) => {
                    let problem = if t.outcome_on.trim().is_empty() {
                        DraftProblem::DateRequired
                    } else {
                        DraftProblem::NotADate
                    };
                    terr(DraftField::TermOutcomeOn(i), problem);
                    None
                }
            };
            if let (Some(start), Some(end), Some(arr), Some(outcome)) = (start, end, arr, outcome) {
                terms.push(Term { start, end, arr: (arr * 100.0).round() / 100.0, outcome });
            }
        }
        let mut date = |s: &str, field| {
            if s.trim().is_empty() {
                return None;
            }
            let d = crate::domain::typed::parse_date(s).ok();
            if d.is_none() {
                err(field, DraftProblem::NotADate);
            }
            d
        };
        let go_live = date(&self.go_live, DraftField::GoLive);
        let last_touch = date(&self.last_touch, DraftField::LastTouch);
        let referrals = match self.referrals.trim() {
            "" => 0,
            s => crate::domain::typed::parse_count(s).unwrap_or_else(|_| {
                err(DraftField::Referrals, DraftProblem::NotAWholeNumber);
                0
            }),
        };
        errors.extend(term_errors);
        let id = self.id.trim().to_string();
        if id.is_empty() {
            errors.push(DraftError {
                field: DraftField::Account(Field::Id),
                problem: DraftProblem::Invalid(Problem::Required),
            });
        } else if id_taken(book, &id, editing) {
            errors.push(DraftError {
                field: DraftField::Account(Field::Id),
                problem: DraftProblem::Invalid(Problem::DuplicateId),
            });
        }
        let account = Account {
            id,
            name: self.name.trim().to_string(),
            industry: self.industry.trim().to_string(),
            region: self.region.trim().to_string(),
            owner: self.owner.trim().to_string(),
            potential_arr,
            fit,
            activity,
            depth,
            satisfaction,
            health_override,
            go_live,
            last_touch,
            referrals,
            expansion_arr,
            terms,
        };
        // Rules on parsed values, only for fields whose text parsed (no double report).
        let complete_terms = account.terms.len() == self.terms.len();
        for FieldError { field, problem } in validate_account(&account) {
            let term_field =
                matches!(field, Field::TermStart(_) | Field::TermEnd(_) | Field::TermArr(_) | Field::TermOutcome(_));
            if !term_field || complete_terms {
                errors.push(DraftError { field: DraftField::Account(field), problem: DraftProblem::Invalid(problem) });
            }
        }
        if errors.is_empty() {
            Ok(account)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_iso;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn draft() -> AccountDraft {
        let mut dr = AccountDraft::new_account("A9".into(), d("2025-03-01"));
        dr.name = " Acme ".into();
        dr.terms[0].arr = "$12,000.456".into();
        dr
    }

    #[test]
    fn a_new_account_gets_a_year_long_open_term() {
        let a = draft().parse(&Book::default(), None).unwrap();
        assert_eq!(a.name, "Acme");
        assert_eq!(a.id, "A9");
        assert_eq!(
            a.terms,
            vec![Term { start: d("2025-03-01"), end: d("2026-02-28"), arr: 12_000.46, outcome: Outcome::Open }]
        );
    }

    #[test]
    fn round_trips_through_the_form() {
        let a = Account {
            id: "x1".into(),
            name: "北京云帆".into(),
            fit: Some(62.5),
            go_live: Some(d("2024-02-10")),
            referrals: 3,
            expansion_arr: 1500.0,
            terms: vec![
                Term {
                    start: d("2024-01-01"),
                    end: d("2024-12-31"),
                    arr: 9_000.0,
                    outcome: Outcome::Renewed(d("2024-12-01")),
                },
                Term {
                    start: d("2025-01-01"),
                    end: d("2025-12-31"),
                    arr: 9_500.0,
                    outcome: Outcome::Churned(d("2025-06-30")),
                },
            ],
            ..Default::default()
        };
        let book = Book { accounts: vec![a.clone()] };
        assert_eq!(AccountDraft::from_account(&a).parse(&book, Some(0)), Ok(a));
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut dr = draft();
        dr.name = String::new();
        dr.fit = "high".into();
        dr.activity = "101".into();
        dr.go_live = "March 1".into();
        dr.referrals = "2.5".into();
        dr.terms[0].end = "2025-02-01".into();
        dr.terms[0].outcome = OutcomeKind::Renewed;
        let errors = dr.parse(&Book::default(), None).unwrap_err();
        let got: Vec<(DraftField, DraftProblem)> = errors.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            got,
            vec![
                (DraftField::Account(Field::Fit), DraftProblem::NotANumber),
                (DraftField::GoLive, DraftProblem::NotADate),
                (DraftField::Referrals, DraftProblem::NotAWholeNumber),
                (DraftField::TermOutcomeOn(0), DraftProblem::DateRequired),
                (DraftField::Account(Field::Name), DraftProblem::Invalid(Problem::Required)),
                (DraftField::Account(Field::Activity), DraftProblem::Invalid(Problem::NotPercent)),
            ]
        );
    }

    #[test]
    fn ids_must_be_present_and_unique() {
        let book = Book { accounts: vec![Account { id: "A9".into(), name: "Other".into(), ..Default::default() }] };
        let errors = draft().parse(&book, None).unwrap_err();
        assert_eq!(
            errors,
            vec![DraftError {
                field: DraftField::Account(Field::Id),
                problem: DraftProblem::Invalid(Problem::DuplicateId)
            }]
        );
        // Editing that same account keeps its id.
        assert!(draft().parse(&book, Some(0)).is_ok());
        let mut dr = draft();
        dr.id = "  ".into();
        assert_eq!(dr.parse(&Book::default(), None).unwrap_err()[0].problem, DraftProblem::Invalid(Problem::Required));
    }

    #[test]
    fn an_end_before_start_is_reported_on_the_end() {
        let mut dr = draft();
        dr.terms[0].end = "2025-03-01".into();
        let errors = dr.parse(&Book::default(), None).unwrap_err();
        assert_eq!(
            errors,
            vec![DraftError {
                field: DraftField::Account(Field::TermEnd(0)),
                problem: DraftProblem::Invalid(Problem::EndNotAfterStart)
            }]
        );
    }
}
